/* import-test-support.c — what the tests of the import engine share: the
 * accounts as text, and an import's counts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "import-test-support.h"

#define ACCOUNT_FIELDS \
  "external_id, name, segment, owner, sales_owner, arr_cents, currency, stage, status, " \
  "close_date, kickoff_date, golive_date, first_value_date, first_value_milestone, package, notes"

char *
accounts (OvStore *store)
{
  return csv_test_query (store, "SELECT " ACCOUNT_FIELDS " FROM accounts ORDER BY id");
}

void
assert_counts (OvImportResult *result,
               guint           created,
               guint           updated,
               guint           unchanged,
               guint           rejected)
{
  g_assert_cmpuint (ov_import_result_get_n_created (result), ==, created);
  g_assert_cmpuint (ov_import_result_get_n_updated (result), ==, updated);
  g_assert_cmpuint (ov_import_result_get_n_unchanged (result), ==, unchanged);
  g_assert_cmpuint (ov_import_result_get_n_rejected (result), ==, rejected);
}
