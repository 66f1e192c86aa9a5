/* csv-test-support.h — what the CSV tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-test-support.h"

G_BEGIN_DECLS

/* A fresh database of its own, with "today" fixed, for g_test_add(). */
typedef struct
{
  OvStore *store;
  char    *dir;
} CsvTestStore;

void            csv_test_store_set_up    (CsvTestStore  *fixture,
                                          gconstpointer  data);
void            csv_test_store_tear_down (CsvTestStore  *fixture,
                                          gconstpointer  data);

char           *csv_test_dump        (OvStore       *store);
char           *csv_test_query       (OvStore       *store,
                                      const char    *sql);
OvImportResult *csv_test_import      (OvStore       *store,
                                      OvCsvKind      kind,
                                      const char    *text,
                                      OvDateOrder    order,
                                      gboolean       skip_invalid);
char           *csv_test_problems    (OvImportResult *result);
char           *csv_test_export      (OvStore       *store,
                                      OvCsvKind      kind);

G_END_DECLS
