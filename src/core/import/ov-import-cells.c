/* ov-import-cells.c — reading the cells of an import row: texts, dates,
 * stages, statuses, yes/no, numbers, roles
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every reader reports its own problem, at the cell's line and column and
 * prefixed with the column's name as the file spells it, and returns FALSE;
 * the row is then rejected. The hot paths (plain ISO dates, plain numbers,
 * stage ids) avoid allocating: a million-row import reads ten million
 * cells.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ov-csv-writer.h"
#include "ov-import-private.h"
#include "ov-number.h"
#include "ov-role.h"
#include "ov-stage.h"

gboolean
ov_import_run_has (OvImportRun *run,
                   int          field)
{
  return run->column_of[field] >= 0;
}

/* The cell as written, less the apostrophe an export put before text a
 * spreadsheet would take for a formula. */
OvSlice
ov_import_run_text (OvImportRun *run,
                    int          field)
{
  OvSlice slice = { "", 0 };
  gsize length;

  if (run->column_of[field] < 0)
    return slice;

  slice.str = ov_csv_row_get_field (run->row, run->column_of[field], &length);
  slice.len = length;
  if (slice.str[0] == '\'' && ov_csv_text_needs_neutralizing (slice.str + 1, length - 1))
    {
      slice.str++;
      slice.len--;
    }

  return slice;
}

/* The cell without spaces around it: for ids, codes, dates and numbers. */
OvSlice
ov_import_run_key (OvImportRun *run,
                   int          field)
{
  OvSlice slice = ov_import_run_text (run, field);

  while (slice.len > 0 && g_ascii_isspace (slice.str[0]))
    {
      slice.str++;
      slice.len--;
    }
  while (slice.len > 0 && g_ascii_isspace (slice.str[slice.len - 1]))
    slice.len--;

  return slice;
}

/* A NUL-terminated copy that lives until the next row; no copy when the
 * slice already ends the cell. */
const char *
ov_import_run_dup (OvImportRun *run,
                   OvSlice      slice)
{
  char *copy;

  if (slice.str[slice.len] == '\0')
    return slice.str;

  copy = g_strndup (slice.str, slice.len);
  g_ptr_array_add (run->row_strings, copy);
  return copy;
}

gboolean
ov_slice_equal (OvSlice     slice,
                const char *text)
{
  if (text == NULL)
    text = "";

  return strncmp (slice.str, text, slice.len) == 0 && text[slice.len] == '\0';
}

gboolean
ov_slices_equal (OvSlice a,
                 OvSlice b)
{
  return a.len == b.len && memcmp (a.str, b.str, a.len) == 0;
}

static const char *
order_name (OvDateOrder order)
{
  return order == OV_DATE_ORDER_DMY ? _("day/month/year") : _("month/day/year");
}

/* Reads a date cell. Numeric dates (03/04/2026) are read in the order the
 * user chose, or else in the order the column's own values prove: one with
 * a number over 12 decides for the whole column. A column that never says
 * stays unreadable until the user chooses. */
gboolean
ov_import_run_date (OvImportRun *run,
                    int          field,
                    OvDate      *date)
{
  g_autoptr(GError) error = NULL;
  OvSlice slice = ov_import_run_key (run, field);
  const char *text;
  OvDateOrder order;

  *date = OV_DATE_NONE;
  if (slice.len == 0)
    return TRUE;

  if (ov_date_parse_iso_exact (slice.str, slice.len, date))
    return TRUE;

  text = ov_import_run_dup (run, slice);
  if (!ov_date_is_numeric (text))
    {
      if (!ov_date_parse_iso (text, date, &error))
        {
          ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
          return FALSE;
        }
      return TRUE;
    }

  if (!ov_date_check_numeric_time (text, &error))
    {
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
      return FALSE;
    }

  order = run->user_date_order;
  if (order == OV_DATE_ORDER_AUTO)
    {
      OvDateOrder guess = ov_date_guess_order (text);

      if (run->date_conflict_line[field] > 0)
        {
          OvDateOrder first = run->date_order[field];

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("the dates of this column are not all in one order: line %u "
                                  "has “%s” (%s) and line %u has “%s” (%s); choose the date "
                                  "order"),
                                run->date_order_line[field], run->date_order_text[field],
                                order_name (first), run->date_conflict_line[field],
                                run->date_conflict_text[field],
                                order_name (first == OV_DATE_ORDER_DMY ? OV_DATE_ORDER_MDY
                                                                       : OV_DATE_ORDER_DMY));
          return FALSE;
        }

      order = run->date_order[field];
      if (order == OV_DATE_ORDER_AUTO && guess != OV_DATE_ORDER_AUTO)
        {
          /* The first value that decides: later ones follow it. */
          order = run->date_order[field] = guess;
          run->date_order_line[field] = ov_csv_row_get_line (run->row);
          g_free (run->date_order_text[field]);
          run->date_order_text[field] = g_strdup (text);
        }
      else if (order != OV_DATE_ORDER_AUTO && guess != OV_DATE_ORDER_AUTO && guess != order)
        {
          /* A mixed column: read it all, so that every date in it is
           * refused, not just those after the first contradiction. */
          if (!run->dates_prescanned)
            {
              run->restart = TRUE;
              return FALSE;
            }

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("“%s” can only be %s, but line %u has “%s”, which can only "
                                  "be %s; choose the date order"),
                                text, order_name (guess), run->date_order_line[field],
                                run->date_order_text[field], order_name (order));
          return FALSE;
        }

      if (order == OV_DATE_ORDER_AUTO)
        {
          if (ov_date_parse_with_order (text, OV_DATE_ORDER_AUTO, date, NULL))
            return TRUE;   /* the same day either way, such as 05/05/2026 */

          if (!run->dates_prescanned)
            {
              /* A later row may decide: read the whole column first. */
              run->restart = TRUE;
              return FALSE;
            }

          ov_import_run_reject (run, field, OV_CSV_ERROR_DATE_ORDER,
                                _("“%s” could be day/month/year or month/day/year, and no date "
                                  "in this column tells which; choose the date order"),
                                text);
          return FALSE;
        }
    }

  if (!ov_date_parse_with_order (text, order, date, &error))
    {
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

/* Lower-case ASCII letters and digits of @slice, nothing else; FALSE when
 * it does not fit or has other letters (then the slow path decides). */
static gboolean
squeeze (OvSlice  slice,
         char    *out,
         gsize    size)
{
  gsize n = 0;

  for (int i = 0; i < slice.len; i++)
    {
      guchar c = slice.str[i];

      if (c >= 0x80)
        return FALSE;
      if (!g_ascii_isalnum (c))
        continue;
      if (n + 1 >= size)
        return FALSE;
      out[n++] = g_ascii_tolower (c);
    }

  out[n] = '\0';
  return TRUE;
}

/* A stage by id, title or number; 0 when the cell is empty. */
gboolean
ov_import_run_stage (OvImportRun *run,
                     int          field,
                     OvStage     *stage)
{
  static const char * const ids[] = { "embark", "handoff", "kickoff", "adopt", "review", "expand" };
  OvSlice slice = ov_import_run_key (run, field);
  char word[16];

  *stage = 0;
  if (slice.len == 0)
    return TRUE;

  if (slice.len == 1 && slice.str[0] >= '1' && slice.str[0] <= '6')
    {
      *stage = slice.str[0] - '0';
      return TRUE;
    }

  if (squeeze (slice, word, sizeof word))
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (strcmp (word, ids[i]) == 0)
        {
          *stage = i + 1;
          return TRUE;
        }

  if (ov_stage_parse (ov_import_run_dup (run, slice), stage))
    return TRUE;

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%.*s” is not a stage; use Embark, Handoff, Kickoff, Adopt, Review, "
                          "Expand or their number 1–6"),
                        slice.len, slice.str);
  return FALSE;
}

/* An account status by name; -1 when the cell is empty. */
gboolean
ov_import_run_status (OvImportRun *run,
                      int          field,
                      int         *status)
{
  static const char * const ids[] = { "active", "paused", "churned" };
  OvSlice slice = ov_import_run_key (run, field);
  OvAccountStatus parsed;
  char word[16];

  *status = -1;
  if (slice.len == 0)
    return TRUE;

  if (squeeze (slice, word, sizeof word))
    for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
      if (strcmp (word, ids[i]) == 0)
        {
          *status = i;
          return TRUE;
        }

  if (ov_account_status_parse (ov_import_run_dup (run, slice), &parsed))
    {
      *status = parsed;
      return TRUE;
    }

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%.*s” is not a status; use Active, Paused or Churned"),
                        slice.len, slice.str);
  return FALSE;
}

gboolean
ov_import_run_boolean (OvImportRun *run,
                       int          field,
                       gboolean    *value)
{
  static const char * const yes[] = { "1", "true", "yes", "y", "x", "baseline", "before" };
  static const char * const no[] = { "0", "false", "no", "n", "after" };
  OvSlice slice = ov_import_run_key (run, field);
  const char *text;

  *value = FALSE;
  if (slice.len == 0)
    return TRUE;

  text = ov_import_run_dup (run, slice);
  for (guint i = 0; i < G_N_ELEMENTS (yes); i++)
    if (g_ascii_strcasecmp (text, yes[i]) == 0)
      {
        *value = TRUE;
        return TRUE;
      }
  for (guint i = 0; i < G_N_ELEMENTS (no); i++)
    if (g_ascii_strcasecmp (text, no[i]) == 0)
      return TRUE;

  if (g_utf8_collate (text, _("yes")) == 0)
    {
      *value = TRUE;
      return TRUE;
    }
  if (g_utf8_collate (text, _("no")) == 0)
    return TRUE;

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE,
                        _("“%s” is neither yes nor no; use yes, no, true, false, 1 or 0"), text);
  return FALSE;
}

/* A decimal number: "12.5", "12,5", "1,234.5", "-3", "80 %". Thousands
 * groups and decimal marks as ov_number_scan() reads them; a lone
 * separator before three digits ("1,234") is refused as ambiguous. No
 * allocation: the digits are copied to the stack. */
gboolean
ov_import_run_number (OvImportRun *run,
                      int          field,
                      double      *value)
{
  OvSlice slice = ov_import_run_key (run, field);
  char plain[OV_NUMBER_PLAIN_SIZE + 1];
  OvNumberStatus status = OV_NUMBER_NOT_A_NUMBER;
  const char *p = slice.str;
  const char *end = slice.str + slice.len;
  char *parsed_end = NULL;
  gsize size;

  *value = 0;

  plain[0] = '\0';
  if (p < end && (*p == '-' || *p == '+'))
    plain[0] = *p++;

  size = ov_number_scan (p, end - p, OV_NUMBER_LONE_GROUP_AMBIGUOUS,
                         plain + (plain[0] != '\0'), &status);
  p += size;
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '%')
    p++;

  if (size == 0 || p != end)
    status = OV_NUMBER_NOT_A_NUMBER;

  if (status == OV_NUMBER_OK)
    {
      *value = g_ascii_strtod (plain, &parsed_end);
      if (parsed_end == plain || *parsed_end != '\0' || !isfinite (*value))
        status = OV_NUMBER_NOT_A_NUMBER;
    }

  if (status != OV_NUMBER_OK)
    {
      g_autofree char *message = ov_number_describe (status, slice.str, slice.len);

      *value = 0;
      ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, "%s", message);
      return FALSE;
    }

  return TRUE;
}

/* A role id from a role's id or title; NULL (and the row rejected) when
 * @text names no role. */
const char *
ov_import_run_role (OvImportRun *run,
                    int          field,
                    OvSlice      text)
{
  g_autoptr(GString) titles = NULL;
  const char *role;

  role = ov_role_parse (ov_import_run_dup (run, text));
  if (role != NULL)
    return role;

  titles = g_string_new (NULL);
  for (const char * const *id = ov_role_list_all (); *id != NULL; id++)
    {
      if (titles->len > 0)
        g_string_append (titles, ", ");
      g_string_append (titles, ov_role_get_title (*id));
    }

  ov_import_run_reject (run, field, OV_CSV_ERROR_VALUE, _("“%.*s” is not a role; roles are: %s"),
                        text.len, text.str, titles->str);
  return NULL;
}
