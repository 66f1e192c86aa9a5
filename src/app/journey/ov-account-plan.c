/* ov-account-plan.c — the account page's plan against what happened
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the Handoff and Kickoff wizards recorded, shown again once they are
 * closed: the target go-live and first value beside the actual dates (the
 * days ahead, late or early come from the core's OvPlan, counted against
 * the context's today), the kickoff agenda, each goal with the outcome the
 * review gave it, the risks and the promises made during the sale.
 */

#define G_LOG_DOMAIN "ov-account-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-plan.h"
#include "ov-app-util.h"

struct _OvAccountPlan
{
  OvAccountSection     parent_instance;

  GPtrArray           *goal_rows;

  /* Template widgets */
  AdwPreferencesGroup *dates_group;
  AdwActionRow        *golive_row;
  GtkLabel            *golive_label;
  AdwActionRow        *first_value_row;
  GtkLabel            *first_value_label;
  AdwActionRow        *kickoff_row;
  AdwPreferencesGroup *goals_group;
  AdwActionRow        *risks_row;
  AdwActionRow        *promises_row;
};

G_DEFINE_FINAL_TYPE (OvAccountPlan, ov_account_plan, OV_TYPE_ACCOUNT_SECTION)

static const char *
figure_style (OvPlanState state)
{
  switch (state)
    {
    case OV_PLAN_LATE:
      return "error";
    case OV_PLAN_DUE_TODAY:
    case OV_PLAN_REACHED_LATE:
      return "warning";
    case OV_PLAN_EARLY:
    case OV_PLAN_ON_TARGET:
      return "success";
    case OV_PLAN_NO_DATES:
    case OV_PLAN_NO_TARGET:
    case OV_PLAN_AHEAD:
    default:
      return NULL;
    }
}

static void
show_figure (GtkLabel         *label,
             const OvPlanDate *date)
{
  static const char * const styles[] = { "error", "warning", "success", "dim-label" };
  g_autofree char *text = ov_plan_date_describe (date);
  const char *style = figure_style (date->state);

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (label), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (label), style ? style : "dim-label");
  gtk_label_set_label (label, text);
}

/* "Target 15 Jan 2027 · live on 11 Jan 2027" and the like: @reached says
 * what happened, whether it did or not. */
static char *
describe_dates (const OvPlanDate *date,
                const char       *reached)
{
  g_autofree char *target = ov_date_to_display (date->target);

  if (date->target == OV_DATE_NONE)
    return g_strdup (reached);

  /* Translators: a planned date and what became of it, "Target 15 Jan 2027 · not live yet" */
  return g_strdup_printf (_("Target %s · %s"), target, reached);
}

static void
show_dates (OvAccountPlan *self,
            const OvPlan  *plan)
{
  g_autofree char *golive_on = ov_date_to_display (plan->golive.actual);
  g_autofree char *first_value_on = ov_date_to_display (plan->first_value.actual);
  g_autofree char *reached = NULL;
  g_autofree char *golive = NULL;
  g_autofree char *first_value = NULL;
  g_autofree char *dates = NULL;

  if (plan->golive.actual != OV_DATE_NONE)
    /* Translators: when the account went live, "live on 11 Jan 2027" */
    reached = g_strdup_printf (_("live on %s"), golive_on);
  golive = describe_dates (&plan->golive, reached ? reached : _("not live yet"));
  adw_action_row_set_subtitle (self->golive_row, golive);
  show_figure (self->golive_label, &plan->golive);
  g_clear_pointer (&reached, g_free);

  if (plan->first_value.actual != OV_DATE_NONE)
    /* Translators: when the first value was reached, "reached on 1 Dec 2026" */
    reached = g_strdup_printf (_("reached on %s"), first_value_on);
  dates = describe_dates (&plan->first_value, reached ? reached : _("not reached yet"));
  if (plan->milestone[0] != '\0')
    /* Translators: the first-value milestone, then its dates */
    first_value = g_strdup_printf (_("“%s” · %s"), plan->milestone, dates);
  else
    first_value = g_steal_pointer (&dates);
  adw_action_row_set_subtitle (self->first_value_row, first_value);
  show_figure (self->first_value_label, &plan->first_value);
}

static void
show_text_row (AdwActionRow *row,
               const char   *text,
               const char   *empty)
{
  gboolean missing = text == NULL || text[0] == '\0';

  adw_action_row_set_subtitle (row, missing ? empty : text);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
}

static void
show_agenda (OvAccountPlan *self,
             const OvPlan  *plan)
{
  g_autoptr(GString) agenda = g_string_new (NULL);
  g_autofree char *kickoff = ov_date_to_display (plan->kickoff);

  if (plan->kickoff != OV_DATE_NONE)
    /* Translators: the day of the kickoff meeting, above its agenda */
    g_string_append_printf (agenda, _("Kickoff on %s"), kickoff);
  for (guint i = 0; plan->agenda[i] != NULL; i++)
    g_string_append_printf (agenda, "%s• %s", agenda->len > 0 ? "\n" : "", plan->agenda[i]);

  show_text_row (self->kickoff_row, agenda->str, _("No agenda recorded yet"));
}

static void
clear_goals (OvAccountPlan *self)
{
  for (guint i = 0; i < self->goal_rows->len; i++)
    adw_preferences_group_remove (self->goals_group, g_ptr_array_index (self->goal_rows, i));
  g_ptr_array_set_size (self->goal_rows, 0);
}

static GtkWidget *
new_goal_row (const OvGoalResult *result)
{
  static const char * const styles[] = { "none", "met", "partly", "not-met" };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *tag = gtk_label_new (ov_goal_outcome_get_title (result->outcome));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), result->goal);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (result->comment != NULL && result->comment[0] != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), result->comment);

  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "outcome-tag");
  gtk_widget_add_css_class (tag, "caption-heading");
  gtk_widget_add_css_class (tag, styles[result->outcome]);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
  return row;
}

static void
show_goals (OvAccountPlan *self,
            const OvPlan  *plan)
{
  clear_goals (self);

  if (plan->success_criteria[0] != '\0')
    {
      /* Translators: under "Goals", how everyone will know they were reached */
      g_autofree char *criteria = g_strdup_printf (_("Success criteria: %s"),
                                                   plan->success_criteria);

      ov_app_set_plain_text (self->goals_group, "description", criteria);
    }
  else
    {
      ov_app_set_plain_text (self->goals_group, "description", NULL);
    }
  if (plan->goals->len == 0)
    {
      GtkWidget *note = ov_app_note_row_new (_("No goals recorded yet. The Handoff wizard "
                                               "asks for them."));

      g_ptr_array_add (self->goal_rows, note);
      adw_preferences_group_add (self->goals_group, note);
      return;
    }

  for (guint i = 0; i < plan->goals->len; i++)
    {
      GtkWidget *row = new_goal_row (g_ptr_array_index (plan->goals, i));

      g_ptr_array_add (self->goal_rows, row);
      adw_preferences_group_add (self->goals_group, row);
    }
}

static void
ov_account_plan_refresh (OvAccountSection *section)
{
  OvAccountPlan *self = OV_ACCOUNT_PLAN (section);
  g_autoptr(OvPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  plan = ov_plan_load (ov_view_get_store (OV_VIEW (section)),
                       ov_account_section_get_account (section),
                       ov_view_get_today (OV_VIEW (section)), &error);
  if (plan == NULL)
    {
      ov_app_set_plain_text (self->dates_group, "description", error->message);
      return;
    }

  adw_preferences_group_set_description (self->dates_group,
                                         _("What the handoff and the kickoff agreed, against "
                                           "what happened."));
  show_dates (self, plan);
  show_agenda (self, plan);
  show_goals (self, plan);
  show_text_row (self->risks_row, plan->risks, _("None recorded"));
  show_text_row (self->promises_row, plan->promises, _("None recorded"));
}

static void
ov_account_plan_finalize (GObject *object)
{
  OvAccountPlan *self = OV_ACCOUNT_PLAN (object);

  g_clear_pointer (&self->goal_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_account_plan_parent_class)->finalize (object);
}

static void
ov_account_plan_class_init (OvAccountPlanClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_plan_finalize;
  section_class->refresh = ov_account_plan_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, dates_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, golive_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, golive_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, first_value_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, first_value_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, kickoff_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, goals_group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, risks_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPlan, promises_row);
}

static void
ov_account_plan_init (OvAccountPlan *self)
{
  self->goal_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

const char *
ov_account_plan_get_figure (OvAccountPlan  *self,
                            const char     *which,
                            const char    **subtitle)
{
  AdwActionRow *row;
  GtkLabel *label;

  g_return_val_if_fail (OV_IS_ACCOUNT_PLAN (self), NULL);
  g_return_val_if_fail (which != NULL, NULL);

  if (g_strcmp0 (which, "golive") == 0)
    row = self->golive_row, label = self->golive_label;
  else if (g_strcmp0 (which, "first-value") == 0)
    row = self->first_value_row, label = self->first_value_label;
  else
    g_return_val_if_reached (NULL);

  if (subtitle != NULL)
    *subtitle = adw_action_row_get_subtitle (row);
  return gtk_label_get_label (label);
}
