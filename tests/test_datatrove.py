"""The datatrove steps, run through datatrove's local executor (skipped without the extra)."""

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove", reason="the datatrove extra is not installed: pip install -e '.[datatrove]'")
pytest.importorskip("warcio", reason="the datatrove extra is not installed: pip install -e '.[datatrove]'")

from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.readers import JsonlReader, WarcReader
from datatrove.pipeline.writers import JsonlWriter
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from cleaner import Options, clean
from cleaner.datatrove import CleanerExtractor, CleanerFilter
from cleaner.pipeline import readable_text

from .samples import ARTICLE_TEMPLATE, EXTRACTED_ARTICLE

ARTICLE = ARTICLE_TEMPLATE
FURNITURE = "Home\n\nNews\n\nSport\n\nShare:\n\nSubscribe to our newsletter\n"
PLACES = ["Leeds", "Derby", "Bristol", "Lincoln", "Exeter", "Bath"]


def _read_jsonl_gz(folder: Path) -> list[dict[str, Any]]:
    records = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            records.extend(json.loads(line) for line in fh)
    return records


def _run(pipeline: list[Any], tasks: int, logs: Path) -> Any:
    # workers=1: the tasks run one after another in this process (no pool)
    return LocalPipelineExecutor(pipeline=pipeline, tasks=tasks, workers=1, logging_dir=str(logs)).run()


def test_filter_on_gzipped_jsonl_shards(tmp_path: Path) -> None:
    shards = tmp_path / "in"
    shards.mkdir()
    expected: dict[str, str] = {}
    for shard in range(3):
        with gzip.open(shards / f"shard{shard}.jsonl.gz", "wt", encoding="utf-8") as fh:
            for i, place in enumerate(PLACES[shard * 2 : shard * 2 + 2]):
                doc_id = f"{shard}-{i}"
                fh.write(json.dumps({"id": doc_id, "text": ARTICLE.format(place=place), "url": f"https://x/{doc_id}"}))
                fh.write("\n")
                expected[doc_id] = readable_text(clean(ARTICLE.format(place=place)))
            fh.write(json.dumps({"id": f"{shard}-junk", "text": FURNITURE}) + "\n")
    out, excluded = tmp_path / "out", tmp_path / "excluded"
    stats = _run(
        [
            JsonlReader(str(shards)),
            CleanerFilter(exclusion_writer=JsonlWriter(str(excluded))),
            JsonlWriter(str(out)),
        ],
        tasks=3,
        logs=tmp_path / "logs",
    )
    kept = {record["id"]: record for record in _read_jsonl_gz(out)}
    assert set(kept) == set(expected)
    for doc_id, record in kept.items():
        assert record["text"] == expected[doc_id]  # what `cleaner` prints for the same text
        assert "Share" not in record["text"] and "Skip to" not in record["text"]
        meta = record["metadata"]
        assert meta["title"].startswith("Council approves new budget for")
        assert meta["lang"] == "en" and meta["lang_prob"] > 0.5
        assert meta["url"] == f"https://x/{doc_id}"  # the reader's metadata is kept
    dropped = _read_jsonl_gz(excluded)
    assert sorted(r["id"] for r in dropped) == ["0-junk", "1-junk", "2-junk"]
    assert {r["metadata"]["filter_reason"] for r in dropped} == {"cleaner_no_body"}
    assert '"dropped_cleaner_no_body"' in stats.to_json()


def test_filter_options_body_text_and_prefix() -> None:
    from datatrove.data import Document

    step = CleanerFilter(Options(detect_language=False), text="body", explain=True, prefix="cleaner_")
    doc = Document(text=ARTICLE.format(place="Leeds"), id="a", metadata={"title": "kept"})
    (out,) = list(step.run(iter([doc, Document(text="  \n", id="b")])))
    assert out.text == clean(ARTICLE.format(place="Leeds")).text
    assert out.metadata["title"] == "kept" and out.metadata["cleaner_title"].endswith("Leeds")
    assert out.metadata["cleaner_lang"] == "und"
    assert {line["reason"] for line in out.metadata["cleaner_lines"]} >= {"rule:share"}
    assert step.stats["dropped_cleaner_empty_input"].total == 1


def test_filter_after_an_extractor_takes_the_extracted_mode() -> None:
    from datatrove.data import Document

    step = CleanerFilter(Options(extracted=True), text="body")
    (out,) = list(step.run(iter([Document(text=EXTRACTED_ARTICLE, id="a")])))
    assert out.text == clean(EXTRACTED_ARTICLE, Options(extracted=True)).text != clean(EXTRACTED_ARTICLE).text


def test_filter_rejects_an_unknown_text_choice() -> None:
    with pytest.raises(ValueError, match="readable, body"):
        CleanerFilter(text="all")


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Council approves new budget for {place} | The Gazette</title></head>
<body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article>
<h1>Council approves new budget for {place}</h1>
<p>The council of {place} approved the new budget on Monday after a long debate that ran late into the night,
officials said.</p>
<p>The plan raises spending on schools and roads by a tenth over the next two years, and the mayor said the
money would come from savings elsewhere.</p>
<p>Opposition members voted against the plan, saying it left too little for housing and public transport.</p>
</article>
<footer>Share: Facebook Twitter. Copyright 2024 The Gazette. All rights reserved.</footer>
</body></html>
"""


def _write_warc(path: Path, pages: list[tuple[str, str]]) -> None:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, html in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            body = html.encode("utf-8")
            record = writer.create_warc_record(  # with the length: no unclosed temporary file
                url,
                "response",
                payload=io.BytesIO(body),
                length=len(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Identified-Payload-Type": "text/html"},
            )
            writer.write_record(record)


def test_extractor_on_a_warc_file(tmp_path: Path) -> None:
    warcs = tmp_path / "warc"
    warcs.mkdir()
    pages = [(f"https://gazette.example/{place.lower()}", PAGE.format(place=place)) for place in PLACES[:3]]
    pages.append(("https://gazette.example/empty", "<html><body><nav>Home News Sport</nav></body></html>"))
    _write_warc(warcs / "crawl.warc.gz", pages)
    out = tmp_path / "out"
    _run([WarcReader(str(warcs)), CleanerExtractor(timeout=30), JsonlWriter(str(out))], tasks=1, logs=tmp_path / "logs")
    records = _read_jsonl_gz(out)
    assert [r["metadata"]["url"] for r in records] == [url for url, _ in pages[:3]]
    for record, place in zip(records, PLACES, strict=False):
        text = record["text"]
        assert f"The council of {place} approved the new budget" in text
        assert "opposition members voted against" in text.lower()
        assert "Copyright" not in text and "Sport" not in text
        assert record["metadata"]["title"] == f"Council approves new budget for {place}"
        assert record["metadata"]["lang"] == "en"


def test_extractor_extract_is_the_cleaned_article() -> None:
    text = CleanerExtractor().extract(PAGE.format(place="Bath"))
    assert text.startswith("Council approves new budget for Bath\n\nThe council of Bath approved")
