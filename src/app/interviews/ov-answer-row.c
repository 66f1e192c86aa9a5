/* ov-answer-row.c — one answer in the Answers view: what was said, by
 * whom, where and when
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The answer comes first, whole (answers are read, not skimmed), then
 * "account · person · date", and, for an answer given to an earlier
 * wording of the question, the words it was asked in.
 */

#define G_LOG_DOMAIN "ov-answer-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-answer-row.h"

struct _OvAnswerRow
{
  GtkBox    parent_instance;

  GtkLabel *answer_label;
  GtkLabel *details_label;
  GtkLabel *asked_label;
};

G_DEFINE_FINAL_TYPE (OvAnswerRow, ov_answer_row, GTK_TYPE_BOX)

static GtkLabel *
add_label (OvAnswerRow *self,
           gboolean     caption)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (caption)
    {
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
    }
  gtk_box_append (GTK_BOX (self), label);
  return GTK_LABEL (label);
}

static void
ov_answer_row_class_init (OvAnswerRowClass *klass)
{
}

static void
ov_answer_row_init (OvAnswerRow *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_box_set_spacing (GTK_BOX (self), 4);
  gtk_widget_set_margin_top (GTK_WIDGET (self), 10);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self), 10);
  gtk_widget_set_margin_start (GTK_WIDGET (self), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self), 6);

  self->answer_label = add_label (self, FALSE);
  self->details_label = add_label (self, TRUE);
  self->asked_label = add_label (self, TRUE);
}

GtkWidget *
ov_answer_row_new (void)
{
  return g_object_new (OV_TYPE_ANSWER_ROW, NULL);
}

void
ov_answer_row_set_answer (OvAnswerRow       *self,
                          OvInterviewAnswer *answer,
                          const char        *question_text)
{
  g_autofree char *date = NULL;
  g_autofree char *details = NULL;
  const char *who;
  const char *as_asked;
  gboolean reworded;

  g_return_if_fail (OV_IS_ANSWER_ROW (self));
  g_return_if_fail (OV_IS_INTERVIEW_ANSWER (answer));

  date = ov_date_to_display (ov_interview_answer_get_held_on (answer));
  who = ov_interview_answer_get_interviewee (answer);
  if (who == NULL || who[0] == '\0')
    /* Translators: under an answer, "Acme Corp · 12 Mar 2026" */
    details = g_strdup_printf (_("%s · %s"), ov_interview_answer_get_account_name (answer), date);
  else
    /* Translators: under an answer, "Acme Corp · Anna Schmidt · 12 Mar 2026" */
    details = g_strdup_printf (_("%s · %s · %s"), ov_interview_answer_get_account_name (answer),
                               who, date);

  gtk_label_set_label (self->answer_label, ov_interview_answer_get_answer (answer));
  gtk_label_set_label (self->details_label, details);

  as_asked = ov_interview_answer_get_question_text (answer);
  reworded = question_text != NULL && g_strcmp0 (as_asked, question_text) != 0;
  gtk_widget_set_visible (GTK_WIDGET (self->asked_label), reworded);
  if (reworded)
    {
      /* Translators: under an answer given to an earlier wording of the question */
      g_autofree char *note = g_strdup_printf (_("Asked as “%s”"), as_asked);

      gtk_label_set_label (self->asked_label, note);
    }
}

/* "account · person · date" as shown. */
const char *
ov_answer_row_get_details (OvAnswerRow *self)
{
  g_return_val_if_fail (OV_IS_ANSWER_ROW (self), NULL);

  return gtk_label_get_label (self->details_label);
}
