"""Many plans on a Dask cluster: parsing on the workers, writing from the client.

    from dask.distributed import Client
    import planparse.dask as ppd

    client = Client("tcp://scheduler:8786")
    plans = ppd.read_plans("/shared/releases/**/*.htm")      # a dask.bag.Bag of records
    tables = ppd.to_frames(plans.persist())                   # {table: dask DataFrame}
    ppd.batch(["/shared/releases"], client=client, to="sqlite", out="plans.db")

The workers read the files themselves: the paths must name the same files on every worker
(a shared or replicated filesystem). Each input is handled by the batch's own per-input step
(feeds/batch.h process_input, through the binding), so a failure is the same record, and a
JSON line the same bytes, as ``planparse batch`` gives.
"""

import concurrent.futures
import glob as _glob
import json
import os
import sys

from . import PlanIOError, UsageError, _check, _path_bytes, _planparse
from . import _frames

__all__ = ["input_paths", "read_plans", "to_frames", "batch"]


def input_paths(paths_or_glob):
    """The files ``planparse batch`` would read for these inputs, in its order.

    A str is a glob pattern (``**`` recurses) or a single path; a list holds paths. Directories
    are walked for .txt, .text, .htm and .html; the result is sorted by bytes, without repeats.
    """
    if isinstance(paths_or_glob, (str, os.PathLike)):
        pattern = os.fspath(paths_or_glob)
        if _glob.has_magic(pattern):
            given = sorted(_glob.glob(pattern, recursive=True))
            if not given:
                raise PlanIOError("io-error", f"no file matches {pattern}")
        else:
            given = [pattern]
    else:
        given = [os.fspath(p) for p in paths_or_glob]
    found = _check(_planparse.collect_inputs([os.fsencode(p) for p in given]))
    return [os.fsdecode(p) for p in found]


def _options(strict, encoding, max_bytes, vocab, registry):
    """The options a worker's task gets: plain values, the vocabulary and registry as paths
    (bytes), never loaded objects. They are loaded here once, on the client, so that a missing
    or malformed one raises UsageError before any input is sent (as ``planparse batch`` stops
    before it reads one), and again by each task on its worker."""
    if max_bytes is None:
        max_bytes = _planparse.default_max_bytes
    vocab, registry = _path_bytes(vocab, "vocab"), _path_bytes(registry, "registry")
    if vocab is not None or registry is not None:
        _check(_planparse.check_context(vocab, registry))
    return bool(strict), encoding or "", int(max_bytes), vocab, registry


def _process_chunk(paths, strict, encoding, max_bytes, vocab, registry):
    """On a worker: (path, error line or None, code, sha256, JSON line) per input. The
    vocabulary and registry are loaded once for the whole chunk (parsers/context.h)."""
    items = _check(_planparse.process_inputs([os.fsencode(path) for path in paths], strict, encoding, max_bytes,
                                             vocab=vocab, registry=registry))
    return [(path, error, code, sha256, line) for path, (error, code, sha256, line, _size) in zip(paths, items)]


def _record(item):
    path, error, code, sha256, line = item
    if error is not None:
        return {"path": path, "sha256": sha256, "plan": None, "error": {"code": code, "line": error, "sha256": sha256}}
    return {"path": path, "sha256": sha256, "plan": json.loads(line), "error": None}


def _read_partition(chunks, strict, encoding, max_bytes, vocab, registry):
    """A partition's records: its chunks of paths parsed together, with one loaded context."""
    paths = [path for chunk in chunks for path in chunk]
    return [_record(item) for item in _process_chunk(paths, strict, encoding, max_bytes, vocab, registry)]


def read_plans(paths_or_glob, *, strict=False, encoding=None, vocab=None, registry=None, max_bytes=None,
               partition_size=16):
    """A dask.bag.Bag of one record per input, in ``planparse batch``'s order.

    Each record is {"path", "sha256", "plan": the dict planparse.parse gives, "error": None},
    or, for an input that failed, "plan" None and "error" {"code": "not-a-plan", "line": the
    line ``planparse batch`` prints, "sha256"}: failures are kept as records, never raised.
    ``vocab`` and ``registry`` are ``planparse.parse``'s, paths every worker can read; each
    partition loads them once. A missing or malformed one raises UsageError here.
    """
    import dask.bag as db
    options = _options(strict, encoding, max_bytes, vocab, registry)
    paths = input_paths(paths_or_glob)
    chunks = [paths[i:i + partition_size] for i in range(0, len(paths), partition_size)]
    return db.from_sequence(chunks, npartitions=max(1, len(chunks))).map_partitions(
        lambda parts: _read_partition(parts, *options))


def _partition_counts(records):
    rows = _frames.table_rows(records, ingested_at="1970-01-01T00:00:00Z")
    return [(len(rows["documents"]), len(rows["activities"]))]


def _partition_frames(records, first_document_id, first_activity_id, ingested_at):
    rows = _frames.table_rows(records, ingested_at=ingested_at, first_document_id=first_document_id,
                              first_activity_id=first_activity_id)
    return _frames.frames_from_rows(rows)


def to_frames(bag, *, ingested_at=None):
    """{table: dask.dataframe.DataFrame} of schema/plan.sql for a bag of read_plans records.

    Ids run on across partitions as the SQLite export numbers them; finding the offsets reads
    the bag once more, so persist it first (``to_frames(bag.persist())``) to parse only once.
    A document repeated in two partitions (same sha256) is kept in each; within one, once.
    """
    import dask
    import dask.dataframe as dd
    if ingested_at is None:
        ingested_at = _planparse.timestamp_now()
    parts = bag.to_delayed()
    counts = dask.compute(*[dask.delayed(_partition_counts)(part) for part in parts])
    pieces = []
    document_id, activity_id = 1, 1
    for part, (count,) in zip(parts, counts):
        pieces.append(dask.delayed(_partition_frames)(part, document_id, activity_id, ingested_at))
        document_id += count[0]
        activity_id += count[1]
    meta = _frames.frames_from_rows({})
    return {table: dd.from_delayed([dask.delayed(lambda f, t=table: f[t])(piece) for piece in pieces],
                                   meta=meta[table], verify_meta=False)
            for table in meta}


class _LocalExecutor:
    """Threads in this process when there is no Dask client (the GIL is released while parsing)."""

    def __init__(self):
        self.pool = concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 1)

    def submit(self, function, *args):
        return self.pool.submit(function, *args)

    def close(self):
        self.pool.shutdown(cancel_futures=True)


def _client_or_local(client):
    if client is not None:
        return client, False
    try:
        from distributed import default_client
        return default_client(), False
    except (ImportError, ValueError):
        return _LocalExecutor(), True


def batch(paths, *, client=None, to="jsonl", out=None, strict=False, encoding=None, vocab=None, registry=None,
          max_bytes=None, chunk_size=16, window=None, quiet=False):
    """``planparse batch PATHS --to TO -o OUT`` with the parsing done on a Dask cluster.

    Inputs are those of ``planparse batch`` (input_paths), cut into chunks of ``chunk_size``
    paths, each parsed on a worker; the client takes the results in sorted path order and is
    the only writer: JSONL to ``out`` (replaced atomically; None writes to stdout) or SQLite
    ``out`` (documents already stored are skipped). The bytes are ``planparse batch``'s. At most
    ``window`` chunks (default: 4 per worker thread, at least 8) are in flight, so the client's
    memory stays bounded. Failures are printed on stderr as the CLI prints them (unless
    ``quiet``) and, in SQLite, recorded in ``failures``. ``client`` defaults to the current
    Dask client, or to threads in this process when there is none. ``vocab`` and ``registry``
    are ``planparse.parse``'s (``batch --vocab DIR --registry FILE``): paths, sent to the
    workers as paths and loaded once per chunk there, so every worker must read them too.

    Returns {"parsed": n, "unchanged": n, "failed": n}. Raises UsageError for a missing or
    malformed vocab or registry (before any output is opened), PlanIOError when the output
    cannot be written (nothing is left behind).
    """
    if to not in ("jsonl", "sqlite"):
        raise UsageError("usage", f"to must be 'jsonl' or 'sqlite', not {to!r}")
    if to == "sqlite" and out is None:
        raise UsageError("usage", "to='sqlite' needs out= (a database file)")
    options = _options(strict, encoding, max_bytes, vocab, registry)
    inputs = input_paths(paths)
    ingested_at = _planparse.timestamp_now()

    writer = database = None
    if to == "sqlite":
        database = _check(_planparse.open_database(os.fsencode(out)))
    elif out is not None:
        writer = _planparse.AtomicWriter()
        failure = writer.open(os.fsencode(out))
        if failure is not None:
            from . import _raise
            _raise(failure)

    executor, local = _client_or_local(client)
    if window is None:
        threads = sum(executor.nthreads().values()) if hasattr(executor, "nthreads") else (os.cpu_count() or 1)
        window = max(8, 4 * threads)
    chunks = [inputs[i:i + chunk_size] for i in range(0, len(inputs), chunk_size)]
    report = {"parsed": 0, "unchanged": 0, "failed": 0}
    stdout = sys.stdout.buffer if writer is None and database is None else None
    ok = False
    try:
        pending = []
        next_chunk = 0
        while next_chunk < len(chunks) or pending:
            while next_chunk < len(chunks) and len(pending) < window:
                pending.append(executor.submit(_process_chunk, chunks[next_chunk], *options))
                next_chunk += 1
            for path, error, code, sha256, line in pending.pop(0).result():
                if error is not None:
                    report["failed"] += 1
                    if not quiet:
                        print("planparse: " + error, file=sys.stderr)
                    if database is not None:
                        row = _planparse.failure_row(os.fsencode(path), sha256, code, error,
                                                     _planparse.timestamp_now())
                        _raise_io(database.store_failure(row))
                elif database is not None:
                    stored = _check(database.store(line, os.fsencode(path), ingested_at))
                    report["parsed" if stored else "unchanged"] += 1
                elif writer is not None:
                    writer.write(line + "\n")
                    report["parsed"] += 1
                else:
                    stdout.write((line + "\n").encode("utf-8"))
                    report["parsed"] += 1
        ok = True
    finally:
        if local:
            executor.close()
        if database is not None:
            failure = database.close()
            if ok:
                _raise_io(failure)
        if writer is not None:
            if ok:
                _raise_io(writer.commit())
            else:
                writer.discard()
        if stdout is not None:
            stdout.flush()
    return report


def _raise_io(failure):
    if failure is not None:
        from . import _raise
        _raise(failure)
