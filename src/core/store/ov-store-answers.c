/* ov-store-answers.c — keeping what the stage wizards collect
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-account-private.h"
#include "ov-journey-private.h"
#include "ov-store-accounts.h"
#include "ov-store-answers.h"
#include "ov-store-private.h"
#include "ov-store-versions.h"

static gboolean
load_rows (OvStore         *self,
           OvStageAnswers  *answers,
           GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = ov_store_prepare (self,
                           "SELECT field, value, version FROM stage_answers "
                           "WHERE account_id = ?1 AND stage = ?2",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_stage_answers_get_account_id (answers));
  sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    if (ov_stage_answers_load_value (answers, ov_column_text (stmt, 0), ov_column_text (stmt, 1)))
      ov_stage_answers_set_stored (answers, ov_column_text (stmt, 0), ov_column_text (stmt, 1),
                                   sqlite3_column_int64 (stmt, 2));
  sqlite3_reset (stmt);

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, _("reading wizard answers"));
      return FALSE;
    }

  return TRUE;
}

/* The review judges the goals written at the handoff, in their order;
 * outcomes already recorded stay with their goal, and goals added at the
 * review itself are kept after them. */
static gboolean
merge_handoff_goals (OvStore         *self,
                     OvStageAnswers  *answers,
                     GError         **error)
{
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GPtrArray) merged = NULL;
  g_auto(GStrv) goals = NULL;

  handoff = ov_stage_answers_new (ov_stage_answers_get_account_id (answers), OV_STAGE_HANDOFF);
  if (!load_rows (self, handoff, error))
    return FALSE;

  goals = ov_stage_answers_dup_list (handoff, "goals");
  if (goals[0] == NULL)
    return TRUE;

  stored = ov_stage_answers_dup_goal_results (answers, "goal_outcomes");
  merged = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_goal_result_free);

  for (guint i = 0; goals[i] != NULL; i++)
    {
      OvGoalResult *found = NULL;

      for (guint j = 0; j < stored->len && found == NULL; j++)
        {
          OvGoalResult *result = g_ptr_array_index (stored, j);

          if (strcmp (result->goal, goals[i]) == 0)
            found = g_ptr_array_steal_index (stored, j);
        }

      g_ptr_array_add (merged, found ? found
                                     : ov_goal_result_new (goals[i], OV_GOAL_OUTCOME_NONE, NULL));
    }

  for (guint j = 0; j < stored->len; j++)
    g_ptr_array_add (merged, ov_goal_result_copy (g_ptr_array_index (stored, j)));

  ov_stage_answers_set_goal_results (answers, "goal_outcomes", merged);
  return TRUE;
}

OvStageAnswers *
ov_store_load_answers (OvStore  *self,
                       gint64    account_id,
                       OvStage   stage,
                       GError  **error)
{
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(OvAccount) account = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);
  g_return_val_if_fail (stage >= OV_STAGE_FIRST && stage <= OV_STAGE_LAST, NULL);

  account = ov_store_get_account (self, account_id, error);
  if (account == NULL)
    return NULL;

  answers = ov_stage_answers_new (account_id, stage);
  if (!load_rows (self, answers, error))
    return NULL;

  ov_stage_answers_fill_facts (answers, account);

  if (stage == OV_STAGE_REVIEW && !merge_handoff_goals (self, answers, error))
    return NULL;

  ov_stage_answers_set_modified (answers, FALSE);
  return g_steal_pointer (&answers);
}

static char *
answer_key (OvStageAnswers *answers,
            const char     *field_id)
{
  return g_strdup_printf ("stage_answers/%" G_GINT64_FORMAT "/%d/%s",
                          ov_stage_answers_get_account_id (answers),
                          (int)ov_stage_answers_get_stage (answers), field_id);
}

/* Writes one answer changed here over the version it was read at; a row
 * that moved on since is a conflict. *@version gets the version written. */
static gboolean
write_answer (OvStore         *self,
              OvStageAnswers  *answers,
              const char      *field_id,
              const char      *now,
              gint64          *version,
              GError         **error)
{
  const char *value = g_hash_table_lookup (ov_stage_answers_get_values (answers), field_id);
  g_autofree char *key = answer_key (answers, field_id);
  sqlite3_stmt *stmt;
  gint64 read_version;
  int rc;

  ov_stage_answers_get_stored (answers, field_id, &read_version);

  if (value == NULL)
    stmt = ov_store_prepare (self,
                             "DELETE FROM stage_answers WHERE account_id = ?1 AND stage = ?2 "
                             "AND field = ?3 AND version = ?6",
                             error);
  else if (read_version == 0)
    stmt = ov_store_prepare (self,
                             "INSERT INTO stage_answers (account_id, stage, field, value, "
                             "updated_at) VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                             error);
  else
    stmt = ov_store_prepare (self,
                             "UPDATE stage_answers SET value = ?4, updated_at = ?5, "
                             "version = version + 1 WHERE account_id = ?1 AND stage = ?2 "
                             "AND field = ?3 AND version = ?6",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_stage_answers_get_account_id (answers));
  sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
  ov_bind_text (stmt, 3, field_id);
  if (value != NULL)
    {
      ov_bind_text (stmt, 4, value);
      sqlite3_bind_text (stmt, 5, now, -1, SQLITE_TRANSIENT);
    }
  if (value == NULL || read_version != 0)
    sqlite3_bind_int64 (stmt, 6, read_version);

  if (!ov_store_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (ov_store_get_db (self)) > 0)
    {
      *version = value == NULL ? 0 : read_version + 1;
      return TRUE;
    }

  /* Someone else wrote or cleared this answer since it was read here. */
  stmt = ov_store_prepare (self,
                           "SELECT version FROM stage_answers WHERE account_id = ?1 "
                           "AND stage = ?2 AND field = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, ov_stage_answers_get_account_id (answers));
  sqlite3_bind_int (stmt, 2, ov_stage_answers_get_stage (answers));
  ov_bind_text (stmt, 3, field_id);
  rc = sqlite3_step (stmt);
  *version = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);

  return ov_store_set_conflict (self, key, *version, error);
}

gboolean
ov_store_save_answers (OvStore         *self,
                       OvStageAnswers  *answers,
                       GError         **error)
{
  g_autofree char *now = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GArray) versions = NULL;
  gint64 account_id;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);

  account_id = ov_stage_answers_get_account_id (answers);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  stmt = ov_store_prepare (self,
                           "SELECT 1 FROM accounts WHERE id = ?1 AND deleted_at IS NULL",
                           error);
  if (stmt == NULL)
    goto failed;
  sqlite3_bind_int64 (stmt, 1, account_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND,
                     _("There is no account number %lld."), (long long)account_id);
      else
        ov_store_set_error (self, error, rc, NULL);
      goto failed;
    }

  /* Only what was changed here is written: an answer someone else gave
   * meanwhile to another field stays theirs. */
  fields = ov_stage_answers_list_known_fields (answers);
  versions = g_array_sized_new (FALSE, FALSE, sizeof (gint64), fields->len);
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field_id = g_ptr_array_index (fields, i);
      gint64 version = -1;

      if (g_strcmp0 (g_hash_table_lookup (ov_stage_answers_get_values (answers), field_id),
                     ov_stage_answers_get_stored (answers, field_id, NULL)) != 0 &&
          !write_answer (self, answers, field_id, now, &version, error))
        goto failed;
      g_array_append_val (versions, version);
    }

  if (!ov_store_transaction_commit (self, error))
    goto failed;

  for (guint i = 0; i < fields->len; i++)
    {
      const char *field_id = g_ptr_array_index (fields, i);
      gint64 version = g_array_index (versions, gint64, i);
      g_autofree char *key = NULL;

      if (version < 0)
        continue;

      ov_stage_answers_set_stored (answers, field_id,
                                   g_hash_table_lookup (ov_stage_answers_get_values (answers),
                                                        field_id),
                                   version);
      key = answer_key (answers, field_id);
      ov_store_note_written (self, key, version);
    }

  ov_stage_answers_set_conflicts (answers, NULL);
  ov_stage_answers_set_modified (answers, FALSE);
  ov_store_emit_changed (self, "answers");
  return TRUE;

failed:
  ov_store_transaction_rollback (self);
  return FALSE;
}

gboolean
ov_store_save_answers_and_account (OvStore         *self,
                                   OvStageAnswers  *answers,
                                   OvAccount       *account,
                                   GError         **error)
{
  g_autoptr(GHashTable) versions = NULL;
  gboolean was_modified;
  gint64 account_version = 0;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);
  g_return_val_if_fail (account == NULL || OV_IS_ACCOUNT (account), FALSE);

  if (account == NULL)
    return ov_store_save_answers (self, answers, error);

  was_modified = ov_stage_answers_get_modified (answers);
  versions = ov_stage_answers_dup_stored (answers);
  account_version = ov_account_get_version (account);

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  if (ov_store_save_account (self, account, error) &&
      ov_store_save_answers (self, answers, error) &&
      ov_store_transaction_commit (self, error))
    return TRUE;

  /* What was written in the transaction is gone, and so are its versions. */
  ov_store_transaction_rollback (self);
  ov_account_set_version (account, account_version);
  ov_stage_answers_restore_stored (answers, versions);
  ov_stage_answers_set_modified (answers, was_modified);
  return FALSE;
}

gboolean
ov_store_reload_answers (OvStore         *self,
                         OvStageAnswers  *answers,
                         GError         **error)
{
  g_autoptr(OvStageAnswers) fresh = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) conflicts = NULL;
  GHashTable *values;
  gboolean modified = FALSE;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (answers), FALSE);

  fresh = ov_stage_answers_new (ov_stage_answers_get_account_id (answers),
                                ov_stage_answers_get_stage (answers));
  if (!load_rows (self, fresh, error))
    return FALSE;

  values = ov_stage_answers_get_values (answers);
  fields = ov_stage_answers_list_known_fields (answers);
  {
    g_autoptr(GPtrArray) stored_fields = ov_stage_answers_list_known_fields (fresh);

    for (guint i = 0; i < stored_fields->len; i++)
      if (!g_ptr_array_find (fields, g_ptr_array_index (stored_fields, i), NULL))
        g_ptr_array_add (fields, g_ptr_array_index (stored_fields, i));
  }

  conflicts = g_ptr_array_new ();
  for (guint i = 0; i < fields->len; i++)
    {
      const char *field_id = g_ptr_array_index (fields, i);
      const char *mine = g_hash_table_lookup (values, field_id);
      const char *was = ov_stage_answers_get_stored (answers, field_id, NULL);
      gint64 version = 0;
      const char *stored = ov_stage_answers_get_stored (fresh, field_id, &version);

      if (g_strcmp0 (mine, was) == 0)
        ov_stage_answers_load_value (answers, field_id, stored);
      else if (g_strcmp0 (mine, stored) != 0)
        {
          modified = TRUE;
          /* Both sides changed it, to different values. */
          if (g_strcmp0 (was, stored) != 0)
            g_ptr_array_add (conflicts, (gpointer)field_id);
        }
      ov_stage_answers_set_stored (answers, field_id, stored, version);
    }

  ov_stage_answers_set_conflicts (answers, conflicts);
  ov_stage_answers_set_modified (answers, modified);
  return TRUE;
}
