/* ov-importer.c — CSV files into the portfolio, all or nothing, undoable
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import reads the file once, streaming, inside one transaction. Every
 * row is checked and written; by default one rejected row rolls everything
 * back, so either the whole file is in or nothing changed (skip_invalid
 * keeps the good rows instead). Each import is recorded as a batch that
 * ov_store_undo_import() can take back.
 *
 * Numeric dates whose order a column has not proved yet make the import
 * start over once, after reading the date columns of the whole file.
 *
 * A preview is the same import, limited to the first rows, always rolled
 * back, with each row's outcome kept.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>
#include <string.h>

#include "ov-enum-types.h"
#include "ov-import-engine.h"
#include "ov-property.h"


G_DEFINE_FINAL_TYPE (OvImporter, ov_importer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_FILE,
  PROP_BYTES,
  PROP_SOURCE_NAME,
  PROP_DELIMITER,
  PROP_ENCODING,
  PROP_DATE_ORDER,
  PROP_SKIP_INVALID,
  PROP_DRY_RUN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const OvImportKindClass *
ov_import_kind_class (OvCsvKind kind)
{
  switch (kind)
    {
    case OV_CSV_KIND_ACCOUNTS:
      return &ov_import_accounts_class;
    case OV_CSV_KIND_PEOPLE:
      return &ov_import_people_class;
    case OV_CSV_KIND_TASKS:
      return &ov_import_tasks_class;
    case OV_CSV_KIND_METRICS:
      return &ov_import_metrics_class;
    case OV_CSV_KIND_MEETINGS:
      return &ov_import_meetings_class;
    case OV_CSV_KIND_PACKAGES:
      return &ov_import_packages_class;
    case OV_CSV_KIND_INTERVIEWS:
      return &ov_import_interviews_class;
    case OV_CSV_KIND_CONTENT:
      return &ov_import_content_class;
    case OV_CSV_KIND_COMPLETIONS:
      return &ov_import_completions_class;
    case OV_CSV_KIND_STAGE_EVENTS:
    default:
      return NULL;
    }
}

static void
ov_importer_finalize (GObject *object)
{
  OvImporter *self = (OvImporter *)object;

  g_clear_object (&self->file);
  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_pointer (&self->source_name, g_free);
  g_clear_pointer (&self->overrides, g_hash_table_unref);

  G_OBJECT_CLASS (ov_importer_parent_class)->finalize (object);
}

static void
ov_importer_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OvImporter *self = OV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_BYTES:
      g_value_set_boxed (value, self->bytes);
      break;
    case PROP_SOURCE_NAME:
      g_value_set_string (value, ov_importer_get_source_name (self));
      break;
    case PROP_DELIMITER:
      g_value_set_uint (value, (guchar)self->delimiter);
      break;
    case PROP_ENCODING:
      g_value_set_enum (value, self->encoding);
      break;
    case PROP_DATE_ORDER:
      g_value_set_enum (value, self->date_order);
      break;
    case PROP_SKIP_INVALID:
      g_value_set_boolean (value, self->skip_invalid);
      break;
    case PROP_DRY_RUN:
      g_value_set_boolean (value, self->dry_run);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_importer_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OvImporter *self = OV_IMPORTER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_FILE:
      self->file = g_value_dup_object (value);
      break;
    case PROP_BYTES:
      self->bytes = g_value_dup_boxed (value);
      break;
    case PROP_SOURCE_NAME:
      self->source_name = g_value_dup_string (value);
      break;
    case PROP_DELIMITER:
      ov_importer_set_delimiter (self, (char)g_value_get_uint (value));
      break;
    case PROP_ENCODING:
      ov_importer_set_encoding (self, g_value_get_enum (value));
      break;
    case PROP_DATE_ORDER:
      ov_importer_set_date_order (self, g_value_get_enum (value));
      break;
    case PROP_SKIP_INVALID:
      ov_importer_set_skip_invalid (self, g_value_get_boolean (value));
      break;
    case PROP_DRY_RUN:
      ov_importer_set_dry_run (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_importer_class_init (OvImporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_importer_finalize;
  object_class->get_property = ov_importer_get_property;
  object_class->set_property = ov_importer_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OV_TYPE_CSV_KIND, OV_CSV_KIND_ACCOUNTS, construct);
  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE, construct);
  properties[PROP_BYTES] =
    g_param_spec_boxed ("bytes", NULL, NULL, G_TYPE_BYTES, construct);
  properties[PROP_SOURCE_NAME] =
    g_param_spec_string ("source-name", NULL, NULL, NULL, construct);
  /* 0: detect */
  properties[PROP_DELIMITER] =
    g_param_spec_uint ("delimiter", NULL, NULL, 0, 127, 0, rw);
  properties[PROP_ENCODING] =
    g_param_spec_enum ("encoding", NULL, NULL, OV_TYPE_CSV_ENCODING, OV_CSV_ENCODING_AUTO, rw);
  properties[PROP_DATE_ORDER] =
    g_param_spec_enum ("date-order", NULL, NULL, OV_TYPE_DATE_ORDER, OV_DATE_ORDER_AUTO, rw);
  properties[PROP_SKIP_INVALID] =
    g_param_spec_boolean ("skip-invalid", NULL, NULL, FALSE, rw);
  properties[PROP_DRY_RUN] =
    g_param_spec_boolean ("dry-run", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_importer_init (OvImporter *self)
{
  self->overrides = g_hash_table_new_full (NULL, NULL, NULL, g_free);
}

/**
 * ov_importer_new_for_file:
 * @kind: what the file holds; not %OV_CSV_KIND_STAGE_EVENTS
 * @file: the CSV file
 *
 * Returns: (transfer full): an importer; set its options, then call
 *   ov_importer_preview() or ov_importer_run().
 */
OvImporter *
ov_importer_new_for_file (OvCsvKind  kind,
                          GFile     *file)
{
  g_return_val_if_fail (ov_csv_kind_can_import (kind), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  return g_object_new (OV_TYPE_IMPORTER, "kind", kind, "file", file, NULL);
}

/**
 * ov_importer_new_for_bytes:
 * @kind: what the text holds
 * @bytes: CSV text
 * @source_name: (nullable): what to call it in messages and in the batch
 */
OvImporter *
ov_importer_new_for_bytes (OvCsvKind   kind,
                           GBytes     *bytes,
                           const char *source_name)
{
  g_return_val_if_fail (ov_csv_kind_can_import (kind), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);

  return g_object_new (OV_TYPE_IMPORTER,
                       "kind", kind,
                       "bytes", bytes,
                       "source-name", source_name,
                       NULL);
}

OvCsvKind
ov_importer_get_kind (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), OV_CSV_KIND_ACCOUNTS);

  return self->kind;
}

/* The file's name (or the name given with the bytes). */
const char *
ov_importer_get_source_name (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), NULL);

  if (self->source_name == NULL && self->file != NULL)
    self->source_name = g_file_get_basename (self->file);

  return self->source_name ? self->source_name : "";
}

char
ov_importer_get_delimiter (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), 0);

  return self->delimiter;
}

/* `,` `;` TAB or `|`; 0 detects it from the header line. */
void
ov_importer_set_delimiter (OvImporter *self,
                           char        delimiter)
{
  g_return_if_fail (OV_IS_IMPORTER (self));
  g_return_if_fail (delimiter >= 0 && delimiter != '"' && delimiter != '\r' && delimiter != '\n');

  if (self->delimiter == delimiter)
    return;

  self->delimiter = delimiter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

OvCsvEncoding
ov_importer_get_encoding (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), OV_CSV_ENCODING_AUTO);

  return self->encoding;
}

void
ov_importer_set_encoding (OvImporter    *self,
                          OvCsvEncoding  encoding)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  if (self->encoding == encoding)
    return;

  self->encoding = encoding;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENCODING]);
}

OvDateOrder
ov_importer_get_date_order (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), OV_DATE_ORDER_AUTO);

  return self->date_order;
}

/* How to read numeric dates in every date column; AUTO decides per column
 * and refuses a column that never tells. */
void
ov_importer_set_date_order (OvImporter  *self,
                            OvDateOrder  order)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  if (self->date_order == order)
    return;

  self->date_order = order;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE_ORDER]);
}

gboolean
ov_importer_get_skip_invalid (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), FALSE);

  return self->skip_invalid;
}

/* Import the valid rows and report the rest, instead of refusing all. */
void
ov_importer_set_skip_invalid (OvImporter *self,
                              gboolean    skip_invalid)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  ov_property_set_boolean (G_OBJECT (self), &self->skip_invalid, skip_invalid, properties[PROP_SKIP_INVALID]);
}

gboolean
ov_importer_get_dry_run (OvImporter *self)
{
  g_return_val_if_fail (OV_IS_IMPORTER (self), FALSE);

  return self->dry_run;
}

/* Check everything and count, but change nothing. */
void
ov_importer_set_dry_run (OvImporter *self,
                         gboolean    dry_run)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  ov_property_set_boolean (G_OBJECT (self), &self->dry_run, dry_run, properties[PROP_DRY_RUN]);
}

/**
 * ov_importer_set_column_field:
 * @column: the column's position in the file, from 0
 * @field: (nullable): the canonical name of the field it fills (see
 *   ov_csv_kind_get_fields()), or %NULL to ignore the column
 *
 * Overrides the mapping found from the column's name.
 */
void
ov_importer_set_column_field (OvImporter *self,
                              guint       column,
                              const char *field)
{
  g_return_if_fail (OV_IS_IMPORTER (self));
  g_return_if_fail (field == NULL || ov_csv_kind_find_field (self->kind, field) >= 0);

  g_hash_table_insert (self->overrides, GUINT_TO_POINTER (column + 1),
                       g_strdup (field ? field : ""));
}

/* Back to the mapping found from the column's name. */
void
ov_importer_reset_column_field (OvImporter *self,
                                guint       column)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  g_hash_table_remove (self->overrides, GUINT_TO_POINTER (column + 1));
}

void
ov_importer_set_before_transaction (OvImporter     *self,
                                    OvImporterHook  hook,
                                    gpointer        data)
{
  g_return_if_fail (OV_IS_IMPORTER (self));

  self->before_transaction = hook;
  self->before_transaction_data = data;
}

/**
 * ov_importer_run:
 * @store: the database, used from this thread only
 * @progress: (nullable) (scope call): told how far the import has come
 * @cancellable: (nullable): cancelling rolls everything back
 *
 * Imports the file. Nothing changes when any row is rejected (unless
 * skip-invalid is set), when the file itself cannot be read as CSV (a quote
 * never closed, say), or in a dry run.
 *
 * Returns: (transfer full): what was done, or would have been, and every
 *   problem found; %NULL with @error set when the file cannot be opened,
 *   the database fails, or @cancellable is cancelled.
 */
OvImportResult *
ov_importer_run (OvImporter     *self,
                 OvStore        *store,
                 OvProgressFunc  progress_func,
                 gpointer        progress_data,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(OvImportRun) run = NULL;
  Progress progress = { progress_func, progress_data, 0, -1 };
  gboolean applied;

  g_return_val_if_fail (OV_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  run = ov_import_run_new (self, store, cancellable);
  if (!ov_import_engine_run (self, run, NULL, &progress, &applied, error))
    return NULL;

  ov_import_report_progress (&progress, run->reader, TRUE);

  if (applied && (run->n_created > 0 || run->n_updated > 0))
    ov_import_emit_changed (store, self->kind, run->n_packages_created > 0);

  return ov_import_make_result (run, applied);
}

/**
 * ov_importer_preview:
 * @store: the database, used from this thread only; nothing is changed
 * @max_rows: how many rows to look at
 *
 * Runs the import over the first @max_rows rows and rolls it back, keeping
 * the mapping, the rows and what would happen to each. The importer's
 * dry-run and skip-invalid settings do not matter here.
 *
 * Returns: (transfer full): the preview; %NULL with @error set when the
 *   file cannot be opened or the database fails.
 */
OvImportPreview *
ov_importer_preview (OvImporter    *self,
                     OvStore       *store,
                     guint          max_rows,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(OvImportRun) run = NULL;
  g_autoptr(OvImportPreview) preview = NULL;
  g_autoptr(OvImportResult) result = NULL;
  gboolean applied;

  g_return_val_if_fail (OV_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (OV_IS_STORE (store), NULL);
  g_return_val_if_fail (max_rows > 0, NULL);

  run = ov_import_run_new (self, store, cancellable);
  run->dry_run = TRUE;
  run->max_rows = max_rows;

  if (!ov_import_engine_run (self, run, &preview, NULL, &applied, error))
    return NULL;

  if (preview == NULL)
    {
      /* Not even the header could be read. */
      preview = ov_import_preview_new (self->kind,
                                       run->reader ? ov_csv_reader_get_delimiter (run->reader) : 0,
                                       run->reader ? ov_csv_reader_get_encoding (run->reader)
                                                   : OV_CSV_ENCODING_AUTO,
                                       0);
    }

  /* The file's own problems; the rows carry theirs. */
  for (guint i = 0; i < run->problems->len; i++)
    {
      const OvCsvProblem *problem = g_ptr_array_index (run->problems, i);

      if (problem->code == OV_CSV_ERROR_COLUMN)
        ov_import_preview_add_problem (preview, problem);
    }
  if (run->reader != NULL && ov_csv_reader_get_fatal_problem (run->reader) != NULL)
    ov_import_preview_add_problem (preview, ov_csv_reader_get_fatal_problem (run->reader));

  result = ov_import_make_result (run, FALSE);
  ov_import_preview_set_result (preview, result);

  return g_steal_pointer (&preview);
}

typedef struct
{
  OvStore         *store;
  OvProgressRelay *relay;
} AsyncData;

static void
async_data_free (gpointer data)
{
  AsyncData *async = data;

  g_clear_object (&async->store);
  g_clear_pointer (&async->relay, ov_progress_relay_unref);
  g_free (async);
}

static void
run_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  OvImporter *self = source_object;
  AsyncData *async = task_data;
  g_autoptr(OvStore) connection = NULL;
  g_autoptr(GError) error = NULL;
  OvImportResult *result;

  connection = ov_store_open_another (async->store, &error);
  if (connection == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Progress is reported in the thread that started the import. */
  result = ov_importer_run (self, connection, ov_progress_relay_report, async->relay,
                            cancellable, &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, g_object_unref);
}

/**
 * ov_importer_run_async:
 * @store: the database; the import opens its own connection to it in a
 *   worker thread
 * @progress: (nullable) (scope notified): called in the thread-default main
 *   context of the caller
 *
 * Runs ov_importer_run() in a thread. Do not change the importer until
 * @callback has run. The store's "changed" signal is emitted from
 * ov_importer_run_finish() when something was imported.
 */
void
ov_importer_run_async (OvImporter          *self,
                       OvStore             *store,
                       OvProgressFunc       progress,
                       gpointer             progress_data,
                       GDestroyNotify       progress_data_destroy,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncData *async;

  g_return_if_fail (OV_IS_IMPORTER (self));
  g_return_if_fail (OV_IS_STORE (store));

  async = g_new0 (AsyncData, 1);
  async->store = g_object_ref (store);
  async->relay = ov_progress_relay_new (progress, progress_data, progress_data_destroy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_importer_run_async);
  g_task_set_task_data (task, async, async_data_free);
  g_task_run_in_thread (task, run_in_thread);
}

OvImportResult *
ov_importer_run_finish (OvImporter    *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  OvImportResult *import_result;
  AsyncData *async;

  g_return_val_if_fail (OV_IS_IMPORTER (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  import_result = g_task_propagate_pointer (G_TASK (result), error);
  async = g_task_get_task_data (G_TASK (result));

  if (import_result != NULL && ov_import_result_get_applied (import_result) &&
      (ov_import_result_get_n_created (import_result) > 0 ||
       ov_import_result_get_n_updated (import_result) > 0))
    ov_import_emit_changed (async->store, self->kind,
                            ov_import_result_get_n_packages_created (import_result) > 0);

  return import_result;
}
