"""Corpus mode on the dev benchmarks: repeated-line evidence, near-duplicates, memory.

    python -m bench.corpus repeated [--datasets wcxb-dev,wcxb-dev-article,scrapinghub-aeb] [--min-pages 2]
    python -m bench.corpus dedup [--seed 7]
    python -m bench.corpus memory [--megabytes 1024]

``repeated``: the pages of hosts with at least ``--min-pages`` pages (URL host, ``www.`` dropped),
dumped by inscriptis, cleaned one by one (corpus mode off) and as one corpus (on); shingle P/R/F1,
WCXB word F1 and title accuracy of both, then the calibration table of the classifier's rule: the
lines the cleaner keeps without the evidence that recur in another page of their host, by block
length and copy share, in words of ground-truth content (1) and furniture (0) (``bench.align``
labels).

``dedup``: the wcxb-dev articles dumped by inscriptis and by html2text, plus every other wcxb-dev
and scrapinghub page (inscriptis), shuffled, cleaned as one corpus; a pair is found when one copy
is marked ``dup_of`` the other (or both of the same first copy). Reports pair precision and
recall, the similarity of the two cleanings of each article at several thresholds, and the most
similar pairs of different pages; then, for pass 1's near-copy groups, the Jaccard similarity of the
sentences of the two dumps of each article against that of the pairs of different pages of one host.

``memory``: resident memory of the corpus state (pass 1 line counts and near-copy groups + duplicate
index) as a synthetic stream of ``--megabytes`` of text goes through it: real dev lines drawn at
random into documents of 40 lines spread over ``--sources`` sites (every document through pass 1,
its sentences' MinHash included); the cleaning itself is left out (its memory
does not grow with the stream, see the README) and only every ``--dedup-every``-th document is
indexed (MinHash in pure Python is the slow part; the index is full after its first 20,000).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from urllib.parse import urlsplit

from bench import metrics as M
from bench.align import body_labels, split_lines
from bench.converters import get_dumps
from bench.data import Doc, load_docs
from bench.run import Row, score_page
from cleaner import CorpusOptions, clean
from cleaner.corpus import Corpus, corpus_stream, text_lines
from cleaner.document import BODY_LABELS, Document
from cleaner.minhash import NEAR_DUP_THRESHOLD, band_keys, shingles, signature, similarity
from cleaner.repeated import (
    COPY_SHARE,
    NEAR_COPY_CONTAINED,
    NEAR_COPY_THRESHOLD,
    REPEAT_MIN_DOCS,
    LineCounts,
    sentence_text,
)

DEFAULT_DATASETS = "wcxb-dev,wcxb-dev-article,scrapinghub-aeb"


def host(url: str | None) -> str:
    return (urlsplit(url or "").hostname or "").removeprefix("www.")


def multi_host_pages(dataset: str, min_pages: int) -> list[Doc]:
    docs = load_docs(dataset)
    counts = Counter(host(d.url) for d in docs)
    return [d for d in docs if host(d.url) and counts[host(d.url)] >= min_pages]


def _row(name: str, docs: Sequence[Doc], outputs: Sequence[Document]) -> Row:
    row = Row(name)
    for doc, out in zip(docs, outputs, strict=True):
        row.pages += 1
        row.gave_title = True
        score_page(doc, out.text, out.title, row)
    return row


def _cells(row: Row) -> str:
    sh = M.shingle_corpus(row.sh)
    word = M.wcxb_corpus(row.word)
    title = f"{M.title_corpus(row.titles).accuracy:.3f}" if row.titles else "–"
    return f"{sh.precision:.3f} | {sh.recall:.3f} | {sh.f1:.3f} | {word.f1:.3f} | {title}"


def _calibration(docs: Sequence[Doc], dumps: dict[str, str], plain: Sequence[Document]) -> Counter[tuple[str, int]]:
    """Words of kept lines that recur in another page of their host, by (block, copy) class and label."""
    counts = LineCounts()
    for doc, out in zip(docs, plain, strict=True):
        counts.add(host(doc.url), [line.text for line in out.lines])
    table: Counter[tuple[str, int]] = Counter()
    for doc, out in zip(docs, plain, strict=True):
        labels = body_labels(split_lines(dumps[doc.id]), doc.body or "")
        n = [counts.count(host(doc.url), line.text) for line in out.lines]
        kept = [i for i, line in enumerate(out.lines) if line.label in BODY_LABELS]
        copy = sum(n[i] >= REPEAT_MIN_DOCS for i in kept) / len(kept) if kept else 0.0
        run = [0] * len(n)
        for repeated, group in itertools.groupby(range(len(n)), key=lambda i: n[i] >= REPEAT_MIN_DOCS):
            members = list(group)
            for i in members:
                run[i] = len(members) if repeated else 0
        for i in kept:
            if run[i] == 0:
                continue
            number = out.lines[i].number - 1
            gt = labels[number] if number < len(labels) else None
            if gt is None:
                continue
            block = "1" if run[i] == 1 else "2" if run[i] == 2 else "3+"
            share = f"< {COPY_SHARE}" if copy < COPY_SHARE else f">= {COPY_SHARE}"
            table[(f"block {block}, copy share {share}", gt)] += len(out.lines[i].text.split())
    return table


def repeated(args: argparse.Namespace) -> None:
    print(
        f"| dataset (pages of hosts with ≥ {args.min_pages} pages) | pages | hosts | corpus mode | shP | shR | shF1 | "
        "word F1 | title acc | lines repeated-in-source |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    calibration: Counter[tuple[str, int]] = Counter()
    for dataset in args.datasets.split(","):
        docs = multi_host_pages(dataset, args.min_pages)
        dumps = get_dumps(dataset, "inscriptis", [d.id for d in docs])
        t0 = time.perf_counter()
        records = [{"id": d.id, "url": d.url, "text": dumps[d.id]} for d in docs]
        # the same records both ways: a record's URL is evidence for the headline with or without corpus mode
        plain = [clean(record) for record in records]
        corpus = list(corpus_stream(records, corpus=CorpusOptions()))
        flipped = sum(line.reason.startswith("repeated-in-source") for out in corpus for line in out.lines)
        hosts = len({host(d.url) for d in docs})
        name = f"{dataset}"
        print(f"| {name} | {len(docs)} | {hosts} | off | {_cells(_row('off', docs, plain))} | – |")
        print(f"| | | | on | {_cells(_row('on', docs, corpus))} | {flipped} |", flush=True)
        print(f"{dataset}: {time.perf_counter() - t0:.0f} s", file=sys.stderr)
        if dataset != "wcxb-dev-article":  # its pages are in wcxb-dev already
            calibration += _calibration(docs, dumps, plain)
    print("\nKept lines (without the evidence) that recur in another page of their host, in words:\n")
    print("| class | ground truth content | furniture | furniture share |")
    print("|---|---|---|---|")
    for cls in sorted({key for key, _ in calibration}):
        content, furniture = calibration[(cls, 1)], calibration[(cls, 0)]
        print(f"| {cls} | {content} | {furniture} | {furniture / max(content + furniture, 1):.2f} |")


def _pairs(clusters: dict[object, list[object]]) -> set[frozenset[object]]:
    return {frozenset(p) for members in clusters.values() for p in itertools.combinations(members, 2)}


def dedup(args: argparse.Namespace) -> None:
    articles = load_docs("wcxb-dev-article")
    others = [d for d in load_docs("wcxb-dev") if d.meta.get("page_type") != "article"]
    pages = [("wcxb-dev", "inscriptis", articles), ("wcxb-dev", "html2text", articles)]
    pages += [("wcxb-dev", "inscriptis", others), ("scrapinghub-aeb", "inscriptis", load_docs("scrapinghub-aeb"))]
    records = []
    for dataset, converter, docs_ in pages:
        dumps = get_dumps(dataset, converter, [d.id for d in docs_])
        records += [{"id": f"{d.id}#{converter}", "page": d.id, "url": d.url, "text": dumps[d.id]} for d in docs_]
    random.Random(args.seed).shuffle(records)
    t0 = time.perf_counter()
    docs = list(corpus_stream(records, corpus=CorpusOptions()))
    seconds = time.perf_counter() - t0
    page = {r["id"]: r["page"] for r in records}
    clusters: dict[object, list[object]] = defaultdict(list)
    for doc in docs:
        clusters[doc.dup_of if doc.dup_of is not None else doc.id].append(doc.id)
    found = _pairs(clusters)
    truth = {frozenset((f"{d.id}#inscriptis", f"{d.id}#html2text")) for d in articles}
    empty = {doc.id for doc in docs if not doc.text.strip()}
    findable = {p for p in truth if not p & empty}
    hits = found & truth
    url = {r["id"]: str(r["url"] or "").rstrip("/") for r in records}
    article_ids = {f"{d.id}#{c}" for d in articles for c in ("inscriptis", "html2text")}
    within = {p for p in found if p <= article_ids}
    same_url = {p for p in found - truth if len({url[x] for x in p}) == 1}
    print(
        f"{len(records)} documents ({len(articles)} wcxb-dev articles x 2 converters + "
        f"{len(records) - 2 * len(articles)} other pages), shuffled (seed {args.seed}), "
        f"cleaned in corpus mode in {seconds:.0f} s; "
        f"NEAR_DUP_THRESHOLD {NEAR_DUP_THRESHOLD}\n"
    )
    print("| pairs | true | found | found & true | precision | recall | recall (both bodies non-empty) |")
    print("|---|---|---|---|---|---|---|")
    precision = len(hits) / len(found) if found else 1.0
    print(
        f"| same page, two converters | {len(truth)} | {len(found)} | {len(hits)} | {precision:.3f} | "
        f"{len(hits) / len(truth):.3f} | {len(hits & findable) / len(findable):.3f} ({len(findable)}) |"
    )
    print(
        f"| joins between two article documents | {len(truth)} | {len(within)} | {len(hits & within)} | "
        f"{len(hits & within) / max(len(within), 1):.3f} | | |"
    )
    print(
        f"| same page or the same URL (modulo a final /) | {len(truth | same_url)} | {len(found)} | "
        f"{len(hits | same_url)} | {len(hits | same_url) / max(len(found), 1):.3f} | | |"
    )
    print("\nFalse joins (different pages):")
    for pair in sorted(found - truth, key=sorted):
        a, b = sorted(pair, key=str)
        urls = {r["id"]: r["url"] for r in records}
        print(f"- {a} {urls[a]} ~ {b} {urls[b]}")
    print(
        "\nMissed pairs (similarity of the two cleanings; of the two cleaned alone; Jaccard similarity of "
        "the two dumps' sentences, what pass 1 groups near-copies by):"
    )
    body = {doc.id: doc.text for doc in docs}
    sigs = {key: signature(shingles(text)) for key, text in body.items()}
    dump = {r["id"]: str(r["text"]) for r in records}
    apart = 0
    for pair in sorted(truth - hits, key=sorted):
        a, b = sorted(pair, key=str)
        alone = similarity(signature(shingles(clean(dump[a]).text)), signature(shingles(clean(dump[b]).text)))
        sent_a, sent_b = (shingles(sentence_text(text_lines(dump[x]))) for x in (a, b))
        jaccard = len(sent_a & sent_b) / max(len(sent_a | sent_b), 1)
        apart += alone < NEAR_DUP_THRESHOLD
        print(
            f"- {page[a]}: {similarity(sigs[a], sigs[b]):.3f} ({len(body[a].split())} / {len(body[b].split())} words); "
            f"alone {alone:.3f}; sentences {jaccard:.3f}"
        )
    print(f"{apart} of the {len(truth - hits)} below NEAR_DUP_THRESHOLD even when each copy is cleaned alone")
    same = sorted(similarity(sigs[a], sigs[b]) for a, b in (sorted(p, key=str) for p in findable))
    print("\n| threshold | share of the article pairs at or above it |")
    print("|---|---|")
    for threshold in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        print(f"| {threshold} | {sum(s >= threshold for s in same) / len(same):.3f} |")
    _near_copy_table(records, page, truth)
    buckets: dict[int, list[object]] = defaultdict(list)
    for key, sig in sigs.items():
        for band in band_keys(sig) if sig else ():
            buckets[band].append(key)
    unrelated: Counter[frozenset[object]] = Counter()
    for members in buckets.values():
        for a, b in itertools.combinations(members, 2):
            if page[a] != page[b]:
                unrelated[frozenset((a, b))] = 1
    scored = sorted(((similarity(sigs[a], sigs[b]), a, b) for a, b in map(sorted, unrelated)), reverse=True)
    print("\nMost similar pairs of different pages (LSH candidates):")
    for score, a, b in scored[:8]:
        print(f"- {score:.3f} {a} ~ {b}")


def _near_copy_table(records: list[dict[str, object]], page: dict[str, object], truth: set[frozenset[object]]) -> None:
    """What pass 1 groups near-copies by: exact Jaccard similarity (and containment) of the sentences of the
    two dumps of each article, against the pairs of different pages of one host (the pairs whose grouping
    matters)."""
    sets = {str(r["id"]): shingles(sentence_text(text_lines(str(r["text"])))) for r in records}
    by_host: dict[str, list[str]] = defaultdict(list)
    for r in records:
        by_host[host(str(r["url"] or ""))].append(str(r["id"]))
    same, other = [], []
    for members in by_host.values():
        for a, b in itertools.combinations(members, 2):
            score = len(sets[a] & sets[b]) / max(len(sets[a] | sets[b]), 1)
            grouped = score >= NEAR_COPY_THRESHOLD or NEAR_COPY_CONTAINED.holds(score, len(sets[a]), len(sets[b]))
            if frozenset((a, b)) in truth:
                same.append((score, grouped))
            elif page[a] != page[b]:
                other.append((score, grouped, a, b))
    print("\n| pass 1: sentences' Jaccard at or above | article pairs | pairs of different pages of one host |")
    print("|---|---|---|")
    for threshold in (0.5, 0.7, 0.8, 0.85, 0.9, 0.95):
        above = sum(s >= threshold for s, _, _, _ in other)
        print(f"| {threshold} | {sum(s >= threshold for s, _ in same)} of {len(same)} | {above} |")
    rule = NEAR_COPY_CONTAINED
    print(
        f"| {NEAR_COPY_THRESHOLD}, or {rule.share} contained (from {rule.min_similarity}, "
        f"{rule.min_shingles} shingles or more) | {sum(g for _, g in same)} of {len(same)} "
        f"| {sum(g for _, g, _, _ in other)} |"
    )
    print("\nPairs of different pages of one host that pass 1 groups:")
    urls = {str(r["id"]): r["url"] for r in records}
    for score, grouped, a, b in sorted(other, reverse=True):
        if grouped:
            print(f"- {score:.3f} {a} {urls[a]} ~ {b} {urls[b]}")


def _rss_mb() -> float:
    """Resident memory of this process now (Linux ``/proc``), in MB."""
    with open("/proc/self/status", encoding="ascii") as status:
        kb = next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))
    return kb / 1e3


def memory(args: argparse.Namespace) -> None:
    sentences = []
    for dataset in ("wcxb-dev", "scrapinghub-aeb", "trafilatura-eval"):
        for text in get_dumps(dataset, "inscriptis").values():
            sentences += [line.strip() for line in text.splitlines() if len(line.split()) >= 4]
    rng = random.Random(1)
    target = args.megabytes * 1_000_000
    corpus = Corpus()
    gc.collect()
    base = _rss_mb()
    size = documents = 0
    t0 = time.perf_counter()
    print(
        "| text read | documents | line pairs kept | sampling limit | near-copy groups | indexed documents | "
        "RSS growth | seconds |"
    )
    print("|---|---|---|---|---|---|---|---|")
    checkpoint = target / 8
    while size < target:
        source = f"site{rng.randrange(args.sources)}.example"
        text = "\n".join(rng.choices(sentences, k=40))
        corpus.count({"url": f"https://{source}/", "text": text}, source)
        if documents % args.dedup_every == 0:
            corpus.index.see(documents, text)
        size += len(text.encode("utf-8"))
        documents += 1
        if size >= checkpoint or size >= target:
            checkpoint += target / 8
            limit = corpus.lines.limit.bit_length() - 1
            print(
                f"| {size / 1e6:,.0f} MB | {documents:,} | {len(corpus.lines):,} | 2^{limit} | "
                f"{corpus.lines.groups:,} | {len(corpus.index):,} | "
                f"{_rss_mb() - base:,.0f} MB | {time.perf_counter() - t0:,.0f} |",
                flush=True,
            )


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    rep = sub.add_parser("repeated", help="harness table with corpus mode off and on")
    rep.add_argument("--datasets", default=DEFAULT_DATASETS)
    rep.add_argument("--min-pages", type=int, default=2)
    dup = sub.add_parser("dedup", help="near-duplicate pairs: two converters of the same pages")
    dup.add_argument("--seed", type=int, default=7)
    mem = sub.add_parser("memory", help="memory of the corpus state on a synthetic stream")
    mem.add_argument("--megabytes", type=int, default=1024)
    mem.add_argument("--sources", type=int, default=5000, help="sites the documents are spread over")
    mem.add_argument("--dedup-every", type=int, default=4, help="index every Nth document (MinHash is the slow part)")
    args = ap.parse_args(argv)
    {"repeated": repeated, "dedup": dedup, "memory": memory}[args.command](args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
