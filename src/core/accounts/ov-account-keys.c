/* ov-account-keys.c — an account's search key and the order of names
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Searching and sorting fold case the same way: ASCII byte by byte, the
 * rest through Unicode case folding.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <string.h>

#include "ov-account-private.h"

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
  const char *fields[] = { ov_account_get_name (self), ov_account_get_owner (self),
                           ov_account_get_segment (self), ov_account_get_external_id (self) };

  g_return_if_fail (OV_IS_ACCOUNT (self));

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      if (i > 0)
        g_byte_array_append (out, (const guint8 *)"\n", 1);
      ov_account_append_folded (out, fields[i] ? fields[i] : "");
    }
}

/* Appends @text case-folded, as search keys hold it (without a NUL). */
void
ov_account_append_folded (GByteArray *out,
                          const char *text)
{
  if (is_ascii (text))
    {
      gsize start = out->len;
      gsize len = strlen (text);

      g_byte_array_append (out, (const guint8 *)text, len);
      for (gsize j = start; j < out->len; j++)
        out->data[j] = ov_account_ascii_lower (out->data[j]);
    }
  else
    {
      g_autofree char *folded = g_utf8_casefold (text, -1);

      g_byte_array_append (out, (const guint8 *)folded, strlen (folded));
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

/* Orders by case-folded name without building keys: byte by byte for
 * ASCII, through Unicode folding from the first other character. (A sort
 * of many accounts folds each name once instead: ov-account-sort.c.) */
int
ov_account_compare_names (OvAccount *a,
                          OvAccount *b)
{
  const char *x = ov_account_get_name (a);
  const char *y = ov_account_get_name (b);
  g_autofree char *fx = NULL;
  g_autofree char *fy = NULL;

  /* Neighbours in a sorted portfolio often share their name. */
  if (strcmp (x, y) == 0)
    return 0;

  for (; *x && *y; x++, y++)
    {
      guchar cx = (guchar)*x, cy = (guchar)*y;

      if (cx >= 0x80 || cy >= 0x80)
        break;
      if (cx == cy)
        continue;
      if (ov_account_ascii_lower (cx) != ov_account_ascii_lower (cy))
        return (int)ov_account_ascii_lower (cx) - (int)ov_account_ascii_lower (cy);
    }

  if (*x == '\0' || *y == '\0')
    return (int)(guchar)*x - (int)(guchar)*y;

  fx = g_utf8_casefold (x, -1);
  fy = g_utf8_casefold (y, -1);
  return strcmp (fx, fy);
}
