/* ov-account-measurements.c — an account's measurements, by metric
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One group per metric: its baseline → latest change in words, a small
 * chart of its history, and a row per measurement, oldest first as the
 * chart reads. A row opens OvMeasurementDialog; its star marks it as the
 * baseline; its bin deletes it, with Undo in the toast that says so.
 */

#define G_LOG_DOMAIN "ov-account-measurements"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-measurements.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-measurement-chart.h"
#include "ov-measurement-dialog.h"

struct _OvAccountMeasurements
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;      /* AdwActionRow shown, each with "ov-measurement" */
  GHashTable          *changes;   /* metric id → the change in words */
  GHashTable          *charts;    /* metric id → its OvChartView */

  /* Template widgets */
  AdwPreferencesGroup *header_group;
  GtkWidget           *add_button;
  GtkBox              *metrics_box;
};

G_DEFINE_FINAL_TYPE (OvAccountMeasurements, ov_account_measurements, OV_TYPE_ACCOUNT_SECTION)

static GtkWindow *
parent_window (OvAccountMeasurements *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
open_dialog (OvAccountMeasurements *self,
             OvMeasurement         *measurement,
             const char            *metric)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  OvMeasurementDialog *dialog;

  if (store == NULL || account == NULL)
    return;

  dialog = ov_measurement_dialog_new (parent_window (self), store, account, measurement,
                                      ov_view_get_today (OV_VIEW (self)));
  if (measurement == NULL && metric != NULL)
    ov_measurement_dialog_set_metric (dialog, metric);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_clicked_cb (OvAccountMeasurements *self)
{
  open_dialog (self, NULL, NULL);
}

static void
add_metric_clicked_cb (GtkButton             *button,
                       OvAccountMeasurements *self)
{
  open_dialog (self, NULL, g_object_get_data (G_OBJECT (button), "ov-metric"));
}

static void
row_activated_cb (AdwActionRow          *row,
                  OvAccountMeasurements *self)
{
  open_dialog (self, g_object_get_data (G_OBJECT (row), "ov-measurement"), NULL);
}

static void
report_failure (OvAccountMeasurements *self,
                const GError          *error,
                OvConflictAction       action)
{
  if (ov_conflict_matches (error))
    {
      g_autofree char *message = ov_conflict_describe (error, action, NULL);

      /* The rows show the measurements as stored now. */
      ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
      ov_app_show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      ov_app_show_toast (GTK_WIDGET (self), error->message);
    }
}

static void
baseline_clicked_cb (GtkButton             *button,
                     OvAccountMeasurements *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvMeasurement *measurement = g_object_get_data (G_OBJECT (button), "ov-measurement");
  g_autoptr(OvMeasurement) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return;

  draft = ov_measurement_copy (measurement);
  ov_measurement_set_baseline (draft, !ov_measurement_get_baseline (measurement));
  if (!ov_store_update_measurement (store, draft, &error))
    report_failure (self, error, OV_CONFLICT_REDO);
}

/* Undo: the measurement comes back as a new row with the same values. */
static gboolean
restore_measurement (OvStore  *store,
                     GObject  *row,
                     GError  **error)
{
  g_autoptr(OvMeasurement) again = ov_measurement_copy (OV_MEASUREMENT (row));

  ov_measurement_set_id (again, 0);
  ov_measurement_set_version (again, 0);
  return ov_store_add_measurement (store, again, error);
}

static void
delete_clicked_cb (GtkButton             *button,
                   OvAccountMeasurements *self)
{
  ov_account_measurements_delete (self,
                                  g_object_get_data (G_OBJECT (button), "ov-measurement"));
}

static GtkWidget *
new_row_button (OvAccountMeasurements *self,
                OvMeasurement         *measurement,
                const char            *icon,
                const char            *tooltip,
                GCallback              callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "ov-measurement", g_object_ref (measurement),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

static GtkWidget *
new_measurement_row (OvAccountMeasurements *self,
                     OvMeasurement         *measurement,
                     const char            *currency)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *baseline, *delete;
  gboolean is_baseline = ov_measurement_get_baseline (measurement);
  g_autofree char *value = ov_measurement_format_value (ov_measurement_get_metric (measurement),
                                                        ov_measurement_get_value (measurement),
                                                        currency);
  g_autofree char *date = ov_date_to_display (ov_measurement_get_measured_on (measurement));
  g_autoptr(GString) subtitle = g_string_new (NULL);

  if (is_baseline)
    /* Translators: a measurement's date and that it is the baseline, "12 Mar 2026 · Baseline" */
    g_string_printf (subtitle, _("%s · Baseline"), date);
  else
    g_string_assign (subtitle, date);
  if (ov_measurement_get_note (measurement)[0] != '\0')
    g_string_append_printf (subtitle, "\n%s", ov_measurement_get_note (measurement));

  /* Notes are the user's text, not markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), value);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_widget_add_css_class (row, "numeric");

  baseline = new_row_button (self, measurement,
                             is_baseline ? "starred-symbolic" : "non-starred-symbolic",
                             is_baseline ? _("Unmark as Baseline") : _("Mark as Baseline"),
                             G_CALLBACK (baseline_clicked_cb));
  gtk_accessible_update_state (GTK_ACCESSIBLE (baseline), GTK_ACCESSIBLE_STATE_PRESSED,
                               is_baseline ? GTK_ACCESSIBLE_TRISTATE_TRUE
                                           : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
  delete = new_row_button (self, measurement, "user-trash-symbolic", _("Delete Measurement"),
                           G_CALLBACK (delete_clicked_cb));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), baseline);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete);
  g_object_set_data (G_OBJECT (row), "ov-baseline", baseline);
  g_object_set_data (G_OBJECT (row), "ov-delete", delete);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-measurement", g_object_ref (measurement),
                          g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  return row;
}

/* Known metrics in the order Overture lists them, then the others by
 * name. */
static int
metric_rank (const char *metric)
{
  guint n_kinds;
  const OvMetricKind *kinds = ov_metric_kind_list (&n_kinds);
  const OvMetricKind *kind = ov_metric_kind_find (metric, -1);

  return kind != NULL ? (int)(kind - kinds) : (int)n_kinds;
}

static int
compare_metrics (gconstpointer a,
                 gconstpointer b)
{
  const char *x = *(const char * const *)a;
  const char *y = *(const char * const *)b;
  int rank = metric_rank (x) - metric_rank (y);

  return rank != 0 ? rank : g_strcmp0 (x, y);
}

/* "Baseline 42 % → latest 71 % (+29)", or what is missing for it. */
static char *
describe_metric (GPtrArray  *measurements,
                 const char *metric,
                 const char *currency)
{
  OvMeasurement *baseline = NULL, *latest = NULL;

  ov_measurement_find_change (measurements, metric, &baseline, &latest);

  if (baseline != NULL && latest != NULL)
    return ov_measurement_describe_change (metric, ov_measurement_get_value (baseline),
                                           ov_measurement_get_value (latest), currency);
  if (baseline != NULL)
    return g_strdup (_("Baseline recorded; no later measurement yet."));
  return g_strdup (_("No baseline yet: mark the value before the program with its star."));
}

static GtkWidget *
new_metric_group (OvAccountMeasurements *self,
                  GPtrArray             *measurements,
                  const char            *metric,
                  const char            *currency)
{
  GtkWidget *group = adw_preferences_group_new ();
  GtkWidget *add = gtk_button_new_from_icon_name ("list-add-symbolic");
  GtkWidget *chart;
  g_autofree char *title = ov_measurement_metric_title (metric);
  g_autofree char *change = describe_metric (measurements, metric, currency);
  g_autofree char *tooltip = NULL;

  ov_app_set_plain_text (group, "title", title);
  ov_app_set_plain_text (group, "description", change);
  g_hash_table_replace (self->changes, g_strdup (metric), g_strdup (change));

  /* Translators: a button's tooltip, "Add Product usage Measurement" */
  tooltip = g_strdup_printf (_("Add %s Measurement"), title);
  gtk_widget_set_valign (add, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (add, "flat");
  gtk_widget_set_tooltip_text (add, tooltip);
  g_object_set_data_full (G_OBJECT (add), "ov-metric", g_strdup (metric), g_free);
  g_signal_connect_object (add, "clicked", G_CALLBACK (add_metric_clicked_cb), self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), add);

  chart = ov_measurement_chart_new_row (measurements, metric, title, currency);
  if (chart != NULL)
    {
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), chart);
      g_hash_table_replace (self->charts, g_strdup (metric),
                            g_object_get_data (G_OBJECT (chart), "ov-chart-view"));
    }

  for (guint i = 0; i < measurements->len; i++)
    {
      OvMeasurement *measurement = g_ptr_array_index (measurements, i);
      GtkWidget *row;

      if (g_strcmp0 (ov_measurement_metric_id (ov_measurement_get_metric (measurement)),
                     metric) != 0)
        continue;

      row = new_measurement_row (self, measurement, currency);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
      g_ptr_array_add (self->rows, row);
    }

  return group;
}

/* Reads the account's measurements again and shows them. */
static void
ov_account_measurements_refresh (OvAccountSection *section)
{
  OvAccountMeasurements *self = OV_ACCOUNT_MEASUREMENTS (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  const char *currency = ov_account_get_currency (account);
  g_autoptr(GPtrArray) measurements = NULL;
  g_autoptr(GPtrArray) metrics = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *of_metrics = NULL;
  GtkWidget *child;

  g_ptr_array_set_size (self->rows, 0);
  g_hash_table_remove_all (self->changes);
  g_hash_table_remove_all (self->charts);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->metrics_box))) != NULL)
    gtk_box_remove (self->metrics_box, child);

  measurements = ov_store_list_measurements (store, ov_account_get_id (account), &error);
  if (measurements == NULL)
    {
      ov_app_set_plain_text (self->header_group, "description", error->message);
      return;
    }

  for (guint i = 0; i < measurements->len; i++)
    {
      const char *metric = ov_measurement_metric_id (
        ov_measurement_get_metric (g_ptr_array_index (measurements, i)));

      if (g_hash_table_add (seen, (gpointer)metric))
        g_ptr_array_add (metrics, (gpointer)metric);
    }
  g_ptr_array_sort (metrics, compare_metrics);

  if (measurements->len == 0)
    summary = g_strdup (_("No measurements yet. Record a baseline before the program starts, "
                          "then later values: the change shows per metric."));
  else
    {
      /* Translators: the end of "12 measurements of 4 metrics" */
      of_metrics = g_strdup_printf (ngettext ("%u metric", "%u metrics", metrics->len),
                                    metrics->len);
      /* Translators: "12 measurements of 4 metrics" */
      summary = g_strdup_printf (ngettext ("%u measurement of %s", "%u measurements of %s",
                                           measurements->len),
                                 measurements->len, of_metrics);
    }
  adw_preferences_group_set_description (self->header_group, summary);

  for (guint i = 0; i < metrics->len; i++)
    gtk_box_append (self->metrics_box,
                    new_metric_group (self, measurements, g_ptr_array_index (metrics, i),
                                      currency));
}

static void
ov_account_measurements_finalize (GObject *object)
{
  OvAccountMeasurements *self = OV_ACCOUNT_MEASUREMENTS (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->changes, g_hash_table_unref);
  g_clear_pointer (&self->charts, g_hash_table_unref);

  G_OBJECT_CLASS (ov_account_measurements_parent_class)->finalize (object);
}

static void
ov_account_measurements_class_init (OvAccountMeasurementsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_measurements_finalize;
  section_class->refresh = ov_account_measurements_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-measurements.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountMeasurements, header_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountMeasurements, add_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountMeasurements, metrics_box);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
ov_account_measurements_init (OvAccountMeasurements *self)
{
  self->rows = g_ptr_array_new ();
  self->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->charts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* How many measurements the section lists. */
guint
ov_account_measurements_get_n_shown (OvAccountMeasurements *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEASUREMENTS (self), 0);

  return self->rows->len;
}

/* The row of the measurement of @metric on @measured_on, or NULL. */
AdwActionRow *
ov_account_measurements_find_row (OvAccountMeasurements *self,
                                  const char            *metric,
                                  OvDate                 measured_on)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEASUREMENTS (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      OvMeasurement *measurement = g_object_get_data (row, "ov-measurement");

      if (g_strcmp0 (ov_measurement_metric_id (ov_measurement_get_metric (measurement)),
                     ov_measurement_metric_id (metric)) == 0 &&
          ov_measurement_get_measured_on (measurement) == measured_on)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

OvMeasurement *
ov_account_measurements_get_row_measurement (AdwActionRow *row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), "ov-measurement");
}

/* @which: "baseline" (the star) or "delete" (the bin). */
GtkWidget *
ov_account_measurements_get_row_button (AdwActionRow *row,
                                        const char   *which)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (ADW_IS_ACTION_ROW (row), NULL);
  g_return_val_if_fail (which != NULL, NULL);

  key = g_strconcat ("ov-", which, NULL);
  return g_object_get_data (G_OBJECT (row), key);
}

/* The baseline → latest change shown for @metric, or NULL. */
const char *
ov_account_measurements_get_change (OvAccountMeasurements *self,
                                    const char            *metric)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEASUREMENTS (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  return g_hash_table_lookup (self->changes, ov_measurement_metric_id (metric));
}

/* Deletes @measurement at once, and says so in a toast whose Undo puts
 * it back. */
void
ov_account_measurements_delete (OvAccountMeasurements *self,
                                OvMeasurement         *measurement)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  g_autoptr(OvMeasurement) deleted = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *value = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (OV_IS_ACCOUNT_MEASUREMENTS (self));
  g_return_if_fail (OV_IS_MEASUREMENT (measurement));

  if (store == NULL || account == NULL)
    return;

  deleted = ov_measurement_copy (measurement);
  if (!ov_store_delete_measurement (store, deleted, &error))
    {
      report_failure (self, error, OV_CONFLICT_DELETE);
      return;
    }

  title = ov_measurement_metric_title (ov_measurement_get_metric (deleted));
  value = ov_measurement_format_value (ov_measurement_get_metric (deleted),
                                       ov_measurement_get_value (deleted),
                                       ov_account_get_currency (account));
  /* Translators: a toast, "Deleted Product usage 42 %" */
  message = g_strdup_printf (_("Deleted %s %s"), title, value);

  ov_app_show_undo_delete_toast (GTK_WIDGET (self), message, store, G_OBJECT (deleted),
                                 restore_measurement);
}

/* The chart of @metric's history (an OvChartView), or NULL. */
GtkWidget *
ov_account_measurements_get_chart (OvAccountMeasurements *self,
                                   const char            *metric)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_MEASUREMENTS (self), NULL);
  g_return_val_if_fail (metric != NULL, NULL);

  return g_hash_table_lookup (self->charts, ov_measurement_metric_id (metric));
}
