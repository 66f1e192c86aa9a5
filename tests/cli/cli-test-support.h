/* cli-test-support.h — what the tests of overture-cli share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "csv-test-support.h"

G_BEGIN_DECLS

/* A folder of its own and the name of a database in it, for g_test_add(). */
typedef struct
{
  char *dir;
  char *db;
} Fixture;

void  fixture_set_up    (Fixture       *fixture,
                         gconstpointer  data);
void  fixture_tear_down (Fixture       *fixture,
                         gconstpointer  data);

#define CLI_TEST_ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

/* g_test_init(), and what every test of overture-cli runs with: a fixed
 * "today" and a UTF-8 locale. */
void  cli_test_init     (int           *argc,
                         char        ***argv);

/* A file of that folder. */
char *path_in           (Fixture       *fixture,
                         const char    *name);
void  write_file        (const char    *path,
                         const char    *text);
char *read_file         (const char    *path);

/* Runs overture-cli with the arguments (NULL-terminated); returns its exit
 * status, and what it wrote in *@out and *@err (replacing what they held)
 * unless they are NULL. */
int   run_cli           (char         **out,
                         char         **err,
                         const char    *first,
                         ...) G_GNUC_NULL_TERMINATED;

/* Everything the database at @path holds, as text. */
char *dump_db           (const char    *path);

G_END_DECLS
