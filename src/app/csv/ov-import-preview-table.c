/* ov-import-preview-table.c — the first rows of a CSV file, and what the
 * import does with each
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A column view over the core's preview: the line number, the outcome
 * (new, update, unchanged, error), the row's problems when any row has
 * some, then the columns the import reads, in the order of Overture's
 * fields and titled by them; the columns left out are not shown (the
 * mapping lists them). Cells show the file's text as it is, so an empty
 * amount stays empty. The columns are made again for every preview, since
 * each can have other columns. The table grows to its rows and scrolls
 * only sideways: the dialog's page is the one that scrolls down.
 */

#define G_LOG_DOMAIN "ov-import-preview-table"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-preview-table.h"

/* What a column shows, besides the file's own columns (0 and up). */
enum {
  CELL_LINE = -1,
  CELL_RESULT = -2,
  CELL_PROBLEMS = -3,
};

struct _OvImportPreviewTable
{
  AdwPreferencesGroup  parent_instance;

  OvImportPreview     *preview;

  /* Template widgets */
  GtkScrolledWindow   *scroller;
  GtkColumnView       *view;
};

G_DEFINE_FINAL_TYPE (OvImportPreviewTable, ov_import_preview_table, ADW_TYPE_PREFERENCES_GROUP)

static int
compare_columns (gconstpointer a,
                 gconstpointer b)
{
  const OvCsvProblem *first = *(const OvCsvProblem * const *)a;
  const OvCsvProblem *second = *(const OvCsvProblem * const *)b;

  return (first->column > second->column) - (first->column < second->column);
}

/* A row's problems from left to right, "Column 12: …". */
static char *
describe_row_problems (OvImportPreview *preview,
                       guint            row,
                       const char      *separator)
{
  g_autoptr(GPtrArray) problems = g_ptr_array_new ();
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < ov_import_preview_get_row_n_problems (preview, row); i++)
    g_ptr_array_add (problems, (gpointer)ov_import_preview_get_row_problem (preview, row, i));
  g_ptr_array_sort (problems, compare_columns);

  for (guint i = 0; i < problems->len; i++)
    {
      const OvCsvProblem *problem = g_ptr_array_index (problems, i);
      g_autofree char *message = ov_app_make_valid (problem->message);

      if (i > 0)
        g_string_append (text, separator);
      if (problem->column > 0)
        g_string_append_printf (text, _("Column %u: %s"), problem->column, message);
      else
        g_string_append (text, message);
    }

  return g_string_free (text, FALSE);
}

static void
bind_result (GtkLabel        *label,
             OvImportPreview *preview,
             guint            row)
{
  const char *text = "";
  const char *style = "";
  g_autofree char *problems = describe_row_problems (preview, row, "\n");

  switch (ov_import_preview_get_row_action (preview, row))
    {
    case OV_IMPORT_ACTION_CREATE:
      text = _("New");
      style = "create";
      break;
    case OV_IMPORT_ACTION_UPDATE:
      text = _("Update");
      style = "update";
      break;
    case OV_IMPORT_ACTION_UNCHANGED:
      text = _("Unchanged");
      style = "unchanged";
      break;
    case OV_IMPORT_ACTION_REJECT:
      text = _("Error");
      style = "reject";
      break;
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_label (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label),
                              (const char *[]) { "import-status", style, NULL });
  if (problems[0] != '\0')
    gtk_widget_set_tooltip_text (GTK_WIDGET (label), problems);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               OvImportPreviewTable     *self)
{
  GtkWidget *label = gtk_label_new (NULL);
  int cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ov-cell"));

  gtk_label_set_xalign (GTK_LABEL (label), cell == CELL_LINE ? 1.0f : 0.0f);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), cell == CELL_PROBLEMS ? 40 : 26);
  if (cell == CELL_RESULT)
    gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_list_item_set_child (item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              OvImportPreviewTable     *self)
{
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  int cell = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "ov-cell"));
  guint row = gtk_list_item_get_position (item);
  OvImportPreview *preview = self->preview;

  gtk_widget_set_tooltip_text (GTK_WIDGET (label), NULL);

  if (preview == NULL || row >= ov_import_preview_get_n_rows (preview))
    {
      gtk_label_set_label (label, "");
      return;
    }

  if (cell == CELL_LINE)
    {
      g_autofree char *line = g_strdup_printf ("%u", ov_import_preview_get_row_line (preview,
                                                                                     row));

      gtk_label_set_label (label, line);
      gtk_widget_set_css_classes (GTK_WIDGET (label),
                                  (const char *[]) { "numeric", "dim-label", NULL });
    }
  else if (cell == CELL_RESULT)
    {
      bind_result (label, preview, row);
    }
  else if (cell == CELL_PROBLEMS)
    {
      g_autofree char *problems = describe_row_problems (preview, row, "; ");
      g_autofree char *tooltip = describe_row_problems (preview, row, "\n");

      gtk_label_set_label (label, problems);
      gtk_widget_set_css_classes (GTK_WIDGET (label),
                                  (const char *[]) { "import-row-problems", NULL });
      if (problems[0] != '\0')
        gtk_widget_set_tooltip_text (GTK_WIDGET (label), tooltip);
    }
  else
    {
      const char *text = ov_import_preview_get_cell (preview, row, cell);
      g_autofree char *valid = ov_app_make_valid (text);

      gtk_label_set_label (label, valid);
      gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { NULL });
    }
}

static void
add_column (OvImportPreviewTable *self,
            const char           *title,
            int                   cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "ov-cell", GINT_TO_POINTER (cell));
  g_signal_connect (factory, "setup", G_CALLBACK (on_cell_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_cell_bind), self);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->view, column);
}

static void
remove_columns (OvImportPreviewTable *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->view, column);
    }
}

static void
ov_import_preview_table_dispose (GObject *object)
{
  OvImportPreviewTable *self = OV_IMPORT_PREVIEW_TABLE (object);

  g_clear_object (&self->preview);

  G_OBJECT_CLASS (ov_import_preview_table_parent_class)->dispose (object);
}

static void
ov_import_preview_table_class_init (OvImportPreviewTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_import_preview_table_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-preview-table.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportPreviewTable, scroller);
  gtk_widget_class_bind_template_child (widget_class, OvImportPreviewTable, view);
}

static void
ov_import_preview_table_init (OvImportPreviewTable *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

typedef struct
{
  guint column;
  int   field;
} Mapped;

static int
compare_mapped (gconstpointer a,
                gconstpointer b)
{
  const Mapped *first = a;
  const Mapped *second = b;

  if (first->field != second->field)
    return (first->field > second->field) - (first->field < second->field);
  return (first->column > second->column) - (first->column < second->column);
}

/* Shows the rows of @preview, with a column for each field it fills. */
void
ov_import_preview_table_show (OvImportPreviewTable *self,
                              OvImportPreview      *preview)
{
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkSelectionModel) selection = NULL;
  g_autoptr(GArray) mapped = g_array_new (FALSE, FALSE, sizeof (Mapped));
  g_autofree char *description = NULL;
  const OvCsvField *fields;
  gboolean any_problems = FALSE;
  guint n_rows, n_columns;
  OvCsvKind kind;

  g_return_if_fail (OV_IS_IMPORT_PREVIEW_TABLE (self));
  g_return_if_fail (OV_IS_IMPORT_PREVIEW (preview));

  g_set_object (&self->preview, preview);
  n_rows = ov_import_preview_get_n_rows (preview);
  n_columns = ov_import_preview_get_n_columns (preview);

  gtk_column_view_set_model (self->view, NULL);
  remove_columns (self);

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *line = g_strdup_printf ("%u", ov_import_preview_get_row_line (preview,
                                                                                     row));

      gtk_string_list_append (lines, line);
      if (ov_import_preview_get_row_n_problems (preview, row) > 0)
        any_problems = TRUE;
    }

  add_column (self, _("Line"), CELL_LINE);
  add_column (self, _("Result"), CELL_RESULT);
  if (any_problems)
    add_column (self, _("Problems"), CELL_PROBLEMS);
  kind = ov_import_preview_get_kind (preview);
  fields = ov_csv_kind_get_fields (kind, NULL);
  for (guint column = 0; column < n_columns; column++)
    {
      int field = ov_csv_kind_find_field (kind, ov_import_preview_get_column_field (preview,
                                                                                   column));

      if (field >= 0)
        g_array_append_val (mapped, ((Mapped) { column, field }));
    }
  g_array_sort (mapped, compare_mapped);
  for (guint i = 0; i < mapped->len; i++)
    {
      const Mapped *m = &g_array_index (mapped, Mapped, i);

      add_column (self, ov_csv_field_get_title (&fields[m->field]), m->column);
    }

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines))));
  gtk_column_view_set_model (self->view, selection);

  description = g_strdup_printf (ngettext ("The first row, and what the import does with it",
                                           "The first %u rows, and what the import does with "
                                           "each",
                                           n_rows),
                                 n_rows);
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                         n_rows > 0 ? description
                                                    : _("The file has no rows after its header"));
  gtk_widget_set_visible (GTK_WIDGET (self->scroller), n_rows > 0);
}
