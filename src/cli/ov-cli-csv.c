/* ov-cli-csv.c — overture-cli import, export, undo-import and generate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Problems go to stderr as FILE:LINE:COLUMN: message, one per line, so
 * editors and scripts can find them; results go to stdout. Progress is
 * shown only when stderr is a terminal.
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "ov-cli.h"

static gboolean
parse_delimiter (const char *text,
                 char       *delimiter)
{
  if (text == NULL)
    {
      *delimiter = 0;
      return TRUE;
    }

  if (g_ascii_strcasecmp (text, "tab") == 0 || strcmp (text, "\\t") == 0 ||
      strcmp (text, "\t") == 0)
    {
      *delimiter = '\t';
      return TRUE;
    }

  if (strlen (text) == 1 && strchr (",;|", text[0]) != NULL)
    {
      *delimiter = text[0];
      return TRUE;
    }

  return FALSE;
}

typedef struct
{
  const char *what;
  int         shown;
} TerminalProgress;

static void
show_progress (double   fraction,
               gpointer user_data)
{
  TerminalProgress *progress = user_data;
  int percent = (int)(fraction * 100);

  if (percent == progress->shown)
    return;

  progress->shown = percent;
  if (fraction >= 1.0)
    g_printerr ("\r\033[K");
  else
    g_printerr ("\r%s %d%%", progress->what, percent);
}

static gboolean
stderr_is_terminal (void)
{
  return isatty (STDERR_FILENO) && g_getenv ("OVERTURE_NO_PROGRESS") == NULL;
}

static void
print_problems (OvImportResult *result,
                const char     *file_name)
{
  guint listed_errors = 0;

  for (guint i = 0; i < ov_import_result_get_n_problems (result); i++)
    {
      const OvCsvProblem *problem = ov_import_result_get_problem (result, i);
      g_autofree char *line = ov_csv_problem_format (problem, file_name);

      if (!problem->warning)
        listed_errors++;
      ov_cli_printerr ("%s\n", line);
    }

  if (ov_import_result_get_n_errors (result) > listed_errors)
    {
      guint more = ov_import_result_get_n_errors (result) - listed_errors;

      ov_cli_printerr (ngettext ("%s: … and %u more error\n", "%s: … and %u more errors\n",
                                 more),
                       file_name, more);
    }

  if (ov_import_result_needs_date_order (result))
    ov_cli_printerr (_("%s: choose how to read the dates with --date-order dmy or --date-order "
                       "mdy\n"),
                     file_name);
}

int
ov_cli_import (OvCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvImporter) importer = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *delimiter_text = NULL;
  g_autofree char *date_order_text = NULL;
  g_autofree char *encoding_text = NULL;
  gboolean dry_run = FALSE;
  gboolean skip_invalid = FALSE;
  TerminalProgress progress = { NULL, -1 };
  OvCsvEncoding encoding = OV_CSV_ENCODING_UTF8;
  OvDateOrder date_order = OV_DATE_ORDER_AUTO;
  OvCsvKind kind;
  char delimiter = 0;
  guint n_packages;
  int status;
  GOptionEntry entries[] = {
    { "dry-run", 0, 0, G_OPTION_ARG_NONE, &dry_run,
      N_("Check the file and count what would change, but change nothing"), NULL },
    { "skip-invalid", 0, 0, G_OPTION_ARG_NONE, &skip_invalid,
      N_("Import the valid rows and list the others, instead of refusing the file"), NULL },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text,
      N_("The field delimiter: , ; | or tab (default: detected from the header)"), N_("C") },
    { "date-order", 0, 0, G_OPTION_ARG_STRING, &date_order_text,
      N_("How to read dates such as 03/04/2026: dmy or mdy"), N_("ORDER") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &encoding_text,
      N_("The file's encoding: utf-8 (default) or windows-1252"), N_("ENCODING") },
    { NULL }
  };

  if (ov_cli_names_playbooks (argc, argv))
    return ov_cli_import_playbooks (context, argc, argv);

  status = ov_cli_parse (context, entries,
                         N_("accounts|people|tasks|metrics|meetings|packages|interviews|content|completions|playbooks FILE"),
                         _("Imports a CSV file: all of it, or nothing when a row is refused."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 3)
    {
      ov_cli_usage_error (context, argc < 3 ? _("a kind and a file are needed")
                                            : _("unexpected argument “%s”"),
                          argc > 3 ? argv[3] : "");
      return OV_CLI_USAGE;
    }

  if (!ov_csv_kind_parse (argv[1], &kind) || !ov_csv_kind_can_import (kind))
    {
      ov_cli_usage_error (context, _("cannot import “%s”: use accounts, people, tasks, metrics, "
                                     "meetings, packages, interviews, content, completions or playbooks"),
                          argv[1]);
      return OV_CLI_USAGE;
    }

  if (!parse_delimiter (delimiter_text, &delimiter))
    {
      ov_cli_usage_error (context, _("--delimiter must be , ; | or tab"));
      return OV_CLI_USAGE;
    }

  if (date_order_text != NULL)
    {
      if (g_ascii_strcasecmp (date_order_text, "dmy") == 0)
        date_order = OV_DATE_ORDER_DMY;
      else if (g_ascii_strcasecmp (date_order_text, "mdy") == 0)
        date_order = OV_DATE_ORDER_MDY;
      else
        {
          ov_cli_usage_error (context, _("--date-order must be dmy or mdy"));
          return OV_CLI_USAGE;
        }
    }

  if (encoding_text != NULL &&
      (!ov_csv_encoding_parse (encoding_text, &encoding) || encoding == OV_CSV_ENCODING_AUTO))
    {
      ov_cli_usage_error (context, _("--encoding must be utf-8 or windows-1252"));
      return OV_CLI_USAGE;
    }

  /* The file's pages are checked while the import is read, and before
   * it commits: a portfolio of a million accounts takes a while. */
  store = ov_cli_open_store (context, OV_STORE_OPEN_CHECK_LATER);
  if (store == NULL)
    return OV_CLI_REFUSED;

  file = g_file_new_for_commandline_arg (argv[2]);
  importer = ov_importer_new_for_file (kind, file);
  ov_importer_set_delimiter (importer, delimiter);
  ov_importer_set_encoding (importer, encoding);
  ov_importer_set_date_order (importer, date_order);
  ov_importer_set_dry_run (importer, dry_run);
  ov_importer_set_skip_invalid (importer, skip_invalid);

  progress.what = _("Importing…");
  result = ov_importer_run (importer, store, stderr_is_terminal () ? show_progress : NULL,
                            &progress, NULL, &error);
  if (result == NULL)
    {
      if (progress.shown >= 0)
        g_printerr ("\r\033[K");
      ov_cli_printerr ("%s: %s\n", argv[2], error->message);
      return OV_CLI_REFUSED;
    }

  print_problems (result, argv[2]);
  n_packages = ov_import_result_get_n_packages_created (result);

  if (dry_run)
    {
      g_print (_("Dry run: %u to create, %u to update, %u unchanged, %u rejected; "
                 "nothing was changed\n"),
               ov_import_result_get_n_created (result), ov_import_result_get_n_updated (result),
               ov_import_result_get_n_unchanged (result),
               ov_import_result_get_n_rejected (result));
      if (n_packages > 0)
        g_print (ngettext ("%u package would be created for the names the accounts give\n",
                           "%u packages would be created for the names the accounts give\n",
                           n_packages),
                 n_packages);
      return ov_import_result_get_n_errors (result) == 0 ? OV_CLI_OK : OV_CLI_REFUSED;
    }

  if (!ov_import_result_get_applied (result))
    {
      guint rejected = ov_import_result_get_n_rejected (result);

      if (rejected > 0)
        ov_cli_printerr (ngettext ("%s: nothing was imported: %u row was refused (use "
                                   "--skip-invalid to import the others)\n",
                                   "%s: nothing was imported: %u rows were refused (use "
                                   "--skip-invalid to import the others)\n",
                                   rejected),
                         argv[2], rejected);
      else
        ov_cli_printerr (_("%s: nothing was imported\n"), argv[2]);
      return OV_CLI_REFUSED;
    }

  if (ov_import_result_get_batch_id (result) == 0)
    {
      g_print (_("Nothing changed: %u unchanged, %u rejected; no batch was recorded\n"),
               ov_import_result_get_n_unchanged (result),
               ov_import_result_get_n_rejected (result));
      return OV_CLI_OK;
    }

  /* %lld rather than G_GINT64_FORMAT: xgettext must see the whole message. */
  g_print (_("Imported batch %lld: %u created, %u updated, %u unchanged, %u rejected\n"),
           (long long)ov_import_result_get_batch_id (result),
           ov_import_result_get_n_created (result),
           ov_import_result_get_n_updated (result), ov_import_result_get_n_unchanged (result),
           ov_import_result_get_n_rejected (result));
  if (n_packages > 0)
    g_print (ngettext ("%u package created for the names the accounts give\n",
                       "%u packages created for the names the accounts give\n", n_packages),
             n_packages);
  return OV_CLI_OK;
}

int
ov_cli_export (OvCliContext  *context,
               int            argc,
               char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvExporter) exporter = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  g_autofree char *delimiter_text = NULL;
  gboolean excel = FALSE;
  TerminalProgress progress = { NULL, -1 };
  OvCsvKind kind;
  char delimiter = 0;
  gboolean ok;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { "excel", 0, 0, G_OPTION_ARG_NONE, &excel,
      N_("Start with a byte order mark, so Excel reads the file as UTF-8"), NULL },
    { "delimiter", 0, 0, G_OPTION_ARG_STRING, &delimiter_text,
      N_("The field delimiter: , (default) ; | or tab"), N_("C") },
    { NULL }
  };

  if (ov_cli_names_playbooks (argc, argv))
    return ov_cli_export_playbooks (context, argc, argv);

  status = ov_cli_parse (context, entries,
                         "accounts|people|tasks|metrics|meetings|packages|interviews|content|"
                         "completions|stage-events|playbooks",
                         _("Writes CSV that spreadsheets open safely."), &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 2)
    {
      ov_cli_usage_error (context, argc < 2 ? _("what to export is needed")
                                            : _("unexpected argument “%s”"),
                          argc > 2 ? argv[2] : "");
      return OV_CLI_USAGE;
    }

  if (!ov_csv_kind_parse (argv[1], &kind))
    {
      ov_cli_usage_error (context, _("cannot export “%s”: use accounts, people, tasks, metrics, "
                                     "meetings, packages, interviews, content, completions, stage-events or "
                                     "playbooks"),
                          argv[1]);
      return OV_CLI_USAGE;
    }

  if (!parse_delimiter (delimiter_text, &delimiter))
    {
      ov_cli_usage_error (context, _("--delimiter must be , ; | or tab"));
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  exporter = ov_exporter_new (kind);
  ov_exporter_set_excel (exporter, excel);
  if (delimiter != 0)
    ov_exporter_set_delimiter (exporter, delimiter);

  progress.what = _("Exporting…");
  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = ov_exporter_write_file (exporter, store, file,
                                   stderr_is_terminal () ? show_progress : NULL, &progress,
                                   NULL, &error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = ov_exporter_write_stream (exporter, store, out, NULL, NULL, NULL, &error);
    }

  if (!ok)
    {
      if (progress.shown >= 0)
        g_printerr ("\r\033[K");
      ov_cli_printerr ("%s: %s\n", output ? output : ov_store_get_path (store),
                       error->message);
      return OV_CLI_REFUSED;
    }

  if (output != NULL)
    g_print (ngettext ("Wrote %llu row to %s\n", "Wrote %llu rows to %s\n",
                       ov_exporter_get_n_rows (exporter)),
             (unsigned long long)ov_exporter_get_n_rows (exporter), output);

  return OV_CLI_OK;
}

/* The plan's lines, indented under what was said before them. */
static void
print_plan (FILE             *stream,
            const OvUndoPlan *plan)
{
  g_autofree char *text = ov_undo_plan_describe (plan);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      {
        g_autofree char *shown = ov_cli_escape (lines[i]);

        fprintf (stream, "  %s\n", shown);
      }
}

int
ov_cli_undo_import (OvCliContext  *context,
                    int            argc,
                    char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvImportBatch) batch = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autoptr(OvUndoPlan) done = NULL;
  g_autoptr(GError) error = NULL;
  gboolean force = FALSE;
  guint64 id = 0;
  int status;
  GOptionEntry entries[] = {
    { "force", 0, 0, G_OPTION_ARG_NONE, &force,
      N_("Also remove what was added to or edited on the import's rows since"), NULL },
    { NULL }
  };

  status = ov_cli_parse (context, entries, N_("BATCH"),
                         _("Takes back an import: rows it updated get their earlier values, rows "
                           "it created are removed. Rows edited or deleted since are left as "
                           "they are; when the import's rows were edited or added to since, "
                           "nothing is done without --force."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 2 ||
      !g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXINT64, &id, NULL))
    {
      ov_cli_usage_error (context, argc < 2 ? _("the batch number an import printed is needed")
                                            : _("“%s” is not a batch number"),
                          argc >= 2 ? argv[1] : "");
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return OV_CLI_REFUSED;

  batch = ov_store_get_import_batch (store, id, &error);
  if (batch != NULL && !force)
    plan = ov_store_plan_undo_import (store, id, &error);
  if (batch == NULL || (!force && plan == NULL))
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  if (plan != NULL && ov_undo_plan_needs_confirmation (plan))
    {
      g_printerr (_("%s: import %llu was worked on since; nothing was undone. With --force, "
                    "undoing it also does this:\n"),
                  ov_store_get_path (store), (unsigned long long)id);
      print_plan (stderr, plan);
      return OV_CLI_REFUSED;
    }

  done = ov_store_undo_import_full (store, id,
                                    force ? OV_UNDO_IMPORT_FORCE : OV_UNDO_IMPORT_DEFAULT, &error);
  if (done == NULL)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  ov_cli_print (_("Undid batch %llu (%s from %s): %u removed, %u restored\n"),
                (unsigned long long)id, ov_csv_kind_get_id (batch->kind), batch->source,
                ov_undo_plan_get_n_removed (done), done->n_restore);
  print_plan (stdout, done);
  return OV_CLI_OK;
}

static void
add_date (OvCsvWriter *writer,
          OvDate       date)
{
  char text[11];

  ov_date_write_iso (date, text);
  ov_csv_writer_add_text (writer, text, -1);
}

/* One generated account, in the columns of an accounts export. */
static void
add_account (OvCsvWriter *writer,
             OvAccount   *account)
{
  ov_csv_writer_add_text (writer, ov_account_get_external_id (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_name (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_segment (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_owner (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_sales_owner (account), -1);
  if (ov_account_has_arr (account))
    ov_csv_writer_add_cents (writer, ov_account_get_arr_cents (account));
  else
    ov_csv_writer_add_text (writer, "", 0);
  ov_csv_writer_add_text (writer, ov_account_get_currency (account), -1);
  ov_csv_writer_add_text (writer, ov_stage_get_id (ov_account_get_stage (account)), -1);
  ov_csv_writer_add_text (writer, ov_account_status_get_id (ov_account_get_status (account)), -1);
  for (OvAccountDate which = OV_ACCOUNT_DATE_CLOSE; which < OV_N_ACCOUNT_DATES; which++)
    add_date (writer, ov_account_get_date (account, which));
  ov_csv_writer_add_text (writer, ov_account_get_first_value_milestone (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_package (account), -1);
  ov_csv_writer_add_text (writer, ov_account_get_notes (account), -1);
  add_date (writer, ov_account_get_churned_on (account));
}

static gboolean
write_generated (GOutputStream  *stream,
                 guint64         n_accounts,
                 guint32         seed,
                 GError        **error)
{
  g_autoptr(OvCsvWriter) writer = ov_csv_writer_new (stream, ',', FALSE);
  g_autoptr(OvSample) sample = ov_sample_new (seed, ov_date_today ());
  g_autoptr(OvAccount) account = ov_account_new ();
  const OvCsvField *fields;
  guint n_fields;

  fields = ov_csv_kind_get_fields (OV_CSV_KIND_ACCOUNTS, &n_fields);
  /* What an export writes, so that a generated file comes back out of
   * Overture as it went in. */
  for (guint i = 0; i < n_fields; i++)
    if (!fields[i].import_only)
      ov_csv_writer_add_text (writer, fields[i].id, -1);
  if (!ov_csv_writer_end_row (writer, NULL, error))
    return FALSE;

  for (guint64 i = 0; i < n_accounts; i++)
    {
      OvSampleHistory history;

      ov_sample_next_account (sample, account, &history);
      add_account (writer, account);
      if (!ov_csv_writer_end_row (writer, NULL, error))
        return FALSE;
    }

  return ov_csv_writer_flush (writer, NULL, error);
}

int
ov_cli_generate (OvCliContext  *context,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  guint64 n_accounts = 0;
  int seed = OV_SAMPLE_DEFAULT_SEED;
  gboolean ok;
  int status;
  GOptionEntry entries[] = {
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, N_("Seed of the generator (default 2026)"),
      N_("S") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  status = ov_cli_parse (context, entries, N_("accounts N"),
                         _("Writes N realistic, made-up accounts as CSV with the canonical "
                           "header, for demos and benchmarks."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 3 || strcmp (argv[1], "accounts") != 0 ||
      !g_ascii_string_to_unsigned (argv[2], 10, 0, 100000000, &n_accounts, NULL))
    {
      ov_cli_usage_error (context, _("use: generate accounts N, with N from 0 to 100000000"));
      return OV_CLI_USAGE;
    }

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);
      g_autoptr(GFile) temporary = NULL;
      g_autoptr(GOutputStream) stream = ov_csv_replace_begin (file, &temporary, NULL, &error);

      ok = stream != NULL;
      if (ok && !write_generated (stream, n_accounts, (guint32)seed, &error))
        {
          ov_csv_replace_abandon (stream, temporary);
          ok = FALSE;
        }
      else if (ok)
        ok = ov_csv_replace_commit (stream, temporary, file, NULL, &error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = write_generated (out, n_accounts, (guint32)seed, &error);
    }

  if (!ok)
    {
      ov_cli_printerr ("%s: %s\n", output ? output : "overture-cli generate",
                       error->message);
      return OV_CLI_REFUSED;
    }

  return OV_CLI_OK;
}
