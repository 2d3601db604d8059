"""planparse.frames gives schema/plan.sql's tables row for row as `planparse batch --to
sqlite` stores them, with real dtypes."""

import sqlite3

import pandas as pd
import pytest

import planparse
from conftest import SAMPLES, run_cli, sample_documents

EPOCH = "1767225600"  # 2026-01-01T00:00:00Z, for ingested_at on both sides
DATES = {"act_date", "published", "deadline_from", "deadline_to"}
TIMES = {"ingested_at", "at"}


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """The samples through the CLI into SQLite, and through planparse.frames."""
    database = tmp_path_factory.mktemp("export") / "plans.db"
    result = run_cli("batch", "samples", "--to", "sqlite", "-o", database, "-q", env={"SOURCE_DATE_EPOCH": EPOCH})
    assert result.returncode == 0, result.stderr
    paths = sample_documents()
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        frames = planparse.frames([planparse.parse(p) for p in paths], paths=paths)
    finally:
        mp.undo()
    return database, frames


def sqlite_frame(database, table):
    with sqlite3.connect(database) as db:
        return pd.read_sql_query(f"SELECT * FROM {table} ORDER BY rowid", db)


def test_every_table_of_plan_sql_has_its_frame_with_its_columns(export):
    database, frames = export
    with sqlite3.connect(database) as db:
        tables = [row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
        assert list(frames) == tables
        for table in tables:
            columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
            assert list(frames[table].columns) == columns, table


def test_frames_match_the_sqlite_export_row_for_row(export):
    database, frames = export
    assert len(frames["documents"]) == len(set(frames["documents"]["sha256"])) > 20
    for table, frame in frames.items():
        expected = sqlite_frame(database, table)
        # The export's values in the frames' types: ISO text to dates, 0/1 to bool, integers
        # to nullable Int64.
        for column in expected.columns:
            if column in DATES:
                expected[column] = pd.to_datetime(expected[column], format="%Y-%m-%d")
            elif column in TIMES:
                expected[column] = pd.to_datetime(expected[column], format="%Y-%m-%dT%H:%M:%SZ", utc=True)
            elif column == "as_agreed":
                expected[column] = expected[column].astype(bool)
            elif pd.api.types.is_integer_dtype(expected[column]) or str(frame[column].dtype) == "Int64":
                expected[column] = expected[column].astype("Int64")
            else:
                expected[column] = expected[column].astype(object).where(expected[column].notna(), None)
        pd.testing.assert_frame_equal(frame.reset_index(drop=True), expected.reset_index(drop=True), obj=table)


def test_frames_have_real_dtypes(export):
    _database, frames = export
    assert str(frames["outcomes"]["deadline_to"].dtype) == "datetime64[ns]"
    assert str(frames["outcomes"]["deadline_from"].dtype) == "datetime64[ns]"
    assert str(frames["documents"]["published"].dtype) == "datetime64[ns]"
    assert str(frames["documents"]["ingested_at"].dtype) == "datetime64[ns, UTC]"
    assert frames["agencies"]["as_agreed"].dtype == bool
    assert frames["agencies"]["as_agreed"].any() and not frames["agencies"]["as_agreed"].all()
    assert str(frames["activities"]["number"].dtype) == "Int64"
    assert str(frames["documents"]["id"].dtype) == "Int64"
    assert frames["activities"]["name"].map(type).eq(str).all()
    assert frames["agencies"]["abbr"].isna().any()  # NULL is None/NA, not "None"


def test_a_repeated_document_is_one_row_of_documents():
    plan = planparse.parse(SAMPLES / "follow-up-plan-2022.en.txt")
    frames = planparse.frames([plan, plan])
    assert len(frames["documents"]) == 1
    assert len(frames["activities"]) == 27
    assert frames["documents"]["path"].tolist() == ["follow-up-plan-2022.en.txt"]


def test_activities_due_in_2025_by_agency_as_in_the_readme():
    plans = [planparse.parse(p) for p in sorted(SAMPLES.glob("*.txt"))]
    t = planparse.frames(plans)
    due = (t["outcomes"].merge(t["activities"], left_on="activity_id", right_on="id")
           .merge(t["agencies"], on="activity_id", suffixes=("", "_agency")))
    due = due[due["deadline_to"].dt.year == 2025]
    by_agency = due.groupby(due["abbr"].fillna(due["name_agency"]))["activity_id"].nunique()
    assert by_agency.sum() > 0
    assert by_agency.index.is_unique
