/* ov-account-summary.c — the key facts of an account, at the top of its page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who owns it, what it is worth, its package and status, how long it has
 * been in its stage and what is to be done next: what a manager looks for
 * first, in small tiles that wrap two or three to a line, so a narrow
 * window keeps them all above the fold.
 */

#define G_LOG_DOMAIN "ov-account-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-summary.h"
#include "ov-app-util.h"

typedef enum
{
  FACT_OWNER,
  FACT_ARR,
  FACT_PACKAGE,
  FACT_STATUS,
  FACT_DAYS,
  FACT_NEXT,
  N_FACTS
} Fact;

static const struct
{
  const char *id;
  const char *caption;
} facts[N_FACTS] = {
  { "owner", N_("Owner") },
  { "arr", N_("ARR") },
  { "package", N_("Package") },
  { "status", N_("Status") },
  { "days", N_("In Stage") },
  { "next", N_("Next Task") },
};

struct _OvAccountSummary
{
  OvAccountSection  parent_instance;

  GtkFlowBox       *facts_box;
  GtkLabel         *values[N_FACTS];
  GtkLabel         *details[N_FACTS];
};

G_DEFINE_FINAL_TYPE (OvAccountSummary, ov_account_summary, OV_TYPE_ACCOUNT_SECTION)

/* @value, or a dimmed @empty when there is none. */
static void
show_fact (OvAccountSummary *self,
           Fact              fact,
           const char       *value,
           const char       *empty,
           const char       *detail,
           const char       *detail_style)
{
  gboolean missing = value == NULL || value[0] == '\0';
  GtkWidget *detail_label = GTK_WIDGET (self->details[fact]);

  gtk_label_set_label (self->values[fact], missing ? empty : value);
  if (missing)
    gtk_widget_add_css_class (GTK_WIDGET (self->values[fact]), "dim-label");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->values[fact]), "dim-label");

  gtk_label_set_label (self->details[fact], detail ? detail : "");
  gtk_widget_set_visible (detail_label, detail != NULL && detail[0] != '\0');
  gtk_widget_remove_css_class (detail_label, "error");
  gtk_widget_remove_css_class (detail_label, "warning");
  if (detail_style != NULL)
    gtk_widget_add_css_class (detail_label, detail_style);
}

static void
show_days (OvAccountSummary *self,
           OvStore          *store,
           OvAccount        *account,
           OvDate            today)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *days = NULL;
  OvStageTimeline timeline;
  const OvStageSpan *span;
  OvStage stage = ov_account_get_stage (account);

  if (!ov_store_get_stage_timeline (store, ov_account_get_id (account), today, &timeline,
                                    &error))
    {
      show_fact (self, FACT_DAYS, NULL, error->message, NULL, NULL);
      return;
    }

  /* The current visit, as the accounts table's Days in Stage column counts
   * it: an account back in a stage it left before has been in it since it
   * came back (the journey's timeline shows every visit). A stage dated
   * after today was entered today. */
  span = &timeline.spans[stage - 1];
  if (span->current && span->since != OV_DATE_NONE)
    days = ov_app_format_days (MAX (0, today - span->since));
  show_fact (self, FACT_DAYS, days, _("Not recorded"), ov_stage_get_title (stage), NULL);
}

static void
show_next_task (OvAccountSummary *self,
                OvStore          *store,
                OvAccount        *account,
                OvDate            today)
{
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *due = NULL;
  g_autofree char *detail = NULL;
  const char *style = NULL;
  OvTask *next;

  tasks = ov_store_list_tasks (store, ov_account_get_id (account), 0, &error);
  if (tasks == NULL)
    {
      show_fact (self, FACT_NEXT, NULL, error->message, NULL, NULL);
      return;
    }

  next = ov_plan_find_next_task (tasks);
  if (next == NULL)
    {
      show_fact (self, FACT_NEXT, NULL, _("No open tasks"), NULL, NULL);
      return;
    }

  due = ov_app_describe_due (next, today, &style);
  /* A task left open in an earlier stage says which. */
  if (ov_task_get_stage (next) != ov_account_get_stage (account) && due[0] != '\0')
    /* Translators: when a task is due and its stage, "3 days overdue · Kickoff" */
    detail = g_strdup_printf (_("%s · %s"), due, ov_stage_get_title (ov_task_get_stage (next)));
  else if (ov_task_get_stage (next) != ov_account_get_stage (account))
    detail = g_strdup (ov_stage_get_title (ov_task_get_stage (next)));
  else
    detail = g_steal_pointer (&due);

  show_fact (self, FACT_NEXT, ov_task_get_title (next), NULL, detail, style);
}

static void
ov_account_summary_refresh (OvAccountSection *section)
{
  OvAccountSummary *self = OV_ACCOUNT_SUMMARY (section);
  OvAccount *account = ov_account_section_get_account (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvDate today = ov_view_get_today (OV_VIEW (section));
  g_autofree char *arr = NULL;
  const char *sales_owner = ov_account_get_sales_owner (account);
  g_autofree char *sales = NULL;

  if (sales_owner != NULL && sales_owner[0] != '\0')
    /* Translators: under the onboarding owner, "Sales: Dana Whitfield" */
    sales = g_strdup_printf (_("Sales: %s"), sales_owner);
  show_fact (self, FACT_OWNER, ov_account_get_owner (account), _("Nobody yet"), sales, NULL);

  /* 0 is an amount; only an ARR nobody gave reads "Not recorded". */
  if (ov_account_has_arr (account))
    arr = ov_money_format (ov_account_get_arr_cents (account),
                           ov_account_get_currency (account));
  show_fact (self, FACT_ARR, arr, _("Not recorded"), NULL, NULL);

  show_fact (self, FACT_PACKAGE, ov_account_get_package (account), _("None"), NULL, NULL);
  show_fact (self, FACT_STATUS, ov_account_status_get_title (ov_account_get_status (account)),
             NULL, NULL, NULL);
  show_days (self, store, account, today);
  show_next_task (self, store, account, today);
}

static void
ov_account_summary_class_init (OvAccountSummaryClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  section_class->refresh = ov_account_summary_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountSummary, facts_box);
}

static void
ov_account_summary_init (OvAccountSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Six tiles of one shape: made here rather than spelled out six times
   * in the template. */
  for (Fact fact = 0; fact < N_FACTS; fact++)
    {
      GtkWidget *tile = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      GtkWidget *caption = gtk_label_new (_(facts[fact].caption));
      GtkWidget *value = gtk_label_new (NULL);
      GtkWidget *detail = gtk_label_new (NULL);

      gtk_widget_add_css_class (tile, "card");
      gtk_widget_add_css_class (tile, "summary-fact");
      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_widget_add_css_class (caption, "caption-heading");
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (value), 0);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (value), 2);
      gtk_label_set_ellipsize (GTK_LABEL (value), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (value, "heading");
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
      gtk_widget_add_css_class (detail, "caption");
      gtk_widget_set_visible (detail, FALSE);

      gtk_box_append (GTK_BOX (tile), caption);
      gtk_box_append (GTK_BOX (tile), value);
      gtk_box_append (GTK_BOX (tile), detail);
      gtk_flow_box_append (self->facts_box, tile);
      /* A tile is read, not a place to stop on with Tab. */
      gtk_widget_set_focusable (gtk_widget_get_parent (tile), FALSE);

      self->values[fact] = GTK_LABEL (value);
      self->details[fact] = GTK_LABEL (detail);
    }
}

const char *
ov_account_summary_get_text (OvAccountSummary  *self,
                             const char        *fact,
                             const char       **detail)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_SUMMARY (self), NULL);
  g_return_val_if_fail (fact != NULL, NULL);

  for (guint i = 0; i < N_FACTS; i++)
    {
      if (g_strcmp0 (facts[i].id, fact) != 0)
        continue;
      if (detail != NULL)
        *detail = gtk_label_get_label (self->details[i]);
      return gtk_label_get_label (self->values[i]);
    }

  g_return_val_if_reached (NULL);
}
