"""Hostile files for load_corpus and the CLI: every failure names the file (and line) and says what to do;
the CLI prints one line on stderr and exits with 2, never a traceback."""

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.cli import main
from toolkit.corpus import CorpusError

ROOT = Path(__file__).resolve().parents[2]
TEXT = "عراق و سوريه توافق کردهاند."  # Arabic yeh: encodable in Windows-1256

GOOD = {
    "utf8.txt": TEXT.encode("utf-8"),
    "utf8-bom.txt": b"\xef\xbb\xbf" + TEXT.encode("utf-8"),
    "utf16-bom.txt": TEXT.encode("utf-16"),
    "utf16le-nobom.txt": TEXT.encode("utf-16-le"),
    "utf16be-nobom.txt": TEXT.encode("utf-16-be"),
    "cp1256.txt": TEXT.encode("cp1256"),
    "empty.txt": b"",
}
BAD = {
    "invalid-utf8.txt": (b"\xd8\xb9\xd8" + b"\xff\xfe\xfa" * 5 + b"abc", "not UTF-8|does not look like"),
    "damaged-utf8.txt": ((TEXT * 20).encode() + b"\xff" + (TEXT * 5).encode()[:-1], "UTF-8 with invalid bytes"),
    "binary.txt": (bytes(range(256)) * 20, "binary"),
    "png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), "binary"),
    "truncated-utf16.txt": (b"\xff\xfe" + "سلام".encode("utf-16-le")[:-1], "truncated"),
    "bad.jsonl": ('{"text": "خوب"}\n{"text": "بد"\n'.encode(), r"bad\.jsonl:2"),
    "notobject.jsonl": (b'["a list"]\n', r"notobject\.jsonl:1"),
    "broken.csv": ('text,outlet\n"خبر بدون پایان,ISNA\n'.encode(), "malformed CSV"),
    "notext.csv": (b"body,outlet\nx,y\n", "no 'text' column"),
    "garbage.parquet": (b"PAR1 this is not parquet", "not a readable Parquet"),
    "article.xml": ("<p>خبر</p>".encode(), r"no \.txt, \.jsonl, \.csv or \.parquet files found"),
}


@pytest.mark.parametrize("name", GOOD)
def test_good_encodings_load(tmp_path, name):
    (tmp_path / name).write_bytes(GOOD[name])
    df = load_corpus(tmp_path / name)
    assert df.text[0] == ("" if name == "empty.txt" else TEXT)


@pytest.mark.parametrize("name", BAD)
def test_bad_files_are_named(tmp_path, name):
    data, message = BAD[name]
    (tmp_path / name).write_bytes(data)
    with pytest.raises(CorpusError, match=message) as err:
        load_corpus(tmp_path / name)
    assert name in str(err.value)


def test_parquet_missing_text_column(tmp_path):
    pd.DataFrame({"title": ["x"]}).to_parquet(tmp_path / "t.parquet")
    with pytest.raises(CorpusError, match=r"t\.parquet: no 'text' column"):
        load_corpus(tmp_path)


def test_non_string_text_column(tmp_path):
    pd.DataFrame({"text": [1, 2]}).to_parquet(tmp_path / "n.parquet")
    with pytest.raises(CorpusError, match="'text' is not a string"):
        load_corpus(tmp_path)


def test_a_folder_with_one_bad_file_names_it(tmp_path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(bytes(range(256)) * 4)
    with pytest.raises(CorpusError, match=r"b\.txt"):
        load_corpus(tmp_path)


def cli(*args, stdin: bytes = b""):
    return subprocess.run([sys.executable, "-m", "toolkit", *args], input=stdin, capture_output=True, cwd=ROOT)


@pytest.mark.parametrize("name", [n for n in BAD if n.endswith(".txt")])
def test_cli_bad_file_is_one_line(tmp_path, name, capsys):
    """In process (the CLI's main, as `python -m toolkit` runs it); the subprocess tests below check the same
    for a whole interpreter."""
    (tmp_path / name).write_bytes(BAD[name][0])
    for command in ("normalize", "tokenize", "keywords", "claims", "compare", "classify"):
        assert main([command, str(tmp_path / name)]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and name in err and "Traceback" not in err


def test_cli_binary_stdin_and_unknown_command():
    r = cli("normalize", "-", stdin=bytes(range(256)) * 4)
    assert r.returncode == 2 and r.stderr.decode().count("\n") == 1
    r = cli("no-such-command")
    assert r.returncode == 2 and b"Traceback" not in r.stderr


def test_cli_empty_input():
    r = cli("normalize", "-", stdin=b"")
    assert r.returncode == 0 and r.stdout == b"\n"


def test_cli_model_file_that_is_not_skops(tmp_path):
    import pickle

    class Boom:
        def __reduce__(self):
            return (print, ("EXECUTED",))

    bad = tmp_path / "model.skops"
    bad.write_bytes(pickle.dumps(Boom()))
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    r = cli("classify", "--model", str(bad), str(tmp_path / "a.txt"))
    assert r.returncode == 2 and b"EXECUTED" not in r.stdout + r.stderr
    assert r.stderr.decode().count("\n") == 1 and "Traceback" not in r.stderr.decode()
