"""Plans as pandas DataFrames: one frame per table of schema/plan.sql.

The rows are the core's (feeds/relational.h ``flatten``, through the binding), the very rows
``planparse batch --to sqlite`` stores, with the same ids: documents numbered from 1 in the
order given, activities after them, a repeated document (same sha256) kept once. Only the
types are Python's: each column gets the dtype its SQL type and meaning call for —

- dates (``act_date``, ``published``, ``deadline_from``, ``deadline_to``): ``datetime64[ns]``;
- times (``ingested_at``, ``failures.at``): ``datetime64[ns, UTC]``;
- ``as_agreed``: ``bool``;
- every other INTEGER column: pandas' nullable ``Int64``;
- TEXT: ``object`` (str, or None for SQL NULL).

pandas 1.5 holds dates from 1677 to 2262; a date outside that range (a deadline typo such as
"до 2925 года") would become NaT, so it raises instead of vanishing.
"""

import json
import os
import sqlite3

from . import _planparse

DATE_COLUMNS = frozenset({"act_date", "published", "deadline_from", "deadline_to"})
TIME_COLUMNS = frozenset({"ingested_at", "at"})
BOOL_COLUMNS = frozenset({"as_agreed"})

_schema_types = None


def column_types():
    """{table: [(column, SQL type), ...]} as schema/plan.sql declares them, in its order.

    Read by SQLite itself from the SQL the core embeds, so that the frames follow the schema.
    """
    global _schema_types
    if _schema_types is None:
        db = sqlite3.connect(":memory:")
        try:
            db.executescript(_planparse.schema_sql())
            types = {}
            for table, _columns in _planparse.table_specs():
                info = db.execute(f"PRAGMA table_info({table})").fetchall()
                types[table] = [(row[1], row[2].upper()) for row in info]
        finally:
            db.close()
        _schema_types = types
    return _schema_types


def dtype_for(table, column, sql_type):
    if column in BOOL_COLUMNS:
        return "bool"
    if column in DATE_COLUMNS:
        return "datetime64[ns]"
    if column in TIME_COLUMNS:
        return "datetime64[ns, UTC]"
    if sql_type == "INTEGER":
        return "Int64"
    return "object"


def _convert(pd, table, column, sql_type, values):
    dtype = dtype_for(table, column, sql_type)
    if dtype == "object":
        return pd.Series(values, dtype="object", name=column)
    if dtype == "bool":
        return pd.Series([bool(v) for v in values], dtype="bool", name=column)
    if dtype == "Int64":
        return pd.Series(values, dtype="Int64", name=column)
    text = pd.Series(values, dtype="object", name=column)
    if dtype == "datetime64[ns]":
        converted = pd.to_datetime(text, format="%Y-%m-%d", errors="coerce")
    else:
        converted = pd.to_datetime(text, format="%Y-%m-%dT%H:%M:%SZ", errors="coerce", utc=True)
    lost = converted.isna() & text.notna()
    if lost.any():
        raise ValueError(f"{table}.{column}: {text[lost].iloc[0]!r} is not a date pandas can hold (1677-2262)")
    return converted.rename(column)


def _records(plans, paths):
    """(path, plan JSON text or None, failure record or None) for each item."""
    paths = list(paths) if paths is not None else None
    for index, item in enumerate(plans):
        if isinstance(item, dict) and "path" in item and ("plan" in item or "error" in item):
            # A record of planparse.dask.read_plans.
            if item.get("error") is not None:
                yield item["path"], None, item["error"]
            else:
                yield item["path"], _text(item["plan"]), None
            continue
        text = _text(item)
        if paths is not None:
            path = paths[index]
        else:
            path = json.loads(text)["source"]["name"] if not isinstance(item, dict) else item["source"]["name"]
        yield path, text, None


def _text(plan):
    if isinstance(plan, str):
        return plan
    if isinstance(plan, (bytes, bytearray)):
        return bytes(plan).decode("utf-8")
    return json.dumps(plan, ensure_ascii=False)


def table_rows(plans, *, paths=None, ingested_at=None, first_document_id=1, first_activity_id=1):
    """{table: [row tuple, ...]}: what the SQLite export holds for these plans, uncast."""
    if ingested_at is None:
        ingested_at = _planparse.timestamp_now()
    from . import _check
    tables = {name: [] for name, _columns in _planparse.table_specs()}
    seen = set()
    failures = {}
    document_id, activity_id = first_document_id, first_activity_id
    for path, text, error in _records(plans, paths):
        path_bytes = os.fsencode(path)
        if error is not None:
            row = _planparse.failure_row(path_bytes, error.get("sha256", ""), error["code"], error["line"],
                                         ingested_at)
            failures[(path, error.get("sha256", ""))] = row  # a repeat updates its row, as in SQLite
            continue
        rows = _check(_planparse.flatten(text, path_bytes, ingested_at, document_id, activity_id))
        sha256 = rows["documents"][0][1]
        if sha256 in seen:
            continue  # stored once per sha256, as `batch --to sqlite` does
        seen.add(sha256)
        for name, table in rows.items():
            tables[name].extend(table)
        document_id += 1
        activity_id += len(rows["activities"])
    tables["failures"].extend(failures.values())
    return tables


def frames_from_rows(tables):
    """{table: DataFrame} with the dtypes above, from table_rows' rows."""
    import pandas as pd
    out = {}
    for table, columns in column_types().items():
        rows = tables.get(table, [])
        data = {}
        for k, (column, sql_type) in enumerate(columns):
            data[column] = _convert(pd, table, column, sql_type, [row[k] for row in rows])
        out[table] = pd.DataFrame(data, columns=[column for column, _type in columns])
    return out


def frames(plans, *, paths=None, ingested_at=None):
    """{table: DataFrame} for the plans, row for row ``planparse batch --to sqlite``'s tables.

    ``plans`` holds plan dicts (as planparse.parse returns), their JSON text, or the records of
    planparse.dask.read_plans (whose failures fill ``failures``). ``paths`` gives each plan's
    ``documents.path`` (default: its ``source.name``); ``ingested_at`` the time recorded
    in ``documents`` and ``failures`` (default: now in UTC, or SOURCE_DATE_EPOCH's).
    """
    return frames_from_rows(table_rows(plans, paths=paths, ingested_at=ingested_at))


__all__ = ["frames", "table_rows", "frames_from_rows", "column_types", "dtype_for"]
