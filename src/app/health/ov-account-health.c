/* ov-account-health.c — the account's health score and how it was made
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The score, or "not enough data"; where it came from (computed, recorded
 * or set by hand); each component with its value, weight and points; the
 * coverage; and the one thing that would raise it most. A score set by
 * hand needs a reason and a last day, and shows as such, with a button to
 * go back to the computed one.
 */

#define G_LOG_DOMAIN "ov-account-health"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-account-health.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-date-row.h"
#include "ov-health-format.h"

struct _OvAccountHealth
{
  OvAccountSection    parent_instance;

  OvHealthFacts       facts;
  OvHealthAssessment  assessment;

  /* Template widgets */
  AdwActionRow       *score_row;
  GtkLabel           *score_label;
  GtkLabel           *status_label;
  AdwActionRow       *override_row;
  GtkWidget          *clear_button;
  AdwActionRow       *component_rows[OV_HEALTH_N_COMPONENTS];
  GtkLabel           *component_values[OV_HEALTH_N_COMPONENTS];
  AdwActionRow       *coverage_row;
  GtkLabel           *coverage_label;
  AdwActionRow       *lift_row;
  GtkButton          *override_button;
  GtkRevealer        *form_revealer;
  GtkSpinButton      *value_spin;
  AdwEntryRow        *reason_row;
  OvDateRow          *until_row;
  GtkLabel           *form_error;
  GtkWidget          *set_button;
};

G_DEFINE_FINAL_TYPE (OvAccountHealth, ov_account_health, OV_TYPE_ACCOUNT_SECTION)

/* Each component's row and value in the template. */
static const struct
{
  const char *row;
  const char *value;
} component_ids[OV_HEALTH_N_COMPONENTS] = {
  [OV_HEALTH_USAGE] = { "usage_row", "usage_value" },
  [OV_HEALTH_ENGAGEMENT] = { "engagement_row", "engagement_value" },
  [OV_HEALTH_NPS] = { "nps_row", "nps_value" },
  [OV_HEALTH_OVERDUE] = { "overdue_row", "overdue_value" },
};

static const char *status_classes[] = { "error", "warning", "success", "dim-label" };

static void
show_status (OvAccountHealth *self)
{
  const char *style = NULL;
  const char *text = ov_health_status_of (&self->assessment, &style);

  for (guint i = 0; i < G_N_ELEMENTS (status_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), status_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), style);
  gtk_label_set_label (self->status_label, text);
}

static void
show_override (OvAccountHealth *self)
{
  const OvHealthFacts *facts = &self->facts;
  g_autofree char *score = NULL;
  g_autofree char *until = NULL;
  g_autofree char *set_on = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->override_row), !isnan (facts->override_value));
  if (isnan (facts->override_value))
    return;

  score = ov_health_format_score (facts->override_value);
  until = ov_date_to_display (facts->override_expires_on);
  set_on = ov_date_to_display (facts->override_set_on);

  if (self->assessment.override_expired)
    /* Translators: "A score of 40 set by hand expired after 30 Jun 2026" */
    title = g_strdup_printf (_("A score of %s set by hand expired after %s"), score, until);
  else
    /* Translators: "Set by hand to 40 until 30 Jun 2026" */
    title = g_strdup_printf (_("Set by hand to %s until %s"), score, until);

  if (facts->override_set_on != OV_DATE_NONE)
    /* Translators: "“Champion left” · set on 1 Jun 2026"; the reason is quoted */
    subtitle = g_strdup_printf (_("“%s” · set on %s"), facts->override_reason, set_on);
  else
    subtitle = g_strdup_printf (_("“%s”"), facts->override_reason);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->override_row), title);
  ov_app_set_plain_text (self->override_row, "subtitle", subtitle);
}

static void
show_assessment (OvAccountHealth *self)
{
  const OvHealthAssessment *a = &self->assessment;
  g_autofree char *how = ov_health_describe_source (&self->facts, a);
  g_autofree char *lift = ov_health_describe_lift (a);
  g_autofree char *coverage = ov_health_format_percent (a->score.coverage);

  if (a->source == OV_HEALTH_SOURCE_NONE)
    gtk_label_set_label (self->score_label, "—");
  else
    {
      g_autofree char *value = ov_health_format_score (a->value);

      gtk_label_set_label (self->score_label, value);
    }
  adw_action_row_set_subtitle (self->score_row, how);
  show_status (self);
  show_override (self);

  for (OvHealthComponent c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      g_autofree char *line = ov_health_describe_input (&self->facts, a, c);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->component_rows[c]),
                                     ov_health_component_title (c));
      adw_action_row_set_subtitle (self->component_rows[c], line);
      if (a->inputs.present[c])
        {
          g_autofree char *points = g_strdup_printf ("%.0f", a->score.normalised[c]);

          gtk_label_set_label (self->component_values[c], points);
          gtk_widget_remove_css_class (GTK_WIDGET (self->component_values[c]), "dim-label");
        }
      else
        {
          gtk_label_set_label (self->component_values[c], _("no data"));
          gtk_widget_add_css_class (GTK_WIDGET (self->component_values[c]), "dim-label");
        }
    }

  gtk_label_set_label (self->coverage_label, coverage);

  gtk_widget_set_visible (GTK_WIDGET (self->lift_row), lift != NULL);
  if (lift != NULL)
    adw_action_row_set_subtitle (self->lift_row, lift);
}

static void
ov_account_health_refresh (OvAccountSection *section)
{
  OvAccountHealth *self = OV_ACCOUNT_HEALTH (section);
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (section);
  OvDate today = ov_view_get_today (OV_VIEW (self));
  double weights[OV_HEALTH_N_COMPONENTS];
  g_autoptr(GError) error = NULL;

  ov_health_facts_clear (&self->facts);
  ov_health_facts_init (&self->facts, ov_account_get_id (account));
  ov_store_get_health_weights (store, weights);

  /* A new account is not stored yet: nothing to read. */
  if ((ov_account_get_id (account) != 0 &&
       !ov_store_get_health_facts (store, ov_account_get_id (account), today, &self->facts,
                                   &error)) ||
      !ov_health_assess (&self->facts, weights, today, &self->assessment, &error))
    {
      if (!g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND))
        g_warning ("Could not read the health of account %" G_GINT64_FORMAT ": %s",
                   ov_account_get_id (account), error->message);
      ov_health_facts_clear (&self->facts);
      ov_health_facts_init (&self->facts, ov_account_get_id (account));
      ov_health_assess (&self->facts, weights, today, &self->assessment, NULL);
    }

  show_assessment (self);
}

static void
set_form_error (OvAccountHealth *self,
                const char      *message)
{
  gtk_label_set_label (self->form_error, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->form_error), message != NULL);
}

static void
form_changed_cb (OvAccountHealth *self)
{
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (
                                                    GTK_EDITABLE (self->reason_row))));

  const char *until = gtk_editable_get_text (GTK_EDITABLE (self->until_row));

  /* The day counts as typed, before it is applied. */
  gtk_widget_set_sensitive (self->set_button,
                            reason[0] != '\0' && until[0] != '\0' &&
                            ov_date_row_is_valid (self->until_row));
}

static void
open_form (OvAccountHealth *self)
{
  OvDate today = ov_view_get_today (OV_VIEW (self));
  double start = self->assessment.source != OV_HEALTH_SOURCE_NONE ? self->assessment.value : 50;

  gtk_spin_button_set_value (self->value_spin, round (start));
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), "");
  /* A month is the usual span until the next look at the account. */
  ov_date_row_set_date (self->until_row, today + 30);
  set_form_error (self, NULL);
  form_changed_cb (self);
  gtk_revealer_set_reveal_child (self->form_revealer, TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->override_button), FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->value_spin));
}

static void
close_form (OvAccountHealth *self)
{
  gtk_revealer_set_reveal_child (self->form_revealer, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->override_button), TRUE);
  set_form_error (self, NULL);
}

static void
override_clicked_cb (OvAccountHealth *self)
{
  open_form (self);
}

static void
cancel_clicked_cb (OvAccountHealth *self)
{
  close_form (self);
}

/* Someone changed the account since it was read: say so and show it as
 * it is now. */
static void
show_write_error (OvAccountHealth *self,
                  const GError    *error,
                  gboolean         in_form)
{
  g_autofree char *message = NULL;

  if (ov_conflict_matches (error))
    message = ov_conflict_describe (error, OV_CONFLICT_REDO, NULL);
  else
    message = g_strdup (error->message);

  if (in_form)
    set_form_error (self, message);
  else
    ov_app_show_toast (GTK_WIDGET (self), message);
}

static void
set_clicked_cb (OvAccountHealth *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || account == NULL)
    return;

  gtk_spin_button_update (self->value_spin);
  g_signal_emit_by_name (self->until_row, "apply");
  if (!ov_store_set_health_override (store, account, gtk_spin_button_get_value (self->value_spin),
                                     gtk_editable_get_text (GTK_EDITABLE (self->reason_row)),
                                     ov_date_row_get_date (self->until_row),
                                     ov_view_get_today (OV_VIEW (self)), &error))
    {
      show_write_error (self, error, TRUE);
      return;
    }

  close_form (self);
  ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
}

static void
clear_clicked_cb (OvAccountHealth *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  g_autoptr(GError) error = NULL;

  if (store == NULL || account == NULL)
    return;

  if (!ov_store_clear_health_override (store, account, &error))
    show_write_error (self, error, FALSE);

  ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
}

static void
ov_account_health_finalize (GObject *object)
{
  OvAccountHealth *self = OV_ACCOUNT_HEALTH (object);

  ov_health_facts_clear (&self->facts);

  G_OBJECT_CLASS (ov_account_health_parent_class)->finalize (object);
}

static void
ov_account_health_class_init (OvAccountHealthClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_health_finalize;
  section_class->refresh = ov_account_health_refresh;

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-health.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, score_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, score_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, status_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, override_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, clear_button);
  for (OvHealthComponent c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, component_ids[c].row, FALSE,
                                                 G_STRUCT_OFFSET (OvAccountHealth,
                                                                  component_rows) +
                                                 c * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, component_ids[c].value, FALSE,
                                                 G_STRUCT_OFFSET (OvAccountHealth,
                                                                  component_values) +
                                                 c * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, coverage_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, coverage_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, lift_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, override_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, form_revealer);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, value_spin);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, reason_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, until_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, form_error);
  gtk_widget_class_bind_template_child (widget_class, OvAccountHealth, set_button);
  gtk_widget_class_bind_template_callback (widget_class, override_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, set_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, form_changed_cb);
}

static void
ov_account_health_init (OvAccountHealth *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  ov_health_facts_init (&self->facts, 0);
  ov_health_assess (&self->facts, NULL, OV_DATE_NONE, &self->assessment, NULL);
}

GtkWidget *
ov_account_health_new (void)
{
  return g_object_new (OV_TYPE_ACCOUNT_HEALTH, NULL);
}

/* What the section shows now (tests read it). */
const OvHealthAssessment *
ov_account_health_get_assessment (OvAccountHealth *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_HEALTH (self), NULL);

  return &self->assessment;
}
