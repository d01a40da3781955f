"""Sequence decoding: settle each line's content/boilerplate state from its
neighbours with a two-state hidden Markov model (Viterbi).

A line's local probability of being content is the emission; switching
between content and boilerplate costs ``log(switch)``, so an isolated line
that disagrees weakly with both neighbours follows them (jusText's
context-sensitive pass, done as a proper decoder).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

#: Default probability that the next line changes state, for direct use of
#: :func:`viterbi`: 0.1 lets a lone sentence (p < 0.9) between furniture lines
#: follow them. The packaged line model carries its own, tuned value (0.45:
#: its stacked second stage already smooths over the neighbourhood; see
#: bench/train.py).
SWITCH_PROBABILITY = 0.1
#: Default prior of the first line being content (pages usually open with furniture).
START_CONTENT = 0.3

_EPSILON = 1e-6


def viterbi(
    probabilities: Sequence[float], *, switch: float = SWITCH_PROBABILITY, start_content: float = START_CONTENT
) -> list[bool]:
    """Most likely content (True) / boilerplate (False) sequence.

    >>> viterbi([0.9, 0.9, 0.35, 0.9, 0.02, 0.8, 0.02])
    [True, True, True, True, False, False, False]
    """
    if not probabilities:
        return []
    stay, move = math.log(1 - switch), math.log(switch)
    log = math.log
    lo, hi = _EPSILON, 1 - _EPSILON

    # the emissions of each line: log(1 - p) and log(p), p kept off 0 and 1 (min(max(p, lo), hi) written out)
    clipped = [hi if hi < (q := (lo if lo > p else p)) else q for p in probabilities]
    off, on = log(1 - clipped[0]), log(clipped[0])
    score_off, score_on = log(1 - start_content) + off, log(start_content) + on
    back: list[tuple[int, int]] = []
    for p in clipped[1:]:
        off, on = log(1 - p), log(p)
        off_off, off_on = score_off + stay, score_on + move  # into "off" from off, from on
        on_off, on_on = score_off + move, score_on + stay
        best_off = 0 if off_off >= off_on else 1
        best_on = 0 if on_off >= on_on else 1
        back.append((best_off, best_on))
        score_off = (off_off if best_off == 0 else off_on) + off
        score_on = (on_off if best_on == 0 else on_on) + on
    score = [score_off, score_on]
    state = 0 if score[0] > score[1] else 1
    states = [state]
    for pointers in reversed(back):
        state = pointers[state]
        states.append(state)
    states.reverse()
    return [s == 1 for s in states]
