/* ov-account-search.c — finding accounts by what is typed in a search,
 * and ordering them by name
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A sort compares names far more often than names change: each account
 * keeps the first bytes of its name packed into one number (made here,
 * kept in ov-account.c), and most comparisons end there.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <string.h>

#include "ov-account-private.h"

/* The first eight bytes of @name, lower-cased, as one big-endian number;
 * @ascii says whether they are plain ASCII, as only then does the number
 * order names as ov_account_compare_names() does. */
guint64
ov_account_pack_name_prefix (const char *name,
                             gboolean   *ascii)
{
  guint64 prefix = 0;
  int i;

  if (name == NULL)
    name = "";

  *ascii = TRUE;
  for (i = 0; i < 8 && name[i] != '\0'; i++)
    {
      if ((guchar)name[i] >= 0x80)
        {
          *ascii = FALSE;
          break;
        }
      prefix = (prefix << 8) | (guchar)g_ascii_tolower (name[i]);
    }

  /* Shifting a 64-bit value by 64 is undefined: an empty name is 0. */
  return i == 0 ? 0 : prefix << (8 * (8 - i));
}

static gboolean
is_ascii (const char *text)
{
  for (const char *p = text; *p; p++)
    if ((guchar)*p >= 0x80)
      return FALSE;

  return TRUE;
}

/* Name, owner, segment and external id, case-folded and separated by a
 * character no search contains, so one strstr() covers all four fields.
 * Not kept on the account: OvAccountList copies every key into one buffer,
 * and 100,000 accounts would hold each twice. */
void
ov_account_append_search_key (OvAccount  *self,
                              GByteArray *out)
{
  const char *fields[4];

  g_return_if_fail (OV_IS_ACCOUNT (self));

  fields[0] = ov_account_get_name (self);
  fields[1] = ov_account_get_owner (self);
  fields[2] = ov_account_get_segment (self);
  fields[3] = ov_account_get_external_id (self);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      const char *text = fields[i];

      if (i > 0)
        g_byte_array_append (out, (const guint8 *)"\n", 1);

      if (is_ascii (text))
        {
          gsize start = out->len;
          gsize len = strlen (text);

          g_byte_array_append (out, (const guint8 *)text, len);
          for (gsize j = start; j < out->len; j++)
            out->data[j] = g_ascii_tolower (out->data[j]);
        }
      else
        {
          g_autofree char *folded = g_utf8_casefold (text, -1);

          g_byte_array_append (out, (const guint8 *)folded, strlen (folded));
        }
    }
}

char *
ov_account_dup_search_key (OvAccount *self)
{
  GByteArray *key = g_byte_array_sized_new (64);

  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  ov_account_append_search_key (self, key);
  g_byte_array_append (key, (const guint8 *)"", 1);
  return (char *)g_byte_array_free (key, FALSE);
}

/* Orders by case-folded name without building keys: by the packed
 * prefixes when both are plain ASCII and differ, else byte by byte for
 * ASCII, through Unicode folding from the first other character. */
int
ov_account_compare_names (OvAccount *a,
                          OvAccount *b)
{
  const char *x = ov_account_get_name (a);
  const char *y = ov_account_get_name (b);
  g_autofree char *fx = NULL;
  g_autofree char *fy = NULL;
  gboolean a_ascii = FALSE, b_ascii = FALSE;
  guint64 a_prefix = ov_account_get_name_prefix (a, &a_ascii);
  guint64 b_prefix = ov_account_get_name_prefix (b, &b_ascii);

  if (a_ascii && b_ascii && a_prefix != b_prefix)
    return a_prefix < b_prefix ? -1 : 1;

  for (; *x && *y; x++, y++)
    {
      guchar cx = (guchar)*x, cy = (guchar)*y;

      if (cx >= 0x80 || cy >= 0x80)
        break;
      if (g_ascii_tolower (cx) != g_ascii_tolower (cy))
        return (int)g_ascii_tolower (cx) - (int)g_ascii_tolower (cy);
    }

  if (*x == '\0' || *y == '\0')
    return (int)(guchar)*x - (int)(guchar)*y;

  fx = g_utf8_casefold (x, -1);
  fy = g_utf8_casefold (y, -1);
  return strcmp (fx, fy);
}
