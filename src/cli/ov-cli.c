/* ov-cli.c — overture-cli: the portfolio from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ov-cli.h"

typedef struct
{
  const char   *name;
  OvCliCommand  run;
  const char   *summary;
} CommandInfo;

static const CommandInfo commands[] = {
  { "sample", ov_cli_sample, N_("Fill the database with a generated sample portfolio") },
  { "check", ov_cli_check, N_("Print the schema version and check the database's integrity") },
  { "stats", ov_cli_stats, N_("Print counts of accounts per stage and status") },
  { "import", ov_cli_import, N_("Import accounts, people, tasks, metrics, meetings, packages, interviews, content or completions from a CSV file, or playbooks") },
  { "export", ov_cli_export, N_("Export accounts, people, tasks, metrics, meetings, packages, interviews, content, completions or stage events as CSV, or playbooks") },
  { "undo-import", ov_cli_undo_import, N_("Take back an import by its batch number") },
  { "insights", ov_cli_insights, N_("Print the Insights figures, or them all as JSON") },
  { "chart", ov_cli_chart, N_("Save one Insights chart as PNG, SVG or PDF") },
  { "generate", ov_cli_generate, N_("Write made-up accounts as CSV, for demos and benchmarks") },
  { "report", ov_cli_report, N_("Write an account's review report as PDF") },
  { "questions", ov_cli_questions, N_("Print the questions of the listening interview") },
  { "answers", ov_cli_answers, N_("Print every answer to one question across accounts") },
};

static void
print_usage (FILE *stream)
{
  fprintf (stream, "%s\n", _("Usage: overture-cli [--db PATH] COMMAND [OPTIONS…]"));
  fprintf (stream, "\n%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (stream, "  %-14s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (stream, "\n%s\n", _("Run “overture-cli COMMAND --help” for a command's options."));
}

/* Text from a file, or from a database a file filled, made safe for a
 * terminal: control characters (C0, DEL and C1) and bytes that are not
 * UTF-8 are written as visible escapes (\x1b, \n, \u009b), so a cell
 * quoted in a message cannot set the window title, clear the screen or
 * split one problem over two lines. */
char *
ov_cli_escape (const char *text)
{
  GString *out;
  const char *p;

  g_return_val_if_fail (text != NULL, NULL);

  out = g_string_sized_new (strlen (text));
  for (p = text; *p != '\0';)
    {
      guchar c = *p;
      gunichar u;

      if (c >= 0x20 && c < 0x7f)
        {
          g_string_append_c (out, c);
          p++;
          continue;
        }

      if (c < 0x80)
        {
          switch (c)
            {
            case '\n': g_string_append (out, "\\n"); break;
            case '\r': g_string_append (out, "\\r"); break;
            case '\t': g_string_append (out, "\\t"); break;
            default: g_string_append_printf (out, "\\x%02x", c); break;
            }
          p++;
          continue;
        }

      u = g_utf8_get_char_validated (p, -1);
      if (u == (gunichar)-1 || u == (gunichar)-2)
        {
          g_string_append_printf (out, "\\x%02x", c);
          p++;
        }
      else if (u >= 0x80 && u < 0xa0)
        {
          g_string_append_printf (out, "\\u%04x", u);
          p = g_utf8_next_char (p);
        }
      else
        {
          const char *next = g_utf8_next_char (p);

          g_string_append_len (out, p, next - p);
          p = next;
        }
    }

  return g_string_free (out, FALSE);
}

/* Prints a line, escaped as ov_cli_escape() does, to stderr (@to_stderr)
 * or stdout. The format's own line break is kept. */
static void G_GNUC_PRINTF (2, 0)
print_escaped (gboolean    to_stderr,
               const char *format,
               va_list     args)
{
  g_autofree char *message = g_strdup_vprintf (format, args);
  g_autofree char *escaped = NULL;
  gsize length = strlen (message);
  gboolean newline = length > 0 && message[length - 1] == '\n';

  if (newline)
    message[length - 1] = '\0';
  escaped = ov_cli_escape (message);

  if (to_stderr)
    g_printerr ("%s%s", escaped, newline ? "\n" : "");
  else
    g_print ("%s%s", escaped, newline ? "\n" : "");
}

void
ov_cli_printerr (const char *format,
                 ...)
{
  va_list args;

  va_start (args, format);
  print_escaped (TRUE, format, args);
  va_end (args);
}

void
ov_cli_print (const char *format,
              ...)
{
  va_list args;

  va_start (args, format);
  print_escaped (FALSE, format, args);
  va_end (args);
}

void
ov_cli_usage_error (OvCliContext *context,
                    const char   *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (context != NULL && context->command != NULL)
    ov_cli_printerr ("overture-cli %s: %s\n", context->command, message);
  else
    ov_cli_printerr ("overture-cli: %s\n", message);
}

/* Commands that only read (check, stats, export) open the file so that no
 * byte of it changes: no migration, no purge, no new file for a mistyped
 * name, no waiting for a writer. */
OvStore *
ov_cli_open_store (OvCliContext     *context,
                   OvStoreOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  OvStore *store;

  path = context->db_path ? g_strdup (context->db_path) : ov_store_default_path ();
  store = ov_store_open_full (path, flags, &error);
  if (store == NULL)
    ov_cli_printerr ("%s: %s\n", path, error->message);

  return store;
}

gboolean
ov_cli_parse_date (OvCliContext *context,
                   const char   *option,
                   const char   *text,
                   OvDate       *date)
{
  g_autoptr(GError) error = NULL;

  *date = OV_DATE_NONE;
  if (text == NULL)
    return TRUE;
  if (!ov_date_parse_iso (text, date, &error) || *date == OV_DATE_NONE)
    {
      ov_cli_usage_error (context, "--%s: %s", option,
                          error != NULL ? error->message : _("a date is needed"));
      return FALSE;
    }
  return TRUE;
}

/* Parses a command's options; on failure prints why and returns the exit
 * status, else returns -1 with @argc/@argv holding the positional arguments. */
int
ov_cli_parse (OvCliContext   *context,
              GOptionEntry   *entries,
              const char     *parameters,
              const char     *summary,
              int            *argc,
              char         ***argv)
{
  g_autoptr(GOptionContext) options = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  title = g_strdup_printf ("%s %s", context->command, parameters ? _(parameters) : "");
  options = g_option_context_new (title);
  g_option_context_set_summary (options, summary);
  g_option_context_set_translation_domain (options, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (options, entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse (options, argc, argv, &error))
    {
      ov_cli_usage_error (context, "%s", error->message);
      return OV_CLI_USAGE;
    }

  return -1;
}

int
main (int    argc,
      char **argv)
{
  OvCliContext context = { 0 };
  int first = 1;

  /* Usage lines read "overture-cli [OPTION…] import …" in every command. */
  g_set_prgname ("overture-cli");
  setlocale (LC_ALL, "");
  /* OVERTURE_LOCALEDIR lets the tests use the catalogues built in the
   * build tree instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("OVERTURE_LOCALEDIR") != NULL ? g_getenv ("OVERTURE_LOCALEDIR")
                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      if (strcmp (argv[first], "--db") == 0 && first + 1 < argc)
        {
          context.db_path = argv[first + 1];
          first += 2;
        }
      else if (g_str_has_prefix (argv[first], "--db="))
        {
          context.db_path = argv[first] + strlen ("--db=");
          first++;
        }
      else if (strcmp (argv[first], "--help") == 0 || strcmp (argv[first], "-h") == 0)
        {
          print_usage (stdout);
          return OV_CLI_OK;
        }
      else if (strcmp (argv[first], "--version") == 0)
        {
          g_print ("overture-cli %s\n", PACKAGE_VERSION);
          return OV_CLI_OK;
        }
      else
        {
          ov_cli_usage_error (NULL, _("unknown option “%s”"), argv[first]);
          print_usage (stderr);
          return OV_CLI_USAGE;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return OV_CLI_USAGE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (strcmp (argv[first], commands[i].name) == 0)
        {
          context.command = commands[i].name;
          /* The command sees itself as argv[0]. */
          return commands[i].run (&context, argc - first, argv + first);
        }
    }

  ov_cli_usage_error (NULL, _("unknown command “%s”"), argv[first]);
  print_usage (stderr);
  return OV_CLI_USAGE;
}
