"""``python -m toolkit``: the toolkit's commands. A user's mistake is one line on stderr and exit code 2.

python -m toolkit normalize article.txt          # normalized text on stdout
cat article.txt | python -m toolkit normalize -  # from stdin
python -m toolkit tokenize article.txt           # one token per line
python -m toolkit keywords article.txt -k 5      # the five best keywords, with scores
python -m toolkit claims a.txt b.txt [--json]    # who said what: one claim per line (TSV or JSON lines)
python -m toolkit compare a.txt b.txt [--json]   # claim pairs across outlets: agree/elaborate/contradict/unique
python -m toolkit classify a.txt b.txt --top-k 3 # topic and probability of each article
python -m toolkit train-topics                   # rebuild the shipped topic model (progress bar)
python -m toolkit process "corpus/*.jsonl" --out run1 --workers 2   # the whole pipeline, resumable
python -m toolkit collect FEED_URL saved/ --out news   # pages and feeds into JSONL shards, politely, resumable
python -m toolkit process news --out run2          # … which process reads
python -m toolkit datasets                       # the corpora, and where their files are
python -m toolkit datasets fetch isna            # download (or find) a corpus and build its table
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

from toolkit.corpus import CorpusError, decode, read_text

#: Errors a user can cause: shown as one line, never as a traceback.
USER_ERRORS: tuple[type[BaseException], ...] = (CorpusError, FileNotFoundError, ValueError, OSError)

COMMANDS: dict[str, tuple[Callable[[argparse.ArgumentParser], None], Callable[[argparse.Namespace], int]]] = {}


def command(name: str, setup: Callable[[argparse.ArgumentParser], None]):
    """Register a subcommand: ``setup`` adds its arguments, the decorated function runs it.

    Parameters
    ----------
    name : str
        The subcommand, ``python -m toolkit NAME``.
    setup : callable
        Adds the subcommand's arguments to its ``argparse`` parser.

    Returns
    -------
    callable
        A decorator for the function that runs the subcommand (its docstring's first line is the help);
        the function takes the parsed arguments and returns the exit code.

    Examples
    --------
    >>> @command("echo", lambda p: p.add_argument("word"))
    ... def _echo(args):
    ...     "Print a word."
    ...     print(args.word)
    ...     return 0
    >>> main(["echo", "سلام"])
    سلام
    0
    >>> del COMMANDS["echo"]
    """

    def register(run: Callable[[argparse.Namespace], int]):
        COMMANDS[name] = (setup, run)
        return run

    return register


def read_input(name: str) -> str:
    """The text of a file, or of stdin for ``-``, decoded as :func:`toolkit.corpus.read_text` does.

    Parameters
    ----------
    name : str
        A file, or ``-``.

    Returns
    -------
    str

    Raises
    ------
    toolkit.corpus.CorpusError
        For a folder, a missing file or one that cannot be decoded.

    Examples
    --------
    >>> read_input("نیست.txt")
    Traceback (most recent call last):
    ...
    toolkit.corpus.CorpusError: نیست.txt: no such file
    """
    if name == "-":
        return decode(sys.stdin.buffer.read(), "<stdin>")[0]
    path = Path(name)
    if path.is_dir():
        raise CorpusError(f"{name}: is a folder; give a file (or use load_corpus for folders)")
    if not path.exists():
        raise CorpusError(f"{name}: no such file")
    return read_text(path)[0]


def _writable(path: Path) -> Path:
    """``path``, if a file can be written there (its missing folders are created when it is written); else a
    :class:`CorpusError` saying why."""
    if path.is_dir():
        raise CorpusError(f"{path}: is a folder; give the model file's name, e.g. {path / 'topics.skops'}")
    folder = path.parent
    while not folder.exists():
        folder = folder.parent
    if not folder.is_dir():
        raise CorpusError(f"{path}: cannot be written, {folder} is a file, not a folder")
    if not os.access(path if path.exists() else folder, os.W_OK):
        raise CorpusError(f"{path}: cannot be written (permission denied)")
    return path


def read_inputs(names: list[str]) -> list[str]:
    """The texts of several files (:func:`read_input`).

    Parameters
    ----------
    names : list of str
        Files; ``-`` (stdin) at most once, since it can be read only once.

    Returns
    -------
    list of str

    Examples
    --------
    >>> read_inputs(["-", "-"])
    Traceback (most recent call last):
    ...
    toolkit.corpus.CorpusError: - (stdin) is given more than once; it can be read only once
    """
    if names.count("-") > 1:
        raise CorpusError("- (stdin) is given more than once; it can be read only once")
    return [read_input(name) for name in names]


def _normalize_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")
    p.add_argument("--digits", choices=["persian", "latin", "keep"], default="persian")
    p.add_argument("--no-zwnj", action="store_true", help="do not restore lost ZWNJs")
    p.add_argument("--remove-diacritics", action="store_true")


@command("normalize", _normalize_args)
def _normalize(args: argparse.Namespace) -> int:
    """Normalize Persian text (letters, digits, spacing, lost ZWNJs)."""
    from toolkit.normalization import Normalizer

    n = Normalizer(
        digits=None if args.digits == "keep" else args.digits,
        restore_zwnj=not args.no_zwnj,
        remove_diacritics=args.remove_diacritics,
    )
    sys.stdout.write(n.normalize(read_input(args.file)) + "\n")
    return 0


def _tokenize_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")


@command("tokenize", _tokenize_args)
def _tokenize(args: argparse.Namespace) -> int:
    """Normalize, then print one token per line."""
    from toolkit.normalization import normalize
    from toolkit.tokens import tokenize

    for tok in tokenize(normalize(read_input(args.file))):
        sys.stdout.write(tok + "\n")
    return 0


def _keywords_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin (default)")
    p.add_argument("-k", type=int, default=10, help="how many keywords (default 10)")
    p.add_argument("--outlet", help="the publishing outlet (any name the registry knows): never a keyword")


@command("keywords", _keywords_args)
def _keywords(args: argparse.Namespace) -> int:
    """Normalize, then print the best keywords, one per line: term <TAB> score."""
    from toolkit.keywords import extract_keywords

    for term, score in extract_keywords(read_input(args.file), k=args.k, outlet=args.outlet):
        sys.stdout.write(f"{term}\t{score:.3f}\n")
    return 0


def _claims_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text files, or - for stdin")
    p.add_argument("--json", action="store_true", help="JSON lines instead of a tab-separated table")


def _write_frame(df, as_json: bool) -> None:
    import json

    if as_json:
        for row in df.to_dict("records"):
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    else:
        clean = df.apply(lambda col: col.astype(str).str.replace(r"[\t\n]", " ", regex=True))
        sys.stdout.write(clean.to_csv(sep="\t", index=False))


def _read_claims(files: list[str]):
    import pandas as pd

    from toolkit.claims import extract_claims

    frame = pd.DataFrame({"doc_id": files, "text": read_inputs(files)})
    return extract_claims(frame)


@command("claims", _claims_args)
def _claims(args: argparse.Namespace) -> int:
    """Extract attributed claims: outlet, speaker, cue, mode, content and its span."""
    _write_frame(_read_claims(args.files), args.json)
    return 0


@command("compare", _claims_args)
def _compare(args: argparse.Namespace) -> int:
    """Compare the claims of the files across outlets: agree, elaborate, contradict or unique."""
    from toolkit.compare import compare_claims

    _write_frame(compare_claims(_read_claims(args.files)), args.json)
    return 0


def _classify_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("files", nargs="+", metavar="FILE", help="text files (one article each), or - for stdin")
    p.add_argument("--json", action="store_true", help="one JSON object per line instead of a table")
    p.add_argument(
        "--top-k",
        type=int,
        metavar="K",
        help="also list the K most probable topics (with --json, 3 unless given)",
    )
    p.add_argument("--model", type=Path, help="a model saved by train-topics (default: the shipped one)")


@command("classify", _classify_args)
def _classify(args: argparse.Namespace) -> int:
    """Classify news articles by topic (politics, world, economy, sport, culture, science-tech, social)."""
    import json

    from toolkit import topics

    if args.top_k is not None and args.top_k < 1:
        raise ValueError(f"--top-k must be at least 1, not {args.top_k}")
    k = args.top_k or (3 if args.json else 1)
    texts = read_inputs(args.files)
    model = topics.TopicClassifier.load(args.model) if args.model else topics.load_default()
    best = model.classify(texts)
    ranked = model.top_k(texts, k=k).groupby("doc")
    for i, (name, row) in enumerate(zip(args.files, best.itertuples(), strict=True)):
        top = list(zip(ranked.get_group(i).topic, ranked.get_group(i).probability, strict=True))
        if args.json:
            record = {
                "file": name,
                "topic": row.topic,
                "probability": round(float(row.probability), 4),
                "low_confidence": bool(row.low_confidence),
                "top_k": [{"topic": t, "probability": round(p, 4)} for t, p in top],
            }
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        cells = [name, row.topic, f"{row.probability:.2f}", "low confidence" if row.low_confidence else ""]
        if k > 1:
            cells.append(", ".join(f"{t} {p:.2f}" for t, p in top))
        sys.stdout.write("\t".join(cells) + "\n")
    return 0


def _train_topics_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--out", type=Path, help="where to write the model (default: the shipped toolkit/resources/topics.skops)"
    )


@command("train-topics", _train_topics_args)
def _train_topics(args: argparse.Namespace) -> int:
    """Train the default topic model on the train split and save it (skops)."""
    import time

    from toolkit import topics

    path = _writable(args.out or topics.default_path())  # before the training, not after it
    t0 = time.perf_counter()
    model = topics.train_default(verbose=True)
    model.save(path)
    seconds = ", ".join(f"{k} {v:.1f} s" for k, v in model.fit_seconds_.items())
    size = path.stat().st_size / 1e6
    print(f"trained in {time.perf_counter() - t0:.1f} s ({seconds}); wrote {path} ({size:.1f} MB)", file=sys.stderr)
    return 0


def _process_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="Parquet/JSONL files, folders or globs (quote globs)")
    p.add_argument("--out", type=Path, required=True, help="folder for articles/ and claims/ Parquet parts")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, metavar="N", help="run on a local Dask cluster of N processes")
    where.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS (tcp://host:8786)")
    p.add_argument("--rows-per-shard", type=int, default=1000, metavar="N", help="articles per output part")
    p.add_argument("-k", type=int, default=10, help="keywords per article (default 10)")
    p.add_argument("--model", type=Path, help="a topic model saved by train-topics (default: the shipped one)")


@command("process", _process_args)
def _process(args: argparse.Namespace) -> int:
    """The whole pipeline (normalize, topic, keywords, claims) over a corpus, to Parquet; reruns resume."""
    from toolkit import pipeline

    if args.k < 1:
        raise ValueError(f"-k must be at least 1, not {args.k}")
    if args.model and not args.model.is_file():
        raise CorpusError(f"{args.model}: no such model file")
    client = None
    if args.workers is not None or args.scheduler:
        from toolkit import scale

        client = scale.connect(workers=args.workers, scheduler=args.scheduler)
    try:
        done = pipeline.run(
            args.inputs, args.out, rows_per_shard=args.rows_per_shard, k=args.k, model_path=args.model, client=client
        )
    finally:
        if client is not None:
            client.close()
    print(
        f"{done['shards']} shards ({done['skipped']} already done): wrote {done['articles']} articles and "
        f"{done['claims']} claims to {args.out}",
        file=sys.stderr,
    )
    return 0


def _collect_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("inputs", nargs="+", metavar="URL|FEED|FILE", help="page or feed URLs, saved pages, feeds, folders")
    p.add_argument("--out", type=Path, required=True, help="folder for articles/*.jsonl, raw/ pages and fetched.log")
    p.add_argument("--delay", type=float, default=1.0, metavar="S", help="seconds between requests to a host (1)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="S", help="seconds allowed for a response (30)")
    p.add_argument("--max-size", type=float, default=10.0, metavar="MB", help="largest page to read, in MB (10)")
    p.add_argument("--retries", type=int, default=3, metavar="N", help="retries on 429, 5xx and timeouts (3)")
    p.add_argument("--user-agent", metavar="UA", help="the User-Agent to send (default: the toolkit's)")
    p.add_argument("--proxy", metavar="URL", help="an HTTP proxy for every request (HTTP_PROXY is read too)")
    p.add_argument("--rows-per-shard", type=int, default=500, metavar="N", help="articles per JSONL file (500)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")


@command("collect", _collect_args)
def _collect(args: argparse.Namespace) -> int:
    """Fetch news pages and follow RSS/Atom feeds politely into JSONL shards that `process` reads; reruns resume."""
    from toolkit import collect

    fetcher = collect.Fetcher(
        user_agent=args.user_agent or collect.USER_AGENT,
        delay=args.delay,
        timeout=args.timeout,
        max_bytes=int(args.max_size * 1e6),
        retries=args.retries,
        proxies={"http": args.proxy, "https": args.proxy} if args.proxy else None,
    )
    done = collect.collect(
        args.inputs,
        args.out,
        fetcher=fetcher,
        rows_per_shard=args.rows_per_shard,
        progress=not args.no_progress,
        on_error=lambda message: print(f"toolkit collect: {message}", file=sys.stderr),
    )
    print(
        f"{done['articles']} new articles ({done['duplicates']} of them near-duplicates), {done['skipped']} had "
        f"already, {done['errors']} errors, {done['feeds']} feeds read; in {args.out}",
        file=sys.stderr,
    )
    if done["failed_inputs"]:  # an input named on the command line failed: its line above says why
        return 2
    return 0


def _datasets_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("action", nargs="?", choices=["list", "fetch"], default="list", help="list (default) or fetch")
    p.add_argument("name", nargs="?", default="all", help="the corpus to fetch (default: all)")
    p.add_argument("--data-home", type=Path, help="where downloads and built tables go (default: $TOOLKIT_DATA)")


@command("datasets", _datasets_args)
def _datasets(args: argparse.Namespace) -> int:
    """List the corpora and where their files are, or fetch one (or all) and build its table."""
    from toolkit import datasets

    if args.action == "fetch":
        table = datasets.fetch(args.name, data_home=args.data_home)
    else:
        table = datasets.describe(args.data_home)
    cols = ["name", "where", "rows", "train", "test", "title"]
    sys.stdout.write(table[cols].astype(object).where(table[cols].notna(), "-").to_string(index=False) + "\n")
    home = datasets.get_data_home(args.data_home)
    print(f"data home: {home}; mirrors: TOOLKIT_RAW={os.environ.get('TOOLKIT_RAW', '(unset)')}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    """The parser of ``python -m toolkit``, one subparser per registered command.

    Returns
    -------
    argparse.ArgumentParser

    Examples
    --------
    >>> parser().parse_args(["keywords", "خبر.txt", "-k", "3"]).k
    3
    """
    ap = argparse.ArgumentParser(prog="python -m toolkit", description="Persian news research toolkit")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")
    for name, (setup, run) in COMMANDS.items():
        p = sub.add_parser(name, help=(run.__doc__ or "").strip().split("\n")[0])
        setup(p)
        p.set_defaults(run=run)
    return ap


def main(argv: list[str] | None = None) -> int:
    """Run ``python -m toolkit``: a user's mistake is one line on stderr and exit code 2.

    Parameters
    ----------
    argv : list of str, optional
        The arguments; ``sys.argv[1:]`` if ``None``.

    Returns
    -------
    int
        The exit code: 0, 2 for a user's mistake, 130 when interrupted.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "خبر.txt"
    >>> _ = f.write_text("رئیسجمهور گفت", encoding="utf-8")
    >>> main(["tokenize", str(f)])
    رئیس‌جمهور
    گفت
    0
    """
    ap = parser()
    args = ap.parse_args(argv)
    if not getattr(args, "run", None):
        ap.print_help()
        return 0
    try:
        code = args.run(args)
        sys.stdout.flush()  # here, so that a reader who went away is caught below, not at exit
        return code
    except BrokenPipeError:  # before USER_ERRORS, which holds OSError: `… | head` is not an error
        # what is still buffered cannot be written either: send it to devnull, or the interpreter's final
        # flush fails again and prints an error
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except USER_ERRORS as e:
        print(f"toolkit {args.command}: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
