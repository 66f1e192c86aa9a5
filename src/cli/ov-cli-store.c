/* ov-cli-store.c — overture-cli sample, check and stats
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-cli.h"

int
ov_cli_sample (OvCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today_text = NULL;
  int n_accounts = OV_SAMPLE_DEFAULT_ACCOUNTS;
  int seed = OV_SAMPLE_DEFAULT_SEED;
  OvDate today;
  int status;
  GOptionEntry entries[] = {
    { "accounts", 0, 0, G_OPTION_ARG_INT, &n_accounts, N_("How many accounts (default 200)"),
      N_("N") },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator (default 2026)"),
      N_("S") },
    { "today", 0, 0, G_OPTION_ARG_STRING, &today_text,
      N_("Date the portfolio is generated around (default: today)"), "YYYY-MM-DD" },
    { NULL }
  };

  status = ov_cli_parse (context, entries, NULL,
                         _("Adds a generated, realistic sample portfolio to the database."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc > 1)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
      return OV_CLI_USAGE;
    }

  if (n_accounts < 1 || n_accounts > 10000000)
    {
      ov_cli_usage_error (context, _("--accounts must be between 1 and 10000000"));
      return OV_CLI_USAGE;
    }

  today = ov_date_today ();
  if (today_text != NULL && (!ov_date_parse_iso (today_text, &today, &error) || today == 0 ||
                             !ov_sample_check_today (today, &error)))
    {
      ov_cli_usage_error (context, "--today: %s",
                          error ? error->message : _("a date is needed"));
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return OV_CLI_REFUSED;

  if (!ov_sample_generate (store, n_accounts, (guint32)seed, today, &error))
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  g_print (ngettext ("Added %d sample account to %s\n", "Added %d sample accounts to %s\n",
                     n_accounts),
           n_accounts, ov_store_get_path (store));
  return OV_CLI_OK;
}

int
ov_cli_check (OvCliContext  *context,
              int            argc,
              char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) foreign = NULL;
  g_autofree char *report = NULL;
  int status;

  status = ov_cli_parse (context, NULL, NULL,
                         _("Prints the schema version and runs SQLite's integrity check."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  g_print (_("Database: %s\n"), ov_store_get_path (store));
  g_print (_("Schema version: %d (this Overture writes %d)\n"),
           ov_store_get_schema_version (store), ov_store_get_latest_version ());
  /* %lld, not G_GINT64_FORMAT: xgettext must see the whole message. */
  g_print (_("Accounts: %lld\n"), (long long)ov_store_count_accounts (store, NULL));

  if (!ov_store_check (store, &report, &error))
    {
      if (error != NULL)
        ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      else
        g_print (_("Integrity: damaged\n%s"), report);
      return OV_CLI_REFUSED;
    }

  g_print (_("Integrity: ok\n"));

  /* A trigger or view another program added runs inside Overture's own
   * statements: the file is not only Overture's any more. */
  foreign = ov_store_list_foreign_objects (store, &error);
  if (foreign == NULL)
    {
      g_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }
  if (foreign->len > 0)
    {
      g_print (ngettext ("Schema: %u object Overture did not create:\n",
                         "Schema: %u objects Overture did not create:\n", foreign->len),
               foreign->len);
      for (guint i = 0; i < foreign->len; i++)
        g_print ("  %s\n", (const char *)foreign->pdata[i]);
      return OV_CLI_REFUSED;
    }

  g_print (_("Schema: ok\n"));
  return OV_CLI_OK;
}

/* printf's %-12s pads bytes; "Übergabe" needs padding by characters. */
static void
print_count (const char *label,
             guint       count)
{
  g_autoptr(GString) line = g_string_new ("  ");
  glong width = g_utf8_strlen (label, -1);

  g_string_append (line, label);
  for (glong i = width; i < 14; i++)
    g_string_append_c (line, ' ');
  g_print ("%s%u\n", line->str, count);
}

int
ov_cli_stats (OvCliContext  *context,
              int            argc,
              char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  OvPortfolioSummary summary;
  int status;

  status = ov_cli_parse (context, NULL, NULL,
                         _("Prints how many accounts are in each stage and status."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  accounts = ov_store_list_accounts (store, &error);
  if (accounts == NULL)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  ov_metrics_summarize (accounts, &summary);

  g_print (_("Accounts: %u\n"), summary.n_accounts);
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    print_count (ov_stage_get_title (stage), summary.per_stage[stage]);
  for (guint i = 0; i < OV_N_ACCOUNT_STATUSES; i++)
    print_count (ov_account_status_get_title (i), summary.per_status[i]);
  g_print (_("Live onboardings: %u\n"), summary.live);
  if (summary.n_ttfv > 0)
    g_print (_("Median time to first value: %.1f days (%u accounts)\n"),
             summary.median_ttfv, summary.n_ttfv);

  return OV_CLI_OK;
}
