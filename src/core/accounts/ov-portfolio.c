/* ov-portfolio.c — opening the portfolio: the file checked, migrated when
 * it must be, and every account read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening checks the file and may migrate it, and reading 100,000 accounts
 * takes a moment: neither belongs on a main loop, so all of it runs in a
 * worker. An up-to-date file is opened with its check of every page left
 * for later (OV_STORE_OPEN_CHECK_LATER), and the accounts are read through a
 * connection that only reads: the portfolio is shown without waiting for
 * the check, which takes several times longer than the reading, while no
 * write reaches the file before the check passed. The check begins once
 * the accounts are read (OV_STORE_OPEN_CHECK_DEFERRED), so that it does
 * not take a processor from the reading. ov_portfolio_settle_async() then
 * waits for the check off the main loop (which begins it), says when it
 * failed, and does what the opening left for later (the purge of deleted
 * rows). A new
 * file, or an older one to migrate, takes the plain sequential way, checked
 * first. With a store already open, a second connection only reads the
 * accounts again.
 */

#define G_LOG_DOMAIN "ov-portfolio"

#include "config.h"

#include "ov-memory.h"
#include "ov-portfolio.h"
#include "ov-store-accounts.h"
#include "ov-store-job.h"

typedef struct
{
  char                   *path;
  OvStore                *existing;
  OvPortfolioLoadOptions  options;
  OvStore                *store;      /* the result: the connection that may write */
  GPtrArray              *accounts;   /* the result */
  /* Whether the read saw accounts to purge: the purge then need not
   * scan the table to find none. */
  gboolean                purge_accounts;
  /* The purge is left for ov_portfolio_settle_async(), after the check. */
  gboolean                purge_later;
} Load;

static void
load_free (Load *load)
{
  g_free (load->path);
  g_clear_object (&load->existing);
  g_clear_object (&load->store);
  g_clear_pointer (&load->accounts, g_ptr_array_unref);
  g_free (load);
}

/* A write killed midway (a CSV import) leaves a journal that only a
 * read-write open replays: such a file takes the plain way in. */
static gboolean
has_rollback_journal (const char *path)
{
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);

  return g_file_test (journal, G_FILE_TEST_EXISTS);
}

static GPtrArray *
read_accounts (OvStore  *store,
               Load     *load,
               GError  **error)
{
  GPtrArray *accounts;

  if (load->options.purge_before > 0)
    accounts = ov_store_list_accounts_noting_purge (store, load->options.purge_before,
                                                    &load->purge_accounts, error);
  else
    accounts = ov_store_list_accounts (store, error);

  /* Search keys and the sort: the slow part of showing them, done here. */
  if (accounts != NULL)
    ov_account_list_prepare (accounts, load->options.sort_key, load->options.descending);

  return accounts;
}

/* The connection that may write. Soft-deleted accounts whose Undo ended
 * with an earlier run of the app go now. */
static OvStore *
open_writer (Load              *load,
             OvStoreOpenFlags   flags,
             GError           **error)
{
  g_autoptr(OvStore) store = ov_store_open_full (load->path, flags, error);

  if (store == NULL ||
      (load->options.purge_before > 0 &&
       !ov_store_purge_deleted_full (store, load->options.purge_before, load->purge_accounts,
                                     error)))
    return NULL;

  return g_steal_pointer (&store);
}

static gboolean
load_current (Load    *load,
              GError **error)
{
  g_autoptr(OvStore) reader = NULL;
  g_autoptr(GError) read_error = NULL;

  /* The writer first: its opening sets the check up. The check begins
   * once the accounts are read, when ov_portfolio_settle_async() (or a
   * damaged read) waits for it: until then the reading has the processor
   * to itself. */
  load->store = ov_store_open_full (load->path,
                                    OV_STORE_OPEN_CHECK_LATER | OV_STORE_OPEN_CHECK_DEFERRED,
                                    error);
  if (load->store == NULL)
    return FALSE;

  reader = ov_store_open_full (load->path, OV_STORE_OPEN_READ_ONLY | OV_STORE_OPEN_VERIFIED,
                               &read_error);
  if (reader != NULL)
    load->accounts = read_accounts (reader, load, &read_error);
  g_clear_object (&reader);

  /* A damaged file says so, whatever the read made of it. */
  if (read_error != NULL)
    {
      if (ov_store_wait_checked (load->store, error))
        g_propagate_error (error, g_steal_pointer (&read_error));
      return FALSE;
    }

  load->purge_later = load->options.purge_before > 0;
  return TRUE;
}

static void
load_worker (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(OvStore) reader = NULL;
  g_autoptr(GError) error = NULL;
  int version = 0;
  gboolean ok;

  if (load->existing != NULL)
    {
      reader = ov_store_open_another (load->existing, &error);
      ok = reader != NULL && (load->accounts = read_accounts (reader, load, &error)) != NULL;
    }
  else if (!has_rollback_journal (load->path) &&
           ov_store_verify (load->path, &version, FALSE, &error) &&
           version == ov_store_get_latest_version ())
    {
      ok = load_current (load, &error);
    }
  else if (error == NULL)
    {
      /* New, or older and to be migrated: purged before it is read. */
      load->purge_accounts = TRUE;
      load->store = open_writer (load, OV_STORE_OPEN_DEFAULT, &error);
      ok = load->store != NULL &&
           (load->accounts = read_accounts (load->store, load, &error)) != NULL;
    }
  else
    {
      ok = FALSE;
    }

  if (!ok)
    {
      g_clear_pointer (&load->accounts, g_ptr_array_unref);
      g_clear_object (&load->store);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* What the reading and sorting used and freed goes back now. */
  ov_memory_give_back ();
  g_task_return_boolean (task, TRUE);
}

/**
 * ov_portfolio_load_async:
 * @path: the database file
 * @existing: (nullable): the store already open on it: then the accounts
 *   are only read again, through a connection of their own
 * @source_object: (nullable): the caller, the task's source object
 *
 * Opens the portfolio at @path (see the top of this file) and reads every
 * account, prepared for @options' sort.
 */
void
ov_portfolio_load_async (const char                   *path,
                         OvStore                      *existing,
                         const OvPortfolioLoadOptions *options,
                         gpointer                      source_object,
                         GCancellable                 *cancellable,
                         GAsyncReadyCallback           callback,
                         gpointer                      user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (path != NULL);
  g_return_if_fail (existing == NULL || OV_IS_STORE (existing));
  g_return_if_fail (options != NULL);

  load = g_new0 (Load, 1);
  load->path = g_strdup (path);
  load->existing = existing != NULL ? g_object_ref (existing) : NULL;
  load->options = *options;

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_portfolio_load_async);
  g_task_set_task_data (task, load, (GDestroyNotify)load_free);
  g_task_run_in_thread (task, load_worker);
}

/**
 * ov_portfolio_load_finish:
 * @store: (out) (transfer full) (optional): the connection that may write;
 *   %NULL when the load was given an existing store
 *
 * Returns: (transfer full) (element-type OvAccount): the accounts, or %NULL
 *   with @error set
 */
GPtrArray *
ov_portfolio_load_finish (GAsyncResult  *result,
                          OvStore      **store,
                          GError       **error)
{
  Load *load;

  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ov_portfolio_load_async, NULL);

  if (store != NULL)
    *store = NULL;
  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  load = g_task_get_task_data (G_TASK (result));
  /* The load keeps a reference too, for ov_portfolio_settle_async(). */
  if (store != NULL)
    *store = load->store != NULL ? g_object_ref (load->store) : NULL;
  return g_steal_pointer (&load->accounts);
}

/**
 * ov_portfolio_load_get_order:
 * @result: a load that ov_portfolio_load_finish() took the accounts of
 *
 * The order the load sorted the accounts in: its options' sort key and
 * direction (see ov_account_list_take_accounts()).
 */
void
ov_portfolio_load_get_order (GAsyncResult     *result,
                             OvAccountSortKey *key,
                             gboolean         *descending)
{
  Load *load;

  g_return_if_fail (G_IS_TASK (result));
  g_return_if_fail (g_task_get_source_tag (G_TASK (result)) == ov_portfolio_load_async);

  load = g_task_get_task_data (G_TASK (result));
  *key = load->options.sort_key;
  *descending = load->options.descending;
}

static gboolean
settle_job (OvStore         *connection,
            gpointer         data,
            OvProgressFunc   progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Load *load = data;
  g_autoptr(GError) purge_error = NULL;

  /* The connection shares the opening's check (see ov_store_open_another()). */
  if (!ov_store_wait_checked (connection, error))
    return FALSE;

  /* A file found sound is not refused for a purge that failed (another
   * program holding it, say): the next start purges. */
  if (load->purge_later &&
      !ov_store_purge_deleted_full (connection, load->options.purge_before, load->purge_accounts,
                                    &purge_error))
    g_message ("Deleted rows were not purged: %s", purge_error->message);

  /* What the check's and the purge's threads used goes back too. */
  ov_memory_give_back ();
  return TRUE;
}

static void
settle_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (ov_store_run_finish (result, NULL, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * ov_portfolio_settle_async:
 * @loaded: the result ov_portfolio_load_finish() was given, with a store
 * @source_object: (nullable): the caller, the task's source object
 *
 * After a successful load that opened a store: waits, in a worker, for the
 * check of the file that the load left running, then does what the opening
 * left for later (removing rows deleted before the options' purge_before).
 * Finishes with the check's error (%OV_STORE_ERROR_CORRUPT for a damaged
 * file) when it failed: nothing was written to the file then.
 */
void
ov_portfolio_settle_async (GAsyncResult        *loaded,
                           gpointer             source_object,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Load *load;

  g_return_if_fail (G_IS_TASK (loaded));
  g_return_if_fail (g_task_get_source_tag (G_TASK (loaded)) == ov_portfolio_load_async);

  load = g_task_get_task_data (G_TASK (loaded));
  g_return_if_fail (load->store != NULL);

  task = g_task_new (source_object, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_portfolio_settle_async);
  /* The load's data stays with its result, which the task holds. */
  g_task_set_task_data (task, g_object_ref (loaded), g_object_unref);
  ov_store_run_async (load->store, source_object, settle_job, load, NULL, NULL, NULL,
                      cancellable, settle_done_cb, g_steal_pointer (&task));
}

/**
 * ov_portfolio_settle_finish:
 *
 * Returns: %FALSE with @error set when the file was found damaged (or
 *   could not be checked), or the call was cancelled; a purge that failed
 *   on a sound file is only logged, and tried again at the next start
 */
gboolean
ov_portfolio_settle_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ov_portfolio_settle_async,
                        FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
