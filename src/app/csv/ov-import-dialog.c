/* ov-import-dialog.c — choose how a CSV file is read, preview it, import it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every choice made here (kind, separator, encoding, date order, which
 * field each column fills) is handed to the core's importer, which does
 * all the reading and checking. The dialog runs one job at a time in a
 * thread, each on a connection of its own: a preview of the first rows,
 * then a dry run over the whole file for the counts and the problems, and
 * finally the import. A new choice cancels the running job and starts a
 * fresh preview; the two would otherwise wait on each other's write lock.
 */

#define G_LOG_DOMAIN "overture"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-dialog.h"
#include "ov-import-undo.h"

/* Rows shown in the preview table, and roughly how tall they draw. */
#define PREVIEW_ROWS 25
#define PREVIEW_ROW_HEIGHT 33
#define PREVIEW_HEADER_HEIGHT 36

typedef enum
{
  JOB_NONE,
  JOB_PREVIEW,
  JOB_CHECK,
  JOB_IMPORT,
} Job;

/* What a preview table column shows, besides the file's own columns. */
enum {
  CELL_LINE = -1,
  CELL_RESULT = -2,
  CELL_PROBLEMS = -3,
};

struct _OvImportDialog
{
  AdwWindow          parent_instance;

  OvWindow          *window;
  OvStore           *store;
  GFile             *file;

  /* How to read the file: what the next preview, check or import uses. */
  OvCsvKind          kind;
  char               delimiter;       /* 0: detect */
  OvCsvEncoding      encoding;        /* AUTO: detect */
  OvDateOrder        date_order;
  GHashTable        *overrides;       /* column + 1 → field id, "" to ignore */
  gboolean           kind_settled;    /* guessed from the header, or chosen */
  gboolean           kind_guessed;

  OvImportPreview   *preview;
  OvImportResult    *check;           /* the dry run over the whole file */
  GtkStringList     *field_names;     /* "Ignore", then the kind's fields */
  GPtrArray         *mapping_rows;

  Job                job;
  Job                next;
  GCancellable      *job_cancellable;
  gboolean           close_when_done;
  gboolean           syncing;
  gboolean           disposed;

  /* Template widgets */
  AdwWindowTitle    *window_title;
  GtkWidget         *import_button;
  GtkStack          *main_stack;
  AdwStatusPage     *failed_page;
  GtkScrolledWindow *setup_scroller;
  GtkLabel          *summary_label;
  GtkProgressBar    *check_progress;
  GtkLabel          *rule_label;
  GtkLabel          *notice_label;
  GtkSwitch         *skip_switch;
  AdwComboRow       *kind_row;
  AdwComboRow       *delimiter_row;
  AdwComboRow       *encoding_row;
  AdwComboRow       *date_order_row;
  AdwActionRow      *date_reason_row;
  GtkListBox        *mapping_list;
  AdwPreferencesGroup *preview_group;
  GtkScrolledWindow *preview_scroller;
  GtkColumnView     *preview_view;
  GtkWidget         *problems_group;
  GtkListBox        *problems_list;
  GtkLabel          *progress_title;
  GtkProgressBar    *progress_bar;
  GtkWidget         *stop_button;
  AdwStatusPage     *refused_page;
  GtkListBox        *refused_list;
};

G_DEFINE_FINAL_TYPE (OvImportDialog, ov_import_dialog, ADW_TYPE_WINDOW)

static const char delimiters[] = { ',', ';', '\t', '|' };
static const OvCsvEncoding encodings[] = { OV_CSV_ENCODING_UTF8, OV_CSV_ENCODING_WINDOWS_1252 };
static const OvDateOrder date_orders[] = { OV_DATE_ORDER_AUTO, OV_DATE_ORDER_DMY,
                                           OV_DATE_ORDER_MDY };
static const OvCsvKind import_kinds[] = { OV_CSV_KIND_ACCOUNTS, OV_CSV_KIND_PEOPLE,
                                          OV_CSV_KIND_TASKS, OV_CSV_KIND_METRICS };

static void schedule (OvImportDialog *self,
                      Job             job);

/* Text from the file, shown even when it is not valid in the encoding
 * chosen (the problem list says so); labels need valid UTF-8. */
static char *
valid_text (const char *text)
{
  return g_utf8_make_valid (text ? text : "", -1);
}

static guint
index_of_delimiter (char delimiter)
{
  for (guint i = 0; i < G_N_ELEMENTS (delimiters); i++)
    if (delimiters[i] == delimiter)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

static guint
index_of_encoding (OvCsvEncoding encoding)
{
  for (guint i = 0; i < G_N_ELEMENTS (encodings); i++)
    if (encodings[i] == encoding)
      return i;

  return 0;
}

static guint
index_of_kind (OvCsvKind kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    if (import_kinds[i] == kind)
      return i;

  return 0;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* The importable kind that the most of the file's columns name, going by
 * the core's own matching of headers; accounts when nothing tells. */
static OvCsvKind
guess_kind (OvImportPreview *preview,
            guint           *score)
{
  guint n_columns = ov_import_preview_get_n_columns (preview);
  OvCsvKind best = OV_CSV_KIND_ACCOUNTS;
  guint best_score = 0;

  for (guint k = 0; k < G_N_ELEMENTS (import_kinds); k++)
    {
      g_autofree gboolean *seen = NULL;
      guint n_fields, matched = 0;

      ov_csv_kind_get_fields (import_kinds[k], &n_fields);
      seen = g_new0 (gboolean, n_fields);

      for (guint column = 0; column < n_columns; column++)
        {
          int field = ov_csv_kind_match_column (import_kinds[k],
                                                ov_import_preview_get_column_name (preview,
                                                                                   column));

          if (field >= 0 && !seen[field])
            {
              seen[field] = TRUE;
              matched++;
            }
        }

      if (matched > best_score)
        {
          best = import_kinds[k];
          best_score = matched;
        }
    }

  *score = best_score;
  return best;
}

static OvImporter *
make_importer (OvImportDialog *self,
               gboolean        dry_run)
{
  OvImporter *importer = ov_importer_new_for_file (self->kind, self->file);
  GHashTableIter iter;
  gpointer key, value;

  ov_importer_set_delimiter (importer, self->delimiter);
  ov_importer_set_encoding (importer, self->encoding);
  ov_importer_set_date_order (importer, self->date_order);
  ov_importer_set_skip_invalid (importer, gtk_switch_get_active (self->skip_switch));
  ov_importer_set_dry_run (importer, dry_run);

  g_hash_table_iter_init (&iter, self->overrides);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = value;

      ov_importer_set_column_field (importer, GPOINTER_TO_UINT (key) - 1,
                                    field[0] != '\0' ? field : NULL);
    }

  return importer;
}

static void
update_busy (OvImportDialog *self)
{
  gboolean checking = self->job == JOB_CHECK;

  gtk_widget_set_visible (GTK_WIDGET (self->check_progress), checking);
  if (!checking)
    gtk_progress_bar_set_fraction (self->check_progress, 0.0);
}

/* Problems of the file itself, not of one row: these stop any import. */
static gboolean
preview_has_file_error (OvImportPreview *preview)
{
  for (guint i = 0; i < ov_import_preview_get_n_problems (preview); i++)
    if (!ov_import_preview_get_problem (preview, i)->warning)
      return TRUE;

  return FALSE;
}

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
  g_autofree char *message = valid_text (problem->message);

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

/* Lists @problems (borrowed OvCsvProblem pointers, at most the core's
 * first hundred errors), then how many more errors there are. */
static void
fill_problems (GtkListBox *list,
               GPtrArray  *problems,
               guint       n_errors)
{
  guint n_listed_errors = 0;

  clear_list (list);

  for (guint i = 0; i < problems->len; i++)
    {
      const OvCsvProblem *problem = g_ptr_array_index (problems, i);

      if (!is_listed (problem))
        continue;
      if (!problem->warning)
        n_listed_errors++;
      gtk_list_box_append (list, make_problem_row (problem));
    }

  if (n_errors > n_listed_errors)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *count = ov_app_format_count (n_errors - n_listed_errors);
      g_autofree char *title =
        g_strdup_printf (ngettext ("And %s more error", "And %s more errors",
                                   n_errors - n_listed_errors),
                         count);

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   _("Only the first errors are listed; fix these and check "
                                     "again"));
      gtk_widget_add_css_class (row, "import-more-problems");
      gtk_list_box_append (list, row);
    }
}

static GPtrArray *
result_problems (OvImportResult *result)
{
  GPtrArray *problems = g_ptr_array_new ();

  for (guint i = 0; i < ov_import_result_get_n_problems (result); i++)
    g_ptr_array_add (problems, (gpointer)ov_import_result_get_problem (result, i));

  return problems;
}

static GPtrArray *
preview_problems (OvImportPreview *preview,
                  guint           *n_errors)
{
  GPtrArray *problems = g_ptr_array_new ();

  *n_errors = 0;

  for (guint i = 0; i < ov_import_preview_get_n_problems (preview); i++)
    g_ptr_array_add (problems, (gpointer)ov_import_preview_get_problem (preview, i));

  for (guint row = 0; row < ov_import_preview_get_n_rows (preview); row++)
    for (guint i = 0; i < ov_import_preview_get_row_n_problems (preview, row); i++)
      g_ptr_array_add (problems, (gpointer)ov_import_preview_get_row_problem (preview, row, i));

  for (guint i = 0; i < problems->len; i++)
    if (!((const OvCsvProblem *)g_ptr_array_index (problems, i))->warning)
      (*n_errors)++;

  return problems;
}

static void
update_problems (OvImportDialog *self)
{
  g_autoptr(GPtrArray) problems = NULL;
  guint n_errors = 0;

  if (self->check != NULL)
    {
      problems = result_problems (self->check);
      n_errors = ov_import_result_get_n_errors (self->check);
    }
  else if (self->preview != NULL)
    problems = preview_problems (self->preview, &n_errors);
  else
    problems = g_ptr_array_new ();

  fill_problems (self->problems_list, problems, n_errors);
  gtk_widget_set_visible (self->problems_group,
                          gtk_widget_get_first_child (GTK_WIDGET (self->problems_list)) != NULL);
}

/* "1,204 rows: 1,150 new, 40 updated, 14 with errors" */
static char *
describe_counts (OvImportResult *result)
{
  guint n_rows = ov_import_result_get_n_created (result) +
                 ov_import_result_get_n_updated (result) +
                 ov_import_result_get_n_unchanged (result) +
                 ov_import_result_get_n_rejected (result);
  g_autofree char *count = ov_app_format_count (n_rows);
  g_autofree char *rows = NULL;
  g_autofree char *joined = NULL;

  if (n_rows == 0)
    return g_strdup (_("The file has no rows to import"));

  rows = g_strdup_printf (ngettext ("%s row", "%s rows", n_rows), count);
  joined = ov_import_join_counts (result, FALSE);

  /* Translators: "12 rows: 10 new, 2 updated" */
  return g_strdup_printf (_("%s: %s"), rows, joined);
}

static void
update_summary (OvImportDialog *self)
{
  gboolean skip = gtk_switch_get_active (self->skip_switch);
  gboolean file_error = self->preview != NULL && preview_has_file_error (self->preview);
  gboolean can_import = self->preview != NULL && !file_error;
  g_autofree char *summary = NULL;
  const char *rule;

  if (self->preview == NULL)
    summary = g_strdup ("");
  else if (file_error)
    summary = g_strdup (_("The file cannot be imported as it is: see the problems below"));
  else if (self->check != NULL)
    {
      guint n_rows = ov_import_result_get_n_created (self->check) +
                     ov_import_result_get_n_updated (self->check) +
                     ov_import_result_get_n_unchanged (self->check) +
                     ov_import_result_get_n_rejected (self->check);

      if (ov_import_result_get_n_errors (self->check) > 0 &&
          ov_import_result_get_n_rejected (self->check) == 0)
        summary = g_strdup (_("The file cannot be imported as it is: see the problems below"));
      else
        summary = describe_counts (self->check);

      if (n_rows == 0)
        can_import = FALSE;
    }
  else
    summary = g_strdup (_("Checking every row…"));

  if (skip)
    rule = _("Rows with errors are left out; every other row is imported.");
  else
    rule = _("Any row with an error stops the whole import, and nothing changes until every "
             "row is fixed or rows with errors are skipped.");

  gtk_label_set_label (self->summary_label, summary);
  gtk_label_set_label (self->rule_label, rule);

  if (self->check != NULL && ov_import_result_get_n_rejected (self->check) > 0 && !skip)
    gtk_widget_add_css_class (GTK_WIDGET (self->rule_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->rule_label), "warning");

  gtk_widget_set_sensitive (self->import_button, can_import && self->job != JOB_IMPORT);
}

static const OvCsvProblem *
find_date_order_problem (OvImportDialog *self)
{
  if (self->check != NULL)
    {
      for (guint i = 0; i < ov_import_result_get_n_problems (self->check); i++)
        if (ov_import_result_get_problem (self->check, i)->code == OV_CSV_ERROR_DATE_ORDER)
          return ov_import_result_get_problem (self->check, i);
    }
  else if (self->preview != NULL)
    {
      for (guint row = 0; row < ov_import_preview_get_n_rows (self->preview); row++)
        for (guint i = 0; i < ov_import_preview_get_row_n_problems (self->preview, row); i++)
          {
            const OvCsvProblem *problem = ov_import_preview_get_row_problem (self->preview,
                                                                             row, i);

            if (problem->code == OV_CSV_ERROR_DATE_ORDER)
              return problem;
          }
    }

  return NULL;
}

static void
update_date_order (OvImportDialog *self)
{
  const OvCsvProblem *problem = find_date_order_problem (self);
  gboolean needed = FALSE;

  if (self->check != NULL)
    needed = ov_import_result_needs_date_order (self->check);
  else if (self->preview != NULL)
    needed = ov_import_result_needs_date_order (ov_import_preview_get_result (self->preview));

  gtk_widget_set_visible (GTK_WIDGET (self->date_order_row),
                          needed || problem != NULL || self->date_order != OV_DATE_ORDER_AUTO);

  /* The core's reason goes in a row of its own: as the choice's subtitle
   * it would squeeze the choice to nothing in a narrow window. */
  if (problem != NULL)
    {
      g_autofree char *message = valid_text (problem->message);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_reason_row), message);
    }
  else if (self->date_order == OV_DATE_ORDER_AUTO)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_reason_row),
                                   _("Some dates could be read either way; choose the order the "
                                     "file uses"));
  gtk_widget_set_visible (GTK_WIDGET (self->date_reason_row),
                          problem != NULL || (needed && self->date_order == OV_DATE_ORDER_AUTO));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->date_order_row),
                               self->date_order != OV_DATE_ORDER_AUTO
                                 ? _("For dates written with numbers only")
                                 : NULL);
}

/* Mapping rows */

static GtkStringList *
make_field_names (OvCsvKind kind)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  const OvCsvField *fields;
  guint n_fields;

  gtk_string_list_append (names, _("Ignore"));
  fields = ov_csv_kind_get_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (names, ov_csv_field_get_title (&fields[i]));

  return names;
}

static void
update_mapping_row (OvImportDialog *self,
                    AdwComboRow    *row,
                    const char     *field,
                    gboolean        is_set)
{
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "ov-icon");
  const char *subtitle;
  const char *icon_name;
  const char *style;
  int index = field != NULL ? ov_csv_kind_find_field (self->kind, field) : -1;

  if (is_set && index >= 0)
    {
      subtitle = _("Chosen by you");
      icon_name = "document-edit-symbolic";
      style = "accent";
    }
  else if (is_set)
    {
      subtitle = _("Ignored, as you chose");
      icon_name = "action-unavailable-symbolic";
      style = "dim-label";
    }
  else if (index >= 0)
    {
      subtitle = _("Recognised from its name");
      icon_name = "object-select-symbolic";
      style = "success";
    }
  else
    {
      subtitle = _("Unknown column: not imported unless you choose a field");
      icon_name = "dialog-question-symbolic";
      style = "warning";
    }

  self->syncing = TRUE;
  adw_combo_row_set_selected (row, index + 1);
  self->syncing = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_image_set_from_icon_name (icon, icon_name);
  gtk_widget_set_css_classes (GTK_WIDGET (icon), (const char *[]) { style, NULL });
}

static void
mapping_changed_cb (AdwComboRow    *row,
                    GParamSpec     *pspec,
                    OvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ov-column"));
  guint selected = adw_combo_row_get_selected (row);
  const OvCsvField *fields;
  const char *field = NULL;
  guint n_fields;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  fields = ov_csv_kind_get_fields (self->kind, &n_fields);
  if (selected > 0 && selected <= n_fields)
    field = fields[selected - 1].id;

  g_hash_table_insert (self->overrides, GUINT_TO_POINTER (column + 1),
                       g_strdup (field ? field : ""));
  update_mapping_row (self, row, field, TRUE);
  schedule (self, JOB_PREVIEW);
}

static AdwComboRow *
make_mapping_row (OvImportDialog *self,
                  guint           column,
                  const char     *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  GtkWidget *icon = gtk_image_new ();
  g_autofree char *title = valid_text (name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title[0] != '\0' ? title : _("(column without a name)"));
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_combo_row_set_model (row, G_LIST_MODEL (self->field_names));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "ov-icon", icon);
  g_object_set_data (G_OBJECT (row), "ov-column", GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (row), "ov-name", g_strdup (name), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (mapping_changed_cb), self, 0);

  return row;
}

static gboolean
mapping_rows_match (OvImportDialog  *self,
                    OvImportPreview *preview)
{
  guint n_columns = ov_import_preview_get_n_columns (preview);

  if (self->mapping_rows->len != n_columns)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->mapping_rows, i), "ov-name"),
                   ov_import_preview_get_column_name (preview, i)) != 0)
      return FALSE;

  return TRUE;
}

static void
update_mapping (OvImportDialog *self)
{
  OvImportPreview *preview = self->preview;
  guint n_columns = ov_import_preview_get_n_columns (preview);

  /* Same columns as before: keep the rows (and the focus in them). */
  if (!mapping_rows_match (self, preview))
    {
      clear_list (self->mapping_list);
      g_ptr_array_set_size (self->mapping_rows, 0);

      for (guint i = 0; i < n_columns; i++)
        {
          AdwComboRow *row = make_mapping_row (self, i,
                                               ov_import_preview_get_column_name (preview, i));

          g_ptr_array_add (self->mapping_rows, row);
          gtk_list_box_append (self->mapping_list, GTK_WIDGET (row));
        }
    }

  for (guint i = 0; i < n_columns; i++)
    update_mapping_row (self, g_ptr_array_index (self->mapping_rows, i),
                        ov_import_preview_get_column_field (preview, i),
                        ov_import_preview_get_column_is_set (preview, i));

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_list), n_columns > 0);
}

/* The preview table */

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
      g_autofree char *message = valid_text (problem->message);

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
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               OvImportDialog           *self)
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
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              OvImportDialog           *self)
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
      const char *text = "";
      const char *style = "";
      g_autofree char *problems = describe_row_problems (preview, row, "\n");
      OvImportAction action = ov_import_preview_get_row_action (preview, row);

      switch (action)
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
      gboolean ignored = ov_import_preview_get_column_field (preview, cell) == NULL;
      g_autofree char *valid = valid_text (text);

      gtk_label_set_label (label, valid);
      if (ignored)
        gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { "dim-label", NULL });
      else
        gtk_widget_set_css_classes (GTK_WIDGET (label), (const char *[]) { NULL });
    }
}

static void
add_preview_column (OvImportDialog *self,
                    const char     *title,
                    int             cell)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "ov-cell", GINT_TO_POINTER (cell));
  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), self);

  column = gtk_column_view_column_new (title, g_steal_pointer (&factory));
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_append_column (self->preview_view, column);
}

static void
update_preview_table (OvImportDialog *self)
{
  OvImportPreview *preview = self->preview;
  GListModel *columns = gtk_column_view_get_columns (self->preview_view);
  g_autoptr(GtkStringList) lines = gtk_string_list_new (NULL);
  g_autoptr(GtkSelectionModel) selection = NULL;
  guint n_rows = ov_import_preview_get_n_rows (preview);
  guint n_columns = ov_import_preview_get_n_columns (preview);
  gboolean any_problems = FALSE;
  g_autofree char *description = NULL;

  gtk_column_view_set_model (self->preview_view, NULL);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->preview_view, column);
    }

  for (guint row = 0; row < n_rows; row++)
    {
      g_autofree char *line = g_strdup_printf ("%u", ov_import_preview_get_row_line (preview,
                                                                                     row));

      gtk_string_list_append (lines, line);
      if (ov_import_preview_get_row_n_problems (preview, row) > 0)
        any_problems = TRUE;
    }

  add_preview_column (self, _("Line"), CELL_LINE);
  add_preview_column (self, _("Result"), CELL_RESULT);
  if (any_problems)
    add_preview_column (self, _("Problems"), CELL_PROBLEMS);
  for (guint column = 0; column < n_columns; column++)
    {
      g_autofree char *title = valid_text (ov_import_preview_get_column_name (preview, column));

      add_preview_column (self, title, column);
    }

  selection = GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&lines))));
  gtk_column_view_set_model (self->preview_view, selection);

  description = g_strdup_printf (ngettext ("The first row, and what the import does with it",
                                           "The first %u rows, and what the import does with "
                                           "each",
                                           n_rows),
                                 n_rows);
  adw_preferences_group_set_description (self->preview_group,
                                         n_rows > 0 ? description
                                                    : _("The file has no rows after its header"));
  /* A list view asks for little height of its own: give the table room
   * for up to eight rows, and scroll past that. */
  gtk_scrolled_window_set_min_content_height (self->preview_scroller,
                                              PREVIEW_HEADER_HEIGHT +
                                              MIN (n_rows, 8) * PREVIEW_ROW_HEIGHT);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_scroller), n_rows > 0);
}

static void
sync_file_rows (OvImportDialog *self)
{
  self->syncing = TRUE;

  adw_combo_row_set_selected (self->kind_row, index_of_kind (self->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               self->kind_guessed ? _("Guessed from the column names") : NULL);

  if (self->preview != NULL)
    {
      char delimiter = self->delimiter ? self->delimiter
                                       : ov_import_preview_get_delimiter (self->preview);
      OvCsvEncoding encoding = self->encoding != OV_CSV_ENCODING_AUTO
                                 ? self->encoding
                                 : ov_import_preview_get_encoding (self->preview);

      adw_combo_row_set_selected (self->delimiter_row, index_of_delimiter (delimiter));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->delimiter_row),
                                   self->delimiter ? NULL : _("Detected from the first line"));
      adw_combo_row_set_selected (self->encoding_row, index_of_encoding (encoding));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->encoding_row),
                                   self->encoding != OV_CSV_ENCODING_AUTO
                                     ? NULL
                                     : _("Detected from the file's contents"));
    }

  for (guint i = 0; i < G_N_ELEMENTS (date_orders); i++)
    if (date_orders[i] == self->date_order)
      adw_combo_row_set_selected (self->date_order_row, i);

  self->syncing = FALSE;
}

static void
show_check_state (OvImportDialog *self)
{
  update_summary (self);
  update_problems (self);
  update_date_order (self);
  update_busy (self);
}

static void
show_preview (OvImportDialog *self)
{
  sync_file_rows (self);
  update_mapping (self);
  update_preview_table (self);
  show_check_state (self);
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
}

/* Jobs */

typedef struct
{
  OvImporter      *importer;
  OvImportPreview *preview;
} PreviewJob;

static void
preview_job_free (PreviewJob *job)
{
  g_clear_object (&job->importer);
  g_clear_object (&job->preview);
  g_free (job);
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_preview (OvStore         *store,
              gpointer         data,
              OvProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  PreviewJob *job = data;

  job->preview = ov_importer_preview (job->importer, store, PREVIEW_ROWS, cancellable, error);
  return job->preview != NULL;
}

static void start_next (OvImportDialog *self);

static void
finish_job (OvImportDialog *self)
{
  self->job = JOB_NONE;
  g_clear_object (&self->job_cancellable);
  update_busy (self);
}

static void
preview_done (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(GError) error = NULL;
  PreviewJob *job = NULL;
  guint score = 0;
  OvCsvKind guessed;

  if (ov_store_run_finish (result, (gpointer *)&job, &error))
    preview = g_steal_pointer (&job->preview);
  if (self->disposed)
    return;

  finish_job (self);

  /* Cancelled, or already out of date: go on with what was asked since. */
  if (self->next != JOB_NONE || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      start_next (self);
      return;
    }

  if (preview == NULL)
    {
      ov_app_set_plain_text (self->failed_page, "description", error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "failed");
      gtk_widget_set_sensitive (self->import_button, FALSE);
      return;
    }

  g_set_object (&self->preview, preview);
  g_clear_object (&self->check);

  if (!self->kind_settled)
    {
      self->kind_settled = TRUE;
      guessed = guess_kind (preview, &score);
      self->kind_guessed = score > 0;
      if (guessed != self->kind)
        {
          self->kind = guessed;
          g_clear_object (&self->field_names);
          self->field_names = make_field_names (self->kind);
          g_ptr_array_set_size (self->mapping_rows, 0);
          clear_list (self->mapping_list);
          schedule (self, JOB_PREVIEW);
          return;
        }
    }

  show_preview (self);

  self->next = JOB_CHECK;
  start_next (self);
}

static void
start_preview (OvImportDialog *self)
{
  PreviewJob *job = g_new0 (PreviewJob, 1);

  job->importer = make_importer (self, TRUE);
  ov_store_run_async (self->store, NULL, read_preview, job, (GDestroyNotify)preview_job_free,
                      NULL, NULL, self->job_cancellable, preview_done, g_object_ref (self));
}

static void
check_progress_cb (double   fraction,
                   gpointer user_data)
{
  OvImportDialog *self = user_data;

  if (!self->disposed && self->job == JOB_CHECK)
    gtk_progress_bar_set_fraction (self->check_progress, fraction);
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportResult) check = NULL;
  g_autoptr(GError) error = NULL;

  check = ov_importer_run_finish (OV_IMPORTER (object), result, &error);
  if (self->disposed)
    return;

  finish_job (self);

  if (self->next != JOB_NONE || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      start_next (self);
      return;
    }

  if (check == NULL)
    {
      gtk_label_set_label (self->notice_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
      update_summary (self);
      return;
    }

  g_set_object (&self->check, check);
  show_check_state (self);
}

static void
start_check (OvImportDialog *self)
{
  g_autoptr(OvImporter) importer = make_importer (self, TRUE);

  gtk_progress_bar_set_fraction (self->check_progress, 0.0);
  ov_importer_run_async (importer, self->store, check_progress_cb, g_object_ref (self),
                         g_object_unref, self->job_cancellable, check_done,
                         g_object_ref (self));
}

static void
show_refused (OvImportDialog *self,
              OvImportResult *result)
{
  guint n_rejected = ov_import_result_get_n_rejected (result);
  g_autoptr(GPtrArray) problems = result_problems (result);
  g_autofree char *description = NULL;

  if (n_rejected > 0)
    {
      g_autofree char *count = ov_app_format_count (n_rejected);

      description = g_strdup_printf (ngettext ("%s row has an error, and any row with an "
                                               "error stops the whole import. The portfolio "
                                               "is as it was.",
                                               "%s rows have errors, and any row with an error "
                                               "stops the whole import. The portfolio is as it "
                                               "was.",
                                               n_rejected),
                                     count);
    }
  else
    description = g_strdup (_("The file has a problem that stops the import. The portfolio "
                              "is as it was."));

  adw_status_page_set_description (self->refused_page, description);
  fill_problems (self->refused_list, problems, ov_import_result_get_n_errors (result));
  /* The refusal counted the whole file: show the same in the preview. */
  g_set_object (&self->check, result);
  show_check_state (self);

  gtk_stack_set_visible_child_name (self->main_stack, "refused");
  gtk_widget_set_sensitive (self->import_button, FALSE);
}

static void
import_progress_cb (double   fraction,
                    gpointer user_data)
{
  OvImportDialog *self = user_data;

  if (!self->disposed && self->job == JOB_IMPORT)
    gtk_progress_bar_set_fraction (self->progress_bar, fraction);
}

static void
import_done (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(OvImportDialog) self = user_data;
  g_autoptr(OvImportResult) import_result = NULL;
  g_autoptr(GError) error = NULL;

  import_result = ov_importer_run_finish (OV_IMPORTER (object), result, &error);
  if (self->disposed)
    return;

  finish_job (self);
  gtk_widget_set_sensitive (self->stop_button, TRUE);

  if (import_result != NULL && ov_import_result_get_applied (import_result))
    {
      ov_import_announce (self->window, import_result);
      ov_window_reload (self->window);
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (self->close_when_done)
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }

  if (import_result != NULL)
    {
      show_refused (self, import_result);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    gtk_label_set_label (self->notice_label,
                         _("The import was cancelled. Nothing was changed."));
  else
    {
      g_autofree char *message = g_strdup_printf (_("The import stopped, and nothing was "
                                                    "changed: %s"),
                                                  error->message);

      gtk_label_set_label (self->notice_label, message);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), TRUE);
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
  update_summary (self);
}

static void
start_import (OvImportDialog *self)
{
  g_autoptr(OvImporter) importer = make_importer (self, FALSE);
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = g_strdup_printf (_("Importing “%s”…"), name);

  gtk_label_set_label (self->progress_title, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_widget_set_visible (GTK_WIDGET (self->notice_label), FALSE);
  gtk_stack_set_visible_child_name (self->main_stack, "progress");
  gtk_widget_set_sensitive (self->import_button, FALSE);

  ov_importer_run_async (importer, self->store, import_progress_cb, g_object_ref (self),
                         g_object_unref, self->job_cancellable, import_done,
                         g_object_ref (self));
}

static void
start_next (OvImportDialog *self)
{
  Job job = self->next;

  self->next = JOB_NONE;
  if (job == JOB_NONE || self->disposed)
    return;

  self->job = job;
  self->job_cancellable = g_cancellable_new ();
  update_busy (self);

  switch (job)
    {
    case JOB_PREVIEW:
      start_preview (self);
      break;
    case JOB_CHECK:
      start_check (self);
      break;
    case JOB_IMPORT:
      start_import (self);
      break;
    case JOB_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Asks for @job once the running one has stopped; a preview or check
 * that is running is cancelled, an import is not. */
static void
schedule (OvImportDialog *self,
          Job             job)
{
  if (job == JOB_PREVIEW)
    {
      /* What was counted no longer holds. */
      g_clear_object (&self->check);
      if (self->preview != NULL)
        show_check_state (self);
    }

  self->next = job;

  if (self->job == JOB_NONE)
    start_next (self);
  else if (self->job != JOB_IMPORT)
    g_cancellable_cancel (self->job_cancellable);
}

/* Callbacks */

static void
import_clicked_cb (OvImportDialog *self)
{
  schedule (self, JOB_IMPORT);
}

static void
stop_clicked_cb (OvImportDialog *self)
{
  if (self->job == JOB_IMPORT)
    {
      gtk_widget_set_sensitive (self->stop_button, FALSE);
      gtk_label_set_label (self->progress_title, _("Cancelling…"));
      g_cancellable_cancel (self->job_cancellable);
    }
}

static void
back_clicked_cb (OvImportDialog *self)
{
  gtk_stack_set_visible_child_name (self->main_stack, "setup");
  update_summary (self);
}

static void
skip_changed_cb (OvImportDialog *self)
{
  /* The counts do not change; only whether the errors stop the import. */
  if (self->preview != NULL)
    update_summary (self);
}

static void
kind_changed_cb (OvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->syncing || selected >= G_N_ELEMENTS (import_kinds) ||
      import_kinds[selected] == self->kind)
    return;

  self->kind = import_kinds[selected];
  self->kind_settled = TRUE;
  self->kind_guessed = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), NULL);

  /* Choices made for another kind's fields do not carry over. */
  g_hash_table_remove_all (self->overrides);
  g_clear_object (&self->field_names);
  self->field_names = make_field_names (self->kind);
  g_ptr_array_set_size (self->mapping_rows, 0);
  clear_list (self->mapping_list);

  schedule (self, JOB_PREVIEW);
}

static void
delimiter_changed_cb (OvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  if (self->syncing || selected >= G_N_ELEMENTS (delimiters))
    return;

  self->delimiter = delimiters[selected];
  /* Other columns: choices made by position no longer fit. */
  g_hash_table_remove_all (self->overrides);
  schedule (self, JOB_PREVIEW);
}

static void
encoding_changed_cb (OvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->syncing || selected >= G_N_ELEMENTS (encodings))
    return;

  self->encoding = encodings[selected];
  schedule (self, JOB_PREVIEW);
}

static void
date_order_changed_cb (OvImportDialog *self)
{
  guint selected = adw_combo_row_get_selected (self->date_order_row);

  if (self->syncing || selected >= G_N_ELEMENTS (date_orders))
    return;

  self->date_order = date_orders[selected];
  schedule (self, JOB_PREVIEW);
}

/* GObject */

static gboolean
ov_import_dialog_close_request (GtkWindow *window)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (window);

  /* Closing during an import cancels it; the dialog goes once the
   * rollback is done, so nothing is left half written. */
  if (self->job == JOB_IMPORT)
    {
      self->close_when_done = TRUE;
      stop_clicked_cb (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ov_import_dialog_parent_class)->close_request (window);
}

static void
ov_import_dialog_dispose (GObject *object)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (object);

  self->disposed = TRUE;
  self->next = JOB_NONE;
  g_cancellable_cancel (self->job_cancellable);

  G_OBJECT_CLASS (ov_import_dialog_parent_class)->dispose (object);
}

static void
ov_import_dialog_finalize (GObject *object)
{
  OvImportDialog *self = OV_IMPORT_DIALOG (object);

  g_clear_object (&self->window);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->preview);
  g_clear_object (&self->check);
  g_clear_object (&self->field_names);
  g_clear_object (&self->job_cancellable);
  g_clear_pointer (&self->overrides, g_hash_table_unref);
  g_clear_pointer (&self->mapping_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_import_dialog_parent_class)->finalize (object);
}

static void
ov_import_dialog_class_init (OvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ov_import_dialog_dispose;
  object_class->finalize = ov_import_dialog_finalize;
  window_class->close_request = ov_import_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, main_stack);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, failed_page);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, setup_scroller);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, check_progress);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, rule_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, notice_label);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, skip_switch);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, date_reason_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, mapping_list);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, preview_group);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, preview_view);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, problems_group);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, progress_title);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, stop_button);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, refused_page);
  gtk_widget_class_bind_template_child (widget_class, OvImportDialog, refused_list);
  gtk_widget_class_bind_template_callback (widget_class, import_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, skip_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, delimiter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, encoding_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_order_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_import_dialog_init (OvImportDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    gtk_string_list_append (kinds, ov_csv_kind_get_title (import_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->syncing = FALSE;

  self->kind = OV_CSV_KIND_ACCOUNTS;
  self->overrides = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->mapping_rows = g_ptr_array_new ();
  self->field_names = make_field_names (self->kind);
}

/**
 * ov_import_dialog_new_for_file:
 * @window: the window whose portfolio the file goes into; it must have
 *   its store open
 * @file: the CSV file
 *
 * Opens the dialog on @file and starts reading it.
 */
OvImportDialog *
ov_import_dialog_new_for_file (OvWindow *window,
                               GFile    *file)
{
  OvImportDialog *self;
  g_autofree char *name = NULL;

  g_return_val_if_fail (OV_IS_WINDOW (window), NULL);
  g_return_val_if_fail (OV_IS_STORE (ov_window_get_store (window)), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (OV_TYPE_IMPORT_DIALOG, "transient-for", window, NULL);
  self->window = g_object_ref (window);
  self->store = g_object_ref (ov_window_get_store (window));
  self->file = g_object_ref (file);

  name = g_file_get_basename (file);
  adw_window_title_set_subtitle (self->window_title, name);

  schedule (self, JOB_PREVIEW);

  return self;
}

GFile *
ov_import_dialog_get_file (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), NULL);

  return self->file;
}

OvCsvKind
ov_import_dialog_get_kind (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), OV_CSV_KIND_ACCOUNTS);

  return self->kind;
}

/* Whether the file is still being read, checked or imported. */
gboolean
ov_import_dialog_get_busy (OvImportDialog *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_DIALOG (self), FALSE);

  return self->job != JOB_NONE || self->next != JOB_NONE;
}

static void
chooser_response_cb (GtkNativeDialog *chooser,
                     int              response,
                     gpointer         user_data)
{
  OvWindow *window = g_object_get_data (G_OBJECT (chooser), "ov-window");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

  if (file != NULL && ov_window_get_store (window) != NULL)
    gtk_window_present (GTK_WINDOW (ov_import_dialog_new_for_file (window, file)));

  g_object_unref (chooser);
}

/* Asks for a CSV file, then opens the import dialog on it. */
void
ov_import_dialog_choose_file (OvWindow *window)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) csv = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_if_fail (OV_IS_WINDOW (window));

  chooser = gtk_file_chooser_native_new (_("Import CSV"), GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (csv, _("CSV and text files"));
  gtk_file_filter_add_suffix (csv, "csv");
  gtk_file_filter_add_suffix (csv, "tsv");
  gtk_file_filter_add_suffix (csv, "txt");
  gtk_file_filter_add_mime_type (csv, "text/csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), csv);
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);

  g_object_set_data_full (G_OBJECT (chooser), "ov-window", g_object_ref (window),
                          g_object_unref);
  g_signal_connect (chooser, "response", G_CALLBACK (chooser_response_cb), NULL);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
