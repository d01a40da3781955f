"""Scaling out: an ordered, bounded parallel map for ``cleaner -j N``, and
:func:`clean_jsonl_lines`, the one function to hand to Spark or Dask.

``ordered_map(fn, items, jobs)`` yields ``fn(item)`` for every item, in input
order, computed by ``jobs`` worker processes. Items are sent in chunks, and at
most ``jobs * CHUNKS_IN_FLIGHT_PER_WORKER`` chunks are out at once: the input is
read only as fast as the workers clean it, so memory stays flat however long
the stream is (``multiprocessing.Pool.imap`` would read the whole input
ahead). With ``jobs == 1`` it is the plain built-in ``map`` in this process.

Workers ignore SIGINT: Ctrl-C reaches the parent only, which stops the pool
(no traceback from each worker). ``fn`` must not raise for a bad item (turn it
into a value); an exception in a worker is re-raised in the parent.

>>> list(ordered_map(abs, [-3, 2, -1], jobs=1))
[3, 2, 1]

:func:`clean_jsonl_lines` maps JSONL lines to JSONL lines (what
``cleaner --from jsonl --to jsonl`` writes, one string per record, without
the newline), so it fits Spark's ``rdd.mapPartitions`` and Dask's
``bag.map_partitions`` as it is. A line that cannot be cleaned becomes its
reject record (with an ``error`` field) instead of vanishing.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.pool
import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator
from itertools import islice
from typing import TypeVar

from .pipeline import DEFAULT_OPTIONS, Options, RecordError, clean
from .reading import Reject, parse_jsonl_line
from .writing import dumps, reject_line, to_record

T = TypeVar("T")
R = TypeVar("R")

#: Items sent to a worker at once: large enough that the per-task overhead
#: (pickling, a pipe round trip) is small next to cleaning the chunk.
CHUNK_SIZE = 16
#: Chunks waiting or being worked on, per worker: keeps every worker busy
#: while the parent writes, and bounds what is held in memory.
CHUNKS_IN_FLIGHT_PER_WORKER = 4


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _apply_chunk(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    return [fn(item) for item in chunk]


def available_cores() -> int:
    """The cores this process may run on (the affinity mask, not the machine)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    jobs: int = 1,
    *,
    chunk_size: int = CHUNK_SIZE,
    in_flight: int | None = None,
) -> Generator[R, None, None]:
    """``map(fn, items)`` on ``jobs`` worker processes, in order, with bounded look-ahead.

    ``fn`` must be picklable (a module-level function or a ``functools.partial``
    of one). Closing the iterator (or leaving it through an exception) stops
    the workers.
    """
    if jobs < 1:
        raise ValueError(f"jobs must be at least 1, not {jobs}")
    if jobs == 1:
        yield from map(fn, items)
        return
    limit = in_flight if in_flight is not None else jobs * CHUNKS_IN_FLIGHT_PER_WORKER
    # fork: workers inherit the loaded model, lexicon and language profiles
    # (copy-on-write) instead of loading them again.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else None
    context = multiprocessing.get_context(method)
    pool = context.Pool(jobs, initializer=_ignore_sigint)
    try:
        source = iter(items)
        pending: deque[multiprocessing.pool.AsyncResult[list[R]]] = deque()
        exhausted = False
        while True:
            while not exhausted and len(pending) < limit:
                chunk = list(islice(source, chunk_size))
                if not chunk:
                    exhausted = True
                    break
                pending.append(pool.apply_async(_apply_chunk, (fn, chunk)))
            if not pending:
                break
            yield from pending.popleft().get()
        pool.close()
        pool.join()
    finally:
        pool.terminate()


def clean_jsonl_lines(
    lines: Iterable[str | bytes],
    options: Options = DEFAULT_OPTIONS,
    *,
    explain: bool = False,
    source: str = "partition",
) -> Iterator[str]:
    """Clean a partition of JSONL lines, lazily: one output line per input record.

    Each output is the record ``cleaner --to jsonl`` writes (input fields kept,
    the cleaner's fields added), or for a line that cannot be read or cleaned
    its reject record (``id``, ``source``, ``position``, ``error``). Blank lines
    are skipped. No trailing newlines: Spark's ``saveAsTextFile`` and Dask's
    ``to_textfiles`` add them.

    >>> out = list(clean_jsonl_lines(['{"id": 1, "text": "Share:\\\\n\\\\nThe council approved the budget on '
    ...                               'Monday after a long debate."}', "{oops"]))
    >>> import json; [(json.loads(line)["id"], "error" in json.loads(line)) for line in out]
    [(1, False), (None, True)]
    >>> json.loads(out[1])["error"]["kind"]
    'invalid-json'
    """
    for position, line in enumerate(lines, start=1):
        data = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
        item = parse_jsonl_line(data, source, position)
        if item is None:
            continue
        if isinstance(item, Reject):
            yield reject_line(item).rstrip("\n")
            continue
        payload_id = item.payload.get("id") if isinstance(item.payload, dict) else None
        try:
            doc = clean(item.payload, options)
        except RecordError as exc:
            yield reject_line(Reject(source, position, exc.kind, str(exc), id=payload_id)).rstrip("\n")
            continue
        except Exception as exc:  # as the command does: a bug must not take the job down
            message = f"{type(exc).__name__}: {exc}"
            yield reject_line(Reject(source, position, "internal-error", message, id=payload_id)).rstrip("\n")
            continue
        yield dumps(to_record(doc, explain=explain)).rstrip("\n")
