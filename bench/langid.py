"""How often the function-word shortcut answers, and whether it agrees with langdetect.

    python -m bench.langid                       # all dev datasets, inscriptis and html2text dumps
    python -m bench.langid --share 0.15 --margin 2

For every page's dump, the language sample the pipeline uses
(:func:`cleaner.language.sample`) goes to langdetect (the detector of record)
and to :func:`cleaner.language.function_word_language` with the given
thresholds; the table gives, per dataset and converter, the share of pages the
shortcut answers for and how many of those answers differ from langdetect's
(each disagreement is listed).
"""

from __future__ import annotations

import argparse
from unittest import mock

from bench.data import FILE_DATASETS
from bench.speed import dump_texts
from cleaner import language
from cleaner.segmenting import segment

CONVERTERS = ("inscriptis", "html2text")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--datasets", default=",".join(FILE_DATASETS))
    ap.add_argument("--converters", default=",".join(CONVERTERS))
    ap.add_argument("--share", type=float, default=language.SHORTCUT_MIN_SHARE)
    ap.add_argument("--margin", type=float, default=language.SHORTCUT_MARGIN)
    args = ap.parse_args(argv)
    print("| dataset | converter | pages | shortcut answers | disagrees with langdetect |")
    print("|---|---|---|---|---|")
    total = answered = disagree = 0
    with (
        mock.patch.object(language, "SHORTCUT_MIN_SHARE", args.share),
        mock.patch.object(language, "SHORTCUT_MARGIN", args.margin),
    ):
        for dataset in args.datasets.split(","):
            for converter in args.converters.split(","):
                pages = dump_texts(dataset, converter)
                hits = wrong = 0
                for page_id, text in pages:
                    sample = language.sample([line.text for line in segment(text)])
                    quick = language.function_word_language(sample)
                    if quick is None:
                        continue
                    hits += 1
                    reference = language.detect(sample)[0]
                    if quick[0] != reference:
                        wrong += 1
                        print(f"<!-- {dataset} {converter} {page_id}: shortcut {quick[0]}, langdetect {reference} -->")
                print(f"| {dataset} | {converter} | {len(pages)} | {hits / max(len(pages), 1):.1%} | {wrong} |")
                total, answered, disagree = total + len(pages), answered + hits, disagree + wrong
    print(f"| all | | {total} | {answered / max(total, 1):.1%} | {disagree} |")


if __name__ == "__main__":
    main()
