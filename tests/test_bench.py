"""The store's benchmark scripts run end to end on a few articles and print their figures. A smoke test:
nothing here asserts a timing (speed is measured by running the scripts, see bench/README.md)."""
import re
import subprocess
import sys
from pathlib import Path


from conftest import postgres_server

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"\d+(?:\.\d+)?"


def run_script(name: str, *arguments: str) -> str:
    done = subprocess.run([sys.executable, str(ROOT / "bench" / name), *arguments], capture_output=True,
                          text=True, cwd=ROOT, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def corpus_arguments(shared_dir: Path) -> list[str]:
    polnear = shared_dir / "polnear"
    return ["--corpus", str(polnear / "train" / "text"), "--metadata", str(polnear / "metadata.tsv"),
            "--limit", "5"]


def check_ingest_output(output: str) -> None:
    figures = rf"{NUMBER} docs/s +{NUMBER} claims/s +\d+ claims +\d+ speakers +writer +\d+ MB"
    assert re.search(rf"^run 1 +{figures}.*wall +{NUMBER} s.*others' cpu +{NUMBER} s$", output, re.M), output
    assert re.search(rf"^median +{figures}", output, re.M), output
    assert re.search(rf"^fast +1 +{NUMBER} +{NUMBER} +\d+ +\d+ +\d+ +- +{NUMBER}$", output, re.M), output
    assert "most-quoted speakers (run 1):" in output
    assert re.search(r"^ +1\. .+ +\d+ claims$", output, re.M), output
    reingest = rf"^re-ingest into run 1's database: 5 documents \(5 duplicate, 0 new, 0 failed\), {NUMBER} docs/s"
    assert re.search(reingest, output, re.M), output


def test_ingest_benchmark_on_sqlite(shared_dir):
    check_ingest_output(run_script("ingest.py", *corpus_arguments(shared_dir), "--runs", "1", "--nlp", "fast"))


def test_ingest_benchmark_on_postgresql(shared_dir):
    server = postgres_server()
    check_ingest_output(run_script("ingest.py", *corpus_arguments(shared_dir), "--runs", "1", "--nlp", "fast",
                                   "--db-url", server))


def test_queries_benchmark(shared_dir):
    output = run_script("queries.py", *corpus_arguments(shared_dir), "--repeat", "2")
    assert re.search(r"^built in .*: 5 documents, \d+ claims, \d+ speakers$", output, re.M), output
    assert re.search(r"^database .*: 5 documents, \d+ claims; 2 calls per query", output, re.M), output
    labels = ["list_claims first page", "list_claims offset 5000", "list_speakers first page",
              "speaker_profile top speaker", "list_topics"]
    labels += [f"{query} {name}" for query in ("list_claims", "count_claims")
               for name in ("speaker", "topic", "entity", "dates", "search", "together")]
    labels += [f"timeline {by} per {period}" for by in ("speaker", "topic") for period in ("day", "week", "month")]
    for label in labels:
        assert re.search(rf"^{label} +{NUMBER} +{NUMBER} +\d+ (rows|claims)$", output, re.M), label
    assert re.search(rf"^wall {NUMBER} s, cpu {NUMBER} s, others' cpu {NUMBER} s$", output, re.M), output
