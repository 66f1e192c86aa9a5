/* main.c — start Overture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ov-application.h"
#include "ov-memory.h"

int
main (int    argc,
      char **argv)
{
  g_autoptr(OvApplication) app = NULL;

  ov_memory_set_up ();
  setlocale (LC_ALL, "");
  /* OVERTURE_LOCALEDIR lets the tests use the catalogues built in the
   * build tree instead of the installed ones. */
  bindtextdomain (GETTEXT_PACKAGE,
                  g_getenv ("OVERTURE_LOCALEDIR") != NULL ? g_getenv ("OVERTURE_LOCALEDIR")
                                                          : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ov_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
