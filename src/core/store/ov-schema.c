/* ov-schema.c — the database schema, as a list of migrations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each entry upgrades the schema by one version, inside the transaction that
 * ov-store.c opens; PRAGMA user_version counts how many have run. Entries are
 * never edited once released: a change is a new entry at the end.
 *
 * Conventions: dates are ISO 8601 text (YYYY-MM-DD), timestamps are UTC
 * (YYYY-MM-DDTHH:MM:SSZ); money is an integer number of cents (minor units)
 * with an ISO 4217 currency code beside it; stages are 1..6 (OvStage).
 */

#include "config.h"

#include "ov-store-private.h"

/* 1: accounts and their stage history */
static const char migration_1[] =
  "CREATE TABLE settings ("
  "  key   TEXT PRIMARY KEY,"
  "  value TEXT NOT NULL"
  ") STRICT;"

  "CREATE TABLE accounts ("
  "  id                    INTEGER PRIMARY KEY,"
  "  external_id           TEXT,"
  "  name                  TEXT NOT NULL CHECK (name <> ''),"
  "  segment               TEXT NOT NULL DEFAULT '',"
  "  owner                 TEXT NOT NULL DEFAULT '',"
  "  sales_owner           TEXT NOT NULL DEFAULT '',"
  "  arr_cents             INTEGER NOT NULL DEFAULT 0 CHECK (arr_cents >= 0),"
  "  currency              TEXT NOT NULL DEFAULT 'USD',"
  "  stage                 INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 6),"
  "  status                INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  close_date            TEXT,"
  "  kickoff_date          TEXT,"
  "  golive_date           TEXT,"
  "  first_value_date      TEXT,"
  "  first_value_milestone TEXT NOT NULL DEFAULT '',"
  "  package               TEXT NOT NULL DEFAULT '',"
  "  notes                 TEXT NOT NULL DEFAULT '',"
  "  created_at            TEXT NOT NULL,"
  "  updated_at            TEXT NOT NULL,"
  "  deleted_at            TEXT"
  ") STRICT;"
  "CREATE UNIQUE INDEX accounts_external_id ON accounts (external_id)"
  "  WHERE external_id IS NOT NULL;"
  "CREATE INDEX accounts_updated ON accounts (updated_at);"

  /* kind: 'enter' (moved into @stage), 'skip' (passed over without work) */
  "CREATE TABLE stage_events ("
  "  id          INTEGER PRIMARY KEY,"
  "  account_id  INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stage       INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  from_stage  INTEGER CHECK (from_stage BETWEEN 1 AND 6),"
  "  kind        TEXT NOT NULL DEFAULT 'enter' CHECK (kind IN ('enter', 'skip')),"
  "  happened_on TEXT NOT NULL,"
  "  note        TEXT NOT NULL DEFAULT '',"
  "  created_at  TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX stage_events_account ON stage_events (account_id, happened_on);";

/* 2: the stage journey: playbooks, people and roles, tasks, wizard answers */
static const char migration_2[] =
  "CREATE TABLE playbooks ("
  "  id          INTEGER PRIMARY KEY,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  segment     TEXT NOT NULL DEFAULT '',"      /* default playbook for this segment */
  "  is_default  INTEGER NOT NULL DEFAULT 0,"    /* default when no segment matches */
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  deleted_at  TEXT"
  ") STRICT;"

  "CREATE TABLE playbook_tasks ("
  "  id          INTEGER PRIMARY KEY,"
  "  playbook_id INTEGER NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,"
  "  stage       INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  title       TEXT NOT NULL CHECK (title <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  role        TEXT NOT NULL,"
  "  day_offset  INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE INDEX playbook_tasks_playbook ON playbook_tasks (playbook_id, stage, position);"

  "ALTER TABLE accounts ADD COLUMN playbook_id INTEGER"
  "  REFERENCES playbooks (id) ON DELETE SET NULL;"

  /* side: 0 internal, 1 customer */
  "CREATE TABLE people ("
  "  id         INTEGER PRIMARY KEY,"
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name       TEXT NOT NULL CHECK (name <> ''),"
  "  email      TEXT NOT NULL DEFAULT '',"
  "  side       INTEGER NOT NULL DEFAULT 0 CHECK (side IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX people_account ON people (account_id);"

  "CREATE TABLE person_roles ("
  "  person_id INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  role      TEXT NOT NULL,"
  "  PRIMARY KEY (person_id, role)"
  ") STRICT, WITHOUT ROWID;"

  /* assignee_id NULL: whoever holds @role on the account does it */
  "CREATE TABLE tasks ("
  "  id               INTEGER PRIMARY KEY,"
  "  account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stage            INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  title            TEXT NOT NULL CHECK (title <> ''),"
  "  description      TEXT NOT NULL DEFAULT '',"
  "  role             TEXT NOT NULL DEFAULT '',"
  "  assignee_id      INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  due_date         TEXT,"
  "  done_date        TEXT,"
  "  playbook_task_id INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,"
  "  created_at       TEXT NOT NULL,"
  "  updated_at       TEXT NOT NULL"
  ") STRICT;"
  "CREATE INDEX tasks_account ON tasks (account_id, stage);"
  "CREATE INDEX tasks_open_due ON tasks (due_date) WHERE done_date IS NULL;"

  /* What the stage wizards collect: one value per account, stage and field. */
  "CREATE TABLE stage_answers ("
  "  account_id INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stage      INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  field      TEXT NOT NULL,"
  "  value      TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  PRIMARY KEY (account_id, stage, field)"
  ") STRICT, WITHOUT ROWID;";

/* 3: CSV imports that can be undone, and measured metric values.
 * A batch's created rows carry its id and form the id range
 * first_created_id..last_created_id (an import holds the write lock, so
 * nothing else inserts meanwhile); rows it updated keep their earlier
 * values in import_backups as a JSON object. Events an import records for
 * existing accounts carry the batch id too. */
static const char migration_3[] =
  "CREATE TABLE import_batches ("
  "  id               INTEGER PRIMARY KEY,"
  "  kind             TEXT NOT NULL,"               /* accounts, people, tasks, metrics */
  "  source           TEXT NOT NULL DEFAULT '',"    /* the file's name */
  "  imported_at      TEXT NOT NULL,"
  "  n_created        INTEGER NOT NULL DEFAULT 0,"
  "  n_updated        INTEGER NOT NULL DEFAULT 0,"
  "  n_unchanged      INTEGER NOT NULL DEFAULT 0,"
  "  n_rejected       INTEGER NOT NULL DEFAULT 0,"
  "  first_created_id INTEGER,"
  "  last_created_id  INTEGER,"
  "  undone_at        TEXT"
  ") STRICT;"

  "CREATE TABLE import_backups ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  row_id   INTEGER NOT NULL,"
  "  old_row  TEXT NOT NULL,"
  "  PRIMARY KEY (batch_id, row_id)"
  ") STRICT, WITHOUT ROWID;"

  "ALTER TABLE accounts ADD COLUMN import_batch_id INTEGER;"
  "ALTER TABLE people ADD COLUMN import_batch_id INTEGER;"
  "ALTER TABLE tasks ADD COLUMN import_batch_id INTEGER;"
  "ALTER TABLE stage_events ADD COLUMN import_batch_id INTEGER;"
  "CREATE INDEX stage_events_import ON stage_events (import_batch_id)"
  "  WHERE import_batch_id IS NOT NULL;"

  /* Before/after measurements per account: NPS, health score, usage… */
  "CREATE TABLE metric_values ("
  "  id              INTEGER PRIMARY KEY,"
  "  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  metric          TEXT NOT NULL CHECK (metric <> ''),"
  "  value           REAL NOT NULL,"
  "  measured_on     TEXT NOT NULL,"
  "  is_baseline     INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER"
  ") STRICT;"
  "CREATE UNIQUE INDEX metric_values_key"
  "  ON metric_values (account_id, metric, measured_on, is_baseline);";

/* 4: identities that are never reused, and a version on every editable row.
 *
 * Without AUTOINCREMENT SQLite hands the largest id out again once its row
 * is gone, so an undo that finds "row 17" could meet a different account
 * than the one its batch wrote. Each table is rebuilt with AUTOINCREMENT
 * (SQLite cannot add it to a table in place); ov-store.c runs this with
 * foreign keys off and checks them before it commits, so dropping the old
 * tables cascades nothing.
 *
 * version starts at 1 and every UPDATE of the row adds one; writes from a
 * copy read earlier say "WHERE id = ? AND version = ?" and so notice a
 * change made since (another window, an import, the command line). */
static const char migration_4[] =
  "CREATE TABLE accounts_v4 ("
  "  id                    INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  external_id           TEXT,"
  "  name                  TEXT NOT NULL CHECK (name <> ''),"
  "  segment               TEXT NOT NULL DEFAULT '',"
  "  owner                 TEXT NOT NULL DEFAULT '',"
  "  sales_owner           TEXT NOT NULL DEFAULT '',"
  "  arr_cents             INTEGER NOT NULL DEFAULT 0 CHECK (arr_cents >= 0),"
  "  currency              TEXT NOT NULL DEFAULT 'USD',"
  "  stage                 INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 6),"
  "  status                INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  close_date            TEXT,"
  "  kickoff_date          TEXT,"
  "  golive_date           TEXT,"
  "  first_value_date      TEXT,"
  "  first_value_milestone TEXT NOT NULL DEFAULT '',"
  "  package               TEXT NOT NULL DEFAULT '',"
  "  notes                 TEXT NOT NULL DEFAULT '',"
  "  created_at            TEXT NOT NULL,"
  "  updated_at            TEXT NOT NULL,"
  "  deleted_at            TEXT,"
  "  playbook_id           INTEGER REFERENCES playbooks (id) ON DELETE SET NULL,"
  "  import_batch_id       INTEGER,"
  "  version               INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO accounts_v4 (id, external_id, name, segment, owner, sales_owner, arr_cents,"
  "  currency, stage, status, close_date, kickoff_date, golive_date, first_value_date,"
  "  first_value_milestone, package, notes, created_at, updated_at, deleted_at, playbook_id,"
  "  import_batch_id)"
  "  SELECT id, external_id, name, segment, owner, sales_owner, arr_cents,"
  "  currency, stage, status, close_date, kickoff_date, golive_date, first_value_date,"
  "  first_value_milestone, package, notes, created_at, updated_at, deleted_at, playbook_id,"
  "  import_batch_id FROM accounts;"
  "DROP TABLE accounts;"
  "ALTER TABLE accounts_v4 RENAME TO accounts;"
  "CREATE UNIQUE INDEX accounts_external_id ON accounts (external_id)"
  "  WHERE external_id IS NOT NULL;"
  "CREATE INDEX accounts_updated ON accounts (updated_at);"

  "CREATE TABLE stage_events_v4 ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stage           INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  from_stage      INTEGER CHECK (from_stage BETWEEN 1 AND 6),"
  "  kind            TEXT NOT NULL DEFAULT 'enter' CHECK (kind IN ('enter', 'skip')),"
  "  happened_on     TEXT NOT NULL,"
  "  note            TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER"
  ") STRICT;"
  "INSERT INTO stage_events_v4 (id, account_id, stage, from_stage, kind, happened_on, note,"
  "  created_at, import_batch_id)"
  "  SELECT id, account_id, stage, from_stage, kind, happened_on, note, created_at,"
  "  import_batch_id FROM stage_events;"
  "DROP TABLE stage_events;"
  "ALTER TABLE stage_events_v4 RENAME TO stage_events;"
  "CREATE INDEX stage_events_account ON stage_events (account_id, happened_on);"
  "CREATE INDEX stage_events_import ON stage_events (import_batch_id)"
  "  WHERE import_batch_id IS NOT NULL;"

  "CREATE TABLE playbooks_v4 ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name        TEXT NOT NULL CHECK (name <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  segment     TEXT NOT NULL DEFAULT '',"
  "  is_default  INTEGER NOT NULL DEFAULT 0,"
  "  created_at  TEXT NOT NULL,"
  "  updated_at  TEXT NOT NULL,"
  "  deleted_at  TEXT,"
  "  version     INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO playbooks_v4 (id, name, description, segment, is_default, created_at,"
  "  updated_at, deleted_at)"
  "  SELECT id, name, description, segment, is_default, created_at, updated_at, deleted_at"
  "  FROM playbooks;"
  "DROP TABLE playbooks;"
  "ALTER TABLE playbooks_v4 RENAME TO playbooks;"

  "CREATE TABLE playbook_tasks_v4 ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  playbook_id INTEGER NOT NULL REFERENCES playbooks (id) ON DELETE CASCADE,"
  "  stage       INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  position    INTEGER NOT NULL DEFAULT 0,"
  "  title       TEXT NOT NULL CHECK (title <> ''),"
  "  description TEXT NOT NULL DEFAULT '',"
  "  role        TEXT NOT NULL,"
  "  day_offset  INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "INSERT INTO playbook_tasks_v4 (id, playbook_id, stage, position, title, description, role,"
  "  day_offset)"
  "  SELECT id, playbook_id, stage, position, title, description, role, day_offset"
  "  FROM playbook_tasks;"
  "DROP TABLE playbook_tasks;"
  "ALTER TABLE playbook_tasks_v4 RENAME TO playbook_tasks;"
  "CREATE INDEX playbook_tasks_playbook ON playbook_tasks (playbook_id, stage, position);"

  "CREATE TABLE people_v4 ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  name            TEXT NOT NULL CHECK (name <> ''),"
  "  email           TEXT NOT NULL DEFAULT '',"
  "  side            INTEGER NOT NULL DEFAULT 0 CHECK (side IN (0, 1)),"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version         INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO people_v4 (id, account_id, name, email, side, created_at, updated_at,"
  "  import_batch_id)"
  "  SELECT id, account_id, name, email, side, created_at, updated_at, import_batch_id"
  "  FROM people;"
  "DROP TABLE people;"
  "ALTER TABLE people_v4 RENAME TO people;"
  "CREATE INDEX people_account ON people (account_id);"

  "CREATE TABLE tasks_v4 ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  stage            INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  title            TEXT NOT NULL CHECK (title <> ''),"
  "  description      TEXT NOT NULL DEFAULT '',"
  "  role             TEXT NOT NULL DEFAULT '',"
  "  assignee_id      INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  due_date         TEXT,"
  "  done_date        TEXT,"
  "  playbook_task_id INTEGER REFERENCES playbook_tasks (id) ON DELETE SET NULL,"
  "  created_at       TEXT NOT NULL,"
  "  updated_at       TEXT NOT NULL,"
  "  import_batch_id  INTEGER,"
  "  version          INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO tasks_v4 (id, account_id, stage, title, description, role, assignee_id,"
  "  due_date, done_date, playbook_task_id, created_at, updated_at, import_batch_id)"
  "  SELECT id, account_id, stage, title, description, role, assignee_id, due_date,"
  "  done_date, playbook_task_id, created_at, updated_at, import_batch_id FROM tasks;"
  "DROP TABLE tasks;"
  "ALTER TABLE tasks_v4 RENAME TO tasks;"
  "CREATE INDEX tasks_account ON tasks (account_id, stage);"
  "CREATE INDEX tasks_open_due ON tasks (due_date) WHERE done_date IS NULL;"

  "CREATE TABLE import_batches_v4 ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  kind             TEXT NOT NULL,"
  "  source           TEXT NOT NULL DEFAULT '',"
  "  imported_at      TEXT NOT NULL,"
  "  n_created        INTEGER NOT NULL DEFAULT 0,"
  "  n_updated        INTEGER NOT NULL DEFAULT 0,"
  "  n_unchanged      INTEGER NOT NULL DEFAULT 0,"
  "  n_rejected       INTEGER NOT NULL DEFAULT 0,"
  "  first_created_id INTEGER,"
  "  last_created_id  INTEGER,"
  "  undone_at        TEXT"
  ") STRICT;"
  "INSERT INTO import_batches_v4 SELECT id, kind, source, imported_at, n_created, n_updated,"
  "  n_unchanged, n_rejected, first_created_id, last_created_id, undone_at"
  "  FROM import_batches;"
  "DROP TABLE import_batches;"
  "ALTER TABLE import_batches_v4 RENAME TO import_batches;"

  "CREATE TABLE metric_values_v4 ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  metric          TEXT NOT NULL CHECK (metric <> ''),"
  "  value           REAL NOT NULL,"
  "  measured_on     TEXT NOT NULL,"
  "  is_baseline     INTEGER NOT NULL DEFAULT 0 CHECK (is_baseline IN (0, 1)),"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version         INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO metric_values_v4 (id, account_id, metric, value, measured_on, is_baseline,"
  "  created_at, updated_at, import_batch_id)"
  "  SELECT id, account_id, metric, value, measured_on, is_baseline, created_at, updated_at,"
  "  import_batch_id FROM metric_values;"
  "DROP TABLE metric_values;"
  "ALTER TABLE metric_values_v4 RENAME TO metric_values;"
  "CREATE UNIQUE INDEX metric_values_key"
  "  ON metric_values (account_id, metric, measured_on, is_baseline);"

  /* The wizard's answers are edited too; their key is their identity. */
  "ALTER TABLE stage_answers ADD COLUMN version INTEGER NOT NULL DEFAULT 1;";

/* 5: undo takes back only rows that are still as their import left them.
 *
 * import_backups.old_version is the version a row had when its batch
 * backed it up, left_version the one it has once the batch changed it: one
 * more (a batch changes a row once, and every UPDATE adds one), or more
 * after a later batch on the row was undone. Rows a batch created start at
 * version 1; import_created_versions holds those that are back at the
 * values their batch gave them under a later version, after a later batch
 * that changed them was undone.
 *
 * Backups and created rows of earlier batches get versions that make the
 * chain of batches on one row hold: the newest batch not undone that
 * changed a row finds it at its version now, each earlier one at one less
 * per later batch. */
#define LEGACY_LEFT_VERSIONS(table, kind)                                                   \
  "UPDATE import_backups AS b SET left_version = t.version - (SELECT count(*) "             \
  "  FROM import_backups AS l JOIN import_batches AS lb ON lb.id = l.batch_id "              \
  "  WHERE l.row_id = b.row_id AND l.batch_id > b.batch_id AND lb.kind = '" kind "' "        \
  "  AND lb.undone_at IS NULL) "                                                            \
  "  FROM " table " AS t, import_batches AS k "                                             \
  "  WHERE k.id = b.batch_id AND k.kind = '" kind "' AND t.id = b.row_id;"                  \
  "UPDATE import_backups SET old_version = left_version - 1 WHERE batch_id IN "             \
  "  (SELECT id FROM import_batches WHERE kind = '" kind "');"                              \
  "INSERT INTO import_created_versions (batch_id, row_id, version) "                        \
  "  SELECT c.batch_id, c.row_id, c.version - c.n FROM (SELECT t.import_batch_id AS batch_id," \
  "  t.id AS row_id, t.version, (SELECT count(*) FROM import_backups AS l "                 \
  "  JOIN import_batches AS lb ON lb.id = l.batch_id WHERE l.row_id = t.id "                \
  "  AND l.batch_id > t.import_batch_id AND lb.kind = '" kind "' "                          \
  "  AND lb.undone_at IS NULL) AS n FROM " table " AS t "                                   \
  "  JOIN import_batches AS k ON k.id = t.import_batch_id AND k.kind = '" kind "') AS c "   \
  "  WHERE c.n > 0;"

static const char migration_5[] =
  "ALTER TABLE import_backups ADD COLUMN old_version INTEGER;"
  "ALTER TABLE import_backups ADD COLUMN left_version INTEGER;"
  "CREATE TABLE import_created_versions ("
  "  batch_id INTEGER NOT NULL REFERENCES import_batches (id) ON DELETE CASCADE,"
  "  row_id   INTEGER NOT NULL,"
  "  version  INTEGER NOT NULL,"
  "  PRIMARY KEY (batch_id, row_id)"
  ") STRICT, WITHOUT ROWID;"
  LEGACY_LEFT_VERSIONS ("accounts", "accounts")
  LEGACY_LEFT_VERSIONS ("people", "people")
  LEGACY_LEFT_VERSIONS ("tasks", "tasks")
  LEGACY_LEFT_VERSIONS ("metric_values", "metrics");

/* No query ever read accounts by updated_at, and every insert and update
 * of an account paid for the index: a re-import of a million accounts
 * spent a tenth of its time on it. */
static const char migration_6[] =
  "DROP INDEX accounts_updated;";

/* A package's name is kept on its accounts (migration 7); migration 11
 * takes these down and puts them back around its rebuild of accounts. The
 * second runs before the package's row goes, so that no account refers to
 * it by then; such an account changed, and an editor holding it must hear
 * so. */
#define PACKAGES_TRIGGERS \
  "CREATE TRIGGER packages_renamed AFTER UPDATE OF name ON packages" \
  "  WHEN NEW.name IS NOT OLD.name BEGIN" \
  "  UPDATE accounts SET package = NEW.name WHERE package_id = NEW.id;" \
  "END;" \
  "CREATE TRIGGER packages_removed BEFORE DELETE ON packages BEGIN" \
  "  UPDATE accounts SET package_id = NULL, package = '', version = version + 1," \
  "  updated_at = " NOW " WHERE package_id = OLD.id;" \
  "END;"

/* 7: proving the impact: notes on measurements, the day an account
 * churned, meetings with the customer, and premium packages.
 *
 * The free-text package of an account becomes a package row, one per name
 * whatever its case (ov_fold(), which the store registers with SQLite, is
 * ov_package_name_key()); the most used spelling names it. The account
 * keeps its text as it was, as the name it shows, beside package_id: the
 * store writes the two together, a renamed package renames it on its
 * accounts and a removed one leaves them without. The text saves the
 * portfolio's one query a join per account.
 *
 * Existing churned accounts get the day of their last change as the day
 * they churned: the best the file knows. */
#define NOW "strftime ('%Y-%m-%dT%H:%M:%SZ', 'now')"

static const char migration_7[] =
  "ALTER TABLE metric_values ADD COLUMN note TEXT NOT NULL DEFAULT '';"
  /* Insights read one metric over the whole portfolio, in this order:
   * the index alone serves them, without a sort. */
  "CREATE INDEX metric_values_metric"
  "  ON metric_values (metric, account_id, measured_on, is_baseline DESC, value);"

  "ALTER TABLE accounts ADD COLUMN churned_on TEXT;"
  "UPDATE accounts SET churned_on = substr (updated_at, 1, 10) WHERE status = 2;"

  "CREATE TABLE meetings ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id      INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  kind            TEXT NOT NULL DEFAULT 'other'"
  "                  CHECK (kind IN ('kickoff', 'training', 'review', 'other')),"
  "  scheduled_on    TEXT NOT NULL,"
  "  attended        INTEGER NOT NULL DEFAULT 0 CHECK (attended IN (0, 1)),"
  "  note            TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version         INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "CREATE UNIQUE INDEX meetings_key ON meetings (account_id, scheduled_on, kind);"

  /* services: OvPackageServices bits; other_services: the rest, as text */
  "CREATE TABLE packages ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  name            TEXT NOT NULL CHECK (name <> ''),"
  "  name_key        TEXT NOT NULL UNIQUE CHECK (name_key <> ''),"
  "  price_cents     INTEGER NOT NULL DEFAULT 0 CHECK (price_cents >= 0),"
  "  currency        TEXT NOT NULL DEFAULT 'USD',"
  "  services        INTEGER NOT NULL DEFAULT 0 CHECK (services BETWEEN 0 AND 31),"
  "  other_services  TEXT NOT NULL DEFAULT '',"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version         INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO packages (name, name_key, price_cents, currency, services, other_services,"
  "  created_at, updated_at) VALUES"
  "  ('Essential', 'essential', 250000, 'USD', 1, '', " NOW ", " NOW "),"
  "  ('Guided', 'guided', 750000, 'USD', 5, '', " NOW ", " NOW "),"
  "  ('Premium', 'premium', 1500000, 'USD', 15, '', " NOW ", " NOW "),"
  "  ('Enterprise', 'enterprise', 4000000, 'USD', 31, 'Executive business reviews', "
  NOW ", " NOW ");"
  "INSERT INTO packages (name, name_key, created_at, updated_at)"
  "  SELECT name, name_key, " NOW ", " NOW " FROM ("
  "    SELECT trim (package) AS name, ov_fold (package) AS name_key, min (id) AS first,"
  "      row_number () OVER (PARTITION BY ov_fold (package)"
  "                          ORDER BY count (*) DESC, min (id)) AS pick"
  "    FROM accounts WHERE trim (package) <> '' GROUP BY trim (package))"
  "  WHERE pick = 1 AND name_key NOT IN (SELECT name_key FROM packages) ORDER BY first;"
  "ALTER TABLE accounts ADD COLUMN package_id INTEGER REFERENCES packages (id) ON DELETE SET NULL;"
  "UPDATE accounts SET package_id = (SELECT p.id FROM packages AS p"
  "  WHERE p.name_key = ov_fold (accounts.package)) WHERE trim (package) <> '';"

  PACKAGES_TRIGGERS;

/* 8: a health score set by hand, per account: the score, why, the last
 * day it holds and the day it was set. It is part of the account's row, so
 * setting or clearing it goes through the account's version like any other
 * change of the account. All four are there or none. */
static const char migration_8[] =
  "ALTER TABLE accounts ADD COLUMN health_override REAL"
  "  CHECK (health_override BETWEEN 0 AND 100);"
  "ALTER TABLE accounts ADD COLUMN health_override_reason TEXT NOT NULL DEFAULT '';"
  "ALTER TABLE accounts ADD COLUMN health_override_expires_on TEXT;"
  "ALTER TABLE accounts ADD COLUMN health_override_set_on TEXT;";

/* 9: the listening interview (principle 1): the question set, interviews
 * held with an account's customer, and what was answered.
 *
 * A question is data: the set starts with the six default questions in
 * the language of the user interface at the time the database is made
 * (ov_default_question(), a function the store gives SQL), and is the
 * user's own from then on. Positions run 1..n over all questions, retired
 * ones included; a retired question is not asked in new interviews.
 *
 * An answer keeps the question's text as it was asked (question_text):
 * rewording a question later never rewrites what was asked. question_id
 * is NULL for a question that is not in the set (an imported text), and
 * such an answer is keyed by its text. The interviewee is a person of the
 * account (person_id) or only a name; interviewee_name holds the name
 * either way, so an interview outlives the person's row. An import
 * (one row per answer) undoes by the answers' versions; the interviews it
 * made go with their last answer. */
#define DEFAULT_QUESTION(n) \
  "  (" #n ", ov_default_question (" #n "), " NOW ", " NOW ")"

static const char migration_9[] =
  "CREATE TABLE questions ("
  "  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  position   INTEGER NOT NULL CHECK (position >= 1),"
  "  text       TEXT NOT NULL CHECK (text <> ''),"
  "  retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),"
  "  created_at TEXT NOT NULL,"
  "  updated_at TEXT NOT NULL,"
  "  version    INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "INSERT INTO questions (position, text, created_at, updated_at) VALUES"
  DEFAULT_QUESTION (1) ","
  DEFAULT_QUESTION (2) ","
  DEFAULT_QUESTION (3) ","
  DEFAULT_QUESTION (4) ","
  DEFAULT_QUESTION (5) ","
  DEFAULT_QUESTION (6) ";"

  "CREATE TABLE interviews ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  account_id       INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  held_on          TEXT NOT NULL,"
  "  interviewer      TEXT NOT NULL DEFAULT '',"
  "  person_id        INTEGER REFERENCES people (id) ON DELETE SET NULL,"
  "  interviewee_name TEXT NOT NULL DEFAULT '',"
  "  stage            INTEGER NOT NULL CHECK (stage BETWEEN 1 AND 6),"
  "  notes            TEXT NOT NULL DEFAULT '',"
  "  created_at       TEXT NOT NULL,"
  "  updated_at       TEXT NOT NULL,"
  "  import_batch_id  INTEGER,"
  "  version          INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "CREATE INDEX interviews_account ON interviews (account_id, held_on);"
  "CREATE INDEX interviews_held ON interviews (held_on);"
  "CREATE INDEX interviews_import ON interviews (import_batch_id)"
  "  WHERE import_batch_id IS NOT NULL;"

  "CREATE TABLE interview_answers ("
  "  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  interview_id  INTEGER NOT NULL REFERENCES interviews (id) ON DELETE CASCADE,"
  "  question_id   INTEGER REFERENCES questions (id) ON DELETE SET NULL,"
  "  question_text TEXT NOT NULL CHECK (question_text <> ''),"
  "  answer        TEXT NOT NULL DEFAULT '',"
  "  updated_at    TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version       INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "CREATE UNIQUE INDEX interview_answers_question"
  "  ON interview_answers (interview_id, question_id) WHERE question_id IS NOT NULL;"
  "CREATE UNIQUE INDEX interview_answers_text"
  "  ON interview_answers (interview_id, question_text) WHERE question_id IS NULL;"
  "CREATE INDEX interview_answers_by_question ON interview_answers (question_id);"
  "CREATE INDEX interview_answers_by_text ON interview_answers (question_text);";

/* 10: the content library (one-to-many enablement): items built once and
 * assigned to accounts, and how far each customer person got with them.
 *
 * An item is matched by its title whatever its case (title_key, ov_fold()),
 * as completions files from a learning platform name it. An assignment is
 * made by a step (content_assign_steps): one account, or every account in
 * a stage or segment at once; undoing the step removes exactly the
 * assignments it added (assign_step_id), never those that were there
 * before. Completions are per item and person, at most one each; a person
 * without a row has not started. Playbook task templates and tasks may
 * point at an item: the training the task is about. */
static const char migration_10[] =
  "CREATE TABLE content_items ("
  "  id               INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  title            TEXT NOT NULL CHECK (title <> ''),"
  "  title_key        TEXT NOT NULL UNIQUE CHECK (title_key <> ''),"
  "  format           TEXT NOT NULL DEFAULT 'course'"
  "                   CHECK (format IN ('course', 'webinar', 'guide', 'video', 'exercise')),"
  "  role             TEXT NOT NULL DEFAULT '',"
  "  stage            INTEGER CHECK (stage BETWEEN 1 AND 6),"
  "  location         TEXT NOT NULL DEFAULT '',"
  "  duration_minutes INTEGER NOT NULL DEFAULT 0 CHECK (duration_minutes >= 0),"
  "  created_at       TEXT NOT NULL,"
  "  updated_at       TEXT NOT NULL,"
  "  import_batch_id  INTEGER,"
  "  version          INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"

  /* scope: 'account' (scope_value: the account's id), 'stage' (1..6),
   * 'segment' (the segment's name) */
  "CREATE TABLE content_assign_steps ("
  "  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  content_id  INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,"
  "  scope       TEXT NOT NULL CHECK (scope IN ('account', 'stage', 'segment')),"
  "  scope_value TEXT NOT NULL DEFAULT '',"
  "  n_added     INTEGER NOT NULL DEFAULT 0,"
  "  made_at     TEXT NOT NULL,"
  "  undone_at   TEXT"
  ") STRICT;"

  "CREATE TABLE content_assignments ("
  "  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  content_id     INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,"
  "  account_id     INTEGER NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,"
  "  assigned_on    TEXT NOT NULL,"
  "  assign_step_id INTEGER REFERENCES content_assign_steps (id) ON DELETE SET NULL,"
  "  created_at     TEXT NOT NULL"
  ") STRICT;"
  "CREATE UNIQUE INDEX content_assignments_key ON content_assignments (content_id, account_id);"
  "CREATE INDEX content_assignments_account ON content_assignments (account_id);"
  "CREATE INDEX content_assignments_step ON content_assignments (assign_step_id)"
  "  WHERE assign_step_id IS NOT NULL;"

  "CREATE TABLE content_completions ("
  "  id              INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  content_id      INTEGER NOT NULL REFERENCES content_items (id) ON DELETE CASCADE,"
  "  person_id       INTEGER NOT NULL REFERENCES people (id) ON DELETE CASCADE,"
  "  status          TEXT NOT NULL DEFAULT 'not_started'"
  "                  CHECK (status IN ('not_started', 'in_progress', 'completed')),"
  "  progress        INTEGER NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  completed_on    TEXT,"
  "  created_at      TEXT NOT NULL,"
  "  updated_at      TEXT NOT NULL,"
  "  import_batch_id INTEGER,"
  "  version         INTEGER NOT NULL DEFAULT 1"
  ") STRICT;"
  "CREATE UNIQUE INDEX content_completions_key ON content_completions (content_id, person_id);"
  "CREATE INDEX content_completions_person ON content_completions (person_id);"
  /* A completions file names people by email alone. */
  "CREATE INDEX people_email ON people (email COLLATE NOCASE) WHERE email <> '';"

  /* No REFERENCES on the added columns: a trigger lets go of a removed
   * item, and moves the versions of the tasks that pointed at it on, as
   * packages_removed does for accounts. */
  "ALTER TABLE playbook_tasks ADD COLUMN content_id INTEGER;"
  "ALTER TABLE tasks ADD COLUMN content_id INTEGER;"
  "CREATE TRIGGER content_items_removed BEFORE DELETE ON content_items BEGIN"
  "  UPDATE playbook_tasks SET content_id = NULL WHERE content_id = OLD.id;"
  "  UPDATE tasks SET content_id = NULL, version = version + 1, updated_at = " NOW
  "  WHERE content_id = OLD.id;"
  "END;";

/* 11: an ARR nobody knows is NULL, not 0. A CRM export's empty revenue
 * cell used to be stored as 0, which showed as $0 and counted in every
 * sum; now it stays empty. SQLite cannot drop NOT NULL in place, so the
 * table is rebuilt, as migration 4 did (ov-store.c runs this with the
 * foreign keys off and checks them before it commits; about two seconds
 * for 100,000 accounts). The triggers of packages name accounts in their
 * bodies: they go before the old table and come back unchanged, or the
 * rename would refuse to leave them pointing at a missing table. Zeros
 * stay zeros: nobody can tell now which of them were empty cells. */
static const char migration_11[] =
  "CREATE TABLE accounts_v11 ("
  "  id                         INTEGER PRIMARY KEY AUTOINCREMENT,"
  "  external_id                TEXT,"
  "  name                       TEXT NOT NULL CHECK (name <> ''),"
  "  segment                    TEXT NOT NULL DEFAULT '',"
  "  owner                      TEXT NOT NULL DEFAULT '',"
  "  sales_owner                TEXT NOT NULL DEFAULT '',"
  "  arr_cents                  INTEGER CHECK (arr_cents >= 0),"
  "  currency                   TEXT NOT NULL DEFAULT 'USD',"
  "  stage                      INTEGER NOT NULL DEFAULT 1 CHECK (stage BETWEEN 1 AND 6),"
  "  status                     INTEGER NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 2),"
  "  close_date                 TEXT,"
  "  kickoff_date               TEXT,"
  "  golive_date                TEXT,"
  "  first_value_date           TEXT,"
  "  first_value_milestone      TEXT NOT NULL DEFAULT '',"
  "  package                    TEXT NOT NULL DEFAULT '',"
  "  notes                      TEXT NOT NULL DEFAULT '',"
  "  created_at                 TEXT NOT NULL,"
  "  updated_at                 TEXT NOT NULL,"
  "  deleted_at                 TEXT,"
  "  playbook_id                INTEGER REFERENCES playbooks (id) ON DELETE SET NULL,"
  "  import_batch_id            INTEGER,"
  "  version                    INTEGER NOT NULL DEFAULT 1,"
  "  churned_on                 TEXT,"
  "  package_id                 INTEGER REFERENCES packages (id) ON DELETE SET NULL,"
  "  health_override            REAL CHECK (health_override BETWEEN 0 AND 100),"
  "  health_override_reason     TEXT NOT NULL DEFAULT '',"
  "  health_override_expires_on TEXT,"
  "  health_override_set_on     TEXT"
  ") STRICT;"
  "INSERT INTO accounts_v11 (id, external_id, name, segment, owner, sales_owner, arr_cents,"
  "  currency, stage, status, close_date, kickoff_date, golive_date, first_value_date,"
  "  first_value_milestone, package, notes, created_at, updated_at, deleted_at, playbook_id,"
  "  import_batch_id, version, churned_on, package_id, health_override,"
  "  health_override_reason, health_override_expires_on, health_override_set_on)"
  "  SELECT id, external_id, name, segment, owner, sales_owner, arr_cents,"
  "  currency, stage, status, close_date, kickoff_date, golive_date, first_value_date,"
  "  first_value_milestone, package, notes, created_at, updated_at, deleted_at, playbook_id,"
  "  import_batch_id, version, churned_on, package_id, health_override,"
  "  health_override_reason, health_override_expires_on, health_override_set_on"
  "  FROM accounts;"
  "DROP TRIGGER packages_renamed;"
  "DROP TRIGGER packages_removed;"
  "DROP TABLE accounts;"
  "ALTER TABLE accounts_v11 RENAME TO accounts;"
  "CREATE UNIQUE INDEX accounts_external_id ON accounts (external_id)"
  "  WHERE external_id IS NOT NULL;"
  PACKAGES_TRIGGERS;

const char * const ov_schema_migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
  migration_8,
  migration_9,
  migration_10,
  migration_11,
};

const guint ov_schema_n_migrations = G_N_ELEMENTS (ov_schema_migrations);
