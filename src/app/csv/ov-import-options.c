/* ov-import-options.c — how a CSV file is read: its contents, separator,
 * encoding and date order
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Until the user chooses, the separator and the encoding are the ones the
 * core detected, and the contents are guessed once from the header: the
 * importable kind whose fields the most columns name. The date order is
 * only asked for when the core says some dates could be read either way,
 * with its reason in a row of its own.
 */

#define G_LOG_DOMAIN "ov-import-options"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-options.h"

struct _OvImportOptions
{
  AdwPreferencesGroup  parent_instance;

  OvCsvKind            kind;
  char                 delimiter;       /* 0: detect */
  OvCsvEncoding        encoding;        /* AUTO: detect */
  OvDateOrder          date_order;
  gboolean             kind_settled;    /* guessed from the header, or chosen */
  gboolean             kind_guessed;
  gboolean             syncing;

  /* Template widgets */
  AdwComboRow         *kind_row;
  AdwComboRow         *delimiter_row;
  AdwComboRow         *encoding_row;
  AdwComboRow         *date_order_row;
  AdwActionRow        *date_reason_row;
};

G_DEFINE_FINAL_TYPE (OvImportOptions, ov_import_options, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char delimiters[] = { ',', ';', '\t', '|' };
static const OvCsvEncoding encodings[] = { OV_CSV_ENCODING_UTF8, OV_CSV_ENCODING_WINDOWS_1252 };
static const OvDateOrder date_orders[] = { OV_DATE_ORDER_AUTO, OV_DATE_ORDER_DMY,
                                           OV_DATE_ORDER_MDY };
static const OvCsvKind import_kinds[] = { OV_CSV_KIND_ACCOUNTS, OV_CSV_KIND_PEOPLE,
                                          OV_CSV_KIND_TASKS, OV_CSV_KIND_METRICS };

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

static const OvCsvProblem *
find_date_order_problem (OvImportPreview *preview,
                         OvImportResult  *check)
{
  if (check != NULL)
    {
      for (guint i = 0; i < ov_import_result_get_n_problems (check); i++)
        if (ov_import_result_get_problem (check, i)->code == OV_CSV_ERROR_DATE_ORDER)
          return ov_import_result_get_problem (check, i);
    }
  else if (preview != NULL)
    {
      for (guint row = 0; row < ov_import_preview_get_n_rows (preview); row++)
        for (guint i = 0; i < ov_import_preview_get_row_n_problems (preview, row); i++)
          {
            const OvCsvProblem *problem = ov_import_preview_get_row_problem (preview, row, i);

            if (problem->code == OV_CSV_ERROR_DATE_ORDER)
              return problem;
          }
    }

  return NULL;
}

static void
on_kind_selected (OvImportOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  if (self->syncing || selected >= G_N_ELEMENTS (import_kinds) ||
      import_kinds[selected] == self->kind)
    return;

  self->kind = import_kinds[selected];
  self->kind_settled = TRUE;
  self->kind_guessed = FALSE;
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row), NULL);
  g_signal_emit (self, signals[CHANGED], 0, OV_IMPORT_OPTION_KIND);
}

static void
on_delimiter_selected (OvImportOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->delimiter_row);

  if (self->syncing || selected >= G_N_ELEMENTS (delimiters))
    return;

  self->delimiter = delimiters[selected];
  g_signal_emit (self, signals[CHANGED], 0, OV_IMPORT_OPTION_DELIMITER);
}

static void
on_encoding_selected (OvImportOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->encoding_row);

  if (self->syncing || selected >= G_N_ELEMENTS (encodings))
    return;

  self->encoding = encodings[selected];
  g_signal_emit (self, signals[CHANGED], 0, OV_IMPORT_OPTION_ENCODING);
}

static void
on_date_order_selected (OvImportOptions *self)
{
  guint selected = adw_combo_row_get_selected (self->date_order_row);

  if (self->syncing || selected >= G_N_ELEMENTS (date_orders))
    return;

  self->date_order = date_orders[selected];
  g_signal_emit (self, signals[CHANGED], 0, OV_IMPORT_OPTION_DATE_ORDER);
}

static void
ov_import_options_class_init (OvImportOptionsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * OvImportOptions::changed:
   * @option: the OvImportOption the user changed
   *
   * The file is to be read another way.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-options.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportOptions, kind_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportOptions, delimiter_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportOptions, encoding_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportOptions, date_order_row);
  gtk_widget_class_bind_template_child (widget_class, OvImportOptions, date_reason_row);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_delimiter_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_encoding_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_date_order_selected);
}

static void
ov_import_options_init (OvImportOptions *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->syncing = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (import_kinds); i++)
    gtk_string_list_append (kinds, ov_csv_kind_get_title (import_kinds[i]));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  self->syncing = FALSE;

  self->kind = OV_CSV_KIND_ACCOUNTS;
}

OvCsvKind
ov_import_options_get_kind (OvImportOptions *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_OPTIONS (self), OV_CSV_KIND_ACCOUNTS);

  return self->kind;
}

/* An importer of @file that reads it as chosen here. */
OvImporter *
ov_import_options_new_importer (OvImportOptions *self,
                                GFile           *file)
{
  OvImporter *importer;

  g_return_val_if_fail (OV_IS_IMPORT_OPTIONS (self), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  importer = ov_importer_new_for_file (self->kind, file);
  ov_importer_set_delimiter (importer, self->delimiter);
  ov_importer_set_encoding (importer, self->encoding);
  ov_importer_set_date_order (importer, self->date_order);

  return importer;
}

/* The first preview settles the contents, from the header unless the user
 * chose already. TRUE when that is another kind than @preview was read
 * as, so the file has to be read again. */
gboolean
ov_import_options_guess_kind (OvImportOptions *self,
                              OvImportPreview *preview)
{
  OvCsvKind guessed;
  guint score = 0;

  g_return_val_if_fail (OV_IS_IMPORT_OPTIONS (self), FALSE);
  g_return_val_if_fail (OV_IS_IMPORT_PREVIEW (preview), FALSE);

  if (self->kind_settled)
    return FALSE;

  self->kind_settled = TRUE;
  guessed = guess_kind (preview, &score);
  self->kind_guessed = score > 0;
  if (guessed == self->kind)
    return FALSE;

  self->kind = guessed;
  return TRUE;
}

/* Shows how @preview was read (what was detected, unless chosen), and
 * asks for the date order when @check, or else @preview, needs one. */
void
ov_import_options_show (OvImportOptions *self,
                        OvImportPreview *preview,
                        OvImportResult  *check)
{
  const OvCsvProblem *problem;
  gboolean needed = FALSE;

  g_return_if_fail (OV_IS_IMPORT_OPTIONS (self));
  g_return_if_fail (preview == NULL || OV_IS_IMPORT_PREVIEW (preview));
  g_return_if_fail (check == NULL || OV_IS_IMPORT_RESULT (check));

  self->syncing = TRUE;

  adw_combo_row_set_selected (self->kind_row, index_of_kind (self->kind));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->kind_row),
                               self->kind_guessed ? _("Guessed from the column names") : NULL);

  if (preview != NULL)
    {
      char delimiter = self->delimiter ? self->delimiter
                                       : ov_import_preview_get_delimiter (preview);
      OvCsvEncoding encoding = self->encoding != OV_CSV_ENCODING_AUTO
                                 ? self->encoding
                                 : ov_import_preview_get_encoding (preview);

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

  problem = find_date_order_problem (preview, check);
  if (check != NULL)
    needed = ov_import_result_needs_date_order (check);
  else if (preview != NULL)
    needed = ov_import_result_needs_date_order (ov_import_preview_get_result (preview));

  gtk_widget_set_visible (GTK_WIDGET (self->date_order_row),
                          needed || problem != NULL || self->date_order != OV_DATE_ORDER_AUTO);

  /* The core's reason goes in a row of its own: as the choice's subtitle
   * it would squeeze the choice to nothing in a narrow window. */
  if (problem != NULL)
    {
      g_autofree char *message = ov_app_make_valid (problem->message);

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
