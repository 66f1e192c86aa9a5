/* ov-insights-view.c — the before/after figures of the portfolio, as charts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every figure comes from one OvInsights, loaded off the main loop for
 * the filter chosen (ov_insights_load_async()). A new filter cancels the
 * load under way and starts another; the cards keep the last figures,
 * with a spinner, until the new ones arrive, so a change never blocks a
 * frame. The view loads only while it is shown, and again when the
 * portfolio changed meanwhile. Without a program start there are no
 * cohorts: the view says what to set, and shows the figures that do not
 * need one.
 */

#define G_LOG_DOMAIN "ov-insights-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-chart-card.h"
#include "ov-date-row.h"
#include "ov-insights-text.h"
#include "ov-insights-view.h"
#include "ov-picker.h"
#include "ov-store-program.h"

typedef enum
{
  CARD_TTFV,
  CARD_CURVE,
  CARD_PACKAGE_CURVE,
  CARD_BASELINE,
  CARD_FUNNEL,
  CARD_PACKAGE_TTFV,
  CARD_ATTENDANCE,
  CARD_REVENUE,
  CARD_TREND,
  N_CARDS
} Card;

static const OvInsightsFigure card_figures[N_CARDS] = {
  [CARD_TTFV] = OV_INSIGHTS_TTFV_COHORTS,
  [CARD_CURVE] = OV_INSIGHTS_TTFV_CURVE,
  [CARD_PACKAGE_CURVE] = OV_INSIGHTS_TTFV_CURVE_BY_PACKAGE,
  [CARD_BASELINE] = OV_INSIGHTS_BASELINE_LATEST,
  [CARD_FUNNEL] = OV_INSIGHTS_FUNNEL,
  [CARD_PACKAGE_TTFV] = OV_INSIGHTS_TTFV_BY_PACKAGE,
  [CARD_ATTENDANCE] = OV_INSIGHTS_ATTENDANCE_BY_PACKAGE,
  [CARD_REVENUE] = OV_INSIGHTS_REVENUE,
  [CARD_TREND] = OV_INSIGHTS_TREND,
};

/* The cards' ids in the template. */
static const char *const card_names[N_CARDS] = {
  [CARD_TTFV] = "ttfv_card",
  [CARD_CURVE] = "curve_card",
  [CARD_PACKAGE_CURVE] = "package_curve_card",
  [CARD_BASELINE] = "baseline_card",
  [CARD_FUNNEL] = "funnel_card",
  [CARD_PACKAGE_TTFV] = "package_ttfv_card",
  [CARD_ATTENDANCE] = "attendance_card",
  [CARD_REVENUE] = "revenue_card",
  [CARD_TREND] = "trend_card",
};

struct _OvInsightsView
{
  OvView           parent_instance;

  OvAccountList   *accounts;
  GCancellable    *cancellable;
  OvInsights      *insights;
  gboolean         loading;
  gboolean         stale;
  gboolean         filling;
  guint            reload_id;

  /* What the pickers' items stand for: NULL for "any", "" for "no package". */
  GPtrArray       *segments;
  GPtrArray       *owners;
  GPtrArray       *packages;

  OvChartCard     *cards[N_CARDS];
  GtkLabel        *extras[N_CARDS];
  GtkDropDown     *baseline_metric;
  GtkDropDown     *trend_metric;

  /* Template widgets */
  AdwActionRow    *program_row;
  AdwExpanderRow  *filter_row;
  AdwComboRow     *segment_row;
  AdwComboRow     *owner_row;
  AdwComboRow     *package_row;
  OvDateRow       *from_row;
  OvDateRow       *to_row;
  OvDateRow       *closed_from_row;
  OvDateRow       *closed_to_row;
  GtkSpinner      *spinner;
  GtkLabel        *count_label;
  GtkWidget       *program_page;
  AdwStatusPage   *none_page;
  GtkFlowBox      *cards_box;
};

G_DEFINE_FINAL_TYPE (OvInsightsView, ov_insights_view, OV_TYPE_VIEW)

static void load (OvInsightsView *self);

static void
fill_pickers (OvInsightsView *self)
{
  self->filling = TRUE;
  ov_picker_fill_account_filters (self->accounts, ov_view_get_store (OV_VIEW (self)),
                                  self->segment_row, self->segments,
                                  self->owner_row, self->owners,
                                  self->package_row, self->packages);
  self->filling = FALSE;
}

/* The period by default: the twelve months to the end of this one. */
static void
default_period (OvInsightsView *self)
{
  OvDate today = ov_view_get_today (OV_VIEW (self));
  int year, month, day;

  if (ov_date_row_get_date (self->from_row) != OV_DATE_NONE ||
      ov_date_row_get_date (self->to_row) != OV_DATE_NONE ||
      !ov_date_to_ymd (today, &year, &month, &day))
    return;

  self->filling = TRUE;
  ov_date_row_set_date (self->to_row, month == 12 ? ov_date_from_ymd (year + 1, 1, 1)
                                                  : ov_date_from_ymd (year, month + 1, 1));
  ov_date_row_set_date (self->from_row, month == 12 ? ov_date_from_ymd (year, 1, 1)
                                                    : ov_date_from_ymd (year - 1, month + 1, 1));
  self->filling = FALSE;
}

static void
read_filter (OvInsightsView   *self,
             OvInsightsFilter *filter)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));

  filter->program_start = store ? ov_store_get_program_start (store) : OV_DATE_NONE;
  filter->from = ov_date_row_get_date (self->from_row);
  filter->to = ov_date_row_get_date (self->to_row);
  filter->closed_from = ov_date_row_get_date (self->closed_from_row);
  filter->closed_to = ov_date_row_get_date (self->closed_to_row);
  filter->segment = g_strdup (ov_picker_get (self->segment_row, self->segments));
  filter->owner = g_strdup (ov_picker_get (self->owner_row, self->owners));
  filter->package = g_strdup (ov_picker_get (self->package_row, self->packages));
  filter->today = ov_view_get_today (OV_VIEW (self));
}

/* "Any segment · Any owner · No package · 1 Jan 2026 to 1 Jan 2027" */
static void
show_filter_summary (OvInsightsView         *self,
                     const OvInsightsFilter *filter)
{
  g_autofree char *from = ov_date_to_display (filter->from);
  g_autofree char *to = ov_date_to_display (filter->to);
  g_autofree char *period = NULL;
  g_autofree char *summary = NULL;
  const char *package;

  if (filter->package == NULL)
    package = _("Any package");
  else if (*filter->package == '\0')
    package = _("No package");
  else
    package = filter->package;

  if (filter->from != OV_DATE_NONE && filter->to != OV_DATE_NONE)
    /* Translators: the period [from, to) */
    period = g_strdup_printf (_("period %s to %s"), from, to);
  else
    period = g_strdup (_("no period"));

  summary = g_strjoin (" · ",
                       filter->segment ? filter->segment : _("Any segment"),
                       filter->owner ? filter->owner : _("Any owner"),
                       package, period, NULL);
  adw_expander_row_set_subtitle (self->filter_row, summary);
}

static void
show_program_start (OvInsightsView *self,
                    OvDate          program_start)
{
  g_autofree char *date = NULL;

  if (program_start == OV_DATE_NONE)
    adw_action_row_set_subtitle (self->program_row,
                                 _("Not set — the before and after figures need it"));
  else
    {
      date = ov_date_to_display (program_start);
      adw_action_row_set_subtitle (self->program_row, date);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->program_page), program_start == OV_DATE_NONE);
}

static void
set_loading (OvInsightsView *self,
             gboolean        loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
  if (loading && self->insights == NULL)
    gtk_label_set_text (self->count_label, _("Computing the figures…"));
}

/* A metric's title for the picker, which keeps the metric's id. */
static char *
metric_title_cb (GtkStringObject *item)
{
  return g_strdup (ov_insights_metric_title (gtk_string_object_get_string (item)));
}

/* The metrics with data, kept picked across loads where they still are. */
static void
fill_metric_picker (OvInsightsView *self,
                    GtkDropDown    *picker)
{
  const char *const *metrics = ov_insights_get_metrics (self->insights);
  GListModel *old_model = gtk_drop_down_get_model (picker);
  g_autoptr(GtkStringList) model = gtk_string_list_new ((const char *const *)metrics);
  g_autofree char *selected = NULL;
  guint position = 0;

  if (old_model != NULL && gtk_drop_down_get_selected (picker) != GTK_INVALID_LIST_POSITION)
    selected = g_strdup (gtk_string_list_get_string (GTK_STRING_LIST (old_model),
                                                     gtk_drop_down_get_selected (picker)));
  /* At first the health score, if there is one: the figure every
   * onboarding moves. */
  for (guint i = 0; metrics != NULL && metrics[i] != NULL; i++)
    {
      if (g_strcmp0 (metrics[i], selected) == 0)
        {
          position = i;
          break;
        }
      if (selected == NULL && (g_str_equal (metrics[i], "health_score") ||
                               g_str_equal (metrics[i], "health")))
        position = i;
    }

  self->filling = TRUE;
  if (gtk_drop_down_get_expression (picker) == NULL)
    {
      GtkExpression *title = gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                          G_CALLBACK (metric_title_cb), NULL,
                                                          NULL);

      gtk_drop_down_set_expression (picker, title);
      gtk_expression_unref (title);
    }
  gtk_drop_down_set_model (picker, G_LIST_MODEL (model));
  gtk_drop_down_set_selected (picker, position);
  gtk_widget_set_visible (GTK_WIDGET (picker), metrics != NULL && metrics[0] != NULL);
  self->filling = FALSE;
}

static const char *
picked_metric (GtkDropDown *picker)
{
  GListModel *model = gtk_drop_down_get_model (picker);
  guint selected = gtk_drop_down_get_selected (picker);

  if (model == NULL || selected == GTK_INVALID_LIST_POSITION)
    return NULL;
  return gtk_string_list_get_string (GTK_STRING_LIST (model), selected);
}

static void
show_card (OvInsightsView *self,
           Card            card)
{
  g_autoptr(OvChart) chart = NULL;
  g_autofree char *description = NULL;
  g_autofree char *extra = NULL;
  const char *metric = NULL;

  if (card == CARD_BASELINE)
    metric = picked_metric (self->baseline_metric);
  else if (card == CARD_TREND)
    metric = picked_metric (self->trend_metric);

  if ((card == CARD_BASELINE || card == CARD_TREND) && metric == NULL)
    description = g_strdup (_("No measurements in this selection yet."));
  else
    {
      chart = ov_insights_build_chart (self->insights, card_figures[card], metric);
      description = ov_insights_describe (self->insights, card_figures[card], metric);
    }
  ov_chart_card_set_chart (self->cards[card], chart);
  ov_chart_card_set_description (self->cards[card], description);

  switch (card)
    {
    case CARD_TTFV:
      /* Without cohorts the sentence under the card says why. */
      if (ov_insights_get_filter (self->insights)->program_start != OV_DATE_NONE)
        extra = ov_insights_text_ttfv (self->insights);
      break;

    case CARD_BASELINE:
      if (metric != NULL)
        extra = ov_insights_text_paired (self->insights, metric);
      break;

    case CARD_FUNNEL:
      extra = ov_insights_text_funnel (self->insights);
      break;

    case CARD_REVENUE:
      extra = ov_insights_text_revenue (self->insights);
      break;

    case CARD_CURVE:
    case CARD_PACKAGE_CURVE:
    case CARD_PACKAGE_TTFV:
    case CARD_ATTENDANCE:
    case CARD_TREND:
    case N_CARDS:
    default:
      break;
    }
  if (self->extras[card] != NULL)
    {
      gtk_label_set_text (self->extras[card], extra ? extra : "");
      gtk_widget_set_visible (GTK_WIDGET (self->extras[card]), extra != NULL);
    }
}

static void
show_insights (OvInsightsView *self)
{
  const OvInsightsFilter *filter = ov_insights_get_filter (self->insights);
  guint n = ov_insights_get_n_accounts (self->insights);
  g_autofree char *count = NULL;

  count = g_strdup_printf (g_dngettext (NULL, "Figures on %u account", "Figures on %u accounts", n), n);
  gtk_label_set_text (self->count_label, count);
  show_program_start (self, filter->program_start);
  show_filter_summary (self, filter);

  gtk_widget_set_visible (GTK_WIDGET (self->none_page), n == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->cards_box), n > 0);

  fill_metric_picker (self, self->baseline_metric);
  fill_metric_picker (self, self->trend_metric);
  for (Card card = 0; card < N_CARDS; card++)
    show_card (self, card);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(OvInsightsView) self = user_data;
  g_autoptr(OvInsights) insights = NULL;
  g_autoptr(GError) error = NULL;

  insights = ov_insights_load_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (insights == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not compute the figures: %s"),
                                                  error->message);
      gtk_label_set_text (self->count_label, message);
      return;
    }

  g_set_object (&self->insights, insights);
  show_insights (self);
}

static void
load (OvInsightsView *self)
{
  OvInsightsFilter filter = { 0 };
  OvStore *store = ov_view_get_store (OV_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  read_filter (self, &filter);
  show_filter_summary (self, &filter);
  show_program_start (self, filter.program_start);
  set_loading (self, TRUE);
  ov_insights_load_async (store, &filter, self->cancellable, load_cb, g_object_ref (self));
  ov_insights_filter_clear (&filter);
}

static gboolean
reload_cb (gpointer data)
{
  OvInsightsView *self = data;

  self->reload_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* Loads soon if shown (changes come in bursts), or when next shown. */
static void
queue_load (OvInsightsView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_idle_add_full (G_PRIORITY_LOW, reload_cb, self, NULL);
}

static void
filter_changed_cb (OvInsightsView *self)
{
  if (self->filling)
    return;
  load (self);
}

static void
metric_changed_cb (GtkDropDown    *picker,
                   GParamSpec     *pspec,
                   OvInsightsView *self)
{
  if (self->filling || self->insights == NULL)
    return;
  show_card (self, picker == self->baseline_metric ? CARD_BASELINE : CARD_TREND);
}

static void
map_cb (OvInsightsView *self)
{
  if (self->stale)
    load (self);
}

static void
ov_insights_view_store_ready (OvView *view)
{
  OvInsightsView *self = OV_INSIGHTS_VIEW (view);

  default_period (self);
  fill_pickers (self);
  queue_load (self);
}

static void
ov_insights_view_store_changed (OvView     *view,
                                const char *what)
{
  OvInsightsView *self = OV_INSIGHTS_VIEW (view);

  if (g_strcmp0 (what, "accounts") == 0 || g_strcmp0 (what, "packages") == 0)
    fill_pickers (self);
  queue_load (self);
}

static void
ov_insights_view_today_changed (OvView *view)
{
  queue_load (OV_INSIGHTS_VIEW (view));
}

static GtkDropDown *
add_metric_picker (OvInsightsView *self,
                   Card            card)
{
  GtkWidget *picker = gtk_drop_down_new (NULL, NULL);

  gtk_widget_set_valign (picker, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (picker, _("Metric"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Metric"), -1);
  g_signal_connect (picker, "notify::selected", G_CALLBACK (metric_changed_cb), self);
  ov_chart_card_add_header_widget (self->cards[card], picker);
  return GTK_DROP_DOWN (picker);
}

static void
add_extra (OvInsightsView *self,
           Card            card)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* A wrapping label asks for its whole text's width otherwise, and the
   * cards would not go two by two. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "insights-figures");
  ov_chart_card_set_extra (self->cards[card], label);
  self->extras[card] = GTK_LABEL (label);
}

static void
ov_insights_view_dispose (GObject *object)
{
  OvInsightsView *self = OV_INSIGHTS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->insights);
  g_clear_object (&self->accounts);

  gtk_widget_dispose_template (GTK_WIDGET (object), OV_TYPE_INSIGHTS_VIEW);

  G_OBJECT_CLASS (ov_insights_view_parent_class)->dispose (object);
}

static void
ov_insights_view_finalize (GObject *object)
{
  OvInsightsView *self = OV_INSIGHTS_VIEW (object);

  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->packages, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_insights_view_parent_class)->finalize (object);
}

static void
ov_insights_view_class_init (OvInsightsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_insights_view_dispose;
  object_class->finalize = ov_insights_view_finalize;

  view_class->store_ready = ov_insights_view_store_ready;
  view_class->store_changed = ov_insights_view_store_changed;
  view_class->today_changed = ov_insights_view_today_changed;

  g_type_ensure (OV_TYPE_CHART_CARD);
  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overture/Overture/ov-insights-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, program_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, filter_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, owner_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, package_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, from_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, to_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, closed_from_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, closed_to_row);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, program_page);
  gtk_widget_class_bind_template_child (widget_class, OvInsightsView, none_page);
  gtk_widget_class_bind_template_child_full (widget_class, "cards", FALSE,
                                             G_STRUCT_OFFSET (OvInsightsView, cards_box));
  for (Card card = 0; card < N_CARDS; card++)
    gtk_widget_class_bind_template_child_full (widget_class, card_names[card], FALSE,
                                               G_STRUCT_OFFSET (OvInsightsView, cards) +
                                               card * sizeof (OvChartCard *));
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
}

static void
ov_insights_view_init (OvInsightsView *self)
{
  self->segments = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->packages = g_ptr_array_new_with_free_func (g_free);
  self->stale = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->baseline_metric = add_metric_picker (self, CARD_BASELINE);
  self->trend_metric = add_metric_picker (self, CARD_TREND);
  add_extra (self, CARD_TTFV);
  add_extra (self, CARD_BASELINE);
  add_extra (self, CARD_FUNNEL);
  add_extra (self, CARD_REVENUE);

  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  set_loading (self, FALSE);
}

/**
 * ov_insights_view_set_accounts:
 * @self: an #OvInsightsView
 * @accounts: the window's accounts, for the segment and owner pickers
 */
void
ov_insights_view_set_accounts (OvInsightsView *self,
                               OvAccountList  *accounts)
{
  g_return_if_fail (OV_IS_INSIGHTS_VIEW (self));

  if (g_set_object (&self->accounts, accounts))
    fill_pickers (self);
}

gboolean
ov_insights_view_is_loading (OvInsightsView *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS_VIEW (self), FALSE);

  return self->loading;
}

/**
 * ov_insights_view_get_insights:
 * @self: an #OvInsightsView
 *
 * Returns: (transfer none) (nullable): the figures shown, with the filter
 *   they were computed for
 */
OvInsights *
ov_insights_view_get_insights (OvInsightsView *self)
{
  g_return_val_if_fail (OV_IS_INSIGHTS_VIEW (self), NULL);

  return self->insights;
}
