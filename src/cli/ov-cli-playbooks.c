/* ov-cli-playbooks.c — overture-cli import playbooks, export playbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same JSON files as the app's Import and Export of a playbook (see
 * ov-playbook-json.c), with the same checks, so scripts can share
 * playbooks between databases. An export holds every playbook; an import
 * takes a file of one playbook or of several, all of them or none.
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <string.h>
#include <unistd.h>

#include "ov-cli.h"

/* "import --dry-run playbooks x" is still about playbooks: the first
 * argument that is not an option names the kind. */
gboolean
ov_cli_names_playbooks (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc; i++)
    {
      if (argv[i][0] != '-')
        return strcmp (argv[i], "playbooks") == 0;
    }

  return FALSE;
}

int
ov_cli_import_playbooks (OvCliContext  *context,
                         int            argc,
                         char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  guint n_items = 0;
  int status;

  status = ov_cli_parse (context, NULL, N_("playbooks FILE"),
                         _("Imports a playbook file (JSON, as the app exports it): every "
                           "playbook in it, or none when one is refused."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 3)
    {
      ov_cli_usage_error (context, argc < 3 ? _("a playbook file is needed")
                                            : _("unexpected argument “%s”"),
                          argc > 3 ? argv[3] : "");
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_DEFAULT);
  if (store == NULL)
    return OV_CLI_REFUSED;

  file = g_file_new_for_commandline_arg (argv[2]);
  ids = ov_store_import_playbooks (store, file, &n_items, &error);
  if (ids == NULL)
    {
      ov_cli_printerr ("%s: %s\n", argv[2], error->message);
      return OV_CLI_REFUSED;
    }

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(OvPlaybook) playbook = ov_store_get_playbook (store, id, NULL);

      /* %lld rather than G_GINT64_FORMAT: xgettext must see the whole message. */
      ov_cli_print (_("Imported playbook %lld: %s\n"), (long long)id,
               playbook != NULL ? ov_playbook_get_name (playbook) : "");
    }

  if (n_items > 0)
    ov_cli_print (ngettext ("%u training item added to the content library\n",
                            "%u training items added to the content library\n", n_items),
                  n_items);

  return OV_CLI_OK;
}

int
ov_cli_export_playbooks (OvCliContext  *context,
                         int            argc,
                         char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  guint n = 0;
  gboolean ok;
  int status;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output,
      N_("Write to FILE instead of the standard output"), N_("FILE") },
    { NULL }
  };

  status = ov_cli_parse (context, entries, "playbooks",
                         _("Writes every playbook to one JSON file that the app and "
                           "“overture-cli import playbooks” read."),
                         &argc, &argv);
  if (status >= 0)
    return status;

  if (argc != 2)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[2]);
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  if (output != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (output);

      ok = ov_store_export_playbooks (store, NULL, file, &n, &error);
    }
  else
    {
      g_autoptr(GOutputStream) out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);

      ok = ov_store_export_playbooks (store, out, NULL, &n, &error);
    }

  if (!ok)
    {
      ov_cli_printerr ("%s: %s\n", output ? output : ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  if (output != NULL)
    ov_cli_print (ngettext ("Wrote %u playbook to %s\n", "Wrote %u playbooks to %s\n", n), n,
             output);

  return OV_CLI_OK;
}
