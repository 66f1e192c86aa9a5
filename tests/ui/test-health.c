/* test-health.c — the account page's health section, its score set by
 * hand, the weights in Preferences, and the dashboard's health card
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A portfolio of five accounts made for the test, each with what its
 * score rests on known, so every number shown is worked out by hand.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-account-health.h"
#include "ov-account-page.h"
#include "ov-accounts-view.h"
#include "ov-dashboard-view.h"
#include "ov-date-row.h"
#include "ov-health-card.h"
#include "ov-health-preferences.h"
#include "ov-preferences-window.h"
#include "ov-test-support.h"
#include "ov-ui-test.h"

static gint64
add_account (OvStore    *store,
             const char *name)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  g_autoptr(GPtrArray) tasks = NULL;

  ov_account_set_name (account, name);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);

  /* Without the playbook's tasks: the overdue component has no data. */
  tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < tasks->len; i++)
    {
      g_assert_true (ov_store_delete_task (store, tasks->pdata[i], &error));
      g_assert_no_error (error);
    }
  return ov_account_get_id (account);
}

static void
add_measurement (OvStore    *store,
                 gint64      account_id,
                 const char *metric,
                 double      value,
                 int         days_ago)
{
  g_autoptr(OvMeasurement) m = ov_measurement_new (account_id, metric, value,
                                                   ov_date_today () - days_ago, FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_add_measurement (store, m, &error));
  g_assert_no_error (error);
}

static void
add_meeting (OvStore  *store,
             gint64    account_id,
             int       days_ago,
             gboolean  attended)
{
  g_autoptr(OvMeeting) meeting = ov_meeting_new (account_id, OV_MEETING_KIND_OTHER,
                                                 ov_date_today () - days_ago);
  g_autoptr(GError) error = NULL;

  ov_meeting_set_attended (meeting, attended);
  g_assert_true (ov_store_add_meeting (store, meeting, &error));
  g_assert_no_error (error);
}

/* Aurora: usage 64 %, 3 of 4 meetings attended, no NPS, no tasks.
 * Weights 35/25/20/20: coverage 60 %, (35 × 64 + 25 × 75) / 60 = 68.58.
 * Birch: an NPS response of 9 alone: 90 on 20 %.
 * Cedar: usage 80 %, set by hand to 20 (at risk, set).
 * Delta: a recorded health score of 30 (at risk, set).
 * Elm: usage 30 % alone (at risk on 35 %: little data). */
static char *
make_portfolio (const char *name)
{
  g_autofree char *db = ov_ui_test_db_path (name);
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvAccount) cedar = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  store = ov_store_open (db, &error);
  g_assert_no_error (error);

  id = add_account (store, "Aurora Labs");
  add_measurement (store, id, "product_usage", 64, 10);
  add_meeting (store, id, 40, TRUE);
  add_meeting (store, id, 30, TRUE);
  add_meeting (store, id, 20, FALSE);
  add_meeting (store, id, 10, TRUE);

  id = add_account (store, "Birch Bank");
  add_measurement (store, id, "nps", 9, 3);

  id = add_account (store, "Cedar Foods");
  add_measurement (store, id, "product_usage", 80, 3);
  cedar = ov_store_get_account (store, id, &error);
  g_assert_true (ov_store_set_health_override (store, cedar, 20, "Renewal in doubt",
                                               ov_date_today () + 30, ov_date_today (), &error));
  g_assert_no_error (error);

  id = add_account (store, "Delta Works");
  add_measurement (store, id, "health_score", 30, 2);

  id = add_account (store, "Elm Studio");
  add_measurement (store, id, "product_usage", 30, 5);

  return g_steal_pointer (&db);
}

static OvAccount *
find_account (OvWindow   *window,
              const char *name)
{
  GPtrArray *all = ov_account_list_get_all (ov_window_get_accounts (window));

  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (ov_account_get_name (all->pdata[i]), name))
      return all->pdata[i];

  g_assert_not_reached ();
}

static GtkWidget *
open_health (OvWindow   *window,
             const char *name)
{
  GtkWidget *accounts_view, *page, *health;

  ov_window_show_account (window, find_account (window, name));
  ov_ui_test_settle ();
  accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
  page = GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
  health = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "health_section");
  g_assert_true (OV_IS_ACCOUNT_HEALTH (health));
  return health;
}

static const char *
label_of (GtkWidget  *health,
          const char *name)
{
  return gtk_label_get_label (GTK_LABEL (ov_ui_test_child (health, OV_TYPE_ACCOUNT_HEALTH, name)));
}

static const char *
subtitle_of (GtkWidget  *health,
             const char *name)
{
  return adw_action_row_get_subtitle (ADW_ACTION_ROW (ov_ui_test_child (health,
                                                                        OV_TYPE_ACCOUNT_HEALTH,
                                                                        name)));
}

static GtkWidget *
child_of (GtkWidget  *health,
          const char *name)
{
  return ov_ui_test_child (health, OV_TYPE_ACCOUNT_HEALTH, name);
}

typedef struct
{
  GtkWidget  *health;
  const char *score;
} ScoreWait;

static gboolean
score_shown (gpointer data)
{
  ScoreWait *wait = data;

  return g_strcmp0 (label_of (wait->health, "score_label"), wait->score) == 0;
}

static void
wait_for_score (GtkWidget  *health,
                const char *score)
{
  ScoreWait wait = { health, score };

  if (!ov_ui_test_wait (score_shown, &wait, 5000))
    g_error ("The score shows “%s”, not “%s”", label_of (health, "score_label"), score);
}

/* Aurora's components, weights, points and coverage, and what would raise
 * it; Birch, without usage, is told to record it. */
static void
test_section (void)
{
  g_autofree char *db = make_portfolio ("health-section.db");
  OvWindow *window = ov_ui_test_open_window (db);
  GtkWidget *health;

  ov_ui_test_wait_state (window, "portfolio");
  health = open_health (window, "Aurora Labs");
  wait_for_score (health, "69");

  g_assert_cmpstr (label_of (health, "status_label"), ==, "Watch");
  g_assert_cmpstr (subtitle_of (health, "score_row"), ==,
                   "Weighted from the components below, on 60 % of the weight");
  g_assert_cmpstr (label_of (health, "coverage_label"), ==, "60 %");
  g_assert_cmpstr (label_of (health, "usage_value"), ==, "64");
  g_assert_true (g_str_has_prefix (subtitle_of (health, "usage_row"),
                                   "64 % of licensed users active on "));
  /* 35 × 64 / 60 = 37.33 points; 25 × 75 / 60 = 31.25. */
  g_assert_true (g_str_has_suffix (subtitle_of (health, "usage_row"), " · weight 35 · 37.3 points"));
  g_assert_cmpstr (subtitle_of (health, "engagement_row"), ==,
                   "3 of 4 meetings attended · weight 25 · 31.2 points");
  g_assert_cmpstr (label_of (health, "engagement_value"), ==, "75");
  g_assert_cmpstr (label_of (health, "nps_value"), ==, "no data");
  g_assert_cmpstr (subtitle_of (health, "nps_row"), ==,
                   "No NPS response · weight 20, shared among the others");
  g_assert_cmpstr (subtitle_of (health, "overdue_row"), ==,
                   "No tasks planned · weight 20, shared among the others");
  g_assert_cmpstr (subtitle_of (health, "lift_row"), ==,
                   "Ask for an NPS response to raise coverage");
  g_assert_false (gtk_widget_get_visible (child_of (health, "override_row")));
  ov_ui_test_scroll_to (health, TRUE);
  ov_ui_test_shoot (GTK_WIDGET (window), "health-section");

  health = open_health (window, "Birch Bank");
  wait_for_score (health, "90");
  g_assert_cmpstr (label_of (health, "coverage_label"), ==, "20 %");
  g_assert_cmpstr (subtitle_of (health, "lift_row"), ==, "Record product usage to raise coverage");

  /* Delta's score is the one recorded, not computed. */
  health = open_health (window, "Delta Works");
  wait_for_score (health, "30");
  g_assert_cmpstr (label_of (health, "status_label"), ==, "At risk");
  g_assert_true (g_str_has_prefix (subtitle_of (health, "score_row"), "Recorded on "));

  ov_ui_test_close_window (window);
}

/* Set by hand through the form: the reason and the day are required; the
 * score shows as set by hand with its reason and day; cleared, the
 * computed score is back. */
static void
test_override (void)
{
  g_autofree char *db = make_portfolio ("health-override.db");
  OvWindow *window = ov_ui_test_open_window (db);
  OvStore *store;
  GtkWidget *health, *set_button, *override_row;
  g_autofree char *until = ov_date_to_iso (ov_date_today () + 14);
  g_autofree char *until_shown = ov_date_to_display (ov_date_today () + 14);
  g_autofree char *title = NULL;
  OvHealthFacts facts;
  g_autoptr(GError) error = NULL;

  ov_ui_test_wait_state (window, "portfolio");
  store = ov_window_get_store (window);
  health = open_health (window, "Aurora Labs");
  wait_for_score (health, "69");

  g_signal_emit_by_name (child_of (health, "override_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (health, "form_revealer"))));
  set_button = child_of (health, "set_button");

  /* Without a reason, nothing can be set. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (child_of (health, "value_spin")), 35);
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "until_row")), until);
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "reason_row")), "   ");
  g_assert_false (gtk_widget_get_sensitive (set_button));
  /* Nor without a day. */
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "reason_row")), "Sponsor left");
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "until_row")), "");
  g_assert_false (gtk_widget_get_sensitive (set_button));
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "until_row")), "2026-02-30");
  g_assert_false (gtk_widget_get_sensitive (set_button));
  gtk_editable_set_text (GTK_EDITABLE (child_of (health, "until_row")), until);
  g_assert_true (gtk_widget_get_sensitive (set_button));
  ov_ui_test_scroll_to (child_of (health, "form_revealer"), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "health-override-form");

  g_signal_emit_by_name (set_button, "clicked");
  ov_ui_test_settle ();
  wait_for_score (health, "35");

  override_row = child_of (health, "override_row");
  g_assert_true (gtk_widget_get_visible (override_row));
  title = g_strdup_printf ("Set by hand to 35 until %s", until_shown);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (override_row)), ==, title);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (override_row)),
                                   "“Sponsor left” · set on "));
  g_assert_cmpstr (subtitle_of (health, "score_row"), ==,
                   "Set by hand; the components would make it 69");
  g_assert_cmpstr (label_of (health, "status_label"), ==, "At risk");
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (child_of (health, "form_revealer"))));
  ov_ui_test_shoot (GTK_WIDGET (window), "health-overridden");

  g_assert_true (ov_store_get_health_facts (store,
                                            ov_account_get_id (find_account (window, "Aurora Labs")),
                                            ov_date_today (), &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (facts.override_value, ==, 35);
  g_assert_cmpstr (facts.override_reason, ==, "Sponsor left");
  g_assert_cmpint (facts.override_expires_on, ==, ov_date_today () + 14);
  ov_health_facts_clear (&facts);

  /* The account page saves over the new version: no conflict. */
  {
    GtkWidget *accounts_view = ov_ui_test_child (window, OV_TYPE_WINDOW, "accounts_view");
    GtkWidget *page =
      GTK_WIDGET (ov_accounts_view_get_account_page (OV_ACCOUNTS_VIEW (accounts_view)));
    GtkWidget *segment = ov_ui_test_child (page, OV_TYPE_ACCOUNT_PAGE, "segment_row");

    gtk_editable_set_text (GTK_EDITABLE (segment), "Mid-Market");
    g_signal_emit_by_name (segment, "apply");
    ov_ui_test_settle ();
    g_assert_cmpstr (ov_account_page_get_error (OV_ACCOUNT_PAGE (page)), ==, "");
    g_assert_cmpstr (ov_account_get_segment (find_account (window, "Aurora Labs")), ==,
                     "Mid-Market");
  }

  g_signal_emit_by_name (child_of (health, "clear_button"), "clicked");
  ov_ui_test_settle ();
  wait_for_score (health, "69");
  g_assert_false (gtk_widget_get_visible (override_row));

  ov_ui_test_close_window (window);
}

/* A weight changed in Preferences scores the open account again; weights
 * that are all 0 are refused and not stored. */
static void
test_preferences (void)
{
  g_autofree char *db = make_portfolio ("health-preferences.db");
  OvWindow *window = ov_ui_test_open_window (db);
  GtkApplication *app;
  GtkWidget *health, *preferences;
  OvHealthPreferences *page;
  double weights[OV_HEALTH_N_COMPONENTS];

  ov_ui_test_wait_state (window, "portfolio");
  health = open_health (window, "Aurora Labs");
  wait_for_score (health, "69");

  app = gtk_window_get_application (GTK_WINDOW (window));
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  ov_ui_test_settle ();
  preferences = ov_ui_test_find_window (OV_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  gtk_test_widget_wait_for_draw (preferences);
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "health");
  page = OV_HEALTH_PREFERENCES (adw_preferences_window_get_visible_page (
                                  ADW_PREFERENCES_WINDOW (preferences)));
  g_assert_true (OV_IS_HEALTH_PREFERENCES (page));
  ov_ui_test_settle ();
  ov_ui_test_shoot (preferences, "health-preferences");

  /* Usage out: engagement alone, 75 on 25 of 65. */
  ov_health_preferences_set_weight (page, OV_HEALTH_USAGE, 0);
  ov_ui_test_settle ();
  wait_for_score (health, "75");
  g_assert_cmpstr (label_of (health, "coverage_label"), ==, "38 %");
  g_assert_true (ov_store_get_health_weights (ov_window_get_store (window), weights));
  g_assert_cmpfloat (weights[OV_HEALTH_USAGE], ==, 0);

  /* Engagement and NPS out too: only overdue tasks count, and Aurora has
   * none: not enough data. The last weight to 0 is refused, said so, and
   * the stored weights stay as they were. */
  ov_health_preferences_set_weight (page, OV_HEALTH_ENGAGEMENT, 0);
  ov_health_preferences_set_weight (page, OV_HEALTH_NPS, 0);
  ov_ui_test_settle ();
  wait_for_score (health, "—");
  g_assert_cmpstr (subtitle_of (health, "score_row"), ==,
                   "Not enough data: nothing the score rests on is recorded yet");
  g_assert_cmpstr (ov_health_preferences_get_error (page), ==, "");
  ov_health_preferences_set_weight (page, OV_HEALTH_OVERDUE, 0);
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_health_preferences_get_error (page), ==,
                   "Health weights must be 0 or more, and at least one above 0");
  g_assert_true (ov_store_get_health_weights (ov_window_get_store (window), weights));
  g_assert_cmpfloat (weights[OV_HEALTH_USAGE], ==, 0);
  g_assert_cmpfloat (weights[OV_HEALTH_ENGAGEMENT], ==, 0);
  g_assert_cmpfloat (weights[OV_HEALTH_NPS], ==, 0);
  g_assert_cmpfloat (weights[OV_HEALTH_OVERDUE], ==, 20);
  ov_ui_test_shoot (preferences, "health-preferences-refused");

  /* Reset: the defaults, and the score of the defaults. */
  g_signal_emit_by_name (ov_ui_test_child (GTK_WIDGET (page), OV_TYPE_HEALTH_PREFERENCES,
                                           "reset_button"), "clicked");
  ov_ui_test_settle ();
  g_assert_cmpstr (ov_health_preferences_get_error (page), ==, "");
  wait_for_score (health, "69");

  /* The program start, kept in the file. */
  {
    GtkWidget *start = ov_ui_test_child (GTK_WIDGET (page), OV_TYPE_HEALTH_PREFERENCES,
                                         "start_row");

    gtk_editable_set_text (GTK_EDITABLE (start), "2026-03-01");
    g_signal_emit_by_name (start, "apply");
    ov_ui_test_settle ();
    g_assert_cmpint (ov_store_get_program_start (ov_window_get_store (window)), ==,
                     ov_date_from_ymd (2026, 3, 1));
  }

  gtk_window_destroy (GTK_WINDOW (preferences));
  ov_ui_test_close_window (window);
}

static gboolean
card_loaded (gpointer data)
{
  OvHealthCard *card = data;

  return !ov_health_card_is_loading (card) &&
         ov_health_card_get_summary (card)->accounts == 5;
}

static gboolean
two_at_risk (gpointer data)
{
  return !ov_health_card_is_loading (data) && ov_health_card_get_summary (data)->at_risk == 2;
}

/* Three at risk: Cedar and Delta set (by hand, recorded), Elm on little
 * data; Aurora and Birch are not; every account has a score. */
static void
test_dashboard_card (void)
{
  g_autofree char *db = make_portfolio ("health-dashboard.db");
  OvWindow *window = ov_ui_test_open_window (db);
  GtkWidget *dashboard, *card;
  const OvHealthSummary *summary;
  g_autoptr(GPtrArray) texts = NULL;
  gboolean found = FALSE;

  ov_ui_test_wait_state (window, "portfolio");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  card = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "health_card");
  g_assert_true (ov_ui_test_wait (card_loaded, card, 10000));

  summary = ov_health_card_get_summary (OV_HEALTH_CARD (card));
  g_assert_cmpuint (summary->scored, ==, 5);
  g_assert_cmpuint (summary->no_data, ==, 0);
  g_assert_cmpuint (summary->at_risk, ==, 3);
  g_assert_cmpuint (summary->at_risk_by_band[OV_HEALTH_BAND_FIRM], ==, 0);
  g_assert_cmpuint (summary->at_risk_by_band[OV_HEALTH_BAND_PARTIAL], ==, 0);
  g_assert_cmpuint (summary->at_risk_by_band[OV_HEALTH_BAND_THIN], ==, 1);
  g_assert_cmpuint (summary->at_risk_by_band[OV_HEALTH_BAND_SET], ==, 2);

  /* What it shows: the count and its caption, the summary line. */
  texts = ov_ui_test_labels (card);
  for (guint i = 0; i + 1 < texts->len; i++)
    if (g_str_equal (texts->pdata[i], "3") && g_str_equal (texts->pdata[i + 1],
                                                           "accounts at risk"))
      found = TRUE;
  g_assert_true (found);
  g_assert_nonnull (ov_ui_test_find_label (card, "5 of 5 accounts have a score; 0 without"));
  ov_ui_test_shoot (GTK_WIDGET (window), "health-dashboard");

  /* Elm's usage rises: one fewer at risk, once the card has read again. */
  {
    OvStore *store = ov_window_get_store (window);
    gint64 elm = ov_account_get_id (find_account (window, "Elm Studio"));

    add_measurement (store, elm, "product_usage", 90, 0);
    g_assert_true (ov_ui_test_find_label (card, "3") != NULL);
  }
  g_assert_true (ov_ui_test_wait (two_at_risk, card, 10000));

  ov_ui_test_close_window (window);
}

/* What the section, the form and the card look like in any language and
 * size (OVERTURE_TEST_SIZE, LANGUAGE): only the numbers are checked. */
static void
test_look (void)
{
  g_autofree char *db = make_portfolio ("health-look.db");
  OvWindow *window = ov_ui_test_open_window (db);
  GtkWidget *health, *dashboard, *card;

  ov_ui_test_wait_state (window, "portfolio");
  health = open_health (window, "Cedar Foods");
  wait_for_score (health, "20");
  ov_ui_test_scroll_to (health, TRUE);
  ov_ui_test_shoot (GTK_WIDGET (window), "health-look-section");

  health = open_health (window, "Aurora Labs");
  wait_for_score (health, "69");
  g_signal_emit_by_name (child_of (health, "override_button"), "clicked");
  ov_ui_test_settle ();
  ov_ui_test_scroll_to (child_of (health, "form_revealer"), FALSE);
  ov_ui_test_shoot (GTK_WIDGET (window), "health-look-form");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "dashboard");
  dashboard = ov_ui_test_child (window, OV_TYPE_WINDOW, "dashboard_view");
  card = ov_ui_test_child (dashboard, OV_TYPE_DASHBOARD_VIEW, "health_card");
  g_assert_true (ov_ui_test_wait (card_loaded, card, 10000));
  g_assert_cmpuint (ov_health_card_get_summary (OV_HEALTH_CARD (card))->at_risk, ==, 3);
  ov_ui_test_shoot (GTK_WIDGET (window), "health-look-dashboard");

  {
    GtkWidget *preferences = ov_preferences_window_new (GTK_WINDOW (window), NULL);

    ov_preferences_window_set_store (OV_PREFERENCES_WINDOW (preferences),
                                     ov_window_get_store (window));
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences),
                                                  "health");
    gtk_window_present (GTK_WINDOW (preferences));
    gtk_test_widget_wait_for_draw (preferences);
    ov_ui_test_settle ();
    ov_ui_test_shoot (preferences, "health-look-preferences");
    gtk_window_destroy (GTK_WINDOW (preferences));
  }

  ov_ui_test_close_window (window);
}

int
main (int    argc,
      char **argv)
{
  /* The look test speaks the language asked for, if any. */
  ov_ui_test_use_asked_language ();
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/ui/health/section", test_section);
  g_test_add_func ("/ui/health/override", test_override);
  g_test_add_func ("/ui/health/preferences", test_preferences);
  g_test_add_func ("/ui/health/dashboard-card", test_dashboard_card);
  g_test_add_func ("/ui/health/look", test_look);

  return g_test_run ();
}
