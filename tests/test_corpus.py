import json

import pandas as pd
import pytest

from toolkit import load_corpus
from toolkit.corpus import CorpusError, decode

TEXT = "عنوان خبر\nعراق و سوریه توافق کردند."
# Windows-1256 has no Persian yeh (U+06CC): legacy Persian text was written with the Arabic one.
TEXT_1256 = TEXT.replace("ی", "ي")


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
        (TEXT.encode("utf-16"), "utf-16"),  # with BOM
        (TEXT.encode("utf-16-le"), "utf-16-le"),
        (TEXT.encode("utf-16-be"), "utf-16-be"),
        (TEXT_1256.encode("cp1256"), "cp1256"),
    ],
)
def test_decodes_common_persian_encodings(data, encoding):
    assert decode(data) == (TEXT_1256 if encoding == "cp1256" else TEXT, encoding)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\x00\x01\x02\xff\xfe\x00\x13binary" * 10, "binary"),
        (bytes(range(256)) * 4, "binary"),
        ("café".encode("latin-1"), "does not look like Windows-1256"),
        (b"\xff\xfe" + "سلام".encode("utf-16-le")[:-1], "truncated"),
    ],
)
def test_undecodable_input_is_a_clear_error(data, message):
    with pytest.raises(CorpusError, match=message):
        decode(data, "x.txt")


def test_folder_of_txt_files(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(TEXT_1256.encode("cp1256"))
    df = load_corpus(tmp_path)
    assert df.columns[:4].tolist() == ["doc_id", "outlet", "title", "text"]
    assert df.doc_id.tolist() == ["a/one", "two"]
    assert df.title.tolist() == ["عنوان خبر", "عنوان خبر"]
    assert df.text.tolist() == [TEXT, TEXT_1256]
    assert df.encoding.tolist() == ["utf-8", "cp1256"]


def test_jsonl_csv_parquet(tmp_path):
    rows = [{"doc_id": "x1", "outlet": "ISNA", "text": TEXT, "month": "1398-01"}]
    (tmp_path / "a.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n")
    pd.DataFrame(rows).to_csv(tmp_path / "b.csv", index=False)
    pd.DataFrame(rows).to_parquet(tmp_path / "c.parquet")
    df = load_corpus(tmp_path)
    assert len(df) == 3 and set(df.outlet) == {"ISNA"} and set(df.month) == {"1398-01"}
    assert load_corpus(tmp_path / "*.jsonl").text.tolist() == [TEXT]


def test_bad_jsonl_line_is_named(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "خوب"}\n{"text": broken\n')
    with pytest.raises(CorpusError, match=r"a\.jsonl:2: not valid JSON"):
        load_corpus(tmp_path)


def test_missing_text_column(tmp_path):
    pd.DataFrame({"body": ["x"]}).to_parquet(tmp_path / "c.parquet")
    with pytest.raises(CorpusError, match="no 'text' column"):
        load_corpus(tmp_path)


def test_broken_csv_quoting(tmp_path):
    (tmp_path / "b.csv").write_text('text,outlet\n"unclosed,ISNA\n')
    with pytest.raises(CorpusError, match="malformed CSV"):
        load_corpus(tmp_path)


def test_nothing_to_load(tmp_path):
    with pytest.raises(CorpusError, match=r"no \.txt"):
        load_corpus(tmp_path)


def test_a_missing_file_is_named_as_missing(tmp_path):
    with pytest.raises(CorpusError, match=r"nope\.jsonl: no such file or folder$"):
        load_corpus(tmp_path / "nope.jsonl")
    with pytest.raises(CorpusError, match=r"no \.txt, \.jsonl, \.csv or \.parquet files found$"):
        load_corpus(tmp_path / "*.jsonl")  # a pattern that matches nothing
