/* test-content.c — the content library: formats and statuses read as
 * learning platforms write them, items refused with nothing stored, and
 * assigning to one account, a stage or a segment as one step whose undo
 * removes exactly what it added
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-account.h"
#include "ov-store-accounts.h"
#include "ov-store-content.h"
#include "ov-store-private.h"
#include "ov-test-support.h"

typedef struct
{
  char      *dir;
  OvStore   *store;
  gint64     adopt_enterprise;   /* Adopt, Enterprise */
  gint64     adopt_smb;          /* Adopt, SMB */
  gint64     adopt_churned;      /* Adopt, enterprise, churned */
  gint64     kickoff_enterprise; /* Kickoff, Enterprise */
  guint      n_content_changes;
} Fixture;

static void
on_changed (OvStore    *store,
            const char *what,
            Fixture    *fixture)
{
  if (g_strcmp0 (what, "content") == 0)
    fixture->n_content_changes++;
}

static gint64
add_account (Fixture        *fixture,
             const char     *name,
             OvStage         stage,
             const char     *segment,
             OvAccountStatus status)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_stage (account, stage);
  ov_account_set_segment (account, segment);
  ov_account_set_status (account, status);
  g_assert_true (ov_store_save_account (fixture->store, account, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_setenv ("OVERTURE_TODAY", "2026-06-15", TRUE);
  fixture->store = ov_test_new_store (&fixture->dir);
  fixture->adopt_enterprise = add_account (fixture, "Acme", OV_STAGE_ADOPT, "Enterprise",
                                           OV_ACCOUNT_STATUS_ACTIVE);
  fixture->adopt_smb = add_account (fixture, "Birch", OV_STAGE_ADOPT, "SMB",
                                    OV_ACCOUNT_STATUS_ACTIVE);
  fixture->adopt_churned = add_account (fixture, "Cobalt", OV_STAGE_ADOPT, "enterprise",
                                        OV_ACCOUNT_STATUS_CHURNED);
  fixture->kickoff_enterprise = add_account (fixture, "Dune", OV_STAGE_KICKOFF, "Enterprise",
                                             OV_ACCOUNT_STATUS_ACTIVE);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_changed), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_signal_handlers_disconnect_by_data (fixture->store, fixture);
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

static gint64
count (Fixture    *fixture,
       const char *sql)
{
  gint64 n = -1;

  g_assert_true (ov_store_query_int64 (fixture->store, sql, &n, NULL));
  return n;
}

static OvContentItem *
add_item (Fixture         *fixture,
          const char      *title,
          OvContentFormat  format,
          const char      *role)
{
  g_autoptr(OvContentItem) item = ov_content_item_new (title, format);
  g_autoptr(GError) error = NULL;

  ov_content_item_set_role (item, role);
  g_assert_true (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&item);
}

/* The ids of the accounts @item is assigned to, in order, as "1,2". */
static char *
assigned_to (Fixture       *fixture,
             OvContentItem *item)
{
  GString *ids = g_string_new (NULL);
  sqlite3_stmt *stmt = ov_store_prepare (fixture->store,
                                         "SELECT account_id FROM content_assignments "
                                         "WHERE content_id = ?1 ORDER BY account_id",
                                         NULL);

  sqlite3_bind_int64 (stmt, 1, ov_content_item_get_id (item));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_string_append_printf (ids, "%s%lld", ids->len > 0 ? "," : "",
                            (long long)sqlite3_column_int64 (stmt, 0));
  sqlite3_reset (stmt);
  return g_string_free (ids, FALSE);
}

static char *
ids (gint64 a,
     gint64 b,
     gint64 c)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < 3; i++)
    {
      gint64 id = i == 0 ? a : i == 1 ? b : c;

      if (id > 0)
        g_string_append_printf (text, "%s%lld", text->len > 0 ? "," : "", (long long)id);
    }
  return g_string_free (text, FALSE);
}

static void
test_names (void)
{
  OvContentFormat format = OV_CONTENT_FORMAT_COURSE;
  OvCompletionStatus status = OV_COMPLETION_NOT_STARTED;

  g_assert_true (ov_content_format_parse ("Hands-on exercise", -1, &format));
  g_assert_cmpint (format, ==, OV_CONTENT_FORMAT_EXERCISE);
  g_assert_true (ov_content_format_parse ("LAB", -1, &format));
  g_assert_cmpint (format, ==, OV_CONTENT_FORMAT_EXERCISE);
  g_assert_true (ov_content_format_parse (" webinar ", -1, &format));
  g_assert_cmpint (format, ==, OV_CONTENT_FORMAT_WEBINAR);
  g_assert_true (ov_content_format_parse ("videos?", 5, &format));
  g_assert_cmpint (format, ==, OV_CONTENT_FORMAT_VIDEO);
  g_assert_false (ov_content_format_parse ("podcast", -1, &format));
  g_assert_false (ov_content_format_parse ("--", -1, &format));
  g_assert_cmpstr (ov_content_format_get_id (OV_CONTENT_FORMAT_EXERCISE), ==, "exercise");

  /* Skilljar, Northpass and Thought Industries words */
  g_assert_true (ov_completion_status_parse ("Completed", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_COMPLETED);
  g_assert_true (ov_completion_status_parse ("passed", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_COMPLETED);
  g_assert_true (ov_completion_status_parse ("In Progress", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_IN_PROGRESS);
  g_assert_true (ov_completion_status_parse ("in_progress", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_IN_PROGRESS);
  g_assert_true (ov_completion_status_parse ("Started", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_IN_PROGRESS);
  g_assert_true (ov_completion_status_parse ("NOT STARTED", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_NOT_STARTED);
  g_assert_true (ov_completion_status_parse ("Enrolled", -1, &status));
  g_assert_cmpint (status, ==, OV_COMPLETION_NOT_STARTED);
  g_assert_false (ov_completion_status_parse ("failed", -1, &status));
}

static void
test_reconcile (void)
{
  OvCompletionStatus status = OV_N_COMPLETION_STATUSES;
  guint progress = 1000;

  g_assert_true (ov_completion_reconcile (FALSE, 0, 100, &status, &progress));
  g_assert_cmpint (status, ==, OV_COMPLETION_COMPLETED);
  g_assert_cmpuint (progress, ==, 100);
  g_assert_true (ov_completion_reconcile (FALSE, 0, 35, &status, &progress));
  g_assert_cmpint (status, ==, OV_COMPLETION_IN_PROGRESS);
  g_assert_cmpuint (progress, ==, 35);
  g_assert_true (ov_completion_reconcile (FALSE, 0, 0, &status, &progress));
  g_assert_cmpint (status, ==, OV_COMPLETION_NOT_STARTED);
  g_assert_true (ov_completion_reconcile (TRUE, OV_COMPLETION_COMPLETED, -1, &status, &progress));
  g_assert_cmpuint (progress, ==, 100);
  g_assert_true (ov_completion_reconcile (TRUE, OV_COMPLETION_IN_PROGRESS, -1, &status,
                                          &progress));
  g_assert_cmpuint (progress, ==, 0);
  g_assert_true (ov_completion_reconcile (TRUE, OV_COMPLETION_IN_PROGRESS, 100, &status,
                                          &progress));
  g_assert_cmpint (status, ==, OV_COMPLETION_IN_PROGRESS);
  g_assert_cmpuint (progress, ==, 99);

  g_assert_false (ov_completion_reconcile (TRUE, OV_COMPLETION_COMPLETED, 40, &status, &progress));
  g_assert_false (ov_completion_reconcile (TRUE, OV_COMPLETION_NOT_STARTED, 60, &status,
                                           &progress));
  g_assert_false (ov_completion_reconcile (FALSE, 0, -1, &status, &progress));
}

/* Bad items are refused with the field named, and nothing is stored. */
static void
test_items_refused (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(OvContentItem) first = add_item (fixture, "Admin basics", OV_CONTENT_FORMAT_COURSE,
                                             "admin");
  g_autoptr(OvContentItem) item = NULL;
  g_autoptr(OvContentItem) stale = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (fixture->n_content_changes, ==, 1);

  item = ov_content_item_new ("  ADMIN Basics ", OV_CONTENT_FORMAT_VIDEO);
  g_assert_false (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Title: the library already has an item called “ADMIN Basics”.");
  g_assert_cmpint (ov_content_item_get_id (item), ==, 0);
  g_clear_error (&error);

  ov_content_item_set_title (item, "Admin deep dive");
  ov_content_item_set_role (item, "sales");
  g_assert_false (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_ROLE);
  g_clear_error (&error);

  ov_content_item_set_role (item, "");
  ov_content_item_set_title (item, "   ");
  g_assert_false (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_TITLE);
  g_clear_error (&error);

  ov_content_item_set_title (item, "Line\nbreak");
  g_assert_false (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_TITLE);
  g_clear_error (&error);

  ov_content_item_set_title (item, "Long");
  ov_content_item_set_duration (item, OV_CONTENT_MAX_MINUTES + 1);
  g_assert_false (ov_store_add_content_item (fixture->store, item, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_DURATION);
  g_clear_error (&error);

  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_items"), ==, 1);
  g_assert_cmpint (fixture->n_content_changes, ==, 1);

  /* A copy read before someone else's change is refused. */
  stale = ov_store_get_content_item (fixture->store, ov_content_item_get_id (first), &error);
  g_assert_no_error (error);
  ov_content_item_set_duration (first, 45);
  g_assert_true (ov_store_update_content_item (fixture->store, first, &error));
  g_assert_no_error (error);
  ov_content_item_set_title (stale, "Renamed");
  g_assert_false (ov_store_update_content_item (fixture->store, stale, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_items WHERE title = 'Renamed'"),
                   ==, 0);
  g_assert_cmpint (count (fixture, "SELECT duration_minutes FROM content_items"), ==, 45);
}

static void
test_assign_steps (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(OvContentItem) item = add_item (fixture, "Workflow lab", OV_CONTENT_FORMAT_EXERCISE,
                                            "");
  g_autoptr(GError) error = NULL;
  g_autofree char *now = NULL;
  g_autofree char *expected = NULL;
  OvDate day = ov_date_today ();
  gint64 single, stage, segment;
  guint n = 99;

  fixture->n_content_changes = 0;

  single = ov_store_assign_content_to_account (fixture->store, ov_content_item_get_id (item),
                                               fixture->kickoff_enterprise, day, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (single, >, 0);
  g_assert_cmpuint (n, ==, 1);

  /* Every account in Adopt but the churned one. */
  stage = ov_store_assign_content_to_stage (fixture->store, ov_content_item_get_id (item),
                                            OV_STAGE_ADOPT, day, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stage, >, single);
  g_assert_cmpuint (n, ==, 2);
  now = assigned_to (fixture, item);
  expected = ids (fixture->adopt_enterprise, fixture->adopt_smb, fixture->kickoff_enterprise);
  g_assert_cmpstr (now, ==, expected);
  g_assert_cmpint (fixture->n_content_changes, ==, 2);

  /* Enterprise, whatever its case: its accounts all have it already. */
  segment = ov_store_assign_content_to_segment (fixture->store, ov_content_item_get_id (item),
                                                "ENTERPRISE", day, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (segment, ==, 0);
  g_assert_cmpuint (n, ==, 0);
  g_assert_cmpint (fixture->n_content_changes, ==, 2);

  /* Undoing the stage step removes its two, not the one made before. */
  g_assert_true (ov_store_undo_content_step (fixture->store, stage, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&expected, g_free);
  now = assigned_to (fixture, item);
  expected = ids (fixture->kickoff_enterprise, 0, 0);
  g_assert_cmpstr (now, ==, expected);

  /* Now the segment adds Acme only (Dune has it, Cobalt churned)… */
  segment = ov_store_assign_content_to_segment (fixture->store, ov_content_item_get_id (item),
                                                " enterprise ", day, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (segment, >, stage);
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&expected, g_free);
  now = assigned_to (fixture, item);
  expected = ids (fixture->adopt_enterprise, fixture->kickoff_enterprise, 0);
  g_assert_cmpstr (now, ==, expected);

  /* …and its undo takes Acme off again, leaving Dune. */
  g_assert_true (ov_store_undo_content_step (fixture->store, segment, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  g_clear_pointer (&now, g_free);
  g_clear_pointer (&expected, g_free);
  now = assigned_to (fixture, item);
  expected = ids (fixture->kickoff_enterprise, 0, 0);
  g_assert_cmpstr (now, ==, expected);

  /* Twice is refused, and changes nothing. */
  g_assert_false (ov_store_undo_content_step (fixture->store, segment, &n, &error));
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_UNDONE);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_assignments"), ==, 1);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_assign_steps "
                                   "WHERE undone_at IS NOT NULL"), ==, 2);

  /* An account or item that is not there. */
  g_assert_cmpint (ov_store_assign_content_to_account (fixture->store,
                                                       ov_content_item_get_id (item), 999, day,
                                                       &n, &error), ==, -1);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ov_store_assign_content_to_stage (fixture->store, 999, OV_STAGE_ADOPT, day, &n,
                                                     &error), ==, -1);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (ov_store_assign_content_to_segment (fixture->store,
                                                       ov_content_item_get_id (item), "  ", day,
                                                       &n, &error), ==, -1);
  g_assert_error (error, OV_CONTENT_ERROR, OV_CONTENT_ERROR_SCOPE);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_assign_steps"), ==, 3);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_assignments"), ==, 1);

  /* Deleting the item takes its assignments with it. */
  g_assert_true (ov_store_delete_content_item (fixture->store, item, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture, "SELECT count(*) FROM content_assignments"), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/content/names", test_names);
  g_test_add_func ("/content/reconcile", test_reconcile);
  g_test_add ("/content/items-refused", Fixture, NULL, fixture_set_up, test_items_refused,
              fixture_tear_down);
  g_test_add ("/content/assign-steps", Fixture, NULL, fixture_set_up, test_assign_steps,
              fixture_tear_down);

  return g_test_run ();
}
