/* ov-interview-step.c — the Review wizard's interview step
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The review asks how onboarding went: this step holds the listening
 * interview. It shows the account's interviews as its page does (the same
 * section, on a context of the wizard's store), so one held earlier is
 * opened from here, and a new one started in interview mode. The
 * interviews are kept by themselves as they are typed, so the step holds
 * no answer of the wizard's own.
 */

#define G_LOG_DOMAIN "ov-interview-step"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-interviews.h"
#include "ov-interview-step.h"

struct _OvInterviewStep
{
  AdwBin     parent_instance;

  OvContext *context;
  GtkWidget *section;
};

G_DEFINE_FINAL_TYPE (OvInterviewStep, ov_interview_step, ADW_TYPE_BIN)

static void
ov_interview_step_dispose (GObject *object)
{
  OvInterviewStep *self = OV_INTERVIEW_STEP (object);

  g_clear_object (&self->context);

  G_OBJECT_CLASS (ov_interview_step_parent_class)->dispose (object);
}

static void
ov_interview_step_class_init (OvInterviewStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ov_interview_step_dispose;
}

static void
ov_interview_step_init (OvInterviewStep *self)
{
}

GtkWidget *
ov_interview_step_new (OvStore *store,
                       gint64   account_id)
{
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  OvInterviewStep *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_INTERVIEW_STEP, NULL);
  self->context = ov_context_new (NULL);
  ov_context_set_store (self->context, store);

  account = ov_store_get_account (store, account_id, &error);
  if (account == NULL)
    {
      GtkWidget *label = gtk_label_new (error->message);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "error");
      adw_bin_set_child (ADW_BIN (self), label);
      return GTK_WIDGET (self);
    }

  self->section = g_object_new (OV_TYPE_ACCOUNT_INTERVIEWS, "context", self->context,
                                "account", account, NULL);
  adw_bin_set_child (ADW_BIN (self), self->section);
  return GTK_WIDGET (self);
}

GtkWidget *
ov_interview_step_get_section (OvInterviewStep *self)
{
  g_return_val_if_fail (OV_IS_INTERVIEW_STEP (self), NULL);

  return self->section;
}
