/* ov-store-stage-events.c — the stage history of an account: each move
 * into a stage, or past one, with its day
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Days in a stage are measured from these events, so every change of stage
 * records one, by hand (ov_store_save_account_on()), through a wizard or
 * by an import.
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include "ov-stage.h"
#include "ov-store-private.h"
#include "ov-store-stage-events.h"

OvStageEvent *
ov_stage_event_copy (const OvStageEvent *event)
{
  OvStageEvent *copy = g_new (OvStageEvent, 1);

  *copy = *event;
  copy->note = g_strdup (event->note);
  return copy;
}

void
ov_stage_event_free (OvStageEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->note);
  g_free (event);
}

G_DEFINE_BOXED_TYPE (OvStageEvent, ov_stage_event, ov_stage_event_copy, ov_stage_event_free)

gboolean
ov_store_add_stage_event (OvStore     *self,
                          gint64       account_id,
                          OvStage      stage,
                          OvStage      from_stage,
                          gboolean     skipped,
                          OvDate       happened_on,
                          const char  *note,
                          GError     **error)
{
  g_autofree char *now = ov_store_now_utc ();
  char day[11];
  sqlite3_stmt *stmt;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (ov_stage_is_valid (stage), FALSE);
  g_return_val_if_fail (happened_on != OV_DATE_NONE, FALSE);

  stmt = ov_store_prepare (self,
                           "INSERT INTO stage_events (account_id, stage, from_stage, kind, "
                           "happened_on, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           error);
  if (stmt == NULL)
    return FALSE;

  ov_date_write_iso (happened_on, day);
  sqlite3_bind_int64 (stmt, 1, account_id);
  sqlite3_bind_int (stmt, 2, stage);
  if (ov_stage_is_valid (from_stage))
    sqlite3_bind_int (stmt, 3, from_stage);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, skipped ? "skip" : "enter", -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, day, -1, SQLITE_TRANSIENT);
  ov_bind_text (stmt, 6, note);
  sqlite3_bind_text (stmt, 7, now, -1, SQLITE_TRANSIENT);

  return ov_store_step_done (self, stmt, error);
}

GPtrArray *
ov_store_list_stage_events (OvStore  *self,
                            gint64    account_id,
                            GError  **error)
{
  g_autoptr(GPtrArray) events = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (OV_IS_STORE (self), NULL);

  stmt = ov_store_prepare (self,
                           "SELECT id, account_id, stage, from_stage, kind, happened_on, note "
                           "FROM stage_events WHERE account_id = ?1 ORDER BY happened_on, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, account_id);
  events = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_stage_event_free);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      OvStageEvent *event = g_new0 (OvStageEvent, 1);

      event->id = sqlite3_column_int64 (stmt, 0);
      event->account_id = sqlite3_column_int64 (stmt, 1);
      event->stage = sqlite3_column_int (stmt, 2);
      event->from_stage = sqlite3_column_int (stmt, 3);
      event->skipped = g_strcmp0 (ov_column_text (stmt, 4), "skip") == 0;
      ov_date_parse_iso (ov_column_text (stmt, 5), &event->happened_on, NULL);
      event->note = g_strdup (ov_column_text (stmt, 6));
      g_ptr_array_add (events, event);
    }

  if (rc != SQLITE_DONE)
    {
      ov_store_set_error (self, error, rc, NULL);
      sqlite3_reset (stmt);
      return NULL;
    }

  sqlite3_reset (stmt);
  return g_steal_pointer (&events);
}
