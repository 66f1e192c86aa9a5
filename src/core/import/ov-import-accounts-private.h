/* ov-import-accounts-private.h — what the accounts import's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-import-accounts.c        a row: its account found, created or updated
 * ov-import-accounts-read.c   a row's cells read into its values, and checked
 * ov-import-accounts-links.c  its package, and the day the account churned
 * ov-import-accounts-index.c  the stored accounts of a re-import, in memory
 * ov-import-accounts-create.c new accounts, written in batches by a thread
 * ov-import-accounts-update.c an account read, the row laid over it, the
 *                             changed columns written
 * ov-import-accounts-backup.c what the updates replace, kept for undo
 */

#pragma once

#include "ov-import-private.h"
#include "ov-money.h"

G_BEGIN_DECLS

#define N_DATES 4
#define GIVEN(values, field) ((((values)->given) >> (field)) & 1)
#define SET_GIVEN(values, field) ((values)->given |= 1u << (field))

typedef struct
{
  OvSlice  text[N_ACCOUNT_FIELDS];   /* for the text fields, the currency and the dates */
  gint64   arr_cents;
  /* The package the package text names: 0 for none, and for one that is
   * not made yet (package_new). */
  gint64   package_id;
  int      stage;
  int      status;
  OvDate   dates[N_DATES];
  OvDate   churned_on;
  OvDate   stage_entered_on;   /* OV_DATE_NONE: the import's day */
  guint32  given;
  gboolean package_new;
  /* churned_on came from its cell; given without, it follows the status */
  gboolean churned_on_written;
  char     currency[4];
} AccountValues;

/* Stored dates repeat: the pass over the table reads each text once. */
#define DATE_CACHE_SIZE 4096

typedef struct
{
  char   text[11];
  OvDate date;
} CachedDate;

#define ALL_FIELDS ((1u << N_ACCOUNT_FIELDS) - 1)

/* Statements of many rows: the row's parameters 64 times. */
#define TIMES_2(x) x ", " x
#define TIMES_64(x) TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (TIMES_2 (x))))))

/* The columns of the fields, in their order (ov-import-accounts-update.c). */
extern const char * const ov_import_accounts_columns[N_ACCOUNT_FIELDS];

/* The columns of the update's read of an account after the fields. */
#define SELECT_PACKAGE_ID N_ACCOUNT_FIELDS
#define SELECT_UPDATED_AT (N_ACCOUNT_FIELDS + 1)
#define SELECT_VERSION    (N_ACCOUNT_FIELDS + 2)

/* Parameters beyond the fields' (field + 1): the package's id, bound by
 * ov_import_accounts_bind_values() too. */
#define PARAM_PACKAGE_ID  (N_ACCOUNT_FIELDS + 1)

/* ov-import-accounts-read.c */
void ov_import_accounts_read_values (OvImportRun   *run,
                                    AccountValues *values);
void ov_import_accounts_keep_iso_texts (OvImportRun   *run,
                                       AccountValues *values);
void ov_import_accounts_check_dates (OvImportRun   *run,
                                    AccountValues *merged);

/* ov-import-accounts.c */
void ov_import_accounts_bind_values (sqlite3_stmt        *stmt,
                                    int                  base,
                                    const AccountValues *values);
void ov_import_accounts_reject_duplicate_id (OvImportRun   *run,
                                            AccountValues *values);
/* ov-import-accounts-links.c */
void ov_import_accounts_read_links (OvImportRun   *run,
                                   AccountValues *values);
gboolean ov_import_accounts_find_package (OvImportRun    *run,
                                         AccountValues  *values,
                                         GError        **error);
void ov_import_accounts_settle_churn (OvImportRun         *run,
                                     const AccountValues *values,
                                     const AccountValues *stored,
                                     AccountValues       *merged);
gboolean ov_import_accounts_make_package (OvImportRun    *run,
                                         AccountValues  *values,
                                         GError        **error);

/* ov-import-accounts-index.c */
gboolean ov_import_accounts_prepare (OvImportRun  *run,
                                    GError      **error);
gboolean ov_import_accounts_confirm_index (OvImportRun  *run,
                                          GError      **error);
gboolean ov_import_accounts_unchanged_in_index (OvImportRun         *run,
                                               const AccountValues *values,
                                               gint64              *guess);

/* ov-import-accounts-create.c */
gboolean ov_import_accounts_drain (OvImportRun  *run,
                                  GError      **error);
gboolean ov_import_accounts_finish (OvImportRun  *run,
                                   GError      **error);
gboolean ov_import_accounts_create_account (OvImportRun     *run,
                                           AccountValues   *values,
                                           OvImportAction  *action,
                                           GError         **error);

/* ov-import-accounts-update.c */
void ov_import_accounts_read_stored (OvImportRun   *run,
                                    sqlite3_stmt  *stmt,
                                    guint32        fields,
                                    gboolean       copy,
                                    CachedDate    *dates,
                                    AccountValues *stored);
gboolean ov_import_accounts_load (OvImportRun    *run,
                                 gint64          id,
                                 AccountValues  *stored,
                                 sqlite3_stmt  **row,
                                 GError        **error);
gboolean ov_import_accounts_update (OvImportRun          *run,
                                   AccountValues        *values,
                                   gint64                id,
                                   const AccountValues  *loaded,
                                   sqlite3_stmt         *row,
                                   OvImportAction       *action,
                                   GError              **error);

/* ov-import-accounts-backup.c */
gboolean ov_import_accounts_flush_backups (OvImportRun  *run,
                                          GError      **error);
gboolean ov_import_accounts_backup (OvImportRun   *run,
                                   sqlite3_stmt  *row,
                                   gint64         id,
                                   gboolean       now,
                                   GError       **error);

G_END_DECLS
