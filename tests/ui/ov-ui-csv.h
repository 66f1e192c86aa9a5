/* ov-ui-csv.h — driving the CSV import dialog in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-import-dialog.h"
#include "ov-import-mapping.h"
#include "ov-import-options.h"
#include "ov-import-preview-table.h"
#include "ov-import-problems.h"
#include "ov-ui-test.h"

G_BEGIN_DECLS

/* The import dialog's template children, and those of its parts. */
#define IMPORT_CHILD(dialog, name) ov_ui_test_child ((dialog), OV_TYPE_IMPORT_DIALOG, (name))
#define OPTIONS_CHILD(dialog, name) \
  ov_ui_test_child (IMPORT_CHILD ((dialog), "options"), OV_TYPE_IMPORT_OPTIONS, (name))
#define MAPPING_CHILD(dialog, name) \
  ov_ui_test_child (IMPORT_CHILD ((dialog), "mapping"), OV_TYPE_IMPORT_MAPPING, (name))
#define PREVIEW_CHILD(dialog, name) \
  ov_ui_test_child (IMPORT_CHILD ((dialog), "preview_table"), OV_TYPE_IMPORT_PREVIEW_TABLE, \
                    (name))
#define PROBLEMS_LIST(dialog, name) \
  ov_ui_test_child (IMPORT_CHILD ((dialog), (name)), OV_TYPE_IMPORT_PROBLEMS, "list")

/* Screenshots: "-narrow" is added under OVERTURE_TEST_SIZE; shoot() takes
 * light and dark, shoot_once() what is shown now. */
void            csv_shoot            (GtkWidget      *widget,
                                      const char     *name);
void            csv_shoot_once       (GtkWidget      *widget,
                                      const char     *name);
void            csv_click            (GtkWidget      *button);
gboolean        csv_not_visible      (gpointer        data);
void            csv_close_dialog     (gpointer        dialog);

/* The import dialog, held by the test too */
OvImportDialog *csv_open_import      (OvWindow       *window,
                                      const char     *path);
OvImportDialog *csv_open_import_full (OvWindow       *window,
                                      const char     *path,
                                      gboolean        wait);
void            csv_wait_import_idle (OvImportDialog *dialog);
char           *csv_preview_results  (OvImportDialog *dialog);
char           *csv_preview_column_titles (OvImportDialog *dialog);
void            csv_scroll_to        (OvImportDialog *dialog,
                                      const char     *name);

/* Rows */
GPtrArray      *csv_list_rows        (GtkWidget      *list);
GtkWidget      *csv_mapping_folded   (OvImportDialog *dialog);
GPtrArray      *csv_folded_rows      (GtkWidget      *expander);
const char     *csv_row_title        (gpointer        row);
const char     *csv_row_subtitle     (gpointer        row);
const char     *csv_combo_text       (gpointer        row);
GtkWidget      *csv_find_problem     (GtkWidget      *list,
                                      const char     *where);

/* The portfolio */
char           *csv_make_portfolio   (const char     *name);
void            csv_wait_count       (OvWindow       *window,
                                      guint           n);
gint64          csv_stored_count     (const char     *db);
OvAccount      *csv_find_stored      (OvStore        *store,
                                      const char     *external_id);
OvAccount      *csv_find_listed      (OvWindow       *window,
                                      const char     *name);

G_END_DECLS
