/* ov-store-journey.c — moving an account through the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A stage change is an event with a date (stage_events), so the time spent
 * in each stage can be measured. Completing or skipping a stage writes the
 * events, moves the account and creates the next stage's tasks in one
 * transaction: a failure anywhere leaves the account as it was.
 */

#define G_LOG_DOMAIN "ov-journey"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-journey-private.h"
#include "ov-store-journey.h"
#include "ov-stage.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-completion-private.h"
#include "ov-store-playbooks.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

/* The playbook tasks of the stage each target entered, as tasks due the
 * day it entered plus their offset. The playbook is the one
 * ov_store_resolve_playbook() finds: the account's own while it is live,
 * else its segment's, else the default. A task the stage has already (the
 * same playbook task, or one whose title folds to the same) is not made
 * again, nor a second template of one title. @targets is a SELECT of
 * (account_id, stage, entered); ?10 is the time of writing and ?11 the
 * import batch, or NULL.
 *
 * An import enters 100,000 stages at once: each target finds its
 * templates through the index on (playbook_id, stage, position), and the
 * templates that come first of their folded title in their stage are
 * found once, for all targets, as a list of ids (which SQLite looks up in
 * an index of its own). The day entered is read once per target, as a
 * day number the offset is added to. @unless_there is UNLESS_THERE, or
 * nothing when the targets are accounts made by the same import, which
 * have no tasks yet: a statement that does not read the tasks it writes
 * needs no copy of its rows before it writes them. */
#define UNLESS_THERE                                                                      \
  "AND NOT EXISTS (SELECT 1 FROM tasks x WHERE x.account_id = c.account_id "               \
  "  AND x.stage = c.stage AND (x.playbook_task_id = pt.id "                               \
  "  OR ov_fold (x.title) = ov_fold (pt.title))) "
#define STAGE_TASKS_SQL(targets, unless_there)                                            \
  "WITH target (account_id, stage, entered) AS (" targets "), "                           \
  "chosen AS (SELECT t.account_id, t.stage, julianday (t.entered) AS entered, COALESCE (" \
  "  (SELECT p.id FROM playbooks p WHERE p.id = a.playbook_id AND p.deleted_at IS NULL), " \
  "  (SELECT p.id FROM playbooks p WHERE p.deleted_at IS NULL AND p.segment <> '' "        \
  "   AND p.segment = a.segment COLLATE NOCASE ORDER BY p.id LIMIT 1), "                    \
  "  (SELECT p.id FROM playbooks p WHERE p.is_default <> 0 AND p.deleted_at IS NULL "       \
  "   ORDER BY p.id LIMIT 1)) AS playbook_id "                                             \
  "  FROM target t JOIN accounts a ON a.id = t.account_id), "                              \
  "first_of_title AS MATERIALIZED (SELECT id FROM (SELECT pt.id, row_number () OVER ("     \
  "  PARTITION BY pt.playbook_id, pt.stage, ov_fold (pt.title) "                           \
  "  ORDER BY pt.position, pt.id) AS n "                                                   \
  "  FROM playbook_tasks pt WHERE pt.playbook_id IN (SELECT playbook_id FROM chosen)) "    \
  "  WHERE n = 1) "                                                                        \
  "INSERT INTO tasks (account_id, stage, title, description, role, due_date, "            \
  "  playbook_task_id, created_at, updated_at, import_batch_id, content_id) "              \
  "SELECT c.account_id, c.stage, pt.title, pt.description, pt.role, "                     \
  "  date (c.entered + pt.day_offset), pt.id, ?10, ?10, ?11, pt.content_id "                \
  "FROM chosen c JOIN playbook_tasks pt ON pt.playbook_id = c.playbook_id "                \
  "  AND pt.stage = c.stage "                                                              \
  "WHERE pt.id IN first_of_title " unless_there                                          \
  "ORDER BY c.account_id, c.stage, pt.position, pt.id"

gboolean
ov_store_create_stage_tasks (OvStore  *self,
                             gint64    account_id,
                             OvStage   stage,
                             OvDate    entered,
                             guint    *n_created,
                             GError  **error)
{
  g_autofree char *now = NULL;
  sqlite3_stmt *stmt;
  guint created;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (entered != OV_DATE_NONE, FALSE);

  if (n_created != NULL)
    *n_created = 0;

  if (!ov_store_check_account (self, account_id, error))
    return FALSE;

  stmt = ov_store_prepare (self, STAGE_TASKS_SQL ("SELECT ?1, ?2, ?3", UNLESS_THERE), error);
  if (stmt == NULL)
    return FALSE;

  now = ov_store_now_utc ();
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  ov_bind_date (stmt, 3, entered);
  sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_null (stmt, 11);
  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  created = sqlite3_changes (ov_store_get_db (self));
  if (created > 0)
    ov_store_emit_changed (self, "tasks");
  if (n_created != NULL)
    *n_created = created;
  return TRUE;
}

/* The stages an import entered on active accounts: of the accounts it
 * made (?3 = 1) or of those it found (?3 = 0). */
#define IMPORT_TARGETS                                                                    \
  "SELECT e.account_id, e.stage, e.happened_on "                                          \
  "FROM stage_events e JOIN accounts a ON a.id = e.account_id "                           \
  "WHERE e.import_batch_id = ?1 AND e.kind = 'enter' AND a.stage = e.stage "              \
  "AND a.status = ?2 AND a.deleted_at IS NULL AND (a.import_batch_id IS ?1) = ?3"

/**
 * ov_store_create_import_stage_tasks:
 * @batch_id: an import batch
 * @now: the batch's time of writing
 * @n_created: (out) (optional): how many tasks were made
 *
 * For every stage an import entered (its "enter" events of @batch_id) on an
 * active account, the stage's playbook tasks, made as
 * ov_store_create_stage_tasks() makes them and marked with the batch, so
 * undoing it takes them back. Accounts that are paused, churned or done
 * come in as history and get none.
 *
 * The accounts the import found come first, then those it made, which
 * have higher ids: the tasks are written in the order of their accounts,
 * as one statement over all of them would write them.
 */
gboolean
ov_store_create_import_stage_tasks (OvStore     *self,
                                    gint64       batch_id,
                                    const char  *now,
                                    guint       *n_created,
                                    GError     **error)
{
  const char *sql[] = {
    STAGE_TASKS_SQL (IMPORT_TARGETS, UNLESS_THERE),
    STAGE_TASKS_SQL (IMPORT_TARGETS, ""),
  };
  guint created = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (n_created != NULL)
    *n_created = 0;

  for (guint made = 0; made < G_N_ELEMENTS (sql); made++)
    {
      sqlite3_stmt *stmt = ov_store_prepare (self, sql[made], error);

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, batch_id);
      sqlite3_bind_int (stmt, 2, OV_ACCOUNT_STATUS_ACTIVE);
      sqlite3_bind_int (stmt, 3, made);
      sqlite3_bind_text (stmt, 10, now, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 11, batch_id);
      if (!ov_store_step_done (self, stmt, error))
        return FALSE;

      created += sqlite3_changes (ov_store_get_db (self));
    }

  if (created > 0)
    ov_store_emit_changed (self, "tasks");
  if (n_created != NULL)
    *n_created = created;
  return TRUE;
}

/* When the account last entered @stage, or OV_DATE_NONE. */
static gboolean
stage_entered_on (OvStore  *self,
                  gint64    account_id,
                  OvStage   stage,
                  OvDate   *entered,
                  GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT max(happened_on) FROM stage_events "
                           "WHERE account_id = ?1 AND stage = ?2 AND kind = 'enter'",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  rc = sqlite3_step (stmt);
  *entered = OV_DATE_NONE;
  if (rc == SQLITE_ROW)
    ov_date_parse_iso ((const char *)sqlite3_column_text (stmt, 0), entered, NULL);
  sqlite3_reset (stmt);

  if (rc != SQLITE_ROW)
    {
      ov_store_set_error (self, error, rc, NULL);
      return FALSE;
    }

  return TRUE;
}

/* Checks shared by completing and skipping; returns the account. */
static OvAccount *
account_for_move (OvStore  *self,
                  gint64    account_id,
                  OvStage   stage,
                  OvDate    on,
                  GError  **error)
{
  g_autoptr(OvAccount) account = NULL;
  OvDate entered;

  if (stage == OV_STAGE_LAST)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_LAST_STAGE,
                   _("%s is the last stage: there is no stage after it. The account stays "
                     "in %s as long as it is a customer."),
                   ov_stage_get_title (stage), ov_stage_get_title (stage));
      return NULL;
    }

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return NULL;

  if (ov_account_get_status (account) == OV_ACCOUNT_STATUS_CHURNED)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_CHURNED,
                   _("“%s” has churned, so its journey has ended. Set its status back to "
                     "active to move it on."),
                   ov_account_get_name (account));
      return NULL;
    }

  if (ov_account_get_stage (account) != stage)
    {
      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_STAGE,
                   _("“%s” is in %s now, not in %s; it may have been moved meanwhile."),
                   ov_account_get_name (account),
                   ov_stage_get_title (ov_account_get_stage (account)),
                   ov_stage_get_title (stage));
      return NULL;
    }

  if (!stage_entered_on (self, account_id, stage, &entered, error))
    return NULL;

  if (entered != OV_DATE_NONE && on < entered)
    {
      g_autofree char *on_iso = ov_date_to_iso (on);
      g_autofree char *entered_iso = ov_date_to_iso (entered);

      g_set_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE,
                   _("Date: %s is before the account entered %s on %s."),
                   on_iso, ov_stage_get_title (stage), entered_iso);
      return NULL;
    }

  return g_steal_pointer (&account);
}

/* Moves the stored account to the stage after @stage on @on and gives it
 * that stage's tasks; inside the caller's transaction. */
static gboolean
advance (OvStore    *self,
         OvAccount  *account,
         OvStage     stage,
         OvDate      on,
         GError    **error)
{
  g_autofree char *now = ov_store_now_utc ();
  gint64 account_id = ov_account_get_id (account);
  OvStage next = stage + 1;
  sqlite3_stmt *stmt;

  /* @account was read in this transaction: the check is for the rule's
   * sake, every write of an account names the version it read. */
  stmt = ov_store_prepare (self,
                           "UPDATE accounts SET stage = ?2, updated_at = ?3, "
                           "version = version + 1 WHERE id = ?1 AND version = ?4",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, next);
  sqlite3_bind_text (stmt, 3, now, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, ov_account_get_version (account));

  return ov_store_step_versioned (self, stmt, OV_ROW_ACCOUNT, account_id,
                                  ov_account_get_version (account), error) &&
         ov_store_add_stage_event (self, account_id, next, stage, FALSE, on, NULL, error) &&
         ov_store_create_stage_tasks (self, account_id, next, on, NULL, error);
}

gboolean
ov_store_complete_stage (OvStore         *self,
                         gint64           account_id,
                         OvStage          stage,
                         OvStageAnswers  *answers,
                         OvDate           on,
                         GError         **error)
{
  return ov_store_complete_stage_with_tasks (self, account_id, stage, answers, on, NULL, 0,
                                             NULL, error);
}

gboolean
ov_store_complete_stage_with_tasks (OvStore             *self,
                                    gint64               account_id,
                                    OvStage              stage,
                                    OvStageAnswers      *answers,
                                    OvDate               on,
                                    const OvTaskChoice  *choices,
                                    guint                n_choices,
                                    OvStageCompletion  **completion,
                                    GError             **error)
{
  g_autoptr(OvStageAnswers) stored = NULL;
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GHashTable) versions = NULL;
  g_autoptr(OvStageCompletion) done = NULL;
  gboolean was_modified;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (answers == NULL || OV_IS_STAGE_ANSWERS (answers), FALSE);
  g_return_val_if_fail (answers == NULL ||
                        (ov_stage_answers_get_account_id (answers) == account_id &&
                         ov_stage_answers_get_stage (answers) == stage), FALSE);
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);
  g_return_val_if_fail (choices != NULL || n_choices == 0, FALSE);

  was_modified = answers != NULL && ov_stage_answers_get_modified (answers);
  /* Saving the answers inside the transaction takes their new versions;
   * if it is rolled back, the answers go back to the ones still stored. */
  versions = answers != NULL ? ov_stage_answers_dup_stored (answers) : NULL;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  account = account_for_move (self, account_id, stage, on, error);
  if (account == NULL)
    goto failed;

  if (answers == NULL)
    {
      stored = ov_store_load_answers (self, account_id, stage, error);
      if (stored == NULL)
        goto failed;
      answers = stored;
    }

  /* Saving the account with its stage unchanged writes no stage event of
   * its own: advance() records the one dated @on. */
  ov_stage_answers_copy_facts (answers, account);

  if (!ov_stage_answers_validate (answers, on, NULL, error) ||
      (done = ov_stage_completion_prepare (self, account, stage, on, choices, n_choices,
                                           error)) == NULL ||
      !ov_store_save_answers (self, answers, error) ||
      !ov_store_save_account (self, account, error) ||
      !advance (self, account, stage, on, error) ||
      !ov_stage_completion_apply (self, done, error) ||
      !ov_store_transaction_commit (self, error))
    goto failed;

  ov_store_emit_changed (self, "accounts");
  if (completion != NULL)
    *completion = g_steal_pointer (&done);
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  /* Nothing was kept, so the wizard still has unsaved changes. */
  if (answers != NULL && answers != stored)
    {
      ov_stage_answers_restore_stored (answers, versions);
      ov_stage_answers_set_modified (answers, was_modified);
    }
  return FALSE;
}

gboolean
ov_store_skip_stage (OvStore     *self,
                     gint64       account_id,
                     OvStage      stage,
                     OvDate       on,
                     const char  *note,
                     GError     **error)
{
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (on != OV_DATE_NONE, FALSE);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  account = account_for_move (self, account_id, stage, on, error);
  if (account == NULL ||
      !ov_store_add_stage_event (self, account_id, stage, stage, TRUE, on, note, error) ||
      !advance (self, account, stage, on, error) ||
      !ov_store_transaction_commit (self, error))
    {
      ov_store_transaction_rollback (self);
      return FALSE;
    }

  ov_store_emit_changed (self, "accounts");
  return TRUE;
}

gboolean
ov_store_get_stage_timeline (OvStore          *self,
                             gint64            account_id,
                             OvDate            today,
                             OvStageTimeline  *timeline,
                             GError          **error)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (timeline != NULL, FALSE);

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return FALSE;

  events = ov_store_list_stage_events (self, account_id, error);
  if (events == NULL)
    return FALSE;

  ov_stage_timeline_fill (timeline, events, ov_account_get_stage (account), today);
  return TRUE;
}
