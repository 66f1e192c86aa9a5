/* ov-csv-writer.c — RFC 4180 CSV that spreadsheets open safely
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * UTF-8, CRLF after every row, a field quoted when it holds the delimiter,
 * a quote, a line break or space at either end. A text cell that a
 * spreadsheet would run as a formula (it starts with = + - @ TAB CR or LF)
 * gets a leading apostrophe, which spreadsheets take as "this is text";
 * so does one that starts with an apostrophe. Numbers are written as they
 * are, so they stay numbers.
 *
 * Output goes to a buffer that is written out in large blocks.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "ov-csv-writer.h"

#define FLUSH_SIZE (64 * 1024)

struct _OvCsvWriter
{
  GObject        parent_instance;

  GOutputStream *stream;
  GString       *buffer;
  guint8         special[256];   /* characters that make a field quoted */
  char           delimiter;
  gboolean       bom;
  gboolean       row_started;
  guint64        n_rows;
};

G_DEFINE_FINAL_TYPE (OvCsvWriter, ov_csv_writer, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STREAM,
  PROP_DELIMITER,
  PROP_BOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_csv_writer_finalize (GObject *object)
{
  OvCsvWriter *self = (OvCsvWriter *)object;

  g_clear_object (&self->stream);
  g_string_free (self->buffer, TRUE);

  G_OBJECT_CLASS (ov_csv_writer_parent_class)->finalize (object);
}

static void
ov_csv_writer_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvCsvWriter *self = OV_CSV_WRITER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      g_value_set_object (value, self->stream);
      break;
    case PROP_DELIMITER:
      g_value_set_uint (value, (guchar)self->delimiter);
      break;
    case PROP_BOM:
      g_value_set_boolean (value, self->bom);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_csv_writer_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OvCsvWriter *self = OV_CSV_WRITER (object);

  switch (prop_id)
    {
    case PROP_STREAM:
      self->stream = g_value_dup_object (value);
      break;
    case PROP_DELIMITER:
      self->delimiter = (char)g_value_get_uint (value);
      break;
    case PROP_BOM:
      self->bom = g_value_get_boolean (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_csv_writer_constructed (GObject *object)
{
  OvCsvWriter *self = (OvCsvWriter *)object;

  G_OBJECT_CLASS (ov_csv_writer_parent_class)->constructed (object);

  self->special[(guchar)self->delimiter] = 1;
  self->special['"'] = 1;
  self->special['\r'] = 1;
  self->special['\n'] = 1;

  /* Excel reads a file as UTF-8 only when it starts with a BOM. */
  if (self->bom)
    g_string_append (self->buffer, "\xEF\xBB\xBF");
}

static void
ov_csv_writer_class_init (OvCsvWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_csv_writer_finalize;
  object_class->constructed = ov_csv_writer_constructed;
  object_class->get_property = ov_csv_writer_get_property;
  object_class->set_property = ov_csv_writer_set_property;

  properties[PROP_STREAM] =
    g_param_spec_object ("stream", NULL, NULL, G_TYPE_OUTPUT_STREAM, flags);
  properties[PROP_DELIMITER] =
    g_param_spec_uint ("delimiter", NULL, NULL, 1, 127, ',', flags);
  properties[PROP_BOM] =
    g_param_spec_boolean ("bom", NULL, NULL, FALSE, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_csv_writer_init (OvCsvWriter *self)
{
  self->buffer = g_string_sized_new (FLUSH_SIZE + 4096);
  self->delimiter = ',';
}

/**
 * ov_csv_writer_new:
 * @stream: where the CSV goes; the writer does not close it
 * @delimiter: usually `,`; `;` for spreadsheets that use a decimal comma
 * @bom: start with a UTF-8 byte order mark (for Excel)
 */
OvCsvWriter *
ov_csv_writer_new (GOutputStream *stream,
                   char           delimiter,
                   gboolean       bom)
{
  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), NULL);
  g_return_val_if_fail (delimiter > 0 && delimiter != '"' && delimiter != '\r' &&
                        delimiter != '\n', NULL);

  return g_object_new (OV_TYPE_CSV_WRITER,
                       "stream", stream,
                       "delimiter", (guint)delimiter,
                       "bom", bom,
                       NULL);
}

static gboolean
is_trigger (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' || c == '\n';
}

/* A cell starting with a formula character, or with an apostrophe, which
 * spreadsheets take as the mark of text and drop: with one more in front,
 * they show the text as it is. Import strips exactly that one, so what was
 * exported comes back unchanged, whatever the text. */
gboolean
ov_csv_text_needs_neutralizing (const char *text,
                                gsize       length)
{
  return length > 0 && (is_trigger (text[0]) || text[0] == '\'');
}

/* The import side: drops the apostrophe that export added. */
const char *
ov_csv_text_strip_neutralizer (const char *text)
{
  if (text != NULL && text[0] == '\'' && ov_csv_text_needs_neutralizing (text + 1,
                                                                        strlen (text + 1)))
    return text + 1;

  return text;
}

static void
separate (OvCsvWriter *self)
{
  if (self->row_started)
    g_string_append_c (self->buffer, self->delimiter);
  self->row_started = TRUE;
}

static void
add_field (OvCsvWriter *self,
           const char  *text,
           gsize        length,
           gboolean     neutralize)
{
  gboolean quote = FALSE;

  separate (self);

  if (length == 0)
    return;

  neutralize = neutralize && ov_csv_text_needs_neutralizing (text, length);

    /* Spaces at the ends are quoted so that no reader trims them. */
  if (text[0] == ' ' || text[length - 1] == ' ')
    quote = TRUE;
  else
    for (gsize i = 0; i < length; i++)
      if (self->special[(guchar)text[i]])
        {
          quote = TRUE;
          break;
        }

  if (!quote)
    {
      /* Most fields: one resize and a copy. */
      gsize at = self->buffer->len;

      g_string_set_size (self->buffer, at + length + (neutralize ? 1 : 0));
      if (neutralize)
        self->buffer->str[at++] = '\'';
      memcpy (self->buffer->str + at, text, length);
      return;
    }

  g_string_append_c (self->buffer, '"');
  if (neutralize)
    g_string_append_c (self->buffer, '\'');
  for (gsize i = 0; i < length; i++)
    {
      const char *quote_at = memchr (text + i, '"', length - i);
      gsize run = quote_at ? (gsize)(quote_at - (text + i)) + 1 : length - i;

      g_string_append_len (self->buffer, text + i, run);
      if (quote_at != NULL)
        g_string_append_c (self->buffer, '"');
      i += run - 1;
    }
  g_string_append_c (self->buffer, '"');
}

/* A text cell: quoted as needed, formula characters neutralised. */
void
ov_csv_writer_add_text (OvCsvWriter *self,
                        const char  *text,
                        gssize       length)
{
  g_return_if_fail (OV_IS_CSV_WRITER (self));

  if (text == NULL)
    text = "";
  add_field (self, text, length < 0 ? strlen (text) : (gsize)length, TRUE);
}

/* A number as text ("-12.5"): never neutralised, so it stays a number. */
void
ov_csv_writer_add_number (OvCsvWriter *self,
                          const char  *text,
                          gssize       length)
{
  g_return_if_fail (OV_IS_CSV_WRITER (self));

  if (text == NULL)
    text = "";
  add_field (self, text, length < 0 ? strlen (text) : (gsize)length, FALSE);
}

static char *
format_unsigned (char    *end,
                 guint64  value)
{
  do
    {
      *--end = '0' + value % 10;
      value /= 10;
    }
  while (value > 0);

  return end;
}

void
ov_csv_writer_add_integer (OvCsvWriter *self,
                           gint64       value)
{
  char digits[24];
  char *start;
  guint64 magnitude = value < 0 ? -(guint64)value : (guint64)value;

  g_return_if_fail (OV_IS_CSV_WRITER (self));

  start = format_unsigned (digits + sizeof digits, magnitude);
  if (value < 0)
    *--start = '-';

  separate (self);
  g_string_append_len (self->buffer, start, digits + sizeof digits - start);
}

/* An amount in cents as a plain decimal: "1200", "1200.5" is written
 * "1200.50"; no symbol and no grouping, so any spreadsheet reads a number. */
void
ov_csv_writer_add_cents (OvCsvWriter *self,
                         gint64       cents)
{
  char digits[32];
  char *end = digits + sizeof digits;
  char *start;
  guint64 magnitude = cents < 0 ? -(guint64)cents : (guint64)cents;

  g_return_if_fail (OV_IS_CSV_WRITER (self));

  if (magnitude % 100 != 0)
    {
      *--end = '0' + magnitude % 10;
      *--end = '0' + (magnitude / 10) % 10;
      *--end = '.';
    }
  start = format_unsigned (end, magnitude / 100);
  if (cents < 0)
    *--start = '-';

  separate (self);
  g_string_append_len (self->buffer, start, digits + sizeof digits - start);
}

gboolean
ov_csv_writer_flush (OvCsvWriter   *self,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (OV_IS_CSV_WRITER (self), FALSE);

  if (self->buffer->len == 0)
    return TRUE;

  if (!g_output_stream_write_all (self->stream, self->buffer->str, self->buffer->len, NULL,
                                  cancellable, error))
    return FALSE;

  g_string_truncate (self->buffer, 0);
  return TRUE;
}

/* Ends the row with CRLF; writes the buffer out when it has grown. */
gboolean
ov_csv_writer_end_row (OvCsvWriter   *self,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_return_val_if_fail (OV_IS_CSV_WRITER (self), FALSE);

  g_string_append_len (self->buffer, "\r\n", 2);
  self->row_started = FALSE;
  self->n_rows++;

  if (self->buffer->len >= FLUSH_SIZE)
    return ov_csv_writer_flush (self, cancellable, error);

  return TRUE;
}

/* Rows ended so far, the header included. */
guint64
ov_csv_writer_get_n_rows (OvCsvWriter *self)
{
  g_return_val_if_fail (OV_IS_CSV_WRITER (self), 0);

  return self->n_rows;
}

/* Flushes the file's data to disk before it replaces the old one. */
static void
sync_file (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  int fd;

  if (path == NULL)
    return;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

/**
 * ov_csv_replace_begin:
 * @file: the destination
 * @temporary: (out) (transfer full): the temporary file written instead,
 *   or %NULL when @file is written in place
 *
 * Opens a new file beside @file, to be renamed over it by
 * ov_csv_replace_commit(): whoever opens @file sees the old one or the
 * whole new one, never half of one. Where only @file itself may be written
 * (a sandbox's document portal), it is replaced as atomically as GIO can.
 *
 * Returns: (transfer full): the stream to write to
 */
/* The user chose @file: a failure names it, not the hidden temporary file
 * GIO was working on. */
static void
set_destination_error (GError      **error,
                       GFile        *file,
                       const GError *cause)
{
  g_autofree char *name = g_file_get_parse_name (file);
  const char *reason;

  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    reason = _("its folder does not exist");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    reason = _("the disk is full");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_READ_ONLY) ||
           g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    reason = _("its folder cannot be written to");
  else if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    reason = _("it is a folder");
  else
    reason = cause->message;

  g_set_error (error, cause->domain, cause->code, _("Could not write “%s”: %s."), name, reason);
}

/* The file a rename would have to replace: a symbolic link stays a link
 * and its target gets the new contents. */
static GFile *
resolve_destination (GFile *file)
{
  g_autoptr(GFile) resolved = g_object_ref (file);

  for (guint depth = 0; depth < 16; depth++)
    {
      g_autoptr(GFileInfo) info = NULL;
      g_autoptr(GFile) parent = NULL;
      const char *target;

      info = g_file_query_info (resolved,
                                G_FILE_ATTRIBUTE_STANDARD_IS_SYMLINK ","
                                G_FILE_ATTRIBUTE_STANDARD_SYMLINK_TARGET,
                                G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
      if (info == NULL || !g_file_info_get_is_symlink (info))
        break;

      target = g_file_info_get_symlink_target (info);
      parent = g_file_get_parent (resolved);
      if (target == NULL || parent == NULL)
        break;

      g_object_unref (resolved);
      resolved = g_file_resolve_relative_path (parent, target);
    }

  return g_steal_pointer (&resolved);
}

/* The mode the new file gets: the one of the file it replaces, so a file
 * someone made 0600 (or shared as 0640) stays so; 0600 for a new file,
 * whatever the umask, since an export holds the database's customer data
 * and the database is 0600 too. Best effort: where modes cannot be set (a
 * FAT stick, some network shares) the file keeps the private mode it was
 * created with, which is never more open than asked. */
static void
set_mode_like (GFile        *temporary,
               GFile        *destination,
               GCancellable *cancellable)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;
  guint32 mode = 0600;

  info = g_file_query_info (destination, G_FILE_ATTRIBUTE_UNIX_MODE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, cancellable, NULL);
  if (info != NULL && g_file_info_get_file_type (info) == G_FILE_TYPE_REGULAR &&
      g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_UNIX_MODE))
    mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE) & 07777;

  if (!g_file_set_attribute_uint32 (temporary, G_FILE_ATTRIBUTE_UNIX_MODE, mode,
                                    G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, cancellable, &error))
    g_debug ("Could not set the mode %o on the new file: %s", mode, error->message);
}

GOutputStream *
ov_csv_replace_begin (GFile         *file,
                      GFile        **temporary,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GFile) parent = NULL;
  g_autofree char *base = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (temporary != NULL, NULL);

  *temporary = NULL;

  /* A device, a pipe or a socket is written as it is: renaming a file over
   * it would put a plain file where the device was. */
  if (g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL) == G_FILE_TYPE_SPECIAL)
    {
      GFileOutputStream *stream;

      stream = g_file_append_to (file, G_FILE_CREATE_NONE, cancellable, &local_error);
      if (stream == NULL)
        set_destination_error (error, file, local_error);
      return G_OUTPUT_STREAM (stream);
    }

  destination = resolve_destination (file);
  parent = g_file_get_parent (destination);
  base = g_file_get_basename (destination);

  for (guint attempt = 0; parent != NULL && attempt < 100; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GFile) candidate = g_file_get_child (parent, name);
      GFileOutputStream *stream;

      g_clear_error (&local_error);
      /* Private from the start: the data is never readable by others,
       * not even for a moment. */
      stream = g_file_create (candidate, G_FILE_CREATE_PRIVATE, cancellable, &local_error);
      if (stream != NULL)
        {
          set_mode_like (candidate, destination, cancellable);
          *temporary = g_steal_pointer (&candidate);
          return G_OUTPUT_STREAM (stream);
        }

      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        break;
    }

  if (local_error != NULL &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    {
      set_destination_error (error, file, local_error);
      return NULL;
    }

  return G_OUTPUT_STREAM (g_file_replace (destination, NULL, FALSE,
                                          G_FILE_CREATE_REPLACE_DESTINATION |
                                            G_FILE_CREATE_PRIVATE,
                                          cancellable, error));
}

/* Closes @stream and puts the new file in place of @file. */
gboolean
ov_csv_replace_commit (GOutputStream  *stream,
                       GFile          *temporary,
                       GFile          *file,
                       GCancellable   *cancellable,
                       GError        **error)
{
  g_autoptr(GFile) destination = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (G_IS_OUTPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!g_output_stream_close (stream, cancellable, error))
    {
      if (temporary != NULL)
        g_file_delete (temporary, NULL, NULL);
      return FALSE;
    }

  if (temporary == NULL)
    return TRUE;

  sync_file (temporary);
  destination = resolve_destination (file);

  if (!g_file_move (temporary, destination, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                    cancellable, NULL, NULL, &local_error))
    {
      g_file_delete (temporary, NULL, NULL);
      set_destination_error (error, file, local_error);
      return FALSE;
    }

  return TRUE;
}

/* Gives up: the temporary file goes, @file stays as it was. */
void
ov_csv_replace_abandon (GOutputStream *stream,
                        GFile         *temporary)
{
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();

  g_return_if_fail (G_IS_OUTPUT_STREAM (stream));

  /* Closing a replacing stream cancelled keeps the original file. */
  g_cancellable_cancel (cancelled);
  g_output_stream_close (stream, cancelled, NULL);
  if (temporary != NULL)
    g_file_delete (temporary, NULL, NULL);
}
