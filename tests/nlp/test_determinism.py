"""The same note gets the same feedback every time: a trainee who resubmits an unchanged note,
or a teacher who opens it after her, must not see a remark come and go. Python orders sets of
strings differently in each process (hash randomisation), so a rule that picks "the first"
of a set gives different findings in different server workers; this runs the checker in
processes with different hash seeds and compares every finding."""

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCRIPT = """
import json, sys
sys.path[:0] = [sys.argv[1] + "/tests/data", sys.argv[1]]
import grammar_corpus, nlp
out = []
for sentence in grammar_corpus.load("dev2"):
    report = nlp.check(sentence.text, [])
    out.append([(f.kind, f.start, f.end, list(f.suggestions)) for f in report.findings])
print(json.dumps(out))
"""


def findings_with_hash_seed(seed: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    return subprocess.Popen(
        [sys.executable, "-c", SCRIPT, str(REPO)], env=env, stdout=subprocess.PIPE, text=True
    )


def test_findings_do_not_depend_on_the_process():
    runs = [findings_with_hash_seed(seed) for seed in ("1", "2")]
    outputs = [json.loads(run.communicate(timeout=600)[0]) for run in runs]
    assert all(run.returncode == 0 for run in runs)
    differing = [i for i, (a, b) in enumerate(zip(*outputs, strict=True)) if a != b]
    assert differing == []
