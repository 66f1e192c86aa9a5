/* ov-test-support.h — what many tests need
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-core.h"

G_BEGIN_DECLS

char     *ov_test_make_dir      (void);
void      ov_test_remove_dir    (const char  *path);
char     *ov_test_fixture_path  (const char  *first_element,
                                 ...) G_GNUC_NULL_TERMINATED;
OvStore  *ov_test_new_store     (char       **dir_out);
GBytes   *ov_test_read_file     (const char  *path);

/* Scribbles over the header of the first page of @table in the database
 * @path: a damage only reading that table, or checking every page, finds. */
void      ov_test_damage_table  (const char  *path,
                                 const char  *table);

guint     ov_test_file_mode     (const char  *path);
guint     ov_test_count_files   (const char  *dir);

/* What poppler's pdftotext (OVERTURE_PDFTOTEXT, found by meson) reads off
 * a PDF, laid out as on the page, and how many pages it has. Without
 * pdftotext the test fails, saying so. */
char     *ov_test_pdf_text      (const char  *path,
                                 guint       *n_pages);

/* The ids of the accounts in @accounts, in its order: "3,1,2". */
char     *ov_test_account_ids   (GListModel  *accounts);

#define ov_test_assert_account_ids(accounts, expected) \
  G_STMT_START { \
    g_autofree char *ids_ = ov_test_account_ids (G_LIST_MODEL (accounts)); \
    g_assert_cmpstr (ids_, ==, expected); \
  } G_STMT_END

G_END_DECLS
