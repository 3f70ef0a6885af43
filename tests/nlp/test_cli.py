"""``python -m nlp check``: one JSON object on stdout, Swedish errors and exit code 2."""

import json
import subprocess
import sys

import pytest

from nlp.__main__ import main


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_json_report_of_a_file(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Jag mätte blodtrycket. Puls 72 slag/min. Tempratur 37,8 °C.", encoding="utf-8")
    code, out, _err = run(
        ["check", "--terms", "blodtryck;puls;mäta;smärta", "--format", "json", str(note)], capsys
    )
    assert code == 0
    report = json.loads(out)
    assert [m["term"] for m in report["terms"]["found"]] == ["mäta", "blodtryck", "puls"]
    assert report["terms"]["missing"] == ["smärta"]
    assert [f["kind"] for f in report["findings"]] == ["spelling"]


def test_text_format_marks_the_spans(tmp_path, capsys):
    note = tmp_path / "note.txt"
    note.write_text("Gubben förnekar smärta.", encoding="utf-8")
    code, out, _ = run(["check", "--terms", "smärta", "--format", "text", str(note)], capsys)
    assert code == 0
    assert "[[Gubben]]" in out
    assert "hittad: smärta" in out and "(nekad)" in out


@pytest.mark.parametrize(
    ("setup", "terms", "message"),
    [
        (lambda p: p / "finns-inte.txt", "puls", "finns inte"),
        (
            lambda p: (
                (p / "latin1.txt").write_bytes("smärta".encode("latin-1")) and p / "latin1.txt"
            ),
            "puls",
            "UTF-8",
        ),
        (
            lambda p: (p / "ok.txt").write_text("Hej.", encoding="utf-8") and p / "ok.txt",
            " ; ",
            "Termlistan är tom",
        ),
    ],
)
def test_bad_input_exits_with_2_and_a_swedish_message(tmp_path, capsys, setup, terms, message):
    path = setup(tmp_path)
    code, out, err = run(["check", "--terms", terms, str(path)], capsys)
    assert code == 2
    assert out == ""
    assert message in err


def test_stdin_and_stdout_hold_exactly_one_json_object():
    result = subprocess.run(
        [sys.executable, "-m", "nlp", "check", "--terms", "smärta", "--format", "json", "-"],
        input="Ingen smärta.\r\n".encode(),
        capture_output=True,
        check=False,
    )
    assert result.returncode == 0
    report = json.loads(result.stdout.decode("utf-8"))
    assert report["terms"]["found"][0]["negated"] is True


def test_missing_arguments_exit_with_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["check", "note.txt"])
    assert exit_info.value.code == 2
    assert "Fel: felaktiga argument" in capsys.readouterr().err
