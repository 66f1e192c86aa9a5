/* ov-stage-wizard-private.h — what the stage wizard's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-stage-wizard.c          the wizard: its pages, editors, refusals and
 *                            conflicts, closing
 * ov-stage-wizard-actions.c  its actions (wizard.*): next, back, save for
 *                            later, skip, and completing or saving at the end
 * ov-stage-wizard-tasks.c    the open tasks on the last step of a completion,
 *                            and the completion's toast with Undo
 */

#pragma once

#include "ov-open-tasks.h"
#include "ov-stage-wizard.h"
#include "ov-wizard-page.h"

G_BEGIN_DECLS

struct _OvStageWizard
{
  AdwWindow          parent_instance;

  OvStore           *store;
  OvAccountList     *accounts;
  OvAccount         *account;
  OvStageAnswers    *answers;
  OvStage            stage;
  OvStageWizardMode  mode;

  /* Every field editor in order; each knows its step as "ov-step". */
  GPtrArray         *editors;
  guint              n_steps;
  guint              step;
  OvDateRow         *completed_on_row;
  OvOpenTasks       *open_tasks;     /* last step of a completion */
  guint              suggest_id;
  gboolean           may_close;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *back_button;
  GtkButton         *next_button;
  GtkLabel          *progress_label;
  GtkProgressBar    *progress_bar;
  GtkStack          *pages_stack;
  GtkRevealer       *message_revealer;
  GtkLabel          *message_label;
  GtkWidget         *skip_button;
  GtkWidget         *later_button;
};

void     ov_stage_wizard_show_message    (OvStageWizard *self,
                                          const char    *message);
void     ov_stage_wizard_go_to_step      (OvStageWizard *self,
                                          guint          step);
void     ov_stage_wizard_show_problem    (OvStageWizard *self,
                                          const char    *field_id,
                                          const char    *message);
gboolean ov_stage_wizard_store_fields    (OvStageWizard *self,
                                          guint          step,
                                          gboolean       report);
void     ov_stage_wizard_update_list     (OvStageWizard *self);
void     ov_stage_wizard_show_save_error (OvStageWizard *self,
                                          const GError  *error);
void     ov_stage_wizard_show_refusal    (OvStageWizard *self,
                                          const char    *field_id,
                                          const GError  *error);
void     ov_stage_wizard_close_now       (OvStageWizard *self);
void     ov_stage_wizard_close_soon      (OvStageWizard *self);
gboolean ov_stage_wizard_save_answers    (OvStageWizard *self);

void     ov_stage_wizard_add_open_tasks  (OvStageWizard     *self,
                                          OvWizardPage      *page);
void     ov_stage_wizard_suggest_tasks   (OvStageWizard     *self);
void     ov_stage_wizard_show_completed  (OvStageWizard     *self,
                                          OvStageCompletion *completion);

void     ov_stage_wizard_class_init_actions (GtkWidgetClass *widget_class);

G_END_DECLS
