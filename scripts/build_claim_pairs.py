"""The claim-pair set of issue 20: pairs of claims from different articles, labelled agree / elaborate /
contradict / unrelated by reading.

    python scripts/build_claim_pairs.py sample --work DIR     # draw the candidates (DIR/candidates.jsonl)
    python scripts/build_claim_pairs.py finalize --work DIR   # DIR/labels.tsv -> resources/labels/claim_pairs.jsonl

**Sample.** Claims are extracted with :func:`toolkit.claims.extract_claims` from every FarExStance article
(one copy of each ``news_id``), ISNA, Fars, news2025, Hamshahri Online and the seed; a claim is kept when its
content is 25–400 characters long. A claim's *outlet* is the one the extractor gives it, else the corpus'
outlet of its article, else (FarExStance) the outlet its article names most often. A claim's *event* is its
FarExStance claim cluster (the ``claim_id`` of every claim the article is labelled agree, disagree or discuss
with) or, outside FarExStance, its article. Candidate pairs join claims of *different articles* (the seed's
claims of different outlets may pair with each other: the one article there is that quotes three), and pairs
of two different outlets are taken first. They are drawn in strata, with ``numpy.random.default_rng(SEED)``:

* ``cluster`` / ``cluster-disagree``: two articles of one FarExStance claim cluster, the most similar claims
  of the two (TF-IDF cosine of ZWNJ-aware word tokens); for the second, an article that disagrees with the
  cluster's claim and one that agrees;
* ``band-hi`` / ``band-mid`` / ``band-lo``: any two claims at cosine ≥ 0.6, 0.4–0.6, 0.25–0.4;
* ``number``: two similar claims (cosine ≥ 0.2) that both state a number before the same noun;
* ``entity``: two claims of the same named speaker (two words or more) in different articles;
* ``random``: two claims drawn at random;
* ``seed``: the seed's claims of different outlets, and each with its most similar claim elsewhere.

An article gives at most four pairs (the seed, with its three outlets, is not capped). Two more rounds were
drawn after the first was labelled, because it held 3 contradictions in 337 pairs, each with its own
generator (``SEED + 1``, ``SEED + 2``) and ids after the earlier rounds', so the earlier candidates stay the
same: round 2 (``QUOTA2``) pairs claims with a number before the same noun that differs (``number-clash``,
cosine ≥ 0.35) and a claim whose sentence denies (``DENIAL``) with its most similar claim elsewhere
(``denial``); round 3 (``QUOTA3``) stays inside one FarExStance cluster: a denying claim of a disagreeing
article against an agreeing article (``cluster-denial``) and a differing number (``cluster-number``).

Identical contents are skipped (one article copying another is not a pair worth reading). The candidates go
to ``DIR/candidates.jsonl`` (outside the repository: it holds the corpora's text) with ids ``p0000``…, the
two claims' corpus, doc id, raw span, outlet, event, the content and the sentence, for the labeller only.

**Label.** ``DIR/labels.tsv``: ``id<TAB>relation<TAB>numeric<TAB>note``, relation one of agree, elaborate,
contradict, unrelated (``docs/guide/claim_pairs.md``), numeric ``1`` when the contradiction is one of numbers.
The candidates were labelled by reading both claims in their sentences, before any model saw them.

**Finalize.** Each labelled pair is checked (its spans resolve to the raw text the candidate was drawn from,
by sha256, and that text normalized is the extractor's content) and written without its text: corpus, doc
id, span, sha256 of the span, outlet and event of each claim, relation, numeric, note. The split is grouped
by event: pairs are joined when they share an event (a union-find over the events of their two claims), and
whole groups are drawn, in the order of ``numpy.random.default_rng(SEED)``, into ``test`` until it holds
``TEST_SHARE`` of the pairs; the rest is ``dev``. No event is on both sides.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "toolkit" / "resources" / "labels" / "claim_pairs.jsonl"
SEED = 2020
TEST_SHARE = 0.42
RELATIONS = ("agree", "elaborate", "contradict", "unrelated")
QUOTA = {
    "cluster": 110,
    "cluster-disagree": 65,
    "band-hi": 25,
    "band-mid": 30,
    "band-lo": 20,
    "number": 35,
    "entity": 20,
    "random": 20,
    "seed": 14,
}
QUOTA2 = {"number-clash": 45, "denial": 35}
QUOTA3 = {"cluster-denial": 40, "cluster-number": 40}
#: Words of denial in a claim's sentence (the ``denial`` stratum of round 2).
DENIAL = "تکذیب|کذب|نادرست|شایعه|صحت ندارد|واقعیت ندارد|صحت نداشته|رد کرد|صحت ندارد|دروغ"
_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_TOKEN = re.compile(r"[\w\u200c]+")
_NUMBER = re.compile(r"([0-9۰-۹٠-٩]+(?:[.,٫/][0-9۰-۹٠-٩]+)*)\s+([\w\u200c]+)")


def _sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def _tokens(text: str) -> list[str]:
    return _TOKEN.findall(text)


def articles() -> pd.DataFrame:
    """Every article of the corpora the pairs are drawn from: corpus, doc_id, outlet, event, stance, text."""
    from toolkit import datasets

    fx = datasets.load_farexstance(task="article")
    related = fx[fx["stance"] != "unrelated"]
    events = related.groupby("news_id")["claim_id"].agg(lambda s: sorted(set(map(str, s))))
    stance = related.groupby("news_id")["stance"].agg(lambda s: Counter(s).most_common(1)[0][0])
    first = fx.sort_values("doc_id").drop_duplicates("news_id")
    rows = [
        {
            "corpus": "farexstance",
            "doc_id": r.doc_id,
            "article": f"farexstance:{r.news_id}",
            "outlet": "",
            "events": [f"fx:{e}" for e in events.get(r.news_id, [])] or [f"farexstance:{r.news_id}"],
            "stance": stance.get(r.news_id, ""),
            "text": r.text,
        }
        for r in first.itertuples()
    ]
    for name in ("isna", "fars", "news2025", "hamshahri"):
        df = getattr(datasets, f"load_{name}")()
        rows += [
            {
                "corpus": name,
                "doc_id": r.doc_id,
                "article": f"{name}:{r.doc_id}",
                "outlet": r.outlet,
                "events": [f"{name}:{r.doc_id}"],
                "stance": "",
                "text": r.text,
            }
            for r in df.itertuples()
        ]
    for r in datasets.load_seeds().itertuples():
        rows.append(
            {
                "corpus": "seed",
                "doc_id": r.doc_id,
                "article": f"seed:{r.doc_id}",
                "outlet": "",
                "events": [f"seed:{r.doc_id}"],
                "stance": "",
                "text": r.text,
            }
        )
    return pd.DataFrame(rows)


def claims(arts: pd.DataFrame) -> pd.DataFrame:
    """The claims of every article, with the article's corpus, outlet and events."""
    from toolkit.claims import extract_claims

    c = extract_claims(arts[["doc_id", "text"]].rename(columns={}), text_column="text")
    c = c.merge(arts.drop(columns="text"), on="doc_id", suffixes=("", "_article"))
    named = c[c["outlet"] != ""].groupby("article")["outlet"].agg(lambda s: s.value_counts().index[0])
    fallback = c["outlet_article"].where(c["outlet_article"] != "", c["article"].map(named).fillna(""))
    c["outlet"] = c["outlet"].where(c["outlet"] != "", fallback)
    c = c[c["content"].str.len().between(25, 400)]
    c = c.drop_duplicates(["article", "content"]).reset_index(drop=True)
    return c


def sample(work: Path) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    rng = np.random.default_rng(SEED)
    arts = articles()
    texts = dict(zip(arts["doc_id"], arts["text"], strict=True))
    c = claims(arts)
    print(f"{len(arts)} articles, {len(c)} claims", file=sys.stderr)
    vec = TfidfVectorizer(analyzer=_tokens, sublinear_tf=True, min_df=2).fit_transform(c["content"])
    art = c["article"].to_numpy()
    outlet = c["outlet"].to_numpy()
    content = c["content"].to_numpy()
    chosen: dict[tuple[int, int], str] = {}
    used_contents: set[frozenset] = set()
    per_article: Counter = Counter()

    def take(i: int, j: int, stratum: str) -> bool:
        i, j = int(i), int(j)
        if i == j or content[i] == content[j]:
            return False
        same_article = art[i] == art[j]
        if same_article and not (art[i].startswith("seed:") and outlet[i] != outlet[j]):
            return False
        key = (min(i, j), max(i, j))
        pair = frozenset((content[i], content[j]))
        full = any(per_article[art[x]] >= 4 and not art[x].startswith("seed:") for x in (i, j))
        if key in chosen or pair in used_contents or full:
            return False
        chosen[key] = stratum
        used_contents.add(pair)
        per_article[art[i]] += 1
        per_article[art[j]] += 1
        return True

    def best(i: int, pool: np.ndarray, lo: float = 0.0, hi: float = 1.01) -> list[int]:
        """Claims of ``pool`` by similarity to claim i, within [lo, hi), other outlets first."""
        if not len(pool):
            return []
        sim = (vec[pool] @ vec[i].T).toarray().ravel()
        ok = (sim >= lo) & (sim < hi)
        other = outlet[pool] != outlet[i]
        order = np.lexsort((-sim, ~other))
        return [int(pool[k]) for k in order if ok[k]]

    # cluster: two articles of one FarExStance claim cluster
    fx = c[c["corpus"] == "farexstance"]
    by_event: dict[str, list[int]] = {}
    for i, evs in zip(fx.index, fx["events"], strict=True):
        for e in evs:
            if e.startswith("fx:"):
                by_event.setdefault(e, []).append(i)
    events = sorted(by_event)
    rng.shuffle(events)
    stance = c["stance"].to_numpy()

    def cluster_pair(members: np.ndarray, stratum: str, want_disagree: bool) -> bool:
        """A pair of two articles of one cluster (a disagreeing one and an agreeing one, if asked): its most
        similar claims, tried from up to six claims of the first side."""
        a_side = members[stance[members] == "disagree"] if want_disagree else members
        for i in rng.permutation(a_side)[:6]:
            pool = members[(art[members] != art[i])]
            if want_disagree:
                pool = pool[stance[pool] == "agree"]
            cands = best(i, pool, lo=0.15)
            if cands and take(i, cands[0], stratum):
                return True
        return False

    for stratum, want_disagree in (("cluster-disagree", True), ("cluster", False)):
        n = 0
        for e in events:
            if n >= QUOTA[stratum]:
                break
            members = np.array(by_event[e])
            if len(set(art[members])) < 2:
                continue
            if want_disagree and not ((stance[members] == "disagree").any() and (stance[members] == "agree").any()):
                continue
            n += cluster_pair(members, stratum, want_disagree)
        # a second pass takes a second pair from clusters that have one
        for e in events:
            if n >= QUOTA[stratum]:
                break
            n += cluster_pair(np.array(by_event[e]), stratum, want_disagree)

    # bands of lexical similarity over all claims
    anchors = rng.permutation(len(c))
    everything = np.arange(len(c))
    for stratum, lo, hi in (("band-hi", 0.6, 1.01), ("band-mid", 0.4, 0.6), ("band-lo", 0.25, 0.4)):
        n = 0
        for i in anchors:
            if n >= QUOTA[stratum]:
                break
            if rng.random() > 0.3:
                continue
            sim = (vec @ vec[i].T).toarray().ravel()
            ok = np.flatnonzero((sim >= lo) & (sim < hi) & (art != art[i]))
            if not len(ok):
                continue
            other = ok[outlet[ok] != outlet[i]]
            j = rng.choice(other if len(other) else ok)
            n += take(i, j, stratum)

    # number: a number before the same noun in both, and similar claims
    nums: dict[str, list[int]] = {}
    for i, t in enumerate(content):
        for _, unit in _NUMBER.findall(t):
            nums.setdefault(unit, []).append(i)
    with_number = np.array(sorted({i for v in nums.values() for i in v}))
    n = 0
    for i in rng.permutation(with_number):
        if n >= QUOTA["number"]:
            break
        units = {u for _, u in _NUMBER.findall(content[i])}
        pool = np.array(sorted({j for u in units for j in nums[u] if art[j] != art[i]}))
        cands = best(i, pool, lo=0.2)
        if cands:
            n += take(i, cands[0], "number")

    # entity: the same named speaker in two articles
    speakers = c["speaker"].fillna("").to_numpy()
    named = {}
    for i, s in enumerate(speakers):
        if len(s.split()) >= 2 and "منبع" not in s and "سخنگو" not in s:
            named.setdefault(s, []).append(i)
    names = sorted(k for k, v in named.items() if len(set(art[v])) >= 2)
    rng.shuffle(names)
    n = 0
    for s in names:
        if n >= QUOTA["entity"]:
            break
        members = np.array(named[s])
        i = rng.choice(members)
        pool = members[art[members] != art[i]]
        j = rng.choice(pool)
        n += take(i, j, "entity")

    # random
    n = 0
    while n < QUOTA["random"]:
        i, j = rng.integers(len(c), size=2)
        n += take(i, j, "random")

    # seed: its claims of different outlets, and each with its most similar claim elsewhere
    seed = np.flatnonzero(c["corpus"].to_numpy() == "seed")
    n = 0
    for i in seed:
        for j in seed:
            if i < j and outlet[i] != outlet[j] and n < QUOTA["seed"] // 2:
                n += take(i, j, "seed")
    for i in seed:
        if n >= QUOTA["seed"]:
            break
        cands = best(i, everything[art != art[i]], lo=0.15)
        if cands:
            n += take(i, cands[0], "seed")

    first = dict(chosen)
    keys = sorted(first, key=lambda k: (list(QUOTA).index(first[k]), k))
    drawn = [keys[k] for k in rng.permutation(len(keys))]  # the labeller reads them shuffled, strata mixed
    # round 2, drawn after round 1 was labelled (3 contradictions in 337 pairs): strata that seek them
    rng = np.random.default_rng(SEED + 1)
    clash = {}
    for i, t in enumerate(content):
        for value, unit in _NUMBER.findall(t):
            clash.setdefault(unit, []).append((i, _digits(value)))
    n = 0
    for i in rng.permutation(with_number):
        if n >= QUOTA2["number-clash"]:
            break
        mine = {(u, _digits(v)) for v, u in _NUMBER.findall(content[i])}
        units = {u for u, _ in mine}
        pool = np.array(
            sorted({j for u in units for j, v in clash[u] if art[j] != art[i] and (u, v) not in mine}), dtype=int
        )
        cands = best(i, pool, lo=0.35)
        if cands:
            n += take(i, cands[0], "number-clash")
    denying = np.flatnonzero(c["sentence"].str.contains(DENIAL).to_numpy())
    n = 0
    for i in rng.permutation(denying):
        if n >= QUOTA2["denial"]:
            break
        cands = best(i, everything[art != art[i]], lo=0.3)
        if cands:
            n += take(i, cands[0], "denial")

    keys = sorted(set(chosen) - set(first), key=lambda k: (list(QUOTA2).index(chosen[k]), k))
    drawn += [keys[k] for k in rng.permutation(len(keys))]
    second = dict(chosen)

    # round 3, after round 2 gave one more contradiction in 80 pairs: within one FarExStance claim cluster,
    # a claim whose sentence denies, from an article that disagrees with the cluster's claim, with the most
    # similar claim of an article that agrees; and two claims of one cluster with a number before the same
    # noun that differs
    rng = np.random.default_rng(SEED + 2)
    is_denial = c["sentence"].str.contains(DENIAL).to_numpy()
    n = 0
    for e in rng.permutation(events):
        if n >= QUOTA3["cluster-denial"]:
            break
        members = np.array(by_event[e])
        deniers = members[(stance[members] == "disagree") & is_denial[members]]
        agreeing = members[stance[members] == "agree"]
        for i in rng.permutation(deniers)[:3]:
            cands = best(i, agreeing[art[agreeing] != art[i]], lo=0.1)
            if cands and take(i, cands[0], "cluster-denial"):
                n += 1
                break
    n = 0
    for e in rng.permutation(events):
        if n >= QUOTA3["cluster-number"]:
            break
        members = np.array(by_event[e])
        for i in rng.permutation(members):
            mine = {(u, _digits(v)) for v, u in _NUMBER.findall(content[i])}
            units = {u for u, _ in mine}
            pool = [
                j
                for j in members
                if art[j] != art[i]
                and any(u in units and (u, _digits(v)) not in mine for v, u in _NUMBER.findall(content[j]))
            ]
            cands = best(i, np.array(pool, dtype=int), lo=0.15)
            if cands and take(i, cands[0], "cluster-number"):
                n += 1
                break
    keys = sorted(set(chosen) - set(second), key=lambda k: (list(QUOTA3).index(chosen[k]), k))
    drawn += [keys[k] for k in rng.permutation(len(keys))]

    work.mkdir(parents=True, exist_ok=True)
    with (work / "candidates.jsonl").open("w", encoding="utf-8") as f:
        for n, key in enumerate(drawn):
            f.write(json.dumps(_record(f"p{n:04d}", key, chosen[key], c, texts, vec), ensure_ascii=False) + "\n")
    rounds = f"{len(first)} + {len(second) - len(first)} + {len(chosen) - len(second)}"
    print(f"{rounds} candidates: {dict(Counter(chosen.values()))}", file=sys.stderr)


def _digits(value: str) -> str:
    return value.translate(_DIGITS).replace("٫", ".").replace("/", ".")


def _record(pid: str, key: tuple[int, int], stratum: str, c: pd.DataFrame, texts: dict, vec) -> dict:
    i, j = key
    sides = []
    for x in (i, j):
        r = c.loc[x]
        raw = texts[r["doc_id"]]
        sides.append(
            {
                "corpus": r["corpus"],
                "doc_id": r["doc_id"],
                "start": int(r["start"]),
                "end": int(r["end"]),
                "sha256": _sha(raw[int(r["start"]) : int(r["end"])]),
                "outlet": r["outlet"],
                "events": list(r["events"]),
                "stance": r["stance"],
                "speaker": r["speaker"],
                "content": r["content"],
                "sentence": r["sentence"],
            }
        )
    sim = float((vec[i] @ vec[j].T).toarray()[0, 0])
    return {"id": pid, "stratum": stratum, "similarity": round(sim, 3), "a": sides[0], "b": sides[1]}


def _split(recs: list[dict]) -> dict[str, str]:
    """``test`` or ``dev`` for each pair id, whole groups of pairs sharing an event at a time."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for r in recs:
        evs = r["a"]["events"] + r["b"]["events"]
        for e in evs[1:]:
            parent[find(e)] = find(evs[0])
    groups: dict[str, list[str]] = {}
    for r in recs:
        groups.setdefault(find(r["a"]["events"][0]), []).append(r["id"])
    names = sorted(groups)
    rng = np.random.default_rng(SEED)
    rng.shuffle(names)
    out, n_test = {}, 0
    for g in names:
        side = "test" if n_test + len(groups[g]) <= TEST_SHARE * len(recs) + 2 else "dev"
        n_test += len(groups[g]) if side == "test" else 0
        out |= dict.fromkeys(groups[g], side)
    return out


def _bare(text: str) -> str:
    return re.sub(r"[\s\u200c]", "", text)


def finalize(work: Path) -> None:
    from toolkit import normalize
    from toolkit.datasets import _claim_pair_texts

    cands = {r["id"]: r for r in map(json.loads, (work / "candidates.jsonl").read_text("utf-8").splitlines())}
    recs = []
    for line in (work / "labels.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pid, relation, numeric, *note = line.split("\t")
        if relation not in RELATIONS:
            raise SystemExit(f"{pid}: relation {relation!r} is not one of {RELATIONS}")
        recs.append(cands[pid] | {"relation": relation, "numeric": numeric == "1", "note": "\t".join(note).strip()})
    split = _split(recs)
    lines = []
    for r in recs:
        out = {"id": r["id"], "split": split[r["id"]], "stratum": r["stratum"]}
        for side in ("a", "b"):
            s = r[side]
            out[side] = {k: s[k] for k in ("corpus", "doc_id", "start", "end", "sha256", "outlet", "events")}
        out |= {"relation": r["relation"], "numeric": r["numeric"]}
        if r["note"]:
            out["note"] = r["note"]
        lines.append(json.dumps(out, ensure_ascii=False))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    # every span resolves (or DataError), to the content the extractor gave (ZWNJs and spaces aside: the
    # extractor normalizes the whole article, where a span alone may restore a ZWNJ differently)
    texts = _claim_pair_texts([json.loads(x) for x in lines], None)
    for r, pair in zip(recs, texts, strict=True):
        for side, text in zip("ab", pair, strict=True):
            if _bare(normalize(text)) != _bare(r[side]["content"]):
                raise SystemExit(f"{r['id']}: claim {side.upper()}'s span is not its content")
    sides = Counter(split.values())
    print(f"{len(lines)} pairs -> {OUT.relative_to(ROOT)}: {dict(sides)}", file=sys.stderr)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("step", choices=("sample", "finalize"))
    parser.add_argument("--work", type=Path, required=True, help="a folder outside the repository")
    args = parser.parse_args()
    if args.work.resolve().is_relative_to(ROOT):
        parser.error(f"--work {args.work}: choose a folder outside the repository (it receives corpus text)")
    (sample if args.step == "sample" else finalize)(args.work)


if __name__ == "__main__":
    main()
