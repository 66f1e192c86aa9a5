/* ov-wizard-page.c — one step of a stage wizard: its title, what it is
 * for, and an editor per field
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built from the step's definition (ov-wizard.h). The last page of a
 * wizard that completes its stage also asks for the date the stage counts
 * as completed on.
 */

#define G_LOG_DOMAIN "ov-wizard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-wizard-page.h"

struct _OvWizardPage
{
  AdwBin              parent_instance;

  const OvWizardStep *step;
  GPtrArray          *editors;     /* OvFieldEditor, borrowed from the box */

  /* Template widgets */
  GtkBox             *box;
  GtkLabel           *title_label;
  GtkLabel           *description_label;
};

G_DEFINE_FINAL_TYPE (OvWizardPage, ov_wizard_page, ADW_TYPE_BIN)

static void
ov_wizard_page_finalize (GObject *object)
{
  OvWizardPage *self = OV_WIZARD_PAGE (object);

  g_clear_pointer (&self->editors, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_wizard_page_parent_class)->finalize (object);
}

static void
ov_wizard_page_class_init (OvWizardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_wizard_page_finalize;

  g_type_ensure (OV_TYPE_FIELD_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-wizard-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OvWizardPage, box);
  gtk_widget_class_bind_template_child (widget_class, OvWizardPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, OvWizardPage, description_label);
}

static void
ov_wizard_page_init (OvWizardPage *self)
{
  self->editors = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}

/* A page for @step, with an editor for each of its fields (empty until
 * the wizard loads the answers into them). */
GtkWidget *
ov_wizard_page_new (const OvWizardStep *step,
                    OvStore            *store,
                    gint64              account_id)
{
  OvWizardPage *self;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_WIZARD_PAGE, NULL);
  self->step = step;
  gtk_label_set_label (self->title_label, ov_wizard_step_get_title (step));
  gtk_label_set_label (self->description_label, ov_wizard_step_get_description (step));

  for (guint i = 0; i < ov_wizard_step_get_n_fields (step); i++)
    {
      GtkWidget *editor = ov_field_editor_new (ov_wizard_step_get_field (step, i), store,
                                               account_id);

      g_ptr_array_add (self->editors, editor);
      gtk_box_append (self->box, editor);
    }

  return GTK_WIDGET (self);
}

guint
ov_wizard_page_get_n_editors (OvWizardPage *self)
{
  g_return_val_if_fail (OV_IS_WIZARD_PAGE (self), 0);

  return self->editors->len;
}

OvFieldEditor *
ov_wizard_page_get_editor (OvWizardPage *self,
                           guint         index)
{
  g_return_val_if_fail (OV_IS_WIZARD_PAGE (self), NULL);
  g_return_val_if_fail (index < self->editors->len, NULL);

  return g_ptr_array_index (self->editors, index);
}

/* Adds the date the stage counts as completed on, today to begin with;
 * returns its row. */
OvDateRow *
ov_wizard_page_add_completion (OvWizardPage *self)
{
  OvStage stage;
  GtkWidget *group;
  GtkWidget *row;
  g_autofree char *description = NULL;

  g_return_val_if_fail (OV_IS_WIZARD_PAGE (self), NULL);

  stage = ov_wizard_step_get_stage (self->step);
  g_return_val_if_fail (stage < OV_STAGE_LAST, NULL);

  group = adw_preferences_group_new ();
  row = ov_date_row_new ();

  /* Translators: "Completing Kickoff moves the account to Adopt and gives it
   * Adopt's tasks from its playbook." */
  description = g_strdup_printf (_("Completing %s moves the account to %s and gives it %s’s "
                                   "tasks from its playbook, due from this date on."),
                                 ov_stage_get_title (stage),
                                 ov_stage_get_title (stage + 1),
                                 ov_stage_get_title (stage + 1));
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Completing the Stage"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Completed on"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), FALSE);
  ov_date_row_set_date (OV_DATE_ROW (row), ov_date_today ());
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  gtk_box_append (self->box, group);

  return OV_DATE_ROW (row);
}

/* Adds @widget at the end of the page. */
void
ov_wizard_page_append (OvWizardPage *self,
                       GtkWidget    *widget)
{
  g_return_if_fail (OV_IS_WIZARD_PAGE (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_append (self->box, widget);
}
