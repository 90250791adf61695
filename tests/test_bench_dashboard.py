"""bench/dashboard.py runs end to end on 5 PolNeAR articles and prints its figure lines. A smoke test: no
timing is asserted (the pages' speed is measured by running the script, see bench/README.md)."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NUMBER = r"\d+(?:\.\d+)?"
SERVER_PAGES = ["Timeline, speaker per month", "Timeline, speaker per day", "Compare, top two speakers",
                "Claims, first page", "Claims, a claim opened", "Speakers, top speaker", "Sources", "Export"]


def chromium_found() -> bool:
    path = os.environ.get("CLAIMS_TEST_CHROMIUM") or "/usr/bin/chromium"
    if Path(path).is_file():
        return True
    if os.environ.get("CI") == "true":
        pytest.fail(f"no chromium at {path} (bash scripts/chromium.sh installs Debian's)")
    return False


def test_dashboard_benchmark(shared_dir):
    browser = chromium_found()
    polnear = shared_dir / "polnear"
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "dashboard.py"), "--corpus", str(polnear / "train" / "text"),
                           "--metadata", str(polnear / "metadata.tsv"), "--limit", "5", "--repeat", "1",
                           "--browser" if browser else "--no-browser"],
                          capture_output=True, text=True, cwd=ROOT, timeout=900)
    assert done.returncode == 0, done.stderr
    output = done.stdout
    assert re.search(r"^built in .*: 5 documents, \d+ claims, \d+ speakers$", output, re.M), output
    assert re.search(r"^database .*: 5 documents, \d+ claims, \d+ speakers; most-quoted: .+; claim opened: #\d+$",
                     output, re.M), output
    assert "server side (AppTest), 1 run a page, ms:" in output
    for page in SERVER_PAGES:
        assert re.search(rf"^{page} +{NUMBER} +{NUMBER} +{NUMBER} +{NUMBER}$", output, re.M), (page, output)
    if browser:
        assert re.search(r"^browser \(chromium .+\), 1 round, ms from the click to the content shown:$", output, re.M)
        for page in SERVER_PAGES:
            assert re.search(rf"^{page} +{NUMBER} +{NUMBER} +{NUMBER}$", output, re.M), (page, output)
    else:
        assert "browser: skipped" in output
    assert re.search(r"^medians at or over 1000 ms: .+$", output, re.M), output
    assert re.search(rf"^wall {NUMBER} s, cpu {NUMBER} s .*others' cpu {NUMBER} s", output, re.M), output
