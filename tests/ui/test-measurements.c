/* test-measurements.c — the account page's measurements, meetings and
 * package, driven through their widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A measurement added through its dialog is listed and stored; a value
 * out of range or an impossible date is refused at its field with nothing
 * stored; editing, deleting and Undo; ticking a meeting attended moves
 * the engagement figure; choosing a package saves the account, and the
 * accounts list's package filter shows exactly the accounts that have it.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-account-measurements.h"
#include "ov-account-meetings.h"
#include "ov-account-package.h"
#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-chart-view.h"
#include "ov-date-row.h"
#include "ov-measurement-dialog.h"
#include "ov-meeting-dialog.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

typedef struct
{
  OvWindow  *window;
  OvStore   *store;      /* the test's own connection */
  GtkWidget *page;
  OvAccount *account;
} Fixture;

/* A window on a sample of 40 accounts, showing the first one, renamed
 * to a name that is no markup. */
static void
open_account (Fixture    *fixture,
              const char *db_name)
{
  g_autofree char *db = ov_ui_test_db_path (db_name);
  g_autoptr(GError) error = NULL;
  GtkWidget *accounts_view;

  fixture->store = ov_ui_test_open_store (db);
  g_assert_true (ov_sample_generate (fixture->store, 40, OV_SAMPLE_DEFAULT_SEED,
                                     ov_date_today (), &error));
  g_assert_no_error (error);

  fixture->window = ov_ui_test_open_window (db);
  ov_ui_test_wait_state (fixture->window, "portfolio");

  fixture->account = ov_account_list_get_visible (ov_window_get_accounts (fixture->window), 0);
  g_assert_nonnull (fixture->account);

  /* The sample records measurements and meetings for its accounts: this
   * one starts without, so the tests count what they add. */
  {
    gint64 id = ov_account_get_id (fixture->account);
    g_autoptr(GPtrArray) measurements = ov_store_list_measurements (fixture->store, id, &error);
    g_autoptr(GPtrArray) meetings = NULL;

    g_assert_no_error (error);
    for (guint i = 0; i < measurements->len; i++)
      g_assert_true (ov_store_delete_measurement (fixture->store, measurements->pdata[i],
                                                  &error));
    meetings = ov_store_list_meetings (fixture->store, id, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < meetings->len; i++)
      g_assert_true (ov_store_delete_meeting (fixture->store, meetings->pdata[i], &error));
  }

  ov_window_show_account (fixture->window, fixture->account);
  ov_ui_test_settle ();

  accounts_view = ov_ui_test_child (fixture->window, OV_TYPE_WINDOW, "accounts_view");
  fixture->page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
}

static void
close_account (Fixture *fixture)
{
  ov_ui_test_close_window (fixture->window);
  g_clear_object (&fixture->store);
}

static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ov_ui_test_settle ();
}

static GtkWidget *
section (Fixture    *fixture,
         const char *name)
{
  return ov_ui_test_child (fixture->page, OV_TYPE_ACCOUNT_PAGE, name);
}

static GPtrArray *
stored_measurements (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *measurements = ov_store_list_measurements (fixture->store,
                                                        ov_account_get_id (fixture->account),
                                                        &error);

  g_assert_no_error (error);
  return measurements;
}

/* The measurement dialog the add button opened. */
static OvMeasurementDialog *
open_add_dialog (Fixture *fixture)
{
  GtkWidget *measurements = section (fixture, "measurements_section");
  OvMeasurementDialog *dialog;

  click (ov_ui_test_child (measurements, OV_TYPE_ACCOUNT_MEASUREMENTS,
                                         "add_button"));
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_MEASUREMENT_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static void
fill (OvMeasurementDialog *dialog,
      const char          *metric,
      const char          *value,
      const char          *date,
      gboolean             baseline)
{
  GtkWidget *value_row = ov_ui_test_child (dialog, OV_TYPE_MEASUREMENT_DIALOG, "value_row");
  GtkWidget *date_row = ov_ui_test_child (dialog, OV_TYPE_MEASUREMENT_DIALOG, "date_row");
  GtkWidget *baseline_switch = ov_ui_test_child (dialog, OV_TYPE_MEASUREMENT_DIALOG,
                                                 "baseline_switch");

  ov_measurement_dialog_set_metric (dialog, metric);
  gtk_editable_set_text (GTK_EDITABLE (value_row), value);
  gtk_editable_set_text (GTK_EDITABLE (date_row), date);
  gtk_switch_set_active (GTK_SWITCH (baseline_switch), baseline);
}

typedef struct
{
  OvAccountMeasurements *section;
  const char            *metric;
  OvDate                 date;
  gboolean               present;
} RowWait;

static gboolean
row_is (gpointer data)
{
  RowWait *wait = data;

  return (ov_account_measurements_find_row (wait->section, wait->metric, wait->date) != NULL) ==
         wait->present;
}

static void
wait_row (OvAccountMeasurements *measurements,
          const char            *metric,
          OvDate                 date,
          gboolean               present)
{
  RowWait wait = { measurements, metric, date, present };

  g_assert_true (ov_ui_test_wait (row_is, &wait, 5000));
}

typedef struct
{
  OvAccountMeasurements *section;
  const char            *metric;
  const char            *text;
} ChangeWait;

static gboolean
change_is (gpointer data)
{
  ChangeWait *wait = data;

  return g_strcmp0 (ov_account_measurements_get_change (wait->section, wait->metric),
                    wait->text) == 0;
}

static void
wait_change (OvAccountMeasurements *measurements,
             const char            *metric,
             const char            *text)
{
  ChangeWait wait = { measurements, metric, text };

  if (!ov_ui_test_wait (change_is, &wait, 5000))
    g_error ("change “%s”, not “%s”", ov_account_measurements_get_change (measurements, metric),
             text);
}

/* Added through the dialog: listed under its metric, stored as typed,
 * and the baseline → latest change written out. */
static void
test_add_through_dialog (void)
{
  Fixture fixture = { 0 };
  OvAccountMeasurements *measurements;
  OvMeasurementDialog *dialog;
  g_autoptr(GPtrArray) stored = NULL;
  OvMeasurement *measurement;
  AdwActionRow *row;

  open_account (&fixture, "measurements-add.db");
  measurements = OV_ACCOUNT_MEASUREMENTS (section (&fixture, "measurements_section"));
  g_assert_cmpuint (ov_account_measurements_get_n_shown (measurements), ==, 0);

  dialog = open_add_dialog (&fixture);
  fill (dialog, "usage", "42", "2026-03-01", TRUE);
  g_assert_true (ov_measurement_dialog_save (dialog));
  wait_row (measurements, "product_usage", ov_date_from_ymd (2026, 3, 1), TRUE);

  stored = stored_measurements (&fixture);
  g_assert_cmpuint (stored->len, ==, 1);
  measurement = g_ptr_array_index (stored, 0);
  g_assert_cmpstr (ov_measurement_get_metric (measurement), ==, "product_usage");
  g_assert_cmpfloat (ov_measurement_get_value (measurement), ==, 42);
  g_assert_true (ov_measurement_get_baseline (measurement));

  row = ov_account_measurements_find_row (measurements, "product_usage",
                                          ov_date_from_ymd (2026, 3, 1));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "42 %");
  g_assert_cmpstr (ov_account_measurements_get_change (measurements, "product_usage"), ==,
                   "Baseline recorded; no later measurement yet.");

  /* A later value: 42 % → 71 %, a change of 29 points. */
  dialog = open_add_dialog (&fixture);
  fill (dialog, "product_usage", "71", "2026-09-01", FALSE);
  g_assert_true (ov_measurement_dialog_save (dialog));
  wait_row (measurements, "product_usage", ov_date_from_ymd (2026, 9, 1), TRUE);
  wait_change (measurements, "product_usage", "42 % → 71 % (+29)");

  /* A metric of one's own, by name. */
  dialog = open_add_dialog (&fixture);
  fill (dialog, "Onboarding score", "3.5", "2026-04-02", FALSE);
  g_assert_true (ov_measurement_dialog_save (dialog));
  wait_row (measurements, "onboarding_score", ov_date_from_ymd (2026, 4, 2), TRUE);
  g_clear_pointer (&stored, g_ptr_array_unref);
  stored = stored_measurements (&fixture);
  g_assert_cmpuint (stored->len, ==, 3);
  g_assert_cmpuint (ov_account_measurements_get_n_shown (measurements), ==, 3);

  close_account (&fixture);
}

/* Each bad value is refused at its field, says why, and stores nothing. */
static void
test_bad_values_refused (void)
{
  struct
  {
    const char *metric;
    const char *value;
    const char *date;
    const char *row;
    const char *message;
  } cases[] = {
    { "nps", "11", "2026-03-01", "value_row",
      "Value: an NPS response is a whole number from 0 to 10, not “11”." },
    { "nps", "7.5", "2026-03-01", "value_row",
      "Value: an NPS response is a whole number from 0 to 10, not “7.5”." },
    { "product_usage", "140", "2026-03-01", "value_row",
      "Value: product usage is a percentage from 0 to 100, not “140”." },
    { "product_usage", "forty", "2026-03-01", "value_row", "Value: “forty” is not a number." },
    { "product_usage", "40", "2026-02-30", "date_row",
      "Measured on: “2026-02-30” is not a real date: February 2026 has only 28 days" },
    { "product_usage", "40", "2026-11-24", "date_row",
      "Measured on: 2026-11-24 is after today (2026-11-23); a value is measured, not foreseen." },
    { "arr", "-5", "2026-03-01", "value_row",
      "Value: annual recurring revenue cannot be negative: “-5”." },
  };
  Fixture fixture = { 0 };

  open_account (&fixture, "measurements-bad.db");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      OvMeasurementDialog *dialog = open_add_dialog (&fixture);
      g_autoptr(GPtrArray) stored = NULL;
      GtkWidget *row;

      fill (dialog, cases[i].metric, cases[i].value, cases[i].date, FALSE);
      g_assert_false (ov_measurement_dialog_save (dialog));
      g_assert_cmpstr (ov_measurement_dialog_get_error (dialog), ==, cases[i].message);
      row = ov_ui_test_child (dialog, OV_TYPE_MEASUREMENT_DIALOG, cases[i].row);
      g_assert_true (gtk_widget_has_css_class (row, "error"));
      g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));

      stored = stored_measurements (&fixture);
      g_assert_cmpuint (stored->len, ==, 0);
      gtk_window_destroy (GTK_WINDOW (dialog));
      ov_ui_test_settle ();
    }

  close_account (&fixture);
}

static gboolean
toast_gone (gpointer data)
{
  return ov_ui_test_find_label (data, "Deleted") == NULL;
}

/* Edit through the dialog; the star marks the baseline; delete, then
 * Undo brings it back. */
static void
test_edit_delete_undo (void)
{
  Fixture fixture = { 0 };
  OvAccountMeasurements *measurements;
  g_autoptr(OvMeasurement) first = NULL;
  g_autoptr(OvMeasurement) second = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autoptr(GError) error = NULL;
  OvMeasurementDialog *dialog;
  AdwActionRow *row;
  GtkWidget *toast_label, *undo;
  OvDate march = ov_date_from_ymd (2026, 3, 1), june = ov_date_from_ymd (2026, 6, 1);

  open_account (&fixture, "measurements-edit.db");
  measurements = OV_ACCOUNT_MEASUREMENTS (section (&fixture, "measurements_section"));

  first = ov_measurement_new (ov_account_get_id (fixture.account), "nps", 6, march, FALSE);
  second = ov_measurement_new (ov_account_get_id (fixture.account), "nps", 9, june, FALSE);
  g_assert_true (ov_store_add_measurement (ov_window_get_store (fixture.window), first, &error));
  g_assert_true (ov_store_add_measurement (ov_window_get_store (fixture.window), second, &error));
  g_assert_no_error (error);
  wait_row (measurements, "nps", june, TRUE);
  g_assert_cmpstr (ov_account_measurements_get_change (measurements, "nps"), ==,
                   "No baseline yet: mark the value before the program with its star.");

  /* The star makes March's the baseline: 6 → 9. */
  row = ov_account_measurements_find_row (measurements, "nps", march);
  click (ov_account_measurements_get_row_button (row, "baseline"));
  ov_ui_test_settle ();
  wait_row (measurements, "nps", march, TRUE);
  {
    g_autoptr(OvMeasurement) read = ov_store_get_measurement (fixture.store,
                                                              ov_measurement_get_id (first),
                                                              &error);

    g_assert_no_error (error);
    g_assert_true (ov_measurement_get_baseline (read));
  }
  wait_change (measurements, "nps", "6 → 9 (+3)");

  /* Edit June's to 10 through its dialog. */
  row = ov_account_measurements_find_row (measurements, "nps", june);
  g_signal_emit_by_name (row, "activated");
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_MEASUREMENT_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_MEASUREMENT_DIALOG,
                                                         "value_row")), "10");
  g_assert_true (ov_measurement_dialog_save (dialog));
  ov_ui_test_settle ();
  {
    g_autoptr(OvMeasurement) read = ov_store_get_measurement (fixture.store,
                                                              ov_measurement_get_id (second),
                                                              &error);

    g_assert_no_error (error);
    g_assert_cmpfloat (ov_measurement_get_value (read), ==, 10);
  }
  wait_change (measurements, "nps", "6 → 10 (+4)");

  /* Delete June's: gone from the list and the store, a toast with Undo. */
  row = ov_account_measurements_find_row (measurements, "nps", june);
  click (ov_account_measurements_get_row_button (row, "delete"));
  wait_row (measurements, "nps", june, FALSE);
  stored = stored_measurements (&fixture);
  g_assert_cmpuint (stored->len, ==, 1);
  g_clear_pointer (&stored, g_ptr_array_unref);

  toast_label = ov_ui_test_wait_toast (fixture.window, "Deleted NPS response 10");
  g_assert_nonnull (toast_label);
  undo = ov_ui_test_find_button (ov_ui_test_child (fixture.window, OV_TYPE_WINDOW,
                                                   "toast_overlay"), "_Undo");
  g_assert_nonnull (undo);
  click (undo);
  wait_row (measurements, "nps", june, TRUE);

  stored = stored_measurements (&fixture);
  g_assert_cmpuint (stored->len, ==, 2);
  g_assert_cmpfloat (ov_measurement_get_value (g_ptr_array_index (stored, 1)), ==, 10);
  g_assert_cmpstr (ov_account_measurements_get_change (measurements, "nps"), ==,
                   "6 → 10 (+4)");
  ov_ui_test_wait (toast_gone, ov_ui_test_child (fixture.window, OV_TYPE_WINDOW,
                                                 "toast_overlay"), 100);

  close_account (&fixture);
}

typedef struct
{
  OvAccountMeetings *section;
  const char        *text;
} EngagementWait;

static gboolean
engagement_is (gpointer data)
{
  EngagementWait *wait = data;

  return g_strcmp0 (ov_account_meetings_get_engagement (wait->section), wait->text) == 0;
}

static void
wait_engagement (OvAccountMeetings *meetings,
                 const char        *text)
{
  EngagementWait wait = { meetings, text };

  if (!ov_ui_test_wait (engagement_is, &wait, 5000))
    g_error ("engagement “%s”, not “%s”", ov_account_meetings_get_engagement (meetings), text);
}

/* Three meetings held (one attended) and one ahead: 33 %; ticking one
 * more makes it 67 %, stored; the one ahead cannot be ticked. */
static void
test_meetings_engagement (void)
{
  Fixture fixture = { 0 };
  OvAccountMeetings *meetings;
  g_autoptr(GError) error = NULL;
  struct { OvMeetingKind kind; OvDate date; gboolean attended; } plan[] = {
    { OV_MEETING_KIND_KICKOFF, ov_date_from_ymd (2026, 3, 2), TRUE },
    { OV_MEETING_KIND_TRAINING, ov_date_from_ymd (2026, 4, 10), FALSE },
    { OV_MEETING_KIND_REVIEW, ov_date_from_ymd (2026, 7, 1), FALSE },
    { OV_MEETING_KIND_REVIEW, ov_date_from_ymd (2027, 1, 15), FALSE },
  };
  OvMeetingDialog *dialog;
  AdwActionRow *row;
  GtkCheckButton *check;

  open_account (&fixture, "meetings.db");
  meetings = OV_ACCOUNT_MEETINGS (section (&fixture, "meetings_section"));

  for (guint i = 0; i < G_N_ELEMENTS (plan); i++)
    {
      g_autoptr(OvMeeting) meeting = ov_meeting_new (ov_account_get_id (fixture.account),
                                                     plan[i].kind, plan[i].date);

      ov_meeting_set_attended (meeting, plan[i].attended);
      g_assert_true (ov_store_add_meeting (ov_window_get_store (fixture.window), meeting, &error));
      g_assert_no_error (error);
    }

  wait_engagement (meetings, "Engagement 33 %: 1 of 3 meetings attended · 1 upcoming");
  g_assert_cmpuint (ov_account_meetings_get_n_shown (meetings), ==, 4);

  row = ov_account_meetings_find_row (meetings, OV_MEETING_KIND_TRAINING, plan[1].date);
  check = ov_account_meetings_get_attended_check (row);
  gtk_check_button_set_active (check, TRUE);
  wait_engagement (meetings, "Engagement 67 %: 2 of 3 meetings attended · 1 upcoming");
  {
    g_autoptr(GPtrArray) stored = ov_store_list_meetings (fixture.store,
                                                          ov_account_get_id (fixture.account),
                                                          &error);

    g_assert_no_error (error);
    g_assert_true (ov_meeting_get_attended (g_ptr_array_index (stored, 1)));
  }

  row = ov_account_meetings_find_row (meetings, OV_MEETING_KIND_REVIEW, plan[3].date);
  g_assert_false (gtk_widget_get_sensitive (
    GTK_WIDGET (ov_account_meetings_get_attended_check (row))));

  /* Through the dialog: a meeting ahead cannot have been attended. */
  click (ov_ui_test_child (meetings, OV_TYPE_ACCOUNT_MEETINGS, "add_button"));
  ov_ui_test_settle ();
  dialog = ov_ui_test_find_window (OV_TYPE_MEETING_DIALOG);
  g_assert_nonnull (dialog);
  gtk_editable_set_text (GTK_EDITABLE (ov_ui_test_child (dialog, OV_TYPE_MEETING_DIALOG,
                                                         "date_row")), "2026-12-01");
  gtk_switch_set_active (GTK_SWITCH (ov_ui_test_child (dialog, OV_TYPE_MEETING_DIALOG,
                                                       "attended_switch")), TRUE);
  g_assert_false (ov_meeting_dialog_save (dialog));
  g_assert_true (gtk_widget_has_css_class (ov_ui_test_child (dialog, OV_TYPE_MEETING_DIALOG,
                                                             "attended_row"), "error"));
  gtk_switch_set_active (GTK_SWITCH (ov_ui_test_child (dialog, OV_TYPE_MEETING_DIALOG,
                                                       "attended_switch")), FALSE);
  g_assert_true (ov_meeting_dialog_save (dialog));
  wait_engagement (meetings, "Engagement 67 %: 2 of 3 meetings attended · 2 upcoming");

  close_account (&fixture);
}

/* The accounts the list shows now, by id. */
static GHashTable *
shown_ids (OvWindow *window)
{
  OvAccountList *list = ov_window_get_accounts (window);
  GHashTable *ids = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      OvAccount *account = ov_account_list_get_visible (list, i);
      gint64 *id = g_new (gint64, 1);

      *id = ov_account_get_id (account);
      g_hash_table_add (ids, id);
    }

  return ids;
}

/* Choosing a package saves it on the account (the stored version moves
 * on); the package filter then shows exactly the accounts stored with it. */
static void
test_package_pick_and_filter (void)
{
  Fixture fixture = { 0 };
  OvAccountPackage *package_section;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(OvPackage) premium = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *accounts_view;
  GtkDropDown *filter;
  GListModel *choices;
  gint64 version;
  guint position = GTK_INVALID_LIST_POSITION, expected = 0, expected_none = 0;

  open_account (&fixture, "packages.db");
  package_section = OV_ACCOUNT_PACKAGE (section (&fixture, "package_section"));
  premium = ov_store_find_package (fixture.store, "Premium", &error);
  g_assert_no_error (error);
  g_assert_nonnull (premium);

  version = ov_account_get_version (fixture.account);
  g_assert_true (ov_account_package_choose (package_section,
                                            ov_account_get_package_id (fixture.account) ==
                                                ov_package_get_id (premium) ? "Guided"
                                                                            : "Premium"));
  g_assert_true (ov_account_package_choose (package_section, "Premium"));
  g_assert_cmpstr (ov_account_package_get_error (package_section), ==, "");

  stored = ov_store_get_account (fixture.store, ov_account_get_id (fixture.account), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_package_id (stored), ==, ov_package_get_id (premium));
  g_assert_cmpstr (ov_account_get_package (stored), ==, "Premium");
  g_assert_cmpint (ov_account_get_version (stored), >, version);
  g_assert_cmpint (ov_account_get_package_id (fixture.account), ==,
                   ov_package_get_id (premium));

  /* No package, stored as none. */
  g_assert_true (ov_account_package_choose (package_section, NULL));
  g_clear_object (&stored);
  stored = ov_store_get_account (fixture.store, ov_account_get_id (fixture.account), &error);
  g_assert_cmpint (ov_account_get_package_id (stored), ==, 0);
  g_assert_cmpstr (ov_account_get_package (stored), ==, "");
  g_assert_true (ov_account_package_choose (package_section, "Premium"));

  /* Which accounts the store says have Premium, and none. */
  all = ov_store_list_accounts (fixture.store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < all->len; i++)
    {
      gint64 id = ov_account_get_package_id (g_ptr_array_index (all, i));

      expected += id == ov_package_get_id (premium);
      expected_none += id == 0;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (expected, <, all->len);

  accounts_view = ov_ui_test_child (fixture.window, OV_TYPE_WINDOW, "accounts_view");
  filter = GTK_DROP_DOWN (ov_ui_test_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                            "package_filter"));
  choices = gtk_drop_down_get_model (filter);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), "Premium") == 0)
      position = i;
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 1), ==,
                   "No package");

  gtk_drop_down_set_selected (filter, position);
  ov_ui_test_settle ();
  {
    g_autoptr(GHashTable) shown = shown_ids (fixture.window);

    g_assert_cmpuint (g_hash_table_size (shown), ==, expected);
    for (guint i = 0; i < all->len; i++)
      {
        OvAccount *account = g_ptr_array_index (all, i);
        gint64 id = ov_account_get_id (account);

        g_assert_true (g_hash_table_contains (shown, &id) ==
                       (ov_account_get_package_id (account) == ov_package_get_id (premium)));
      }
  }

  gtk_drop_down_set_selected (filter, 1);
  ov_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ov_window_get_accounts (
                      fixture.window))), ==, expected_none);

  gtk_drop_down_set_selected (filter, 0);
  ov_ui_test_settle ();
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ov_window_get_accounts (
                      fixture.window))), ==, all->len);

  close_account (&fixture);
}

/* The page with every section filled, for people to look at: an
 * account named with markup characters, light and dark, wide and narrow. */
static void
test_screenshots (void)
{
  Fixture fixture = { 0 };
  g_autoptr(GError) error = NULL;
  GtkWidget *measurements, *name_row;
  const struct { const char *metric; double value; int month; gboolean baseline; } values[] = {
    { "product_usage", 42, 2, TRUE }, { "product_usage", 55, 5, FALSE },
    { "product_usage", 71, 9, FALSE }, { "nps", 6, 2, TRUE }, { "nps", 9, 10, FALSE },
    { "arr", 14000, 1, TRUE }, { "arr", 18500, 11, FALSE },
  };

  open_account (&fixture, "measurements-shots.db");
  name_row = ov_ui_test_child (fixture.page, OV_TYPE_ACCOUNT_PAGE, "name_row");
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Johnson & Johnson <EMEA>");
  g_signal_emit_by_name (name_row, "apply");
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_account_get_name (fixture.account), ==, "Johnson & Johnson <EMEA>");

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(OvMeasurement) measurement =
        ov_measurement_new (ov_account_get_id (fixture.account), values[i].metric,
                            values[i].value, ov_date_from_ymd (2026, values[i].month, 3),
                            values[i].baseline);

      if (i == 0)
        ov_measurement_set_note (measurement, "Before kickoff & <training>");
      g_assert_true (ov_store_add_measurement (ov_window_get_store (fixture.window), measurement, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(OvMeeting) meeting = ov_meeting_new (ov_account_get_id (fixture.account), i,
                                                     ov_date_from_ymd (2026, 3 + 3 * i, 2));

      ov_meeting_set_attended (meeting, i != 1);
      g_assert_true (ov_store_add_meeting (ov_window_get_store (fixture.window), meeting, &error));
      g_assert_no_error (error);
    }

  measurements = section (&fixture, "measurements_section");
  wait_row (OV_ACCOUNT_MEASUREMENTS (measurements), "arr", ov_date_from_ymd (2026, 11, 3),
            TRUE);
  /* The chart of product usage: three values, the first the baseline. */
  {
    GtkWidget *view = ov_account_measurements_get_chart (OV_ACCOUNT_MEASUREMENTS (measurements),
                                                         "product_usage");
    OvChart *chart;
    const OvChartPoint *points;
    guint n;

    g_assert_nonnull (view);
    chart = ov_chart_view_get_chart (OV_CHART_VIEW (view));
    points = ov_chart_get_points (chart, 0, &n);
    g_assert_cmpuint (n, ==, 3);
    g_assert_cmpfloat (points[0].y, ==, 42);
    g_assert_cmpfloat (points[2].y, ==, 71);
    g_assert_cmpfloat (points[2].x, ==, ov_date_from_ymd (2026, 9, 3));
    points = ov_chart_get_points (chart, 1, &n);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpfloat (points[0].y, ==, 42);
    g_assert_true (gtk_widget_get_mapped (view));
  }
  ov_ui_test_shoot (measurements, "account-measurements");
  ov_ui_test_shoot (section (&fixture, "meetings_section"), "account-meetings");
  ov_ui_test_shoot (section (&fixture, "package_section"), "account-package");
  ov_ui_test_scroll_to (measurements, FALSE);
  ov_ui_test_shoot (GTK_WIDGET (fixture.window), "account-records-page");
  close_account (&fixture);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);
  /* Screenshots in another language: OVERTURE_LOCALEDIR=_build/po LANGUAGE=de. */
  if (g_getenv ("OVERTURE_LOCALEDIR") != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, g_getenv ("OVERTURE_LOCALEDIR"));
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_add_func ("/measurements/add-through-dialog", test_add_through_dialog);
  g_test_add_func ("/measurements/bad-values-refused", test_bad_values_refused);
  g_test_add_func ("/measurements/edit-delete-undo", test_edit_delete_undo);
  g_test_add_func ("/meetings/engagement", test_meetings_engagement);
  g_test_add_func ("/packages/pick-and-filter", test_package_pick_and_filter);
  g_test_add_func ("/measurements/screenshots", test_screenshots);

  return g_test_run ();
}
