/* ov-exporter.c — the portfolio as CSV for spreadsheets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The columns are the canonical ones of ov-csv-columns.c, so an exported
 * file imports back unchanged. Stages and statuses are written by id
 * ("adopt", "active"), amounts as plain decimals, dates as ISO 8601.
 *
 * A file is written beside its destination under a temporary name and
 * renamed over it at the end (see ov_csv_replace_begin()).
 */

#define G_LOG_DOMAIN "ov-export"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-columns.h"
#include "ov-csv-writer.h"
#include "ov-enum-types.h"
#include "ov-exporter.h"
#include "ov-package-services.h"
#include "ov-property.h"
#include "ov-stage.h"
#include "ov-store-rows.h"

struct _OvExporter
{
  GObject    parent_instance;

  OvCsvKind  kind;
  char       delimiter;
  gboolean   excel;
  guint64    n_rows;
};

G_DEFINE_FINAL_TYPE (OvExporter, ov_exporter, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DELIMITER,
  PROP_EXCEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* How each column of a kind is written. */
typedef enum
{
  COLUMN_TEXT,
  COLUMN_CENTS,
  COLUMN_NUMBER,
  COLUMN_STAGE,
  COLUMN_STATUS,
  COLUMN_SIDE,
  COLUMN_BOOLEAN,
  COLUMN_SERVICES,   /* the services' bits, and in the next column the rest */
} ColumnKind;

static const ColumnKind account_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_CENTS, COLUMN_TEXT,
  COLUMN_STAGE, COLUMN_STATUS, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
};

static const ColumnKind person_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_SIDE, COLUMN_TEXT,
};

static const ColumnKind task_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_STAGE, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
  COLUMN_TEXT,
};

static const ColumnKind metric_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_NUMBER, COLUMN_TEXT, COLUMN_BOOLEAN, COLUMN_TEXT,
};

static const ColumnKind meeting_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_BOOLEAN, COLUMN_TEXT, COLUMN_TEXT,
};

static const ColumnKind package_columns[] = {
  COLUMN_TEXT, COLUMN_CENTS, COLUMN_TEXT, COLUMN_SERVICES,
};

static const ColumnKind interview_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
};

static const ColumnKind content_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_STAGE, COLUMN_TEXT, COLUMN_NUMBER,
};

static const ColumnKind completion_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT, COLUMN_NUMBER, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
};

static const ColumnKind stage_event_columns[] = {
  COLUMN_TEXT, COLUMN_TEXT, COLUMN_STAGE, COLUMN_STAGE, COLUMN_TEXT, COLUMN_TEXT, COLUMN_TEXT,
};

/* The columns of each kind, as ov_store_export_rows() gives them. */
static const struct
{
  const ColumnKind *kinds;
  guint             n_columns;
} columns[] = {
  [OV_CSV_KIND_ACCOUNTS] = { account_columns, G_N_ELEMENTS (account_columns) },
  [OV_CSV_KIND_PEOPLE] = { person_columns, G_N_ELEMENTS (person_columns) },
  [OV_CSV_KIND_TASKS] = { task_columns, G_N_ELEMENTS (task_columns) },
  [OV_CSV_KIND_METRICS] = { metric_columns, G_N_ELEMENTS (metric_columns) },
  [OV_CSV_KIND_STAGE_EVENTS] = { stage_event_columns, G_N_ELEMENTS (stage_event_columns) },
  [OV_CSV_KIND_MEETINGS] = { meeting_columns, G_N_ELEMENTS (meeting_columns) },
  [OV_CSV_KIND_PACKAGES] = { package_columns, G_N_ELEMENTS (package_columns) },
  [OV_CSV_KIND_INTERVIEWS] = { interview_columns, G_N_ELEMENTS (interview_columns) },
  [OV_CSV_KIND_CONTENT] = { content_columns, G_N_ELEMENTS (content_columns) },
  [OV_CSV_KIND_COMPLETIONS] = { completion_columns, G_N_ELEMENTS (completion_columns) },
};

static void
ov_exporter_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OvExporter *self = OV_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_DELIMITER:
      g_value_set_uint (value, (guchar)self->delimiter);
      break;
    case PROP_EXCEL:
      g_value_set_boolean (value, self->excel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_exporter_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OvExporter *self = OV_EXPORTER (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    case PROP_DELIMITER:
      ov_exporter_set_delimiter (self, (char)g_value_get_uint (value));
      break;
    case PROP_EXCEL:
      ov_exporter_set_excel (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_exporter_class_init (OvExporterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->get_property = ov_exporter_get_property;
  object_class->set_property = ov_exporter_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, OV_TYPE_CSV_KIND, OV_CSV_KIND_ACCOUNTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DELIMITER] =
    g_param_spec_uint ("delimiter", NULL, NULL, 1, 127, ',', rw);
  properties[PROP_EXCEL] =
    g_param_spec_boolean ("excel", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_exporter_init (OvExporter *self)
{
  self->delimiter = ',';
}

OvExporter *
ov_exporter_new (OvCsvKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (columns), NULL);

  return g_object_new (OV_TYPE_EXPORTER, "kind", kind, NULL);
}

OvCsvKind
ov_exporter_get_kind (OvExporter *self)
{
  g_return_val_if_fail (OV_IS_EXPORTER (self), OV_CSV_KIND_ACCOUNTS);

  return self->kind;
}

char
ov_exporter_get_delimiter (OvExporter *self)
{
  g_return_val_if_fail (OV_IS_EXPORTER (self), ',');

  return self->delimiter;
}

/* `,` by default; `;` for spreadsheets that write decimals with a comma. */
void
ov_exporter_set_delimiter (OvExporter *self,
                           char        delimiter)
{
  g_return_if_fail (OV_IS_EXPORTER (self));
  g_return_if_fail (delimiter > 0 && delimiter != '"' && delimiter != '\r' && delimiter != '\n' &&
                    delimiter != '\'');

  if (self->delimiter == delimiter)
    return;

  self->delimiter = delimiter;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DELIMITER]);
}

gboolean
ov_exporter_get_excel (OvExporter *self)
{
  g_return_val_if_fail (OV_IS_EXPORTER (self), FALSE);

  return self->excel;
}

/* Start the file with a UTF-8 byte order mark, without which Excel reads
 * it in the system's legacy encoding. */
void
ov_exporter_set_excel (OvExporter *self,
                       gboolean    excel)
{
  g_return_if_fail (OV_IS_EXPORTER (self));

  ov_property_set_boolean (G_OBJECT (self), &self->excel, excel, properties[PROP_EXCEL]);
}

/* Data rows written by the last export, without the header. */
guint64
ov_exporter_get_n_rows (OvExporter *self)
{
  g_return_val_if_fail (OV_IS_EXPORTER (self), 0);

  return self->n_rows;
}

/* The shortest text that reads back as the same double. */
static void
add_double (OvCsvWriter *writer,
            double       value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_ascii_formatd (buffer, sizeof buffer, "%.15g", value);
  if (g_ascii_strtod (buffer, NULL) != value)
    g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);

  ov_csv_writer_add_number (writer, buffer, -1);
}

/* Writes the column at @index; returns how many of the row's columns it
 * took. */
static guint
add_column (OvCsvWriter *writer,
            OvStoreRows *rows,
            guint        index,
            ColumnKind   kind)
{
  const char *text;
  gsize length;
  gint64 value;

  /* Text first: most columns are text, and NULL comes back as "". */
  if (kind == COLUMN_TEXT)
    {
      text = ov_store_rows_get_text (rows, index, &length);
      ov_csv_writer_add_text (writer, text, length);
      return 1;
    }

  if (kind == COLUMN_SERVICES)
    {
      g_autofree char *services = NULL;

      text = ov_store_rows_get_text (rows, index + 1, &length);
      services = ov_package_services_format (ov_store_rows_get_int (rows, index) &
                                             OV_PACKAGE_SERVICES_ALL, text);
      ov_csv_writer_add_text (writer, services, -1);
      return 2;
    }

  if (ov_store_rows_is_null (rows, index))
    {
      ov_csv_writer_add_text (writer, "", 0);
      return 1;
    }

  value = ov_store_rows_get_int (rows, index);
  switch (kind)
    {
    case COLUMN_CENTS:
      ov_csv_writer_add_cents (writer, value);
      break;
    case COLUMN_NUMBER:
      add_double (writer, ov_store_rows_get_double (rows, index));
      break;
    case COLUMN_STAGE:
      ov_csv_writer_add_text (writer, ov_stage_is_valid (value) ? ov_stage_get_id (value) : "", -1);
      break;
    case COLUMN_STATUS:
      ov_csv_writer_add_text (writer,
                              ov_account_status_get_id (CLAMP (value, 0,
                                                               OV_N_ACCOUNT_STATUSES - 1)),
                              -1);
      break;
    case COLUMN_SIDE:
      ov_csv_writer_add_text (writer, value == OV_SIDE_CUSTOMER ? "customer" : "internal", -1);
      break;
    case COLUMN_BOOLEAN:
      ov_csv_writer_add_text (writer, value ? "yes" : "no", -1);
      break;
    case COLUMN_TEXT:
    case COLUMN_SERVICES:
    default:
      g_assert_not_reached ();
      break;
    }

  return 1;
}

/**
 * ov_exporter_write_stream:
 * @store: the database, used from this thread only
 * @stream: where the CSV goes; it is not closed
 * @progress: (nullable) (scope call): told how far the export has come
 *
 * Writes the header and one row per record, in one read transaction so the
 * file is a consistent snapshot.
 */
gboolean
ov_exporter_write_stream (OvExporter     *self,
                          OvStore        *store,
                          GOutputStream  *stream,
                          OvProgressFunc  progress,
                          gpointer        progress_data,
                          GCancellable   *cancellable,
                          GError        **error)
{
  g_autoptr(OvCsvWriter) writer = NULL;
  g_autoptr(OvStoreRows) rows = NULL;
  g_autoptr(GError) local_error = NULL;
  const OvCsvField *fields;
  gint64 total;
  guint64 n_rows = 0;
  guint n_fields;
  int last_percent = -1;

  g_return_val_if_fail (OV_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);

  self->n_rows = 0;
  fields = ov_csv_kind_get_fields (self->kind, &n_fields);
  writer = ov_csv_writer_new (stream, self->delimiter, self->excel);

  for (guint i = 0; i < n_fields; i++)
    if (!fields[i].import_only)
      ov_csv_writer_add_text (writer, fields[i].id, -1);
  if (!ov_csv_writer_end_row (writer, cancellable, error))
    return FALSE;

  rows = ov_store_export_rows (store, self->kind, progress != NULL, error);
  if (rows == NULL)
    return FALSE;
  total = ov_store_rows_get_total (rows);

  while (ov_store_rows_next (rows, &local_error))
    {
      for (guint i = 0, column = 0; i < columns[self->kind].n_columns; i++)
        column += add_column (writer, rows, column, columns[self->kind].kinds[i]);

      if (!ov_csv_writer_end_row (writer, cancellable, error))
        return FALSE;

      n_rows++;
      if ((n_rows & 1023) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;
          if (progress != NULL && total > 0 && (int)(n_rows * 100 / total) > last_percent)
            {
              last_percent = n_rows * 100 / total;
              progress (MIN (last_percent, 99) / 100.0, progress_data);
            }
        }
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_clear_pointer (&rows, ov_store_rows_free);

  if (!ov_csv_writer_flush (writer, cancellable, error))
    return FALSE;

  self->n_rows = n_rows;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;
}

/**
 * ov_exporter_write_file:
 * @file: the destination; replaced only once the export is complete
 *
 * Exports to a temporary file beside @file and renames it over @file. On
 * an error or when cancelled, @file is left as it was.
 */
gboolean
ov_exporter_write_file (OvExporter     *self,
                        OvStore        *store,
                        GFile          *file,
                        OvProgressFunc  progress,
                        gpointer        progress_data,
                        GCancellable   *cancellable,
                        GError        **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;

  g_return_val_if_fail (OV_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  stream = ov_csv_replace_begin (file, &temporary, cancellable, error);
  if (stream == NULL)
    return FALSE;

  if (!ov_exporter_write_stream (self, store, stream, progress, progress_data, cancellable,
                                 error))
    {
      ov_csv_replace_abandon (stream, temporary);
      return FALSE;
    }

  return ov_csv_replace_commit (stream, temporary, file, cancellable, error);
}

typedef struct
{
  OvStore         *store;
  GFile           *file;
  OvProgressRelay *relay;
} WriteData;

static void
write_data_free (gpointer data)
{
  WriteData *write = data;

  g_clear_object (&write->store);
  g_clear_object (&write->file);
  g_clear_pointer (&write->relay, ov_progress_relay_unref);
  g_free (write);
}

static void
write_in_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  OvExporter *self = source_object;
  WriteData *write = task_data;
  g_autoptr(OvStore) connection = NULL;
  g_autoptr(GError) error = NULL;

  connection = ov_store_open_another (write->store, &error);
  if (connection == NULL ||
      !ov_exporter_write_file (self, connection, write->file, ov_progress_relay_report,
                               write->relay, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * ov_exporter_write_file_async:
 * @progress: (nullable) (scope notified): called in the thread-default main
 *   context of the caller
 *
 * Runs ov_exporter_write_file() in a thread, on a connection of its own.
 */
void
ov_exporter_write_file_async (OvExporter          *self,
                              OvStore             *store,
                              GFile               *file,
                              OvProgressFunc       progress,
                              gpointer             progress_data,
                              GDestroyNotify       progress_data_destroy,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  WriteData *write;

  g_return_if_fail (OV_IS_EXPORTER (self));
  g_return_if_fail (OV_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));

  write = g_new0 (WriteData, 1);
  write->store = g_object_ref (store);
  write->file = g_object_ref (file);
  write->relay = ov_progress_relay_new (progress, progress_data, progress_data_destroy);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ov_exporter_write_file_async);
  g_task_set_task_data (task, write, write_data_free);
  g_task_run_in_thread (task, write_in_thread);
}

gboolean
ov_exporter_write_file_finish (OvExporter    *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (OV_IS_EXPORTER (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
