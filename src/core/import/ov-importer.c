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
#include "ov-importer-private.h"
#include "ov-import-preview-private.h"
#include "ov-import-private.h"
#include "ov-import-result-private.h"

/* The import's connection may use this much memory for its page cache. */
#define IMPORT_CACHE_KIB 16384

struct _OvImporter
{
  GObject        parent_instance;

  OvCsvKind      kind;
  GFile         *file;
  GBytes        *bytes;
  char          *source_name;
  char           delimiter;
  OvCsvEncoding  encoding;
  OvDateOrder    date_order;
  gboolean       skip_invalid;
  gboolean       dry_run;
  GHashTable    *overrides;     /* column + 1 → field id, "" to ignore it */
  OvImporterHook before_transaction;
  gpointer       before_transaction_data;
};

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

static const OvImportKindClass *
kind_class (OvCsvKind kind)
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

  skip_invalid = !!skip_invalid;
  if (self->skip_invalid == skip_invalid)
    return;

  self->skip_invalid = skip_invalid;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SKIP_INVALID]);
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

  dry_run = !!dry_run;
  if (self->dry_run == dry_run)
    return;

  self->dry_run = dry_run;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DRY_RUN]);
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

static GInputStream *
open_source (OvImporter    *self,
             GCancellable  *cancellable,
             guint64       *size,
             GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  GFileInputStream *stream;

  if (self->bytes != NULL)
    {
      *size = g_bytes_get_size (self->bytes);
      return g_memory_input_stream_new_from_bytes (self->bytes);
    }

  stream = g_file_read (self->file, cancellable, error);
  if (stream == NULL)
    return NULL;

  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable,
                                         NULL);
  *size = info != NULL ? g_file_info_get_size (info) : 0;

  return G_INPUT_STREAM (stream);
}

typedef struct
{
  OvProgressFunc func;
  gpointer       data;
  guint64        total;
  int            last_percent;
} Progress;

static void
report_progress (Progress    *progress,
                 OvCsvReader *reader,
                 gboolean     done)
{
  int percent;

  if (progress->func == NULL)
    return;

  if (done)
    percent = 100;
  else if (progress->total == 0)
    return;
  else
    percent = MIN (99, (int)(ov_csv_reader_get_bytes_read (reader) * 100 / progress->total));

  if (percent <= progress->last_percent)
    return;

  progress->last_percent = percent;
  progress->func (percent / 100.0, progress->data);
}

static void
clear_kind_data (OvImportRun *run)
{
  if (run->kind_data != NULL && run->kind_data_free != NULL)
    run->kind_data_free (run->kind_data);
  run->kind_data = NULL;
  run->kind_data_free = NULL;
}

static void
run_reset (OvImportRun *run)
{
  clear_kind_data (run);
  g_clear_object (&run->reader);
  g_ptr_array_set_size (run->problems, 0);
  run->n_errors = run->n_warnings = run->n_listed_errors = 0;
  run->n_created = run->n_updated = run->n_unchanged = run->n_rejected = 0;
  run->first_created = run->last_created = 0;
  run->batch_id = 0;
  run->fatal = FALSE;
  run->restart = FALSE;
  run->names_ready = FALSE;
  run->any_without_external_id = FALSE;
  g_clear_pointer (&run->unchanged, g_hash_table_unref);
  g_clear_pointer (&run->account_index, ov_import_index_free);
  run->account_index_tried = FALSE;
  run->account_index_confirmed = FALSE;
  g_clear_pointer (&run->account_backups, ov_import_backups_free);
}

static OvImportRun *
run_new (OvImporter   *self,
         OvStore      *store,
         GCancellable *cancellable)
{
  OvImportRun *run = g_new0 (OvImportRun, 1);
  g_autofree char *now = ov_store_now_utc ();
  g_autofree char *today = ov_date_to_iso (ov_date_today ());

  run->importer = self;
  run->kind = self->kind;
  run->klass = kind_class (self->kind);
  run->store = store;
  run->cancellable = cancellable;
  run->fields = ov_csv_kind_get_fields (self->kind, &run->n_fields);
  run->problems = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);
  run->row_strings = g_ptr_array_new_with_free_func (g_free);
  run->dry_run = self->dry_run;
  run->skip_invalid = self->skip_invalid;
  run->user_date_order = self->date_order;
  g_strlcpy (run->now, now, sizeof run->now);
  g_strlcpy (run->today, today, sizeof run->today);

  g_assert (run->n_fields <= OV_IMPORT_MAX_FIELDS);
  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    run->column_of[i] = -1;

  return run;
}

static void
run_free (OvImportRun *run)
{
  clear_kind_data (run);
  g_clear_object (&run->reader);
  g_ptr_array_unref (run->problems);
  g_ptr_array_unref (run->row_strings);
  g_clear_pointer (&run->row_problems, g_ptr_array_unref);
  g_clear_pointer (&run->unchanged, g_hash_table_unref);
  g_clear_pointer (&run->account_index, ov_import_index_free);
  g_clear_pointer (&run->account_backups, ov_import_backups_free);
  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    {
      g_free (run->date_order_text[i]);
      g_free (run->date_conflict_text[i]);
    }
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvImportRun, run_free)

static void
add_fatal_problem (OvImportRun *run)
{
  const OvCsvProblem *fatal = ov_csv_reader_get_fatal_problem (run->reader);

  ov_import_run_problem (run, ov_csv_problem_copy (fatal));
  run->fatal = TRUE;
}

/* Opens the file and reads its header. A header that cannot be read is
 * the file's problem (run->fatal); FALSE means reading itself failed. */
static gboolean
open_reader (OvImporter   *self,
             OvImportRun  *run,
             Progress     *progress,
             GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  guint64 size = 0;

  stream = open_source (self, run->cancellable, &size, error);
  if (stream == NULL)
    return FALSE;

  if (progress != NULL)
    progress->total = size;
  run->source_size = size;

  run->reader = ov_csv_reader_new (stream, self->delimiter, self->encoding);
  /* A whole file: parse ahead in a thread while rows are written. */
  ov_csv_reader_set_read_ahead (run->reader, run->max_rows == 0);
  if (!ov_csv_reader_read_header (run->reader, run->cancellable, &local_error))
    {
      if (ov_csv_reader_get_fatal_problem (run->reader) == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      add_fatal_problem (run);
    }

  return TRUE;
}

/* Unknown columns named in the summary; the others are counted. */
#define MAX_NAMED_UNKNOWN 10

/* Which field each column fills: the user's choice, else its name. Unknown
 * columns are reported, in one warning, and left out; two columns for one field are not
 * allowed, since which one to believe cannot be told. */
static void
map_columns (OvImporter      *self,
             OvImportRun     *run,
             OvImportPreview *preview)
{
  guint n_columns = ov_csv_reader_get_n_columns (run->reader);
  g_autoptr(GString) names = g_string_new (NULL);
  guint n_unknown = 0, first_line = 1, first_character = 1;

  for (guint i = 0; i < OV_IMPORT_MAX_FIELDS; i++)
    run->column_of[i] = -1;

  for (guint column = 0; column < n_columns; column++)
    {
      const char *name = ov_csv_reader_get_column_name (run->reader, column);
      const char *chosen = g_hash_table_lookup (self->overrides, GUINT_TO_POINTER (column + 1));
      int field;
      guint line, character;

      if (chosen != NULL)
        field = chosen[0] != '\0' ? ov_csv_kind_find_field (self->kind, chosen) : -1;
      else
        field = ov_csv_kind_match_column (self->kind, name);

      ov_csv_reader_get_column_position (run->reader, column, &line, &character);

      if (field >= 0 && run->column_of[field] >= 0)
        {
          const char *first = ov_csv_reader_get_column_name (run->reader, run->column_of[field]);

          ov_import_run_problem (run, ov_csv_problem_new (line, character, OV_CSV_ERROR_COLUMN,
                                                          _("the columns “%s” and “%s” both "
                                                            "hold %s; leave one of them out"),
                                                          first, name, run->fields[field].id));
          run->fatal = TRUE;
          field = -1;
        }
      else if (field < 0 && chosen == NULL)
        {
          if (n_unknown == 0)
            {
              first_line = line;
              first_character = character;
            }
          if (n_unknown < MAX_NAMED_UNKNOWN)
            {
              if (n_unknown > 0)
                g_string_append (names, _(", "));
              /* Translators: a column's name in a list of them */
              g_string_append_printf (names, _("“%s”"), name);
            }
          n_unknown++;
        }

      if (field >= 0)
        run->column_of[field] = column;

      if (preview != NULL)
        ov_import_preview_set_column (preview, column, name,
                                      field >= 0 ? run->fields[field].id : NULL, chosen != NULL);
    }

  /* Columns left out, in one line: an export from a CRM has dozens. */
  if (n_unknown > 0)
    {
      OvCsvProblem *problem;

      if (n_unknown > MAX_NAMED_UNKNOWN)
        g_string_append_printf (names, ngettext (" and %u more", " and %u more",
                                                 n_unknown - MAX_NAMED_UNKNOWN),
                                n_unknown - MAX_NAMED_UNKNOWN);

      if (n_unknown == 1)
        problem = ov_csv_problem_new (first_line, first_character, OV_CSV_ERROR_COLUMN,
                                      _("the column %s is not imported: no field of %s has "
                                        "that name"),
                                      names->str, ov_csv_kind_get_id (self->kind));
      else
        problem = ov_csv_problem_new (first_line, first_character, OV_CSV_ERROR_COLUMN,
                                      ngettext ("%u column is not imported, as no field of %s "
                                                "has its name: %s",
                                                "%u columns are not imported, as no field of "
                                                "%s has their names: %s",
                                                n_unknown),
                                      n_unknown, ov_csv_kind_get_id (self->kind), names->str);
      problem->warning = TRUE;
      ov_import_run_problem (run, problem);
    }

  if (!run->fatal)
    run->klass->check_columns (run);
}

/* Reads the date columns of the whole file and lets each column's values
 * tell the order of its numeric dates. */
static gboolean
prescan_dates (OvImporter   *self,
               OvImportRun  *run,
               guint         max_rows,
               GError      **error)
{
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(OvCsvReader) reader = NULL;
  g_autoptr(GError) local_error = NULL;
  const OvCsvRow *row;
  guint64 size;
  guint n_rows = 0;

  stream = open_source (self, run->cancellable, &size, error);
  if (stream == NULL)
    return FALSE;

  reader = ov_csv_reader_new (stream, self->delimiter, self->encoding);
  ov_csv_reader_set_read_ahead (reader, max_rows == 0);
  if (!ov_csv_reader_read_header (reader, run->cancellable, NULL))
    return TRUE;

  while ((max_rows == 0 || n_rows < max_rows) &&
         (row = ov_csv_reader_next_row (reader, run->cancellable, &local_error)) != NULL)
    {
      n_rows++;
      if (ov_csv_row_get_problem (row) != NULL)
        continue;

      for (guint field = 0; field < run->n_fields; field++)
        {
          const char *text;
          OvDateOrder guess;

          if (run->fields[field].type != OV_CSV_VALUE_DATE || run->column_of[field] < 0 ||
              run->date_conflict_line[field] > 0)
            continue;

          text = ov_csv_row_get_field (row, run->column_of[field], NULL);
          guess = ov_date_guess_order (text);
          if (guess == OV_DATE_ORDER_AUTO)
            continue;

          if (run->date_order[field] == OV_DATE_ORDER_AUTO)
            {
              run->date_order[field] = guess;
              run->date_order_line[field] = ov_csv_row_get_line (row);
              g_free (run->date_order_text[field]);
              run->date_order_text[field] = g_strstrip (g_strdup (text));
            }
          else if (run->date_order[field] != guess)
            {
              run->date_conflict_line[field] = ov_csv_row_get_line (row);
              run->date_conflict_text[field] = g_strstrip (g_strdup (text));
            }
        }
    }

  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (local_error != NULL && ov_csv_reader_get_fatal_problem (reader) == NULL))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  run->dates_prescanned = TRUE;
  return TRUE;
}

static char **
row_cells (const OvCsvRow *row)
{
  guint n = ov_csv_row_get_n_fields (row);
  char **cells = g_new (char *, n + 1);

  for (guint i = 0; i < n; i++)
    cells[i] = g_strdup (ov_csv_row_get_field (row, i, NULL));
  cells[n] = NULL;

  return cells;
}

/* Control characters other than tab and line breaks have no place in
 * what an account holds, and some of them steer terminals (ESC): a row
 * with one in a cell it imports is refused. TRUE when it was. */
static gboolean
refuse_control_characters (OvImportRun *run)
{
  gboolean refused = FALSE;

  for (guint field = 0; field < run->n_fields; field++)
    {
      int control;

      if (run->column_of[field] < 0)
        continue;

      /* The reader looked at every byte as it parsed them. */
      control = ov_csv_row_get_control (run->row, run->column_of[field]);
      if (G_LIKELY (control < 0))
        continue;
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                            _("the cell holds the control character U+%04X; only tabs "
                              "and line breaks are allowed"),
                            (guint)control);
      refused = TRUE;
    }

  return refused;
}

static gboolean
import_rows (OvImportRun      *run,
             OvImportPreview  *preview,
             Progress         *progress,
             GError          **error)
{
  guint n_rows = 0;

  for (;;)
    {
      g_autoptr(GError) local_error = NULL;
      OvImportAction action = OV_IMPORT_ACTION_REJECT;
      const OvCsvProblem *problem;

      if (run->max_rows > 0 && n_rows >= run->max_rows)
        break;

      run->row = ov_csv_reader_next_row (run->reader, run->cancellable, &local_error);
      if (run->row == NULL)
        {
          if (local_error == NULL)
            break;
          if (ov_csv_reader_get_fatal_problem (run->reader) != NULL &&
              local_error->domain == OV_CSV_ERROR)
            {
              add_fatal_problem (run);
              break;
            }
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      n_rows++;
      run->row_errors = 0;
      run->matched_id = 0;
      g_ptr_array_set_size (run->row_strings, 0);
      if (preview != NULL)
        {
          g_clear_pointer (&run->row_problems, g_ptr_array_unref);
          run->row_problems =
            g_ptr_array_new_with_free_func ((GDestroyNotify)ov_csv_problem_free);
        }

      problem = ov_csv_row_get_problem (run->row);
      if (problem != NULL)
        ov_import_run_problem (run, ov_csv_problem_copy (problem));
      else if (!refuse_control_characters (run) && !run->klass->import_row (run, &action, error))
        return FALSE;

      if (run->restart)
        return TRUE;

      if (run->row_errors > 0)
        action = OV_IMPORT_ACTION_REJECT;

      switch (action)
        {
        case OV_IMPORT_ACTION_CREATE:
          run->n_created++;
          break;
        case OV_IMPORT_ACTION_UPDATE:
          run->n_updated++;
          break;
        case OV_IMPORT_ACTION_UNCHANGED:
          run->n_unchanged++;
          if (run->matched_id > 0)
            ov_import_run_mark_unchanged (run, run->matched_id);
          break;
        case OV_IMPORT_ACTION_REJECT:
        default:
          run->n_rejected++;
          break;
        }

      if (preview != NULL)
        ov_import_preview_add_row (preview, ov_csv_row_get_line (run->row),
                                   row_cells (run->row), action, run->row_problems);

      if ((n_rows & 255) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (run->cancellable, error))
            return FALSE;
          if (progress != NULL)
            report_progress (progress, run->reader, FALSE);
        }
    }

  return !g_cancellable_set_error_if_cancelled (run->cancellable, error);
}

static gboolean
insert_batch (OvImportRun  *run,
              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (run->store,
                           "INSERT INTO import_batches (kind, source, imported_at) "
                           "VALUES (?1, ?2, ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, ov_csv_kind_get_id (run->kind), -1, SQLITE_STATIC);
  ov_bind_text (stmt, 2, ov_importer_get_source_name (run->importer));
  sqlite3_bind_text (stmt, 3, run->now, -1, SQLITE_STATIC);
  if (!ov_store_step_done (run->store, stmt, error))
    return FALSE;

  run->batch_id = sqlite3_last_insert_rowid (ov_store_get_db (run->store));
  return TRUE;
}

static gboolean
finish_batch (OvImportRun  *run,
              GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = ov_store_prepare (run->store,
                           "UPDATE import_batches SET n_created = ?2, n_updated = ?3, "
                           "n_unchanged = ?4, n_rejected = ?5, first_created_id = ?6, "
                           "last_created_id = ?7 WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, run->batch_id);
  sqlite3_bind_int (stmt, 2, run->n_created);
  sqlite3_bind_int (stmt, 3, run->n_updated);
  sqlite3_bind_int (stmt, 4, run->n_unchanged);
  sqlite3_bind_int (stmt, 5, run->n_rejected);
  if (run->first_created > 0)
    {
      sqlite3_bind_int64 (stmt, 6, run->first_created);
      sqlite3_bind_int64 (stmt, 7, run->last_created);
    }

  return ov_store_step_done (run->store, stmt, error);
}

static gboolean
table_is_empty (OvImportRun *run,
                gboolean    *empty,
                GError     **error)
{
  sqlite3_stmt *stmt = ov_store_prepare (run->store, "SELECT EXISTS (SELECT 1 FROM accounts)",
                                         error);

  if (stmt == NULL)
    return FALSE;

  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      ov_store_set_error (run->store, error, sqlite3_errcode (ov_store_get_db (run->store)), NULL);
      sqlite3_reset (stmt);
      return FALSE;
    }

  *empty = sqlite3_column_int (stmt, 0) == 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

/* A large import writes every page twice in WAL mode (log, then
 * checkpoint). When no other connection has the database open, a rollback
 * journal is as safe for one big transaction and writes once; the
 * database goes back to WAL right after. With other connections, SQLite
 * refuses the switch at once and nothing changes. */
static gboolean
use_rollback_journal (OvStore *store)
{
  sqlite3 *db = ov_store_get_db (store);
  g_autofree char *mode = NULL;

  if (!sqlite3_get_autocommit (db))
    return FALSE;

  mode = query_text (db, "PRAGMA journal_mode = DELETE");
  if (g_strcmp0 (mode, "delete") != 0)
    return FALSE;

  /* Without WAL, synchronous=NORMAL can corrupt the file on a power cut. */
  ov_store_exec (store, "PRAGMA synchronous = FULL", NULL);
  return TRUE;
}

/* A number that changes whenever another connection commits a change. */
static gboolean
read_data_version (OvStore  *store,
                   gint64   *version,
                   GError  **error)
{
  return ov_store_query_int64 (store, "PRAGMA data_version", version, error);
}

static void
restore_wal (OvStore *store)
{
  g_autofree char *mode = query_text (ov_store_get_db (store), "PRAGMA journal_mode = WAL");

  ov_store_exec (store, "PRAGMA synchronous = NORMAL", NULL);

  if (g_strcmp0 (mode, "wal") != 0)
    g_warning ("Could not switch %s back to WAL mode", ov_store_get_path (store));
}

static int
compare_problems (gconstpointer a,
                  gconstpointer b)
{
  const OvCsvProblem *first = *(const OvCsvProblem * const *)a;
  const OvCsvProblem *second = *(const OvCsvProblem * const *)b;

  if (first->line != second->line)
    return first->line < second->line ? -1 : 1;
  if (first->column != second->column)
    return first->column < second->column ? -1 : 1;
  return 0;
}

static OvImportResult *
make_result (OvImportRun *run,
             gboolean     applied)
{
  OvImportCounts counts = {
    .kind = run->kind,
    .batch_id = applied ? run->batch_id : 0,
    .applied = applied,
    .dry_run = run->dry_run,
    .n_created = run->n_created,
    .n_updated = run->n_updated,
    .n_unchanged = run->n_unchanged,
    .n_rejected = run->n_rejected,
    .n_errors = run->n_errors,
    .n_warnings = run->n_warnings,
    .delimiter = run->reader ? ov_csv_reader_get_delimiter (run->reader) : 0,
    .encoding = run->reader ? ov_csv_reader_get_encoding (run->reader) : OV_CSV_ENCODING_AUTO,
  };

  /* In file order; problems of one row are found in another order, and
   * rows in a batch may be rejected late. The sort is stable. */
  g_ptr_array_sort (run->problems, compare_problems);

  return ov_import_result_new (&counts, run->problems);
}

/* One attempt at the whole file inside one transaction, which is left
 * open on success. */
static gboolean
attempt (OvImporter       *self,
         OvImportRun      *run,
         OvImportPreview **preview_out,
         Progress         *progress,
         gboolean         *rollback_journal,
         gboolean         *in_transaction,
         GError          **error)
{
  OvImportPreview *preview = NULL;
  gboolean empty = TRUE;
  gint64 version_before = 0, version_now = 0;

  *in_transaction = FALSE;

  if (!open_reader (self, run, progress, error))
    return FALSE;

  if (preview_out != NULL && !run->fatal)
    {
      g_clear_object (preview_out);
      *preview_out = ov_import_preview_new (self->kind, ov_csv_reader_get_delimiter (run->reader),
                                            ov_csv_reader_get_encoding (run->reader),
                                            ov_csv_reader_get_n_columns (run->reader));
      preview = *preview_out;
    }

  if (!run->fatal)
    map_columns (self, run, preview);
  if (run->fatal)
    return TRUE;

  /* What the kind reads before the transaction holds only while nobody
   * writes: PRAGMA data_version says whether anybody did, asked before it
   * reads, before the switch of journal mode (which hides a commit made
   * before it from data_version; the switch itself succeeds only while no
   * other connection is open) and in the transaction. */
  run->prepared_stale = FALSE;
  if (run->klass->prepare != NULL &&
      (!read_data_version (run->store, &version_before, error) ||
       !run->klass->prepare (run, error)))
    return FALSE;
  /* Nothing is written to a file before its pages were found sound. */
  if (!ov_store_wait_checked (run->store, error))
    return FALSE;
  if (self->before_transaction != NULL)
    self->before_transaction (self->before_transaction_data);
  if (run->klass->prepare != NULL && !read_data_version (run->store, &version_now, error))
    return FALSE;
  if (!run->dry_run && !*rollback_journal)
    *rollback_journal = use_rollback_journal (run->store);

  if (!ov_store_transaction_begin (run->store, error))
    return FALSE;
  *in_transaction = TRUE;

  if (run->klass->prepare != NULL)
    {
      gint64 version_begun;

      if (!read_data_version (run->store, &version_begun, error))
        goto failed;
      run->prepared_stale = version_now != version_before || version_begun != version_now;
    }

  if (!table_is_empty (run, &empty, error) || !insert_batch (run, error))
    goto failed;
  run->accounts_lookup = !empty;

  if (!import_rows (run, preview, progress, error))
    goto failed;

  if (!run->restart && run->klass->finish != NULL && !run->klass->finish (run, error))
    goto failed;

  return TRUE;

failed:
  /* A kind's helper thread may still use the connection: stop it first. */
  clear_kind_data (run);
  ov_store_transaction_rollback (run->store);
  *in_transaction = FALSE;
  return FALSE;
}

/* The names of a run are let go of: emptied, not dropped, as dropping a
 * table changes the schema, and then SQLite prepares every statement the
 * store keeps again (a quarter of the time of a small import). */
static void
empty_name_index (OvStore *store)
{
  sqlite3_stmt *stmt = ov_store_prepare (store, "SELECT 1 FROM temp.sqlite_schema "
                                                "WHERE name = 'ov_import_names'", NULL);
  gboolean exists;

  if (stmt == NULL)
    return;
  exists = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  if (exists)
    ov_store_exec (store, "DELETE FROM temp.ov_import_names", NULL);
}

static gboolean
run_import (OvImporter       *self,
            OvImportRun      *run,
            OvImportPreview **preview,
            Progress         *progress,
            gboolean         *applied,
            GError          **error)
{
  g_autofree char *cache_size = NULL;
  gboolean rollback_journal = FALSE;
  gboolean ok = FALSE;
  gboolean in_transaction = FALSE;

  *applied = FALSE;

  cache_size = query_text (ov_store_get_db (run->store), "PRAGMA cache_size");
  ov_store_exec (run->store, "PRAGMA cache_size = -" G_STRINGIFY (IMPORT_CACHE_KIB), NULL);

  for (;;)
    {
      if (!attempt (self, run, preview, progress, &rollback_journal, &in_transaction, error))
        goto out;

      if (!run->restart)
        break;

      /* A numeric date left undecided: read the date columns through, then
       * start over with what they say. */
      clear_kind_data (run);
      ov_store_transaction_rollback (run->store);
      in_transaction = FALSE;
      run_reset (run);
      if (!prescan_dates (self, run, run->max_rows, error))
        goto out;
    }

  if (in_transaction)
    {
      *applied = !run->dry_run && !run->fatal && (run->n_errors == 0 || run->skip_invalid);

      if (*applied && run->n_created == 0 && run->n_updated == 0)
        {
          /* Nothing to take back: no batch is recorded. */
          ov_store_transaction_rollback (run->store);
          run->batch_id = 0;
        }
      else if (*applied)
        {
          if (!finish_batch (run, error) || !ov_store_transaction_commit (run->store, error))
            {
              ov_store_transaction_rollback (run->store);
              *applied = FALSE;
              goto out;
            }
        }
      else
        ov_store_transaction_rollback (run->store);
    }

  /* A dry run, or a file refused, commits nothing: a damaged database is
   * reported all the same (see OV_STORE_OPEN_CHECK_LATER). */
  if (!ov_store_wait_checked (run->store, error))
    goto out;

  ok = TRUE;

out:
  empty_name_index (run->store);
  if (rollback_journal)
    restore_wal (run->store);
  if (cache_size != NULL)
    {
      g_autofree char *pragma = g_strdup_printf ("PRAGMA cache_size = %d", atoi (cache_size));

      ov_store_exec (run->store, pragma, NULL);
    }

  return ok;
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

  run = run_new (self, store, cancellable);
  if (!run_import (self, run, NULL, &progress, &applied, error))
    return NULL;

  report_progress (&progress, run->reader, TRUE);

  if (applied && (run->n_created > 0 || run->n_updated > 0))
    ov_store_emit_changed (store, ov_csv_kind_get_id (self->kind));

  return make_result (run, applied);
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

  run = run_new (self, store, cancellable);
  run->dry_run = TRUE;
  run->max_rows = max_rows;

  if (!run_import (self, run, &preview, NULL, &applied, error))
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

  result = make_result (run, FALSE);
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
    ov_store_emit_changed (async->store, ov_csv_kind_get_id (self->kind));

  return import_result;
}
