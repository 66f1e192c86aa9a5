/* ov-cli-report.c — overture-cli report: an account's review report as PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-cli.h"
#include "ov-report.h"
#include "ov-store-review.h"

int
ov_cli_report (OvCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *name = NULL;
  gint64 account_id;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("The PDF file to write (replaced if it exists)"), N_("FILE.pdf") },
    { NULL }
  };

  status = ov_cli_parse (context, entries, N_("ACCOUNT"),
                         _("Writes the review report of one account, named by its external id "
                           "or its number, as an A4 PDF."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc < 2)
    {
      ov_cli_usage_error (context, _("name the account: its external id or its number"));
      return OV_CLI_USAGE;
    }
  if (argc > 2)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[2]);
      return OV_CLI_USAGE;
    }
  if (output == NULL || *output == '\0')
    {
      ov_cli_usage_error (context, _("say where the report goes: -o FILE.pdf"));
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  account_id = ov_store_find_account_id (store, argv[1], &error);
  if (account_id == 0)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  if (!ov_review_report_write (store, account_id, ov_date_today (), output, NULL, &error))
    {
      ov_cli_printerr ("%s\n", error->message);
      return OV_CLI_REFUSED;
    }

  name = g_filename_display_name (output);
  account = ov_store_get_account (store, account_id, NULL);
  ov_cli_print (_("Wrote the review report of “%s” to %s\n"),
                account != NULL ? ov_account_get_name (account) : argv[1], name);
  return OV_CLI_OK;
}
