# The analysts' dashboard on a slim Python image: `docker build -t claims .`, then
#   docker run -p 8501:8501 -v claims-data:/data claims                       (SQLite on the volume)
#   docker run -p 8501:8501 -e DATABASE_URL=postgresql+psycopg://user:pw@db/claims claims
# It runs the README's main job: ingest seeds/, then open the dashboard (first run prints the admin password).
FROM python:3.11-slim

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STANZA_RESOURCES_DIR=/models/stanza \
    DATABASE_URL=sqlite:////data/claims.db

WORKDIR /app
# torch from PyTorch's CPU index first: PyPI's Linux wheel pulls gigabytes of CUDA libraries.
RUN pip install torch==2.13.0 --index-url https://download.pytorch.org/whl/cpu
COPY requirements.txt pyproject.toml ./
RUN pip install -r requirements.txt
COPY claims ./claims
COPY dashboards ./dashboards
COPY seeds ./seeds
RUN pip install --no-deps -e . && claims models download

VOLUME /data
EXPOSE 8501
CMD ["sh", "-c", "claims ingest seeds/ && exec claims dashboard --server.port 8501 --server.address 0.0.0.0 --server.headless true"]
