"""Line labels of a dump, derived from the ground truth (training data and oracle ceiling).

Body datasets (every non-blank line gets 0 or 1):
- a line with >= 4 tokens (``\\w+``) is content (1) when at least ``SHARE`` of its 4-token
  shingles occur among the ground-truth body's shingles;
- a shorter line (0-3 tokens) is content when its exact token sequence occurs in the ground-truth
  token sequence and an adjacent non-blank line (previous or next) is content; this is applied
  repeatedly, so a run of short lines (a list inside the article) next to content is content;
- blank lines get ``None``.

Snippet dataset (trafilatura-eval, no body): 1 for a line containing a with-snippet, 0 for a line
containing a without-snippet (whitespace-normalised, case-sensitive), ``None`` otherwise and when
a line holds both.

Headline: the first line whose text matches the ground-truth title under the title-accuracy
rule (normalised tokens, trailing " | Site" suffix may be dropped on either side).
"""

from __future__ import annotations

from collections.abc import Sequence

from bench.metrics import TOKEN_RE, title_match, ws_norm

SHARE = 0.5
N = 4

Label = int | None


def _tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text)


def _grams(tokens: Sequence[str], n: int) -> set[tuple[str, ...]]:
    return {tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)}


class BodyIndex:
    """The ground-truth body's token n-grams for n = 1..4."""

    def __init__(self, body: str) -> None:
        toks = _tokens(body or "")
        self.grams = {n: _grams(toks, n) for n in range(1, N + 1)}

    def shingle_share(self, tokens: Sequence[str]) -> float:
        sh = [tuple(tokens[i : i + N]) for i in range(len(tokens) - N + 1)]
        if not sh:
            return 0.0
        found = self.grams[N]
        return sum(1 for s in sh if s in found) / len(sh)

    def has_sequence(self, tokens: Sequence[str]) -> bool:
        if not tokens:
            return True
        return tuple(tokens) in self.grams[len(tokens)]


def body_labels(lines: Sequence[str], body: str, share: float = SHARE, propagate: bool = True) -> list[Label]:
    """0/1 per non-blank line, None per blank line.

    propagate=False is the literal one-pass rule (a short line needs a long content neighbour);
    True repeats it, so runs of short lines next to content follow (higher P and R, see README).
    """
    index = BodyIndex(body)
    labels: list[Label] = [None] * len(lines)
    short: list[int] = []
    nonblank: list[int] = []
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        nonblank.append(i)
        toks = _tokens(line)
        if len(toks) >= N:
            labels[i] = 1 if index.shingle_share(toks) >= share else 0
        else:
            labels[i] = 0
            if index.has_sequence(toks):
                short.append(i)
    # short lines: content if a neighbouring non-blank line is content (repeat until stable)
    pos = {line_no: k for k, line_no in enumerate(nonblank)}
    pending = set(short)
    while pending:
        base = list(labels)  # one-pass: neighbours as they were before this pass
        newly = set()
        for i in sorted(pending):
            k = pos[i]
            ref = labels if propagate else base
            prev_ok = k > 0 and ref[nonblank[k - 1]] == 1
            next_ok = k + 1 < len(nonblank) and ref[nonblank[k + 1]] == 1
            if prev_ok or next_ok:
                labels[i] = 1
                newly.add(i)
        pending -= newly
        if not newly or not propagate:
            break
    return labels


def snippet_labels(lines: Sequence[str], with_: Sequence[str], without: Sequence[str]) -> list[Label]:
    w = [s for s in (ws_norm(x) for x in with_) if s]
    wo = [s for s in (ws_norm(x) for x in without) if s]
    labels: list[Label] = []
    for line in lines:
        n = ws_norm(line)
        if not n:
            labels.append(None)
            continue
        has_w = any(s in n for s in w)
        has_wo = any(s in n for s in wo)
        labels.append(1 if has_w and not has_wo else 0 if has_wo and not has_w else None)
    return labels


def title_line(lines: Sequence[str], title: str | None) -> int | None:
    if not title:
        return None
    for i, line in enumerate(lines):
        if line.strip() and title_match(line, title):
            return i
    return None


def kept_text(lines: Sequence[str], labels: Sequence[Label]) -> str:
    """The 'perfect line choice': exactly the label-1 lines."""
    return "\n".join(line for line, lab in zip(lines, labels, strict=True) if lab == 1)


def split_lines(text: str) -> list[str]:
    """Lines of a dump, blank ones included (no trailing empty line for a final newline)."""
    return text.splitlines()
