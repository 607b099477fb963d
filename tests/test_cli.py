import io
import subprocess
import sys
from pathlib import Path

import pytest

from toolkit import topics
from toolkit.cli import main

ROOT = Path(__file__).resolve().parents[1]


def run(*args, stdin: bytes = b""):
    return subprocess.run([sys.executable, "-m", "toolkit", *args], input=stdin, capture_output=True, cwd=ROOT)


def test_help():
    r = run("--help")
    assert r.returncode == 0 and b"normalize" in r.stdout


def test_normalize_file_and_stdin():
    r = run("normalize", "seeds/000_1b4b289264b09812.txt")
    assert r.returncode == 0 and "کرده‌اند" in r.stdout.decode()
    r = run("normalize", "-", stdin="كتابهاي".encode())
    assert r.stdout.decode() == "کتاب‌های\n"
    r = run("normalize", "--no-zwnj", "--digits", "latin", "-", stdin="کتابها ۴".encode())
    assert r.stdout.decode() == "کتابها 4\n"


def test_tokenize():
    r = run("tokenize", "-", stdin="گفتوگو، ۴۰۰".encode())
    assert r.stdout.decode().split("\n")[:3] == ["گفت‌وگو", "،", "۴۰۰"]


def test_user_errors_are_one_line(tmp_path):
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    for args in (
        ["normalize", "missing.txt"],
        ["normalize", str(tmp_path / "bin.txt")],
        ["normalize", str(tmp_path)],
    ):
        r = run(*args)
        assert r.returncode == 2
        lines = r.stderr.decode().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("toolkit normalize:"), r.stderr
        assert b"Traceback" not in r.stderr
    r = run("normalize", "--digits", "roman")
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_a_reader_that_goes_away_is_not_an_error():
    # `python -m toolkit tokenize article.txt | head -1`: the pipe closes before the tokens are written
    text = (ROOT / "seeds" / "000_1b4b289264b09812.txt").read_bytes() * 20
    p = subprocess.Popen(
        [sys.executable, "-m", "toolkit", "tokenize", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=ROOT,
    )
    p.stdout.close()
    _, err = p.communicate(text)
    assert (p.returncode, err) == (0, b"")


def test_train_topics_checks_its_output_before_training(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(topics, "train_default", lambda verbose: pytest.fail("trained before checking --out"))
    (tmp_path / "a_file").write_text("")
    for out, says in ((tmp_path, "is a folder"), (tmp_path / "a_file" / "m.skops", "is a file, not a folder")):
        assert main(["train-topics", "--out", str(out)]) == 2
        lines = capsys.readouterr().err.splitlines()
        assert len(lines) == 1 and lines[0].startswith(f"toolkit train-topics: {out}: ") and says in lines[0]


def test_binary_input_advice_fits_a_file_and_stdin(tmp_path, monkeypatch, capsys):
    data = b"\x00\x01binary\x00" * 50
    (tmp_path / "x.bin").write_bytes(data)
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    for name in (str(tmp_path / "x.bin"), "-"):
        assert main(["normalize", name]) == 2
        err = capsys.readouterr().err
        assert "binary data (NUL bytes), not text" in err and "corpus folder" not in err


def test_process_names_a_missing_input_as_missing(tmp_path, capsys):
    assert main(["process", str(tmp_path / "nope.jsonl"), "--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"toolkit process: {tmp_path / 'nope.jsonl'}: no such file or folder\n"


@pytest.mark.parametrize("verb", ["claims", "compare", "classify"])
def test_stdin_is_read_once(verb, capsys):
    assert main([verb, "-", str(ROOT / "seeds" / "000_1b4b289264b09812.txt"), "-"]) == 2
    assert capsys.readouterr().err == f"toolkit {verb}: - (stdin) is given more than once; it can be read only once\n"
