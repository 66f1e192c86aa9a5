/* test-account.c — account validation, saving and stage events
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"

static OvAccount *
valid_account (void)
{
  OvAccount *account = ov_account_new ();

  ov_account_set_name (account, "Granite Logistics");
  ov_account_set_currency (account, "eur");
  ov_account_set_arr_cents (account, 4500000);
  ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, ov_date_from_ymd (2026, 3, 1));
  return account;
}

static void
assert_invalid (OvAccount      *account,
                OvAccountError  code,
                const char     *fragment)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_account_validate (account, &error));
  g_assert_error (error, OV_ACCOUNT_ERROR, code);
  g_assert_nonnull (strstr (error->message, fragment));
}

static void
test_validation (void)
{
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_account_validate (account, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_currency (account), ==, "EUR");

  ov_account_set_name (account, "   ");
  assert_invalid (account, OV_ACCOUNT_ERROR_NAME, "Name");
  ov_account_set_name (account, "");
  assert_invalid (account, OV_ACCOUNT_ERROR_NAME, "needs a name");
  ov_account_set_name (account, "Granite Logistics");

  ov_account_set_arr_cents (account, -100);
  assert_invalid (account, OV_ACCOUNT_ERROR_ARR, "negative");
  ov_account_set_arr_cents (account, 0);

  ov_account_set_currency (account, "EURO");
  assert_invalid (account, OV_ACCOUNT_ERROR_CURRENCY, "EURO");
  ov_account_set_currency (account, "GBP");

  ov_account_set_date (account, OV_ACCOUNT_DATE_FIRST_VALUE, ov_date_from_ymd (2026, 2, 27));
  assert_invalid (account, OV_ACCOUNT_ERROR_DATE_ORDER,
                  "First-value date: 2026-02-27 is before the close date 2026-03-01");
  ov_account_set_date (account, OV_ACCOUNT_DATE_FIRST_VALUE, ov_date_from_ymd (2026, 4, 10));
  ov_account_set_date (account, OV_ACCOUNT_DATE_KICKOFF, ov_date_from_ymd (2026, 2, 1));
  assert_invalid (account, OV_ACCOUNT_ERROR_DATE_ORDER, "Kickoff date");
  ov_account_set_date (account, OV_ACCOUNT_DATE_KICKOFF, ov_date_from_ymd (2026, 3, 9));

  g_assert_true (ov_account_validate (account, NULL));
  g_assert_cmpint (ov_account_get_ttfv_days (account), ==, 40);
}

static void
test_impossible_date (void)
{
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(GError) error = NULL;
  OvDate before = ov_account_get_date (account, OV_ACCOUNT_DATE_GOLIVE);

  g_assert_false (ov_account_set_date_from_iso (account, OV_ACCOUNT_DATE_GOLIVE, "2026-02-30",
                                                &error));
  g_assert_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE);
  g_assert_nonnull (strstr (error->message, "Go-live date"));
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_assert_nonnull (strstr (error->message, "28 days"));
  g_assert_cmpint (ov_account_get_date (account, OV_ACCOUNT_DATE_GOLIVE), ==, before);
}

static void
test_save_writes_stage_events (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  OvStageEvent *event;

  g_setenv ("OVERTURE_TODAY", "2026-03-05", TRUE);

  ov_account_set_stage (account, OV_STAGE_HANDOFF);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_created_at (account), >, 0);
  g_assert_cmpint (ov_account_get_updated_at (account), >=, ov_account_get_created_at (account));

  /* Saving without a stage change adds no event. */
  ov_account_set_owner (account, "Kwame Mensah");
  g_assert_true (ov_store_save_account (store, account, &error));

  g_setenv ("OVERTURE_TODAY", "2026-03-12", TRUE);
  ov_account_set_stage (account, OV_STAGE_KICKOFF);
  g_assert_true (ov_store_save_account (store, account, &error));

  events = ov_store_list_stage_events (store, ov_account_get_id (account), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);

  event = g_ptr_array_index (events, 0);
  g_assert_cmpint (event->stage, ==, OV_STAGE_HANDOFF);
  g_assert_cmpint (event->from_stage, ==, 0);
  g_assert_cmpint (event->happened_on, ==, ov_date_from_ymd (2026, 3, 5));
  g_assert_false (event->skipped);

  event = g_ptr_array_index (events, 1);
  g_assert_cmpint (event->stage, ==, OV_STAGE_KICKOFF);
  g_assert_cmpint (event->from_stage, ==, OV_STAGE_HANDOFF);
  g_assert_cmpint (event->happened_on, ==, ov_date_from_ymd (2026, 3, 12));

  /* Entering a stage brings the playbook's tasks for it, due from that day. */
  {
    g_autoptr(GPtrArray) handoff = ov_store_list_tasks (store, ov_account_get_id (account),
                                                        OV_STAGE_HANDOFF, &error);
    g_autoptr(GPtrArray) kickoff = ov_store_list_tasks (store, ov_account_get_id (account),
                                                        OV_STAGE_KICKOFF, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (handoff->len, >, 0);
    g_assert_cmpuint (kickoff->len, >, 0);
    for (guint i = 0; i < kickoff->len; i++)
      g_assert_cmpint (ov_task_get_due_date (g_ptr_array_index (kickoff, i)), >=,
                       ov_date_from_ymd (2026, 3, 12));
  }

  g_unsetenv ("OVERTURE_TODAY");
  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_invalid_save_changes_nothing (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_save_account (store, account, &error));

  ov_account_set_arr_cents (account, -1);
  ov_account_set_stage (account, OV_STAGE_REVIEW);
  g_assert_false (ov_store_save_account (store, account, &error));
  g_assert_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_ARR);

  stored = ov_store_get_account (store, ov_account_get_id (account), NULL);
  g_assert_cmpint (ov_account_get_arr_cents (stored), ==, 4500000);
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_EMBARK);
  events = ov_store_list_stage_events (store, ov_account_get_id (account), NULL);
  g_assert_cmpuint (events->len, ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_duplicate_external_id (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) first = valid_account ();
  g_autoptr(OvAccount) second = valid_account ();
  g_autoptr(GError) error = NULL;

  ov_account_set_external_id (first, "0015g00000XyZ");
  ov_account_set_external_id (second, "0015g00000XyZ");
  ov_account_set_name (second, "Another Name");

  g_assert_true (ov_store_save_account (store, first, &error));
  g_assert_false (ov_store_save_account (store, second, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "0015g00000XyZ"));
  g_assert_cmpint (ov_account_get_id (second), ==, 0);
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_delete_and_restore (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(OvAccount) back = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  path = g_strdup (ov_store_get_path (store));
  g_assert_true (ov_store_save_account (store, account, &error));
  id = ov_account_get_id (account);

  g_assert_true (ov_store_delete_account (store, account, &error));
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 0);
  g_assert_null (ov_store_get_account (store, id, NULL));

  g_assert_true (ov_store_restore_account (store, id, &error));
  back = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_name (back), ==, "Granite Logistics");

  /* A deletion not undone before the next start of the app is final (the
   * app purges what was deleted before it started), and a late restore
   * says it found nothing to restore. */
  g_assert_true (ov_store_delete_account (store, account, &error));
  g_clear_object (&store);
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_purge_deleted (store, g_get_real_time () / G_USEC_PER_SEC + 1, &error));
  g_assert_no_error (error);
  g_assert_false (ov_store_restore_account (store, id, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (ov_store_count_accounts (store, NULL), ==, 0);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              int        *count)
{
  (*count)++;
}

static void
test_properties_notify (void)
{
  g_autoptr(OvAccount) account = valid_account ();
  g_autoptr(OvAccount) copy = NULL;
  g_autofree char *arr = NULL;
  g_autofree char *key = NULL;
  int name_changes = 0;

  g_signal_connect (account, "notify::name", G_CALLBACK (notify_count), &name_changes);
  ov_account_set_name (account, "Granite Logistics");
  g_assert_cmpint (name_changes, ==, 0);
  ov_account_set_name (account, "Granite Logistics AG");
  g_assert_cmpint (name_changes, ==, 1);

  g_object_get (account, "arr-text", &arr, NULL);
  g_assert_cmpstr (arr, ==, "€45,000");

  copy = ov_account_copy (account);
  g_assert_cmpstr (ov_account_get_name (copy), ==, "Granite Logistics AG");
  g_assert_cmpint (ov_account_get_date (copy, OV_ACCOUNT_DATE_CLOSE), ==,
                   ov_date_from_ymd (2026, 3, 1));

  /* The search key follows the name. */
  key = ov_account_dup_search_key (account);
  g_assert_cmpstr (key, ==, "granite logistics ag\n\n\n");
  g_clear_pointer (&key, g_free);
  ov_account_set_name (account, "Ölmühle Ärzte");
  ov_account_set_external_id (account, "SF-9");
  key = ov_account_dup_search_key (account);
  g_assert_cmpstr (key, ==, "ölmühle ärzte\n\n\nsf-9");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/account/validation", test_validation);
  g_test_add_func ("/account/impossible-date", test_impossible_date);
  g_test_add_func ("/account/save-writes-stage-events", test_save_writes_stage_events);
  g_test_add_func ("/account/invalid-save-changes-nothing", test_invalid_save_changes_nothing);
  g_test_add_func ("/account/duplicate-external-id", test_duplicate_external_id);
  g_test_add_func ("/account/delete-and-restore", test_delete_and_restore);
  g_test_add_func ("/account/properties-notify", test_properties_notify);

  return g_test_run ();
}
