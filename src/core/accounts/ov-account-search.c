/* ov-account-search.c — finding accounts by what is typed in a search
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the public API is used here.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <string.h>

#include "ov-account.h"

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
