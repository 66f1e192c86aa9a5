/* test-csv-values.c — reading values as CRMs and spreadsheets write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-test-support.h"
#include "ov-csv-columns.h"

static char *
parse_date (const char  *text,
            OvDateOrder  order,
            GError     **error)
{
  OvDate date = 7;

  if (!ov_date_parse_with_order (text, order, &date, error))
    {
      g_assert_cmpint (date, ==, 7);
      return NULL;
    }

  return date == OV_DATE_NONE ? g_strdup ("none") : ov_date_to_iso (date);
}

#define assert_date(text, order, expected)                     \
  G_STMT_START {                                               \
    g_autoptr(GError) error_ = NULL;                           \
    g_autofree char *got_ = parse_date (text, order, &error_); \
    g_assert_no_error (error_);                                \
    g_assert_cmpstr (got_, ==, expected);                      \
  } G_STMT_END

#define assert_date_error(text, order, code, expected)         \
  G_STMT_START {                                               \
    g_autoptr(GError) error_ = NULL;                           \
    g_autofree char *got_ = parse_date (text, order, &error_); \
    g_assert_null (got_);                                      \
    g_assert_error (error_, OV_DATE_ERROR, code);              \
    g_assert_cmpstr (error_->message, ==, expected);           \
  } G_STMT_END

static void
test_numeric_dates (void)
{
  assert_date ("2026-03-14", OV_DATE_ORDER_MDY, "2026-03-14");
  assert_date ("2026-03-14 10:15:00", OV_DATE_ORDER_AUTO, "2026-03-14");
  assert_date ("", OV_DATE_ORDER_AUTO, "none");
  assert_date ("14/03/2026", OV_DATE_ORDER_AUTO, "2026-03-14");
  assert_date ("3/14/2026", OV_DATE_ORDER_AUTO, "2026-03-14");
  assert_date ("14.3.2026", OV_DATE_ORDER_DMY, "2026-03-14");
  assert_date ("03-04-2026", OV_DATE_ORDER_DMY, "2026-04-03");
  assert_date ("03/04/2026", OV_DATE_ORDER_MDY, "2026-03-04");
  assert_date ("7/7/2026 9:30 AM", OV_DATE_ORDER_AUTO, "2026-07-07");

  assert_date_error ("03/04/2026", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_AMBIGUOUS,
                     "“03/04/2026” could be day/month/year or month/day/year");
  assert_date_error ("14/03/2026", OV_DATE_ORDER_MDY, OV_DATE_ERROR_INVALID,
                     "“14/03/2026” is not a real month/day/year date: there is no month 14");
  assert_date_error ("31/02/2026", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“31/02/2026” is not a real day/month/year date: "
                     "February 2026 has only 28 days");
  assert_date_error ("14/03/26", OV_DATE_ORDER_DMY, OV_DATE_ERROR_FORMAT,
                     "“14/03/26” has a two-digit year; write the year with four digits");
  assert_date_error ("14/03-2026", OV_DATE_ORDER_DMY, OV_DATE_ERROR_FORMAT,
                     "“14/03-2026” is not a date in the form YYYY-MM-DD");
  assert_date_error ("soon", OV_DATE_ORDER_DMY, OV_DATE_ERROR_FORMAT,
                     "“soon” is not a date in the form YYYY-MM-DD");

  /* Only a time of day may follow a date, and only one that exists. */
  assert_date ("2026-01-06T23:59:60Z", OV_DATE_ORDER_AUTO, "2026-01-06");
  assert_date ("2026-01-06T10:32:05.123+02:00", OV_DATE_ORDER_AUTO, "2026-01-06");
  assert_date ("2026-01-06 10:32 -0500", OV_DATE_ORDER_AUTO, "2026-01-06");
  assert_date ("2026-01-06 12:00 PM", OV_DATE_ORDER_AUTO, "2026-01-06");
  assert_date ("14.3.2026 10:30", OV_DATE_ORDER_DMY, "2026-03-14");
  assert_date_error ("2026-01-05 is a lie", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_FORMAT,
                     "“2026-01-05 is a lie” has text after its date; only a time of day such "
                     "as 10:30 may follow it");
  assert_date_error ("2026-01-06T99:99:99Z", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“2026-01-06T99:99:99Z” has a time of day that does not exist");
  assert_date_error ("2026-01-06 24:00", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“2026-01-06 24:00” has a time of day that does not exist");
  assert_date_error ("2026-01-06 0:30 AM", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“2026-01-06 0:30 AM” has a time of day that does not exist");
  assert_date_error ("2026-01-06T10:30+25:00", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“2026-01-06T10:30+25:00” has a time of day that does not exist");
  assert_date_error ("2026-01-06T", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_FORMAT,
                     "“2026-01-06T” has text after its date; only a time of day such as 10:30 "
                     "may follow it");
  assert_date_error ("3/14/2026 noon", OV_DATE_ORDER_MDY, OV_DATE_ERROR_FORMAT,
                     "“3/14/2026 noon” has text after its date; only a time of day such as "
                     "10:30 may follow it");
  assert_date_error ("3/14/2026 25:10", OV_DATE_ORDER_AUTO, OV_DATE_ERROR_INVALID,
                     "“3/14/2026 25:10” has a time of day that does not exist");

  g_assert_cmpint (ov_date_guess_order ("13/01/2026"), ==, OV_DATE_ORDER_DMY);
  g_assert_cmpint (ov_date_guess_order ("01/13/2026"), ==, OV_DATE_ORDER_MDY);
  g_assert_cmpint (ov_date_guess_order ("01/02/2026"), ==, OV_DATE_ORDER_AUTO);
  g_assert_cmpint (ov_date_guess_order ("2026-01-13"), ==, OV_DATE_ORDER_AUTO);
  g_assert_true (ov_date_is_numeric (" 1/2/2026"));
  g_assert_false (ov_date_is_numeric ("2026-01-02"));
}

static void
assert_money (const char *text,
              gint64      cents,
              const char *currency)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *code = NULL;
  gint64 value = -1;

  g_assert_true (ov_money_parse (text, &value, &code, &error));
  g_assert_no_error (error);
  g_assert_cmpint (value, ==, cents);
  g_assert_cmpstr (code, ==, currency);
}

static void
test_money (void)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 5;

  assert_money ("$1,200.50", 120050, "USD");
  assert_money ("1.200,50 €", 120050, "EUR");
  assert_money ("1\xC2\xA0" "200,50\xC2\xA0€", 120050, "EUR");
  assert_money ("1200.5", 120050, NULL);
  assert_money ("1200.500", 120050, NULL);
  assert_money ("12345.67", 1234567, NULL);
  assert_money ("CHF 1'200.00", 120000, "CHF");

  /* A lone separator after four digits is a decimal mark, and cents are
   * the smallest unit. */
  g_assert_false (ov_money_parse ("1200.505", &value, NULL, &error));
  g_assert_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "“1200.505” has more than two decimal places");
  g_clear_error (&error);

  /* A symbol must be a symbol, not any character before one. */
  g_assert_false (ov_money_parse ("12#€", &value, NULL, &error));
  g_assert_error (error, OV_MONEY_ERROR, OV_MONEY_ERROR_INVALID);
  g_assert_cmpint (value, ==, 5);
}

static void
test_header_matching (void)
{
  struct
  {
    OvCsvKind   kind;
    const char *header;
    const char *field;
  } cases[] = {
    { OV_CSV_KIND_ACCOUNTS, "Account Name", "name" },
    { OV_CSV_KIND_ACCOUNTS, "Company name", "name" },
    { OV_CSV_KIND_ACCOUNTS, "ACCOUNT ID", "external_id" },
    { OV_CSV_KIND_ACCOUNTS, "Record ID", "external_id" },
    { OV_CSV_KIND_ACCOUNTS, "Account Owner", "owner" },
    { OV_CSV_KIND_ACCOUNTS, "Company owner", "owner" },
    { OV_CSV_KIND_ACCOUNTS, "Annual Revenue", "arr" },
    { OV_CSV_KIND_ACCOUNTS, "Close Date", "close_date" },
    { OV_CSV_KIND_ACCOUNTS, "close_date", "close_date" },
    { OV_CSV_KIND_ACCOUNTS, "Market Segment", "segment" },
    { OV_CSV_KIND_ACCOUNTS, "Type", NULL },
    { OV_CSV_KIND_ACCOUNTS, "Account Type", NULL },
    { OV_CSV_KIND_ACCOUNTS, "Lifecycle Stage", NULL },
    { OV_CSV_KIND_ACCOUNTS, "AnnualRevenue", "arr" },
    { OV_CSV_KIND_ACCOUNTS, "CurrencyIsoCode", "currency" },
    { OV_CSV_KIND_ACCOUNTS, "OwnerId", NULL },
    { OV_CSV_KIND_ACCOUNTS, " go-live   DATE ", "golive_date" },
    { OV_CSV_KIND_ACCOUNTS, "Kick-off date", "kickoff_date" },
    { OV_CSV_KIND_ACCOUNTS, "first_value_milestone", "first_value_milestone" },
    { OV_CSV_KIND_ACCOUNTS, "Phone", NULL },
    { OV_CSV_KIND_ACCOUNTS, "", NULL },
    { OV_CSV_KIND_ACCOUNTS, "---", NULL },
    { OV_CSV_KIND_PEOPLE, "Account ID", "account_external_id" },
    { OV_CSV_KIND_PEOPLE, "Company Name", "account" },
    { OV_CSV_KIND_PEOPLE, "E-mail Address", "email" },
    { OV_CSV_KIND_PEOPLE, "First Name", "first_name" },
    { OV_CSV_KIND_TASKS, "Subject", "title" },
    { OV_CSV_KIND_TASKS, "Completed", "done_date" },
    { OV_CSV_KIND_METRICS, "Date", "measured_on" },
    { OV_CSV_KIND_METRICS, "Is baseline?", "baseline" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      int index = ov_csv_kind_match_column (cases[i].kind, cases[i].header);
      const OvCsvField *fields = ov_csv_kind_get_fields (cases[i].kind, NULL);

      g_test_message ("%s", cases[i].header);
      if (cases[i].field == NULL)
        g_assert_cmpint (index, ==, -1);
      else
        {
          g_assert_cmpint (index, >=, 0);
          g_assert_cmpstr (fields[index].id, ==, cases[i].field);
        }
    }
}

/* The 63 columns of a Salesforce Account data export (API names): five
 * mean what an Overture field means, none of the others, Type included. */
static void
test_salesforce_export_header (void)
{
  g_autofree char *path = ov_test_fixture_path ("csv", "ui", "salesforce-account-export.csv",
                                                NULL);
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) headers = NULL;
  g_autoptr(GString) matched = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const OvCsvField *fields = ov_csv_kind_get_fields (OV_CSV_KIND_ACCOUNTS, NULL);

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (contents, "\r\n", 2);
  headers = g_strsplit (lines[0], ",", -1);
  g_assert_cmpuint (g_strv_length (headers), ==, 63);

  for (guint i = 0; headers[i] != NULL; i++)
    {
      g_autofree char *name = g_strndup (headers[i] + 1, strlen (headers[i]) - 2);
      int index = ov_csv_kind_match_column (OV_CSV_KIND_ACCOUNTS, name);

      if (index >= 0)
        g_string_append_printf (matched, "%s%s=%s", matched->len ? " " : "", name,
                                fields[index].id);
    }

  g_assert_cmpstr (matched->str, ==,
                   "Id=external_id Name=name AnnualRevenue=arr Description=notes "
                   "CurrencyIsoCode=currency");
}

/* No two names of one kind may meet after normalising, or a header would
 * silently pick one of them. */
static void
test_aliases_unique (void)
{
  for (OvCsvKind kind = OV_CSV_KIND_ACCOUNTS; kind <= OV_CSV_KIND_STAGE_EVENTS; kind++)
    {
      g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      guint n_fields;
      const OvCsvField *fields = ov_csv_kind_get_fields (kind, &n_fields);

      for (guint i = 0; i < n_fields; i++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new ();

          g_ptr_array_add (names, (gpointer)fields[i].id);
          g_ptr_array_add (names, (gpointer)fields[i].title);
          for (const char * const *alias = fields[i].aliases; *alias; alias++)
            g_ptr_array_add (names, (gpointer)*alias);

          for (guint k = 0; k < names->len; k++)
            {
              char *key = ov_csv_normalize_header (g_ptr_array_index (names, k));
              gpointer owner = NULL;

              if (g_hash_table_lookup_extended (seen, key, NULL, &owner))
                {
                  g_assert_cmpint (GPOINTER_TO_UINT (owner), ==, i + 1);
                  g_free (key);
                }
              else
                g_hash_table_insert (seen, key, GUINT_TO_POINTER (i + 1));
            }
          g_assert_cmpint (ov_csv_kind_match_column (kind, fields[i].id), ==, (int)i);
        }
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/csv-values/numeric-dates", test_numeric_dates);
  g_test_add_func ("/csv-values/money", test_money);
  g_test_add_func ("/csv-values/header-matching", test_header_matching);
  g_test_add_func ("/csv-values/aliases-unique", test_aliases_unique);
  g_test_add_func ("/csv-values/salesforce-export-header", test_salesforce_export_header);

  return g_test_run ();
}
