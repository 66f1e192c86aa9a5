/* ov-account-timeline.c — the dates and days of an account's stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per stage from ov_store_get_stage_timeline(): when it was entered
 * and left, the days spent, a tag for the current stage and for a stage
 * that was skipped. The current stage runs up to today.
 */

#define G_LOG_DOMAIN "ov-account-timeline"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-timeline.h"
#include "ov-app-util.h"

struct _OvAccountTimeline
{
  OvAccountSection     parent_instance;

  AdwPreferencesGroup *group;
  guint                skipped_mask;

  AdwActionRow        *rows[OV_N_STAGES + 1];
  GtkLabel            *days[OV_N_STAGES + 1];
  GtkLabel            *tags[OV_N_STAGES + 1];
};

G_DEFINE_FINAL_TYPE (OvAccountTimeline, ov_account_timeline, OV_TYPE_ACCOUNT_SECTION)

enum {
  PROP_0,
  PROP_SKIPPED_MASK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_tag (GtkLabel   *tag,
         const char *text,
         const char *style)
{
  gtk_widget_remove_css_class (GTK_WIDGET (tag), "current");
  gtk_widget_remove_css_class (GTK_WIDGET (tag), "skipped");
  gtk_label_set_label (tag, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (tag), text != NULL);
  if (style != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (tag), style);
}

static void
show_span (OvAccountTimeline *self,
           const OvStageSpan *span,
           gboolean           before_current)
{
  AdwActionRow *row = self->rows[span->stage];
  g_autofree char *entered = ov_date_to_display (span->entered);
  g_autofree char *left = ov_date_to_display (span->left);
  g_autofree char *subtitle = NULL;
  g_autofree char *days = NULL;

  /* Accounts made or imported further along have no dates for the
   * stages before (and ones from before events were kept, none for this
   * one): say so rather than "not reached". */
  if (span->entered == OV_DATE_NONE && span->current)
    subtitle = g_strdup (_("Since a day not recorded"));
  else if (span->entered == OV_DATE_NONE && before_current)
    subtitle = g_strdup (_("Passed before its dates were recorded"));
  else if (span->entered == OV_DATE_NONE && span->days < 0)
    subtitle = g_strdup (_("Not reached yet"));
  else if (span->current)
    /* Translators: the date the current stage was entered */
    subtitle = g_strdup_printf (_("Since %s"), entered);
  else if (span->left != OV_DATE_NONE)
    /* Translators: a stage's first and last day, "3 Mar 2026 – 20 Mar 2026" */
    subtitle = g_strdup_printf (_("%s – %s"), entered, left);
  else
    subtitle = g_strdup (entered);

  if (span->days >= 0 && span->current)
    days = g_strdup_printf (ngettext ("%d day so far", "%d days so far", span->days), span->days);
  else if (span->days >= 0)
    days = ov_app_format_days (span->days);

  adw_action_row_set_subtitle (row, subtitle);
  gtk_label_set_label (self->days[span->stage], days ? days : "");
  gtk_widget_set_visible (GTK_WIDGET (self->days[span->stage]), days != NULL);

  if (span->skipped)
    set_tag (self->tags[span->stage], _("Skipped"), "skipped");
  else if (span->current)
    set_tag (self->tags[span->stage], _("Current"), "current");
  else
    set_tag (self->tags[span->stage], NULL, NULL);

  if (span->days < 0 && !span->skipped)
    gtk_widget_add_css_class (GTK_WIDGET (row), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "dim-label");
}

/* Reads the timeline again from the store. */
static void
ov_account_timeline_refresh (OvAccountSection *section)
{
  OvAccountTimeline *self = OV_ACCOUNT_TIMELINE (section);
  OvAccount *account = ov_account_section_get_account (section);
  g_autoptr(GError) error = NULL;
  OvStageTimeline timeline;
  guint skipped_mask = 0;

  if (!ov_store_get_stage_timeline (ov_view_get_store (OV_VIEW (section)),
                                    ov_account_get_id (account),
                                    ov_view_get_today (OV_VIEW (section)), &timeline, &error))
    {
      ov_app_set_plain_text (self->group, "description", error->message);
      return;
    }

  for (guint i = 0; i < OV_N_STAGES; i++)
    {
      const OvStageSpan *span = &timeline.spans[i];
      gboolean before_current = span->stage < ov_account_get_stage (account);

      show_span (self, span, before_current);
      /* An account created further along never went through the earlier
       * stages: the stepper shows them like skipped ones, not as done. */
      if (span->skipped || (before_current && span->entered == OV_DATE_NONE))
        skipped_mask |= 1u << span->stage;
    }

  if (skipped_mask != self->skipped_mask)
    {
      self->skipped_mask = skipped_mask;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIPPED_MASK]);
    }
}

static void
ov_account_timeline_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  OvAccountTimeline *self = OV_ACCOUNT_TIMELINE (object);

  switch (prop_id)
    {
    case PROP_SKIPPED_MASK:
      g_value_set_uint (value, self->skipped_mask);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_timeline_class_init (OvAccountTimelineClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->get_property = ov_account_timeline_get_property;
  section_class->refresh = ov_account_timeline_refresh;

  /* Bit (1 << stage) for each skipped stage, as the stage stepper takes it. */
  properties[PROP_SKIPPED_MASK] =
    g_param_spec_uint ("skipped-mask", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-timeline.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountTimeline, group);
}

static void
ov_account_timeline_init (OvAccountTimeline *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Six rows of the same shape: made here rather than spelled out six
   * times in the template. */
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *days = gtk_label_new (NULL);
      GtkWidget *tag = gtk_label_new (NULL);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_stage_get_title (stage));
      gtk_widget_set_valign (days, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (days, "numeric");
      gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (tag, "stage-tag");
      gtk_widget_add_css_class (tag, "caption-heading");
      gtk_widget_set_visible (tag, FALSE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), tag);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), days);
      adw_preferences_group_add (self->group, row);

      self->rows[stage] = ADW_ACTION_ROW (row);
      self->days[stage] = GTK_LABEL (days);
      self->tags[stage] = GTK_LABEL (tag);
    }
}

/* Bit (1 << stage) for each skipped stage, as the stage stepper takes it. */
guint
ov_account_timeline_get_skipped_mask (OvAccountTimeline *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TIMELINE (self), 0);

  return self->skipped_mask;
}

AdwActionRow *
ov_account_timeline_get_row (OvAccountTimeline *self,
                             OvStage            stage)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TIMELINE (self), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return self->rows[stage];
}

/* "12 days", "4 days so far" or "" (not reached). */
const char *
ov_account_timeline_get_days_text (OvAccountTimeline *self,
                                   OvStage            stage)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TIMELINE (self), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return gtk_label_get_label (self->days[stage]);
}

/* "Skipped", "Current" or "". */
const char *
ov_account_timeline_get_tag_text (OvAccountTimeline *self,
                                  OvStage            stage)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_TIMELINE (self), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return gtk_label_get_label (self->tags[stage]);
}
