/* ov-import-problems.c — what is wrong with a CSV file, line by line
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One row per problem the core found, with where it is (line, column) and
 * whether it stops the import, then how many errors the core counted but
 * did not list. The group hides itself while it has nothing to show.
 */

#define G_LOG_DOMAIN "ov-import-problems"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-problems.h"

struct _OvImportProblems
{
  AdwPreferencesGroup  parent_instance;

  /* Template widgets */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (OvImportProblems, ov_import_problems, ADW_TYPE_PREFERENCES_GROUP)

static gboolean
is_listed (const OvCsvProblem *problem)
{
  /* Unknown columns show in the column list already. */
  return !(problem->warning && problem->code == OV_CSV_ERROR_COLUMN);
}

static GtkWidget *
make_problem_row (const OvCsvProblem *problem)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon;
  g_autofree char *where = NULL;
  g_autofree char *message = ov_app_make_valid (problem->message);

  if (problem->line > 0 && problem->column > 0)
    where = g_strdup_printf (_("Line %u, column %u"), problem->line, problem->column);
  else if (problem->line > 0)
    where = g_strdup_printf (_("Line %u"), problem->line);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), message);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  if (where != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), where);

  icon = gtk_image_new_from_icon_name (problem->warning ? "dialog-warning-symbolic"
                                                        : "dialog-error-symbolic");
  gtk_widget_add_css_class (icon, problem->warning ? "warning" : "error");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_add_css_class (row, "import-problem");

  return row;
}

static GtkWidget *
make_more_row (guint n_more)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *count = ov_app_format_count (n_more);
  g_autofree char *title = g_strdup_printf (ngettext ("And %s more error", "And %s more errors",
                                                      n_more),
                                            count);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                               _("Only the first errors are listed; fix these and check again"));
  gtk_widget_add_css_class (row, "import-more-problems");

  return row;
}

/* Lists @problems (borrowed OvCsvProblem pointers, at most the core's
 * first hundred errors), then how many more errors there are. */
static void
fill (OvImportProblems *self,
      GPtrArray        *problems,
      guint             n_errors)
{
  guint n_listed_errors = 0;

  ov_import_problems_clear (self);

  for (guint i = 0; i < problems->len; i++)
    {
      const OvCsvProblem *problem = g_ptr_array_index (problems, i);

      if (!is_listed (problem))
        continue;
      if (!problem->warning)
        n_listed_errors++;
      gtk_list_box_append (self->list, make_problem_row (problem));
    }

  if (n_errors > n_listed_errors)
    gtk_list_box_append (self->list, make_more_row (n_errors - n_listed_errors));

  gtk_widget_set_visible (GTK_WIDGET (self),
                          gtk_widget_get_first_child (GTK_WIDGET (self->list)) != NULL);
}

static void
ov_import_problems_class_init (OvImportProblemsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-problems.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportProblems, list);
}

static void
ov_import_problems_init (OvImportProblems *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The problems of the file and of the rows the preview read. */
void
ov_import_problems_show_preview (OvImportProblems *self,
                                 OvImportPreview  *preview)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  guint n_errors = 0;

  g_return_if_fail (OV_IS_IMPORT_PROBLEMS (self));
  g_return_if_fail (OV_IS_IMPORT_PREVIEW (preview));

  for (guint i = 0; i < ov_import_preview_get_n_problems (preview); i++)
    g_ptr_array_add (problems, (gpointer)ov_import_preview_get_problem (preview, i));

  for (guint row = 0; row < ov_import_preview_get_n_rows (preview); row++)
    for (guint i = 0; i < ov_import_preview_get_row_n_problems (preview, row); i++)
      g_ptr_array_add (problems, (gpointer)ov_import_preview_get_row_problem (preview, row, i));

  for (guint i = 0; i < problems->len; i++)
    if (!((const OvCsvProblem *)g_ptr_array_index (problems, i))->warning)
      n_errors++;

  fill (self, problems, n_errors);
}

/* The problems a run over the whole file found. */
void
ov_import_problems_show_result (OvImportProblems *self,
                                OvImportResult   *result)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();

  g_return_if_fail (OV_IS_IMPORT_PROBLEMS (self));
  g_return_if_fail (OV_IS_IMPORT_RESULT (result));

  for (guint i = 0; i < ov_import_result_get_n_problems (result); i++)
    g_ptr_array_add (problems, (gpointer)ov_import_result_get_problem (result, i));

  fill (self, problems, ov_import_result_get_n_errors (result));
}

void
ov_import_problems_clear (OvImportProblems *self)
{
  GtkWidget *child;

  g_return_if_fail (OV_IS_IMPORT_PROBLEMS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}
