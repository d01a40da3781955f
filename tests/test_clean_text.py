"""``clean_text`` reaches a fixed point, also where the passes would cycle."""

import pytest

from cleaner import pipeline
from cleaner.document import Document

#: Found by hypothesis (the ``ci`` profile), shrunk by hand: the headline ranker took the
#: second paragraph, ``readable_text`` put it first, and the next pass took the other one,
#: so the passes swapped the first two paragraphs for ever.
SWAPPING = (
    "a by Regierung the Die to dass Regierung Killed was die city province. With province Stadt on? "
    "La as annoncé province annoncé!\n\n"
    "que for officials dass rose in week and a by Regierung the Die erklärt dass Regierung Killed was die "
    "city province. Vote council erklärt school week hat am killed gouvernement? La as annoncé province annoncé!\n\n"
    "province Stadt dass rose in week and a by Regierung the to dass Regierung?\n\n"
    "officials market annoncé erklärt? Council plan the plan with week report school vote is was rebels said "
    "annoncé week of!\n\n"
    "𢒔ö×'"
)


def test_a_text_whose_passes_swap_paragraphs_ends_on_a_fixed_point() -> None:
    once = pipeline.clean_text(SWAPPING)
    assert pipeline.clean_text(once) == once
    assert set(once.split("\n\n")) <= set(SWAPPING.split("\n\n"))


def _swapping_clean(text: str, options: pipeline.Options = pipeline.DEFAULT_OPTIONS) -> Document:
    """A pass that puts its second paragraph first (a headline taken below the first one)."""
    first, second, *rest = text.split("\n\n")
    return Document(text="\n\n".join([second, first, *rest]))


@pytest.mark.parametrize("text", ["b\n\na\n\nc", "a\n\nb\n\nc"])
def test_a_cycle_of_passes_ends_on_its_smallest_text(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(pipeline, "clean", _swapping_clean)
    assert pipeline.clean_text(text) == "a\n\nb\n\nc"


def test_passes_that_settle_end_on_the_settled_text(monkeypatch: pytest.MonkeyPatch) -> None:
    def dropping_clean(text: str, options: pipeline.Options = pipeline.DEFAULT_OPTIONS) -> Document:
        return Document(text="\n\n".join(text.split("\n\n")[:2]))

    monkeypatch.setattr(pipeline, "clean", dropping_clean)
    assert pipeline.clean_text("c\n\nb\n\na") == "c\n\nb"
