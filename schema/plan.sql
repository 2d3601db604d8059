-- The relational form of planparse's output: what `planparse batch --to sqlite` creates and
-- fills, and what `--to csv` writes one file per table of (same columns, same order). One row
-- of `documents` per distinct input (by sha256); everything else hangs off it. Dates are ISO
-- text (YYYY-MM-DD), flags 0/1, absent values NULL (an empty field in CSV).
-- Every field of the JSON output (schema/README.md) lands in exactly one column, so the JSON
-- can be rebuilt from the rows (test_feeds.cpp does, for every sample).
-- Every TEXT value is valid UTF-8. A file name or path that is not (a name is whatever bytes
-- the file system holds) is shown with each stray byte as U+FFFD, and its exact bytes are kept
-- in the column named for it with "_bytes", percent-encoded as the JSON's `name_bytes`
-- ("pl%E0n.txt": every byte outside printable ASCII, and '%', as %HH).
-- The batch executes this file as it is, so every statement must be idempotent.

CREATE TABLE IF NOT EXISTS documents (
  id             INTEGER PRIMARY KEY,
  sha256         TEXT NOT NULL UNIQUE,  -- of the input's bytes: a re-run skips what it holds
  name           TEXT NOT NULL,         -- file name (U+FFFD for a byte that is not UTF-8)
  path           TEXT NOT NULL,         -- as given or found under a given directory (U+FFFD, as name)
  bytes          INTEGER NOT NULL,
  format         TEXT NOT NULL,         -- text | html | docx
  encoding       TEXT NOT NULL,         -- the charset decoded from
  language       TEXT NOT NULL,         -- en | ru | kk
  title          TEXT,
  act_date       TEXT,
  act_number     TEXT,
  published      TEXT,
  schema_version TEXT NOT NULL,         -- of the JSON the rows were flattened from
  ingested_at    TEXT NOT NULL,         -- UTC, ISO 8601; SOURCE_DATE_EPOCH fixes it
  -- Last, so that a database made before them gains them by ALTER TABLE (feeds/sqlite.cpp).
  name_bytes     TEXT,                  -- the name's exact bytes, percent-encoded; NULL when it is UTF-8
  path_bytes     TEXT                   -- the path's, likewise
);

CREATE TABLE IF NOT EXISTS intro (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in document order
  text        TEXT NOT NULL,            -- one paragraph between the title and the table
  PRIMARY KEY (document_id, position)
);

CREATE TABLE IF NOT EXISTS columns (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in the table's order
  role        TEXT NOT NULL,            -- number | name | outcome | deadline | agencies | other
  header      TEXT,                     -- NULL when the document prints none
  PRIMARY KEY (document_id, position)
);

CREATE TABLE IF NOT EXISTS sections (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in document order
  number      TEXT NOT NULL,            -- "I", "2", "B"
  title       TEXT NOT NULL,
  line        INTEGER NOT NULL,
  PRIMARY KEY (document_id, position)
);

CREATE TABLE IF NOT EXISTS activities (
  id          INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in document order
  number      INTEGER NOT NULL,         -- as printed
  section     TEXT,                     -- the section's number
  name        TEXT NOT NULL,
  line        INTEGER NOT NULL,
  label       TEXT                      -- the number as printed when it has parts ("1.2"), else NULL
);
CREATE INDEX IF NOT EXISTS activities_document ON activities(document_id, position);

CREATE TABLE IF NOT EXISTS items (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,
  PRIMARY KEY (activity_id, position)
);

CREATE TABLE IF NOT EXISTS outcomes (
  activity_id   INTEGER NOT NULL REFERENCES activities(id),
  position      INTEGER NOT NULL,
  text          TEXT NOT NULL,
  task          TEXT,
  deadline_text TEXT,
  deadline_from TEXT,
  deadline_to   TEXT,
  recurrence    TEXT,                   -- annual | semiannual | quarterly | monthly | ongoing
  PRIMARY KEY (activity_id, position)
);
CREATE INDEX IF NOT EXISTS outcomes_due ON outcomes(deadline_to);

CREATE TABLE IF NOT EXISTS agencies (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  position    INTEGER NOT NULL,
  text        TEXT NOT NULL,            -- as published, marker included
  kind        TEXT NOT NULL,            -- agency | group
  abbr        TEXT,
  name        TEXT,
  agency_id   TEXT,                     -- the body's registry id (parsers/registry/agencies.tsv)
  as_agreed   INTEGER NOT NULL,         -- 0 | 1
  PRIMARY KEY (activity_id, position)
);
CREATE INDEX IF NOT EXISTS agencies_abbr ON agencies(abbr);
CREATE INDEX IF NOT EXISTS agencies_agency_id ON agencies(agency_id);

CREATE TABLE IF NOT EXISTS extras (
  activity_id INTEGER NOT NULL REFERENCES activities(id),
  position    INTEGER NOT NULL,
  header      TEXT NOT NULL,            -- the "other" column's header (expected costs, funding)
  text        TEXT NOT NULL,
  PRIMARY KEY (activity_id, position)
);

CREATE TABLE IF NOT EXISTS abbreviations (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in the glossary's order
  abbr        TEXT NOT NULL,
  name        TEXT NOT NULL,
  agency_id   TEXT,                     -- the body's registry id
  line        INTEGER NOT NULL,
  PRIMARY KEY (document_id, position)
);

CREATE TABLE IF NOT EXISTS diagnostics (
  document_id INTEGER NOT NULL REFERENCES documents(id),
  position    INTEGER NOT NULL,         -- 1-based, in the output's order (by line)
  severity    TEXT NOT NULL,            -- error | warning | info
  code        TEXT NOT NULL,
  message     TEXT NOT NULL,
  line        INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS diagnostics_document ON diagnostics(document_id, position);

CREATE TABLE IF NOT EXISTS failures (
  path       TEXT NOT NULL,             -- the input that could not be parsed (U+FFFD, as documents.path)
  path_bytes TEXT NOT NULL,             -- its exact bytes, percent-encoded; '' when it is UTF-8 (a key
                                        -- column: a NULL would never match on a re-run)
  sha256     TEXT NOT NULL,             -- of its bytes; '' when they could not be read
  code       TEXT NOT NULL,             -- what failed: a code of ingest/diagnostic.h, e.g. io-error, no-table
  error      TEXT NOT NULL,             -- the one line the batch printed for it (controls and stray bytes escaped)
  at         TEXT NOT NULL,             -- UTC, ISO 8601, when it last failed
  PRIMARY KEY (path, path_bytes, sha256)  -- a re-run that fails again updates its row, never adds one
);
