/* ov-dashboard-view.c — the portfolio at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything here is computed from the accounts already in memory, in one
 * pass, after the portfolio changes (coalesced into one idle callback);
 * time to first value before and after the program start is read off the
 * main loop (ov_store_read_ttfv_cohorts() in ov_store_run_async()).
 */

#define G_LOG_DOMAIN "ov-dashboard-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-app-util.h"
#include "ov-dashboard-tasks.h"
#include "ov-dashboard-view.h"
#include "ov-store-job.h"
#include "ov-store-ttfv.h"
#include "ov-health-card.h"
#include "ov-view-reader.h"

#define N_RECENT 8

typedef enum
{
  CARD_ACCOUNTS,
  CARD_LIVE,
  CARD_TTFV,
  CARD_AT_RISK,
  N_CARDS
} Card;

struct _OvDashboardView
{
  OvView         parent_instance;

  OvAccountList *accounts;
  guint          refresh_id;
  gboolean       stale;

  OvViewReader  *ttfv_reader;

  GtkLabel      *card_values[N_CARDS];
  GtkLabel      *card_details[N_CARDS];
  GtkLevelBar   *stage_bars[OV_N_STAGES + 1];
  GtkLabel      *stage_counts[OV_N_STAGES + 1];

  /* Template widgets */
  GtkFlowBox    *cards;
  GtkFlowBox    *panels;
  GtkListBox    *stage_list;
  GtkListBox    *recent_list;
  OvDashboardTasks *tasks;
  OvHealthCard  *health_card;
};

G_DEFINE_FINAL_TYPE (OvDashboardView, ov_dashboard_view, OV_TYPE_VIEW)

static void ov_dashboard_view_read_ttfv (OvDashboardView *self);

static void
set_card (OvDashboardView *self,
          Card             card,
          const char      *value,
          const char      *detail)
{
  gtk_label_set_label (self->card_values[card], value);
  gtk_label_set_label (self->card_details[card], detail);
}

/* "today", "yesterday", "3 days ago", or the date for older changes. */
static char *
describe_change (gint64 updated_at,
                 OvDate today)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) when = NULL;
  OvDate day;
  int days;

  if (updated_at <= 0 || !(utc = g_date_time_new_from_unix_utc (updated_at)))
    return g_strdup ("");

  when = g_date_time_to_local (utc);

  day = ov_date_from_ymd (g_date_time_get_year (when), g_date_time_get_month (when),
                          g_date_time_get_day_of_month (when));
  days = today - day;

  if (days <= 0)
    return g_strdup (_("changed today"));
  if (days == 1)
    return g_strdup (_("changed yesterday"));
  if (days < 30)
    return g_strdup_printf (ngettext ("changed %d day ago", "changed %d days ago", days), days);

  {
    g_autofree char *date = ov_date_to_display (day);

    /* Translators: "changed on 3 Mar 2026" */
    return g_strdup_printf (_("changed on %s"), date);
  }
}

static int
compare_updated_desc (gconstpointer a,
                      gconstpointer b)
{
  OvAccount *x = *(OvAccount **)a;
  OvAccount *y = *(OvAccount **)b;

  gint64 tx = ov_account_get_updated_at (x), ty = ov_account_get_updated_at (y);

  return tx > ty ? -1 : tx < ty ? 1 : 0;
}

static void
refresh_recent (OvDashboardView *self,
                GPtrArray       *all,
                OvDate           today)
{
  g_autoptr(GPtrArray) recent = g_ptr_array_new ();
  GtkWidget *child;

  /* A partial selection of the newest few: one pass, no full sort. */
  for (guint i = 0; i < all->len; i++)
    {
      OvAccount *account = g_ptr_array_index (all, i);

      if (recent->len < N_RECENT)
        {
          g_ptr_array_add (recent, account);
          g_ptr_array_sort (recent, compare_updated_desc);
        }
      else if (ov_account_get_updated_at (account) >
               ov_account_get_updated_at (g_ptr_array_index (recent, N_RECENT - 1)))
        {
          recent->pdata[N_RECENT - 1] = account;
          g_ptr_array_sort (recent, compare_updated_desc);
        }
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->recent_list))) != NULL)
    gtk_list_box_remove (self->recent_list, child);

  for (guint i = 0; i < recent->len; i++)
    {
      OvAccount *account = g_ptr_array_index (recent, i);
      g_autofree char *change = describe_change (ov_account_get_updated_at (account), today);
      g_autofree char *subtitle = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      /* Translators: "Adopt · Priya Raman · changed 2 days ago" */
      subtitle = g_strdup_printf (_("%s · %s · %s"),
                                  ov_stage_get_title (ov_account_get_stage (account)),
                                  ov_account_get_owner (account)[0]
                                    ? ov_account_get_owner (account) : _("no owner"),
                                  change);
      /* Plain text first: a name such as "Smith & Co" is no markup. */
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_account_get_name (account));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "account", g_object_ref (account), g_object_unref);
      gtk_list_box_append (self->recent_list, row);
    }

  if (recent->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No accounts yet"));
      gtk_list_box_append (self->recent_list, row);
    }
}

/* Time to first value: before → after the program start, with the n of
 * each; without a program start the overall median and where to set one. */

/* Whole days, as a card shows them. */
static char *
format_days (double days)
{
  return isnan (days) ? g_strdup ("—") : g_strdup_printf ("%.0f", round (days));
}

/**
 * ov_dashboard_view_describe_ttfv:
 * @cohorts: the figures
 * @value: (out): the card's big text
 * @detail: (out): the line under it
 *
 * The TTFV card's texts for @cohorts.
 */
void
ov_dashboard_view_describe_ttfv (const OvTtfvCohorts  *cohorts,
                                 char                **value,
                                 char                **detail)
{
  g_return_if_fail (cohorts != NULL && value != NULL && detail != NULL);

  if (cohorts->program_start != OV_DATE_NONE)
    {
      g_autofree char *before = format_days (cohorts->before.median);
      g_autofree char *after = format_days (cohorts->after.median);
      gulong last = isnan (cohorts->after.median) ? 0 : (gulong)round (cohorts->after.median);

      /* Translators: medians before → after the program start, in days */
      *value = g_strdup_printf (ngettext ("%s → %s day", "%s → %s days", last), before, after);
      *detail = g_strdup_printf (_("Median before → after the program start. "
                                   "n = %u before, %u after, %u still open"),
                                 cohorts->before.n, cohorts->after.n, cohorts->all.open);
      return;
    }

  if (cohorts->all.n > 0)
    {
      g_autofree char *days = format_days (cohorts->all.median);

      *value = g_strdup_printf (ngettext ("%s day", "%s days", (gulong)round (cohorts->all.median)),
                                days);
    }
  else
    *value = g_strdup ("—");
  *detail = g_strdup_printf (_("Median, n = %u, %u still open. "
                               "Set the program start in Preferences to compare before and "
                               "after."),
                             cohorts->all.n, cohorts->all.open);
}

typedef struct
{
  OvDate        today;   /* first (ov_view_reader_make_dated()) */
  OvTtfvCohorts cohorts;
} TtfvReading;

/* In a worker (ov_store_run_async()). */
static gboolean
read_ttfv (OvStore         *store,
           gpointer         data,
           OvProgressFunc   progress,
           gpointer         progress_data,
           GCancellable    *cancellable,
           GError         **error)
{
  TtfvReading *reading = data;

  return ov_store_read_ttfv_cohorts (store, reading->today, &reading->cohorts, error);
}

static gpointer
make_ttfv_reading (OvView *view)
{
  return ov_view_reader_make_dated (view, sizeof (TtfvReading));
}

static void
show_ttfv (OvView   *view,
           gpointer  data)
{
  TtfvReading *reading = data;
  g_autofree char *value = NULL;
  g_autofree char *detail = NULL;

  ov_dashboard_view_describe_ttfv (&reading->cohorts, &value, &detail);
  set_card (OV_DASHBOARD_VIEW (view), CARD_TTFV, value, detail);
}

static const OvViewReaderFuncs ttfv_funcs = {
  make_ttfv_reading, g_free, read_ttfv, show_ttfv, NULL, "the time to first value",
};

static void
ov_dashboard_view_read_ttfv (OvDashboardView *self)
{
  if (ov_view_get_store (OV_VIEW (self)) != NULL)
    ov_view_reader_start (self->ttfv_reader);
}

static gboolean
refresh (gpointer user_data)
{
  OvDashboardView *self = user_data;
  g_autofree char *total = NULL;
  g_autofree char *live = NULL;
  g_autofree char *live_detail = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *risk_detail = NULL;
  OvPortfolioSummary summary;
  GPtrArray *all;
  guint biggest = 1;
  OvDate today = ov_view_get_today (OV_VIEW (self));

  self->refresh_id = 0;

  if (self->accounts == NULL)
    return G_SOURCE_REMOVE;

  all = ov_account_list_get_all (self->accounts);
  ov_metrics_summarize (all, &summary);

  total = g_strdup_printf ("%u", summary.n_accounts);
  set_card (self, CARD_ACCOUNTS, total,
            ngettext ("account in the portfolio", "accounts in the portfolio",
                      summary.n_accounts));

  live = g_strdup_printf ("%u", summary.live);
  live_detail = g_strdup (_("live onboardings, Handoff to Review"));
  set_card (self, CARD_LIVE, live, live_detail);

  ov_dashboard_view_read_ttfv (self);

  risk = g_strdup_printf ("%u", summary.per_status[OV_ACCOUNT_STATUS_PAUSED] +
                                summary.per_status[OV_ACCOUNT_STATUS_CHURNED]);
  /* Translators: "7 paused, 4 churned" */
  risk_detail = g_strdup_printf (_("%u paused, %u churned"),
                                 summary.per_status[OV_ACCOUNT_STATUS_PAUSED],
                                 summary.per_status[OV_ACCOUNT_STATUS_CHURNED]);
  set_card (self, CARD_AT_RISK, risk, risk_detail);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    biggest = MAX (biggest, summary.per_stage[stage]);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      g_autofree char *count = g_strdup_printf ("%u", summary.per_stage[stage]);

      gtk_level_bar_set_max_value (self->stage_bars[stage], biggest);
      gtk_level_bar_set_value (self->stage_bars[stage], summary.per_stage[stage]);
      gtk_label_set_label (self->stage_counts[stage], count);
    }

  refresh_recent (self, all, today);

  return G_SOURCE_REMOVE;
}

/* Figures are computed over the whole portfolio: only when they can be
 * seen, and once for a burst of changes. */
static void
queue_refresh (OvDashboardView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add (refresh, self);
}

static void
ov_dashboard_view_map (GtkWidget *widget)
{
  OvDashboardView *self = OV_DASHBOARD_VIEW (widget);

  GTK_WIDGET_CLASS (ov_dashboard_view_parent_class)->map (widget);

  if (self->stale)
    queue_refresh (self);
}

static void
stage_row_activated_cb (OvDashboardView *self,
                        GtkListBoxRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-stage", "i",
                              gtk_list_box_row_get_index (row) + 1);
}

static void
recent_row_activated_cb (OvDashboardView *self,
                         GtkListBoxRow   *row)
{
  OvAccount *account = g_object_get_data (G_OBJECT (row), "account");

  if (account != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x",
                                ov_account_get_id (account));
}

static void
add_card (OvDashboardView *self,
          Card             card,
          const char      *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *heading = gtk_label_new (title);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "card");
  gtk_widget_add_css_class (box, "stat-card");
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_add_css_class (value, "title-1");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (heading), 16);
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  /* A modest natural width lets four cards share a row on a wide window. */
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 18);
  gtk_label_set_width_chars (GTK_LABEL (detail), 8);
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_flow_box_append (self->cards, box);

  self->card_values[card] = GTK_LABEL (value);
  self->card_details[card] = GTK_LABEL (detail);
}

static void
add_stage_row (OvDashboardView *self,
               OvStage          stage)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (ov_stage_get_title (stage));
  GtkWidget *bar = gtk_level_bar_new ();
  GtkWidget *count = gtk_label_new ("0");

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 10);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_width_chars (GTK_LABEL (title), 9);
  gtk_widget_set_hexpand (bar, TRUE);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  gtk_level_bar_set_mode (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_MODE_CONTINUOUS);
  /* Counts are not good or bad: no low/high colouring. */
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_LOW);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_HIGH);
  gtk_level_bar_remove_offset_value (GTK_LEVEL_BAR (bar), GTK_LEVEL_BAR_OFFSET_FULL);
  gtk_label_set_xalign (GTK_LABEL (count), 1);
  gtk_label_set_width_chars (GTK_LABEL (count), 6);
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_set_tooltip_text (row, ov_stage_get_summary (stage));

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), count);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_append (self->stage_list, row);

  self->stage_bars[stage] = GTK_LEVEL_BAR (bar);
  self->stage_counts[stage] = GTK_LABEL (count);
}

void
ov_dashboard_view_set_accounts (OvDashboardView *self,
                                OvAccountList   *accounts)
{
  g_return_if_fail (OV_IS_DASHBOARD_VIEW (self));
  g_return_if_fail (self->accounts == NULL);

  /* Search and filters change what the list shows, not the portfolio:
   * only its size (n-total) and stored edits matter here. */
  self->accounts = g_object_ref (accounts);
  g_signal_connect_object (accounts, "notify::n-total", G_CALLBACK (queue_refresh), self,
                           G_CONNECT_SWAPPED);
  queue_refresh (self);
}

/* Edits change figures without adding or removing rows. */
static void
ov_dashboard_view_store_changed (OvView     *view,
                                 const char *what)
{
  if (g_strcmp0 (what, "accounts") == 0)
    queue_refresh (OV_DASHBOARD_VIEW (view));
  else if (g_strcmp0 (what, "settings") == 0)     /* the program start */
    ov_dashboard_view_read_ttfv (OV_DASHBOARD_VIEW (view));
}

static void
ov_dashboard_view_store_ready (OvView *view)
{
  ov_dashboard_view_read_ttfv (OV_DASHBOARD_VIEW (view));
}

static void
ov_dashboard_view_today_changed (OvView *view)
{
  queue_refresh (OV_DASHBOARD_VIEW (view));
}

static void
ov_dashboard_view_dispose (GObject *object)
{
  OvDashboardView *self = OV_DASHBOARD_VIEW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  ov_view_reader_cancel (self->ttfv_reader);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ov_dashboard_view_parent_class)->dispose (object);
}

static void
ov_dashboard_view_finalize (GObject *object)
{
  OvDashboardView *self = OV_DASHBOARD_VIEW (object);

  g_clear_pointer (&self->ttfv_reader, ov_view_reader_free);

  G_OBJECT_CLASS (ov_dashboard_view_parent_class)->finalize (object);
}

static void
ov_dashboard_view_class_init (OvDashboardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_dashboard_view_dispose;
  object_class->finalize = ov_dashboard_view_finalize;

  widget_class->map = ov_dashboard_view_map;

  view_class->store_ready = ov_dashboard_view_store_ready;
  view_class->store_changed = ov_dashboard_view_store_changed;
  view_class->today_changed = ov_dashboard_view_today_changed;

  g_type_ensure (OV_TYPE_DASHBOARD_TASKS);
  g_type_ensure (OV_TYPE_HEALTH_CARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-dashboard-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, cards);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, panels);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, stage_list);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, recent_list);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, tasks);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardView, health_card);
  gtk_widget_class_bind_template_callback (widget_class, stage_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, recent_row_activated_cb);
}

static void
ov_dashboard_view_init (OvDashboardView *self)
{
  self->stale = TRUE;
  self->ttfv_reader = ov_view_reader_new (OV_VIEW (self), &ttfv_funcs);

  gtk_widget_init_template (GTK_WIDGET (self));

  add_card (self, CARD_ACCOUNTS, _("Portfolio"));
  add_card (self, CARD_LIVE, _("Onboarding Now"));
  add_card (self, CARD_TTFV, _("Time to First Value"));
  add_card (self, CARD_AT_RISK, _("Needs Attention"));
  ov_app_flow_box_unfocus (self->cards, FALSE);
  ov_app_flow_box_unfocus (self->panels, TRUE);

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    add_stage_row (self, stage);
}
