/* ov-cli.h — shared pieces of overture-cli's commands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-core.h"

G_BEGIN_DECLS

/* Exit statuses: the interface scripts rely on. */
#define OV_CLI_OK      0
#define OV_CLI_REFUSED 1
#define OV_CLI_USAGE   2

typedef struct
{
  const char *db_path;    /* from --db, or NULL for the default */
  const char *command;
} OvCliContext;

typedef int (*OvCliCommand) (OvCliContext *context,
                             int           argc,
                             char        **argv);

OvStore *ov_cli_open_store   (OvCliContext     *context,
                              OvStoreOpenFlags  flags);
int      ov_cli_parse        (OvCliContext  *context,
                              GOptionEntry  *entries,
                              const char    *parameters,
                              const char    *summary,
                              int           *argc,
                              char        ***argv);
void     ov_cli_usage_error  (OvCliContext  *context,
                              const char    *format,
                              ...) G_GNUC_PRINTF (2, 3);

/* The date option --@option gave as @text (NULL: none, OV_DATE_NONE);
 * FALSE, with the usage error printed, for text that is not a date. */
gboolean ov_cli_parse_date   (OvCliContext  *context,
                              const char    *option,
                              const char    *text,
                              OvDate        *date);

/* Anything that quotes a file, or what a file filled in, goes through
 * these: control characters are shown escaped, never sent raw. */
char    *ov_cli_escape       (const char    *text);
void     ov_cli_printerr     (const char    *format,
                              ...) G_GNUC_PRINTF (1, 2);
void     ov_cli_print        (const char    *format,
                              ...) G_GNUC_PRINTF (1, 2);

int      ov_cli_sample       (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_check        (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_stats        (OvCliContext  *context,
                              int            argc,
                              char         **argv);

/* An account's review report as PDF (ov-cli-report.c) */
int      ov_cli_report       (OvCliContext  *context,
                              int            argc,
                              char         **argv);

/* The listening interview (ov-cli-interviews.c) */
int      ov_cli_questions    (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_answers      (OvCliContext  *context,
                              int            argc,
                              char         **argv);

/* CSV in and out (ov-cli-csv.c) */
int      ov_cli_import       (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_export       (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_undo_import  (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_generate     (OvCliContext  *context,
                              int            argc,
                              char         **argv);

/* Insights (ov-cli-insights.c) */
int      ov_cli_insights     (OvCliContext  *context,
                              int            argc,
                              char         **argv);
int      ov_cli_chart        (OvCliContext  *context,
                              int            argc,
                              char         **argv);

/* Playbooks as JSON (ov-cli-playbooks.c), reached through import and
 * export */
gboolean ov_cli_names_playbooks  (int            argc,
                                  char         **argv);
int      ov_cli_import_playbooks (OvCliContext  *context,
                                  int            argc,
                                  char         **argv);
int      ov_cli_export_playbooks (OvCliContext  *context,
                                  int            argc,
                                  char         **argv);

G_END_DECLS
