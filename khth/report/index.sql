-- The KHTH index of a corpus (plan-report index): plain SQL that SQLite and PostgreSQL both run.
-- Text, integers and primary keys only; lists (issuer names, recipients, duties) are JSON text.
-- Dates are ISO 8601 text (possibly reduced: "2024-04"), numbers the number key ("260-KH/TU").
CREATE TABLE IF NOT EXISTS khth_index (key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- each file read, by the SHA-256 of its content: a later run checks again only files whose hash changed
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size BIGINT NOT NULL, records INTEGER NOT NULL);
-- each record of a file (pointer: its JSON Pointer there), with its parent citation as printed
CREATE TABLE IF NOT EXISTS records (
    file TEXT NOT NULL, pointer TEXT NOT NULL, id TEXT NOT NULL, profile TEXT NOT NULL, digest TEXT,
    number TEXT, issue_date TEXT, level TEXT, system TEXT, issuer_code TEXT, display TEXT NOT NULL,
    issuer_names TEXT NOT NULL,
    issuer_name TEXT, acting_body TEXT, unit_code TEXT, unit_scheme TEXT, title TEXT,
    parent_id TEXT, parent_number TEXT, parent_date TEXT, parent_issuer TEXT,
    recipients TEXT NOT NULL, duties TEXT NOT NULL,
    PRIMARY KEY (file, pointer));
-- a root is found by its number; the plans answering a record by the number and date they cite
CREATE INDEX IF NOT EXISTS records_number ON records (number, issue_date);
CREATE INDEX IF NOT EXISTS records_parent ON records (parent_number, parent_date);
-- plan-validate's findings on each file, in the order it gave them
CREATE TABLE IF NOT EXISTS findings (
    file TEXT NOT NULL, position INTEGER NOT NULL, code TEXT NOT NULL, severity TEXT NOT NULL,
    vi TEXT NOT NULL, en TEXT NOT NULL, pointer TEXT, line INTEGER, col INTEGER,
    PRIMARY KEY (file, position));
