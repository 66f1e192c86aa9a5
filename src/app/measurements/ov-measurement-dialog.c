/* ov-measurement-dialog.c — add or change one measurement of an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The metric is one Overture knows (its unit and range shown beside the
 * value) or any other by name; the value, the date, whether it is the
 * baseline, and a note. The core validates: a refusal marks the field it
 * is about, says why, and keeps the dialog open with nothing stored.
 */

#define G_LOG_DOMAIN "ov-measurement-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-conflict.h"
#include "ov-date-row.h"
#include "ov-measurement-dialog.h"

struct _OvMeasurementDialog
{
  AdwWindow      parent_instance;

  OvStore       *store;
  OvAccount     *account;
  OvMeasurement *measurement;   /* NULL when adding */
  OvDate         today;

  /* Template widgets */
  GtkWidget     *save_button;
  AdwComboRow   *metric_row;
  AdwEntryRow   *name_row;
  AdwEntryRow   *value_row;
  GtkLabel      *unit_label;
  OvDateRow     *date_row;
  GtkSwitch     *baseline_switch;
  AdwEntryRow   *note_row;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (OvMeasurementDialog, ov_measurement_dialog, ADW_TYPE_WINDOW)

/* The known metrics take positions 0…n-1 of the metric row; the last one
 * is "Other", which shows the name row. */
static const OvMetricKind *
chosen_kind (OvMeasurementDialog *self)
{
  guint n_kinds;
  const OvMetricKind *kinds = ov_metric_kind_list (&n_kinds);
  guint selected = adw_combo_row_get_selected (self->metric_row);

  return selected < n_kinds ? &kinds[selected] : NULL;
}

static void
clear_marks (OvMeasurementDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->metric_row), GTK_WIDGET (self->name_row), GTK_WIDGET (self->value_row),
    GTK_WIDGET (self->note_row),
  };

  gtk_label_set_label (self->error_label, "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      gtk_widget_remove_css_class (rows[i], "error");
      gtk_widget_set_tooltip_text (rows[i], NULL);
    }
}

/* The date row marks text that is no date itself, and clears its mark
 * when the text becomes one; a date refused for another reason (after
 * today, taken) is marked here until the date is changed. */
static void
date_changed_cb (OvMeasurementDialog *self)
{
  if (ov_date_row_is_valid (self->date_row))
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->date_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->date_row), NULL);
    }
  clear_marks (self);
}

/* Marks @row (NULL: none) and says @message under the fields. */
static void
show_error (OvMeasurementDialog *self,
            GtkWidget           *row,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_set_tooltip_text (row, message);
      gtk_widget_grab_focus (row);
    }
}

/* "0–100 %", "0–10", "USD": what the value may be, beside it. */
static void
show_unit (OvMeasurementDialog *self)
{
  const OvMetricKind *kind = chosen_kind (self);
  const char *currency;
  g_autofree char *hint = NULL;

  /* The metric row is filled before the dialog has its account. */
  if (self->account == NULL)
    return;

  currency = ov_account_get_currency (self->account);
  if (kind == NULL)
    hint = g_strdup ("");
  else if (kind->money)
    hint = g_strdup (currency);
  else if (isfinite (kind->max))
    /* Translators: the range of a metric's values and its unit, "0–100 %" */
    hint = g_strdup_printf (_("%g–%g %s"), kind->min, kind->max,
                            ov_measurement_metric_unit (kind->id, currency));
  else
    /* Translators: a metric without upper bound and its unit, "≥ 0 h" */
    hint = g_strdup_printf (_("≥ %g %s"), kind->min,
                            ov_measurement_metric_unit (kind->id, currency));

  gtk_label_set_label (self->unit_label, g_strstrip (hint));
}

static void
metric_changed_cb (OvMeasurementDialog *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->name_row), chosen_kind (self) == NULL);
  show_unit (self);
  clear_marks (self);
}

static void
field_changed_cb (OvMeasurementDialog *self)
{
  clear_marks (self);
}

static void
save_clicked_cb (OvMeasurementDialog *self)
{
  ov_measurement_dialog_save (self);
}

static void
ov_measurement_dialog_dispose (GObject *object)
{
  OvMeasurementDialog *self = OV_MEASUREMENT_DIALOG (object);

  g_clear_object (&self->measurement);
  g_clear_object (&self->account);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_measurement_dialog_parent_class)->dispose (object);
}

static void
ov_measurement_dialog_class_init (OvMeasurementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_measurement_dialog_dispose;

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-measurement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, metric_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, unit_label);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, baseline_switch);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, OvMeasurementDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, metric_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_measurement_dialog_init (OvMeasurementDialog *self)
{
  g_autoptr(GtkStringList) metrics = gtk_string_list_new (NULL);
  guint n_kinds;
  const OvMetricKind *kinds = ov_metric_kind_list (&n_kinds);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < n_kinds; i++)
    gtk_string_list_append (metrics, g_dgettext (GETTEXT_PACKAGE, kinds[i].title));
  gtk_string_list_append (metrics, _("Other…"));
  adw_combo_row_set_model (self->metric_row, G_LIST_MODEL (metrics));
}

/* The value as it is edited: no grouping, at most two decimals. */
static char *
value_for_editing (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.15g", value));
}

/* @measurement: the stored measurement to change, or NULL to add one
 * dated @today. */
OvMeasurementDialog *
ov_measurement_dialog_new (GtkWindow     *parent,
                           OvStore       *store,
                           OvAccount     *account,
                           OvMeasurement *measurement,
                           OvDate         today)
{
  OvMeasurementDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), NULL);
  g_return_val_if_fail (measurement == NULL || OV_IS_MEASUREMENT (measurement), NULL);

  self = g_object_new (OV_TYPE_MEASUREMENT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->account = g_object_ref (account);
  self->today = today;

  if (measurement != NULL)
    {
      g_autofree char *value = value_for_editing (ov_measurement_get_value (measurement));

      self->measurement = ov_measurement_copy (measurement);
      ov_measurement_dialog_set_metric (self, ov_measurement_get_metric (measurement));
      gtk_editable_set_text (GTK_EDITABLE (self->value_row), value);
      ov_date_row_set_date (self->date_row, ov_measurement_get_measured_on (measurement));
      gtk_switch_set_active (self->baseline_switch, ov_measurement_get_baseline (measurement));
      gtk_editable_set_text (GTK_EDITABLE (self->note_row), ov_measurement_get_note (measurement));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Measurement"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Save"));
    }
  else
    {
      ov_date_row_set_date (self->date_row, today);
      gtk_window_set_title (GTK_WINDOW (self), _("Add Measurement"));
      gtk_button_set_label (GTK_BUTTON (self->save_button), _("_Add"));
    }

  metric_changed_cb (self);
  return self;
}

/* Chooses @metric: a known one by any of its names, else "Other" with
 * @metric as its name. */
void
ov_measurement_dialog_set_metric (OvMeasurementDialog *self,
                                  const char          *metric)
{
  guint n_kinds;
  const OvMetricKind *kinds = ov_metric_kind_list (&n_kinds);
  const OvMetricKind *kind;

  g_return_if_fail (OV_IS_MEASUREMENT_DIALOG (self));
  g_return_if_fail (metric != NULL);

  kind = ov_metric_kind_find (metric, -1);
  if (kind != NULL)
    {
      adw_combo_row_set_selected (self->metric_row, kind - kinds);
      return;
    }

  adw_combo_row_set_selected (self->metric_row, n_kinds);
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), metric);
}

/* The row a refusal is about. */
static GtkWidget *
row_of_error (OvMeasurementDialog *self,
              const GError        *error)
{
  if (error->domain != OV_MEASUREMENT_ERROR)
    return NULL;

  switch (error->code)
    {
    case OV_MEASUREMENT_ERROR_METRIC:
      return chosen_kind (self) == NULL ? GTK_WIDGET (self->name_row)
                                        : GTK_WIDGET (self->metric_row);
    case OV_MEASUREMENT_ERROR_VALUE:
      return GTK_WIDGET (self->value_row);
    case OV_MEASUREMENT_ERROR_DATE:
    case OV_MEASUREMENT_ERROR_DUPLICATE:
      return GTK_WIDGET (self->date_row);
    case OV_MEASUREMENT_ERROR_NOTE:
      return GTK_WIDGET (self->note_row);
    default:
      return NULL;
    }
}

/* What the Add / Save button does: TRUE when the measurement was stored
 * (and the dialog closed). */
gboolean
ov_measurement_dialog_save (OvMeasurementDialog *self)
{
  g_autoptr(OvMeasurement) draft = NULL;
  g_autoptr(GError) error = NULL;
  const OvMetricKind *kind;
  g_autofree char *metric = NULL;
  double value = 0;
  g_autoptr(GError) date_error = NULL;
  OvDate date;
  gboolean ok;

  g_return_val_if_fail (OV_IS_MEASUREMENT_DIALOG (self), FALSE);

  clear_marks (self);

  kind = chosen_kind (self);
  if (kind != NULL)
    {
      metric = g_strdup (kind->id);
    }
  else
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->name_row));

      /* "Onboarding score" is stored as "onboarding_score"; a name that
       * gives none goes to the core as typed, which says what is wrong. */
      metric = ov_measurement_metric_from_text (typed, -1);
      if (metric == NULL)
        metric = g_strstrip (g_strdup (typed));
    }

  if (!ov_measurement_parse_value (gtk_editable_get_text (GTK_EDITABLE (self->value_row)),
                                   &value, &error))
    {
      show_error (self, GTK_WIDGET (self->value_row), error->message);
      return FALSE;
    }

  if (!ov_date_row_read_text (self->date_row, &date, &date_error))
    {
      g_autofree char *message = NULL;

      /* Translators: a date typed that is none, "Measured on: “30.02.2026” is not…" */
      message = g_strdup_printf (_("Measured on: %s"), date_error->message);
      show_error (self, GTK_WIDGET (self->date_row), message);
      return FALSE;
    }

  draft = self->measurement != NULL
            ? ov_measurement_copy (self->measurement)
            : ov_measurement_new (ov_account_get_id (self->account), metric, value,
                                  OV_DATE_NONE, FALSE);
  ov_measurement_set_metric (draft, metric);
  ov_measurement_set_value (draft, value);
  ov_measurement_set_measured_on (draft, date);
  ov_measurement_set_baseline (draft, gtk_switch_get_active (self->baseline_switch));
  ov_measurement_set_note (draft, gtk_editable_get_text (GTK_EDITABLE (self->note_row)));

  /* Dated by the window's clock, as the store will check it. */
  ok = ov_measurement_validate (draft, self->today, &error);
  if (ok)
    ok = self->measurement != NULL ? ov_store_update_measurement (self->store, draft, &error)
                                   : ov_store_add_measurement (self->store, draft, &error);
  if (!ok)
    {
      if (ov_conflict_matches (error))
        ov_conflict_show_saved (GTK_WIDGET (self), self->error_label, error, &self->measurement,
                                ov_store_get_measurement (self->store,
                                                          ov_measurement_get_id (self->measurement),
                                                          NULL));
      else
        show_error (self, row_of_error (self, error), error->message);
      return FALSE;
    }

  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/* The refusal shown, or "". */
const char *
ov_measurement_dialog_get_error (OvMeasurementDialog *self)
{
  g_return_val_if_fail (OV_IS_MEASUREMENT_DIALOG (self), NULL);

  return gtk_label_get_label (self->error_label);
}
