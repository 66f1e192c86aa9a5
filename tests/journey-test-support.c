/* journey-test-support.c — helpers for the stage journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"
#include "ov-store-private.h"

OvDate
jt_date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  OvDate date = OV_DATE_NONE;

  g_assert_true (ov_date_parse_iso (iso, &date, &error));
  g_assert_no_error (error);
  return date;
}

OvStageAnswers *
jt_load_answers (OvStore *store,
                 gint64   account_id,
                 OvStage  stage)
{
  g_autoptr(GError) error = NULL;
  OvStageAnswers *answers = ov_store_load_answers (store, account_id, stage, &error);

  g_assert_no_error (error);
  return answers;
}

void
jt_save_answers (OvStore        *store,
                 OvStageAnswers *answers)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_save_answers (store, answers, &error));
  g_assert_no_error (error);
}

OvAccount *
jt_add_account (OvStore    *store,
                const char *name,
                const char *segment,
                OvStage     stage,
                OvDate      entered)
{
  g_autoptr(GError) error = NULL;
  OvAccount *account = ov_account_new ();

  ov_account_set_name (account, name);
  ov_account_set_segment (account, segment);
  ov_account_set_stage (account, stage);
  /* 2026-01-01 09:00 UTC */
  g_assert_true (ov_store_insert_account (store, account, 1767258000, 1767258000, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_add_stage_event (store, ov_account_get_id (account), stage, 0, FALSE,
                                           entered, NULL, &error));
  g_assert_no_error (error);
  return account;
}

OvPerson *
jt_add_person (OvStore    *store,
               gint64      account_id,
               OvSide      side,
               const char *name,
               const char *email,
               ...)
{
  g_autoptr(GError) error = NULL;
  OvPerson *person = ov_person_new (account_id, side, name, email);
  va_list args;

  va_start (args, email);
  for (const char *role = va_arg (args, const char *); role; role = va_arg (args, const char *))
    ov_person_add_role (person, role);
  va_end (args);

  g_assert_true (ov_store_add_person (store, person, &error));
  g_assert_no_error (error);
  return person;
}

static int
append_row (void  *data,
            int    n_columns,
            char **values,
            char **names)
{
  GString *out = data;

  for (int i = 0; i < n_columns; i++)
    g_string_append_printf (out, "%s%s", i ? "|" : "", values[i] ? values[i] : "∅");
  g_string_append_c (out, '\n');
  return 0;
}

char *
jt_dump_rows (OvStore            *store,
              const char * const *queries,
              guint               n_queries)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n_queries; i++)
    {
      char *message = NULL;

      g_string_append_printf (out, "-- %s\n", queries[i]);
      sqlite3_exec (ov_store_get_db (store), queries[i], append_row, out, &message);
      g_assert_null (message);
    }

  return g_string_free (out, FALSE);
}

char *
jt_dump (OvStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM accounts ORDER BY id",
    "SELECT * FROM stage_events ORDER BY id",
    "SELECT * FROM playbooks ORDER BY id",
    "SELECT * FROM playbook_tasks ORDER BY id",
    "SELECT * FROM people ORDER BY id",
    "SELECT * FROM person_roles ORDER BY person_id, role",
    "SELECT * FROM tasks ORDER BY id",
    "SELECT * FROM stage_answers ORDER BY account_id, stage, field",
    "SELECT * FROM settings ORDER BY key",
  };

  return jt_dump_rows (store, queries, G_N_ELEMENTS (queries));
}
