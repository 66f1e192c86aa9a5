/* ov-csv-parse.c — libcsv's callbacks: fields and rows, and where each
 * starts in the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libcsv says nothing about positions, but its output determines them: an
 * unquoted field occupies exactly its text, a quoted one its text plus the
 * two quotes plus one for every doubled quote. Whether a field was quoted
 * is read from the byte where it starts. Strict mode makes libcsv stop at a
 * stray quote; the rest of that line is skipped so that later rows can
 * still be checked.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-reader-internal.h"

void
ov_csv_set_fatal (OvCsvReader *self,
                  guint        line,
                  guint        column,
                  OvCsvError   code,
                  const char  *message)
{
  if (self->parse_fatal == NULL)
    self->parse_fatal = ov_csv_problem_new_literal (line, column, code, message);
}

static void
row_problem (OvCsvReader *self,
             guint        line,
             guint        column,
             OvCsvError   code,
             char        *message)
{
  if (self->row_problem < 0)
    {
      GPtrArray *problems = self->filling->problems;

      self->row_problem = problems->len;
      g_ptr_array_add (problems, ov_csv_problem_new_literal (line, column, code, message));
    }
  g_free (message);
}

/* Moves the position over @text as it appears in the file. @report checks
 * the text on the way: it must be UTF-8 and hold no NUL byte; and the first
 * other C0 control character but TAB is kept in field_control, so that the
 * importer need not look at every byte again. */
static void
walk_text (OvCsvReader  *self,
           const guchar *text,
           gsize         length,
           gboolean      quoted,
           gboolean      report,
           guint        *line_inout,
           guint        *column_inout,
           guint64      *offset_inout)
{
  guint line = *line_inout;
  guint column = *column_inout;
  guint64 offset = *offset_inout;

  for (gsize i = 0; i < length; i++)
    {
      guchar c = text[i];

      if (G_LIKELY (c >= 0x20 && c < 0x80 && c != '"'))
        {
          column++;
          offset++;
          continue;
        }

      if (c == '"')
        {
          /* Doubled inside a quoted field; in an unquoted one strict mode
           * has already stopped at it. */
          column += quoted ? 2 : 1;
          offset += quoted ? 2 : 1;
        }
      else if (c == '\r')
        {
          line++;
          column = 1;
          offset++;
        }
      else if (c == '\n')
        {
          if (i == 0 || text[i - 1] != '\r')
            {
              line++;
              column = 1;
            }
          offset++;
        }
      else if (c < 0x80)
        {
          if (c == '\0' && report)
            row_problem (self, line, column, OV_CSV_ERROR_NUL,
                         g_strdup (_("the file holds a NUL byte here; it is not a text file, "
                                     "or it is UTF-16: save it as UTF-8")));
          if (report && c != '\t' && self->field_control < 0)
            self->field_control = c;
          column++;
          offset++;
        }
      else
        {
          gunichar ch = g_utf8_get_char_validated ((const char *)text + i, length - i);

          if (ch == (gunichar)-1 || ch == (gunichar)-2)
            {
              if (report)
                row_problem (self, line, column, OV_CSV_ERROR_ENCODING,
                             g_strdup_printf (_("the byte 0x%02X is not UTF-8; if the file "
                                                "comes from Excel on Windows, read it as "
                                                "Windows-1252"), c));
              column++;
              offset++;
            }
          else
            {
              guint skip = g_utf8_skip[c];

              column++;
              offset += skip;
              i += skip - 1;
            }
        }
    }

  *line_inout = line;
  *column_inout = column;
  *offset_inout = offset;
}

/* The position where the field libcsv is working on begins. */
static void
open_field_start (OvCsvReader *self,
                  guint       *line,
                  guint       *column,
                  guint64     *offset)
{
  *line = self->line;
  *column = self->column + (self->after_field ? 1 : 0);
  *offset = self->offset + (self->after_field ? 1 : 0);
}

static gboolean
field_is_quoted (OvCsvReader *self)
{
  if (self->offset >= self->piece_base && self->offset < self->piece_base + self->piece_length)
    return self->piece[self->offset - self->piece_base] == '"';

  /* The field began in an earlier piece: libcsv said then. */
  return self->pending_quoted;
}

static void
on_field (void   *data,
          size_t  length,
          void   *user_data)
{
  OvCsvReader *self = user_data;
  const guchar *text = data;
  Field field;
  gboolean quoted;

  if (self->after_field)
    {
      self->column++;
      self->offset++;
    }

  field.line = self->line;
  field.column = self->column;
  field.length = length;
  field.offset = self->filling->arena->len;

  quoted = field_is_quoted (self);
  if (quoted)
    {
      self->column++;
      self->offset++;
    }

  if (length > OV_CSV_MAX_FIELD_SIZE)
    {
      ov_csv_set_fatal (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                 _("this field is longer than 1 MiB"));
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup (_("this field is longer than 1 MiB")));
    }

  self->field_control = -1;
  walk_text (self, text, length, quoted, TRUE, &self->line, &self->column, &self->offset);
  field.control = self->field_control;

  if (quoted)
    {
      self->column++;
      self->offset++;
    }
  self->after_field = TRUE;

  /* Past a cap the row is refused: its further fields are only walked
   * over, so memory stays flat however long the line. */
  if (G_UNLIKELY (self->row_over_cap))
    return;
  if (G_UNLIKELY (self->filling->fields->len - self->row_first_field >= OV_CSV_MAX_ROW_FIELDS))
    {
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup_printf (_("this row has more than %u fields; is the delimiter "
                                      "right?"),
                                    (guint)OV_CSV_MAX_ROW_FIELDS));
      self->row_over_cap = TRUE;
      return;
    }
  if (G_UNLIKELY (self->filling->arena->len - self->row_arena_start + length >=
                  OV_CSV_MAX_ROW_SIZE))
    {
      row_problem (self, field.line, field.column, OV_CSV_ERROR_TOO_LONG,
                   g_strdup_printf (_("this row is longer than %u MiB"),
                                    (guint)(OV_CSV_MAX_ROW_SIZE / (1024 * 1024))));
      self->row_over_cap = TRUE;
      return;
    }

  g_string_set_size (self->filling->arena, field.offset + length + 1);
  self->filling->arena->str[field.offset + length] = '\0';
  if (length > 0)
    {
      memcpy (self->filling->arena->str + field.offset, text, length);
      if (self->row_blank)
        {
          for (gsize i = 0; i < length; i++)
            if (!g_ascii_isspace (text[i]))
              {
                self->row_blank = FALSE;
                break;
              }
        }
    }
  g_array_append_val (self->filling->fields, field);
}

static void
reset_row (OvCsvReader *self)
{
  self->row_first_field = self->filling->fields->len;
  self->row_arena_start = self->filling->arena->len;
  self->row_problem = -1;
  self->row_blank = TRUE;
  self->row_over_cap = FALSE;
}

static void
drop_row (OvCsvReader *self)
{
  g_array_set_size (self->filling->fields, self->row_first_field);
  g_string_truncate (self->filling->arena, self->row_arena_start);
  reset_row (self);
}

/* Ends the row being assembled at the current position. Empty lines, and
 * lines whose fields are all blank (spreadsheets write ",,,"), are not rows. */
static void
end_row (OvCsvReader *self)
{
  Row row;

  row.first_field = self->row_first_field;
  row.n_fields = self->filling->fields->len - self->row_first_field;
  row.end_line = self->line;
  row.end_column = self->column;
  row.problem = self->row_problem;

  if (self->row_problem < 0 && (row.n_fields == 0 || self->row_blank))
    {
      drop_row (self);
      return;
    }

  if (row.n_fields > 0)
    row.line = g_array_index (self->filling->fields, Field, row.first_field).line;
  else
    row.line = ((OvCsvProblem *)g_ptr_array_index (self->filling->problems,
                                                    self->row_problem))->line;

  g_array_append_val (self->filling->rows, row);
  reset_row (self);
}

static void
on_row (int   c,
        void *user_data)
{
  OvCsvReader *self = user_data;

  /* A field just ended: @c ended it, or libcsv is finishing the file. */
  end_row (self);

  if (c < 0)
    return;

  /* CR LF is one line break: the LF right after a CR adds no line. */
  if (!(c == '\n' && self->after_cr == self->offset))
    {
      self->line++;
      self->column = 1;
    }
  self->offset++;
  if (c == '\r')
    self->after_cr = self->offset;
  self->after_field = FALSE;
}

/* libcsv stopped at the byte @bad: a quote inside an unquoted field, or
 * something after the closing quote of a quoted one. */
static void
quote_error (OvCsvReader  *self,
             const guchar *bad)
{
  const guchar *text = self->parser.entry_buf;
  gsize length = self->parser.entry_pos;
  gboolean quoted = self->parser.quoted;
  guint line, column;
  guint64 offset;

  open_field_start (self, &line, &column, &offset);

  if (quoted)
    {
      /* The field's text so far ends with its closing quote. */
      column++;
      offset++;
      walk_text (self, text, length > 0 ? length - 1 : 0, TRUE, FALSE, &line, &column, &offset);
      column++;
      offset++;
      row_problem (self, line, column, OV_CSV_ERROR_QUOTE,
                   g_strdup_printf (_("“%c” after the closing quote of a field; a quote inside "
                                      "a quoted field is written twice (\"\")"),
                                    g_ascii_isprint (*bad) ? *bad : '?'));
    }
  else
    {
      walk_text (self, text, length, FALSE, FALSE, &line, &column, &offset);
      row_problem (self, line, column, OV_CSV_ERROR_QUOTE,
                   g_strdup (_("a quote inside a field without quotes; put the whole field "
                               "in quotes and write the quote twice (\"\")")));
    }

  /* Forget the broken field; its row ends at the next line break. */
  csv_fini (&self->parser, NULL, NULL, NULL);
  self->line = line;
  self->column = column;
  self->offset = offset;
  self->after_field = FALSE;
  self->skipping = TRUE;
}

/* Drops the rest of a line after a quoting error; returns how many bytes. */
static gsize
skip_line (OvCsvReader  *self,
           const guchar *data,
           gsize         length)
{
  gsize i;

  for (i = 0; i < length; i++)
    {
      if (data[i] == '\r' || data[i] == '\n')
        {
          self->skipping = FALSE;
          break;
        }
      if ((data[i] & 0xC0) != 0x80)
        self->column++;
    }

  self->offset += i;
  self->fed += i;
  return i;
}

void
ov_csv_feed (OvCsvReader  *self,
             const guchar *data,
             gsize         length)
{
  while (length > 0 && self->parse_fatal == NULL)
    {
      gsize piece, done;

      if (self->skipping)
        {
          gsize skipped = skip_line (self, data, length);

          data += skipped;
          length -= skipped;
          continue;
        }

      piece = MIN (length, PIECE_SIZE);
      self->piece = data;
      self->piece_base = self->fed;
      self->piece_length = piece;

      done = csv_parse (&self->parser, data, piece, on_field, on_row, self);
      self->fed += done;
      self->pending_quoted = self->parser.quoted;

      if (done < piece)
        {
          if (csv_error (&self->parser) != CSV_EPARSE)
            {
              guint line, column;
              guint64 offset;

              open_field_start (self, &line, &column, &offset);
              ov_csv_set_fatal (self, line, column, OV_CSV_ERROR_TOO_LONG,
                         _("there is not enough memory for this field"));
              return;
            }

          quote_error (self, data + done);
          data += done;
          length -= done;
          continue;
        }

      if (self->parser.entry_pos > OV_CSV_MAX_FIELD_SIZE)
        {
          guint line, column;
          guint64 offset;

          open_field_start (self, &line, &column, &offset);
          ov_csv_set_fatal (self, line, column, OV_CSV_ERROR_TOO_LONG,
                     self->parser.quoted
                       ? _("this quoted field is longer than 1 MiB; is its closing quote "
                           "missing?")
                       : _("this field is longer than 1 MiB"));
          return;
        }

      data += piece;
      length -= piece;
    }
}

void
ov_csv_finish (OvCsvReader *self)
{
  self->at_end = TRUE;
  self->piece = NULL;
  self->piece_length = 0;
  self->piece_base = self->fed;

  if (self->parse_fatal != NULL)
    return;

  if (self->skipping)
    {
      self->skipping = FALSE;
      end_row (self);
      return;
    }

  if (csv_fini (&self->parser, on_field, on_row, self) != 0)
    {
      guint line, column;
      guint64 offset;

      open_field_start (self, &line, &column, &offset);
      ov_csv_set_fatal (self, line, column, OV_CSV_ERROR_UNCLOSED_QUOTE,
                 _("this quote is never closed: the field runs to the end of the file"));
    }
}
