"""planparse in Python: published plans of measures -> the JSON of ``planparse parse``.

    >>> import planparse
    >>> plan = planparse.parse("samples/follow-up-plan-2022.en.txt")
    >>> len(plan["activities"])
    27

``parse`` returns the JSON contract (schema/plan.schema.json, schema/README.md) as a dict,
exactly what ``planparse parse FILE`` prints. Failures raise ``planparse.Error``, a subclass
per exit code of the CLI. The GIL is released while the core parses, so threads scale.
``planparse.frames`` (pandas) gives schema/plan.sql's tables; ``planparse.dask`` runs many
plans on a Dask cluster. The C++ work is in the extension module ``_planparse``
(python/_planparse.cpp); this package is its Python face.
"""

import json as _json
import os as _os

from . import _planparse

__all__ = [
    "Error", "NotAPlanError", "UsageError", "PlanIOError", "InternalError",
    "parse", "parse_json", "validate", "diff", "frames", "schema_tables", "__version__",
]

__version__ = _planparse.version()


class Error(Exception):
    """A plan that could not be parsed, or a call that could not be made.

    ``exit_code`` is what ``planparse`` would exit with (README: 1 not a plan, 2 usage, 3 I/O,
    4 internal), ``code`` the failure's name in ingest/diagnostic.h ("invalid-utf8",
    "not-a-plan", "io-error" ...), ``message`` what is wrong and ``where`` where in the input
    ("byte 1234", "line 5"; "" when the whole input is at fault).
    """

    exit_code = 1

    def __init__(self, code, message, where="", *, exit_code=None):
        self.code = code
        self.message = message
        self.where = where
        if exit_code is not None:
            self.exit_code = exit_code
        super().__init__(code, message, where)

    def __str__(self):
        return self.message + (" at " + self.where if self.where else "")


class NotAPlanError(Error):
    """Exit 1: empty, binary, undecodable, no plan table, past a limit, or (strict) doubtful."""

    exit_code = 1


class UsageError(Error, ValueError):
    """Exit 2: an unknown encoding, an unreadable or malformed vocab or registry, a bad argument."""

    exit_code = 2


class PlanIOError(Error, OSError):
    """Exit 3: the input cannot be read or the output cannot be written."""

    exit_code = 3

    def __init__(self, code, message, where="", *, exit_code=None):
        Error.__init__(self, code, message, where, exit_code=exit_code)

    def __str__(self):
        return Error.__str__(self)


class InternalError(Error):
    """Exit 4: planparse broke its own schema (a bug), or memory ran out."""

    exit_code = 4


_BY_EXIT = {1: NotAPlanError, 2: UsageError, 3: PlanIOError, 4: InternalError}


def _raise(failure):
    exit_code, code, message, where = failure
    raise _BY_EXIT.get(exit_code, Error)(code, message, where, exit_code=exit_code)


def _check(result):
    value, failure = result
    if failure is not None:
        _raise(failure)
    return value


def _path_bytes(value, what):
    if value is None:
        return None
    try:
        return _os.fsencode(value)
    except TypeError:
        raise UsageError("usage", f"{what} must be a path (str or os.PathLike), not {type(value).__name__}") from None


def _parse_text(source, encoding, vocab, registry, strict, compact, max_bytes, name):
    if max_bytes is None:
        max_bytes = _planparse.default_max_bytes
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise UsageError("usage", f"max_bytes must be a whole number of bytes above zero, not {max_bytes!r}")
    options = dict(encoding=encoding or "", vocab=_path_bytes(vocab, "vocab"),
                   registry=_path_bytes(registry, "registry"), strict=bool(strict), compact=compact,
                   max_bytes=max_bytes)
    if isinstance(source, (bytes, bytearray, memoryview)):
        return _check(_planparse.parse_data(name or "<bytes>", bytes(source), **options))
    if isinstance(source, (str, _os.PathLike)):
        return _check(_planparse.parse_path(_os.fsencode(source), **options))
    read = getattr(source, "read", None)
    if read is None:
        raise UsageError("usage", "source must be a path, bytes or a binary file object, "
                                  f"not {type(source).__name__}")
    data = read()
    if isinstance(data, str):
        raise UsageError("usage", "source is a text file object: open it in binary mode ('rb'), "
                                  "planparse decodes the charset itself")
    if name is None:
        given = getattr(source, "name", None)
        name = _os.path.basename(_os.fsdecode(given)) if isinstance(given, (str, bytes)) else "<stream>"
    return _check(_planparse.parse_data(name, bytes(data), **options))


def parse(source, *, encoding=None, vocab=None, registry=None, strict=False, max_bytes=None, name=None):
    """Parse one plan; the dict ``planparse parse`` prints as JSON.

    ``source`` is a path (str or os.PathLike), bytes, or a binary file object (read whole).
    ``encoding`` names the charset ("windows-1251", aliases too) instead of detecting it;
    ``vocab`` a directory of <language>.tsv vocabularies, ``registry`` a registry file (as the
    CLI's --vocab and --registry); ``strict`` refuses a plan with error-severity diagnostics;
    ``max_bytes`` refuses larger input (default 256 MiB); ``name`` is the file name recorded in
    ``source.name`` for bytes and file objects (default "<bytes>", or the file object's name).
    Raises ``planparse.Error`` (NotAPlanError, UsageError, PlanIOError, InternalError).
    """
    return _json.loads(_parse_text(source, encoding, vocab, registry, strict, True, max_bytes, name))


def parse_json(source, *, encoding=None, vocab=None, registry=None, strict=False, max_bytes=None, name=None,
               compact=False):
    """As ``parse``, the JSON text itself: byte for byte what ``planparse parse`` (``--compact``) prints."""
    return _parse_text(source, encoding, vocab, registry, strict, compact, max_bytes, name)


def _document_text(doc):
    if isinstance(doc, str):
        return doc
    if isinstance(doc, (bytes, bytearray)):
        return bytes(doc).decode("utf-8", "surrogateescape")
    return _json.dumps(doc, ensure_ascii=False)


def validate(doc):
    """The schema violations of a plan (a dict, or JSON text): ["/pointer: message", ...], [] when valid.

    The checks of ``planparse validate``: the JSON Schema, then real calendar days and deadlines
    that do not start after they end. Text that is not JSON gives one violation at the root.
    """
    return _planparse.validate(_document_text(doc))


_DIFF_MODES = ("auto", "versions", "translations")


def _diff_side(side, default_name):
    if isinstance(side, (bytes, bytearray)):
        return default_name, bytes(side)
    if isinstance(side, (str, _os.PathLike)):
        path = _os.fspath(side)
        try:
            with open(path, "rb") as file:
                return _os.path.basename(_os.fsdecode(path)), file.read()
        except OSError as error:
            raise PlanIOError("io-error", f"cannot read {_os.fsdecode(path)}: {error.strerror}") from None
    if isinstance(side, dict):
        return default_name, _json.dumps(side, ensure_ascii=False).encode("utf-8")
    raise UsageError("usage", f"a diff side must be a plan dict, a path or bytes, not {type(side).__name__}")


def diff(old, new, mode="auto", *, vocab=None, registry=None):
    """What changed between two plans: the dict ``planparse diff --format json`` prints.

    Each side is a plan dict (as ``parse`` returns), a path to a document or to plan JSON, or
    the bytes of either. ``mode`` is "auto" (translations when the languages differ),
    "versions" or "translations". ``vocab`` and ``registry`` are ``parse``'s (the CLI's --vocab
    and --registry): a side that is a document is parsed with them, and the agencies of a
    schema 1.0 JSON side are linked with the registry; a missing or malformed one raises
    UsageError. The diff is the library's (diff/diff.h), schema/diff.schema.json.
    """
    if mode not in _DIFF_MODES:
        raise UsageError("usage", f"mode must be one of {', '.join(_DIFF_MODES)}, not {mode!r}")
    vocab, registry = _path_bytes(vocab, "vocab"), _path_bytes(registry, "registry")
    if vocab is not None or registry is not None:
        _check(_planparse.check_context(vocab, registry))  # reported before a side, as the CLI does
    old_name, old_bytes = _diff_side(old, "<old>")
    new_name, new_bytes = _diff_side(new, "<new>")
    return _json.loads(_check(_planparse.diff(old_name, old_bytes, new_name, new_bytes, mode,
                                              vocab=vocab, registry=registry)))


# The module frames.py (which imports pandas only when called) is loaded here, before the
# function below takes its name: `planparse.frames` is the function.
from . import frames as _frames  # noqa: E402


def frames(plans, *, paths=None, ingested_at=None):
    """schema/plan.sql's tables as pandas DataFrames, row for row what ``planparse batch --to
    sqlite`` stores; see planparse/frames.py."""
    return _frames.frames(plans, paths=paths, ingested_at=ingested_at)


def schema_tables():
    """[(table, [column, ...]), ...] in schema/plan.sql's order."""
    return [(name, list(columns)) for name, columns in _planparse.table_specs()]
