/* ov-account-sort.c — the orders the account list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every order ends in the case-folded name, then the id, so that it is
 * total. Sorting 100,000 accounts compares pairs some two million times;
 * sample portfolios (and real ones: branches, subsidiaries) repeat names,
 * so most comparisons walk whole names. The sort therefore folds each name
 * once, into one block of memory, and sorts small entries that carry the
 * folded name, the field sorted on and the id: a comparison then touches
 * no account and calls nothing but strcmp().
 *
 * Segments and packages sort by their text whatever its case, blanks last
 * in either direction. Days in stage, open tasks and health come from the
 * order's OvAccountFigures: an account without them (not read yet, or no
 * data) sorts last in either direction, like a missing date.
 *
 * Amounts in different currencies are not comparable: ARR sorts by
 * currency code first (in either direction), then by amount, so 1,000 EUR
 * never stands between two USD amounts. An ARR nobody knows sorts after
 * every amount of its currency in both directions, as missing dates do.
 */

#define G_LOG_DOMAIN "ov-account-list"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-account-sort.h"
#include "ov-date.h"
#include "ov-money.h"

static int
compare_int (gint64 a,
             gint64 b)
{
  return a < b ? -1 : a > b ? 1 : 0;
}

/* Missing values (no date, no TTFV) sort after present ones either way. */
static int
compare_optional (gint64 a,
                  gint64 b,
                  gint64 none,
                  int    direction)
{
  if (a == none || b == none)
    return a == b ? 0 : a == none ? 1 : -1;

  return direction * compare_int (a, b);
}

gboolean
ov_account_sort_key_is_figure (OvAccountSortKey key)
{
  return key == OV_ACCOUNT_SORT_DAYS_IN_STAGE || key == OV_ACCOUNT_SORT_OPEN_TASKS ||
         key == OV_ACCOUNT_SORT_HEALTH;
}

/* What is missing from the figures sorts last. */
#define FIGURE_NONE G_MININT64

/* A figure as a number that orders as the column reads: open tasks, then
 * the overdue among them; health to a thousandth. */
static gint64
figure_value (const OvAccountOrder *order,
              OvAccount            *account)
{
  const OvAccountFigure *figure = NULL;

  if (order->figures != NULL)
    figure = ov_account_figures_lookup (order->figures, ov_account_get_id (account));
  if (figure == NULL)
    return FIGURE_NONE;

  if (order->key == OV_ACCOUNT_SORT_DAYS_IN_STAGE)
    return figure->days_in_stage >= 0 ? figure->days_in_stage : FIGURE_NONE;
  if (order->key == OV_ACCOUNT_SORT_OPEN_TASKS)
    return ((gint64)figure->open_tasks << 32) | figure->overdue_tasks;

  g_assert (order->key == OV_ACCOUNT_SORT_HEALTH);
  return isnan (figure->health) ? FIGURE_NONE : llround (figure->health * 1000.0);
}

/* Two texts whatever their ASCII case ("SMB" and "smb" tie, and go by
 * name); blank ones last in either direction. */
static int
compare_text (const char *a,
              const char *b,
              int         direction)
{
  if (a == b)
    return 0;
  if (a[0] == '\0' || b[0] == '\0')
    return a[0] == b[0] ? 0 : a[0] == '\0' ? 1 : -1;

  return direction * g_ascii_strcasecmp (a, b);
}

/* The field @order sorts on, as a number (an owner: its text). */
static gint64
field_value (const OvAccountOrder *order,
             OvAccount            *account)
{
  switch (order->key)
    {
    case OV_ACCOUNT_SORT_NAME:
      return 0;
    case OV_ACCOUNT_SORT_STAGE:
      return ov_account_get_stage (account);
    case OV_ACCOUNT_SORT_OWNER:
      return (gint64)(gintptr)ov_account_get_owner (account);
    case OV_ACCOUNT_SORT_STATUS:
      return ov_account_get_status (account);
    case OV_ACCOUNT_SORT_ARR:
      return ov_account_get_arr_cents (account);
    case OV_ACCOUNT_SORT_CLOSE_DATE:
    case OV_ACCOUNT_SORT_DAYS_SINCE_CLOSE:
      return ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
    case OV_ACCOUNT_SORT_TTFV:
      return ov_account_get_ttfv_days (account);
    case OV_ACCOUNT_SORT_UPDATED:
      return ov_account_get_updated_at (account);
    case OV_ACCOUNT_SORT_SEGMENT:
      return (gint64)(gintptr)ov_account_get_segment (account);
    case OV_ACCOUNT_SORT_PACKAGE:
      return (gint64)(gintptr)ov_account_get_package (account);
    case OV_ACCOUNT_SORT_DAYS_IN_STAGE:
    case OV_ACCOUNT_SORT_OPEN_TASKS:
    case OV_ACCOUNT_SORT_HEALTH:
      return figure_value (order, account);
    default:
      g_assert_not_reached ();
    }
}

/* The order of two values of field_value(); 0 leaves it to the names. */
static int
compare_fields (const OvAccountOrder *order,
                gint64                a,
                gint64                b)
{
  int direction = order->descending ? -1 : 1;

  switch (order->key)
    {
    case OV_ACCOUNT_SORT_NAME:
      return 0;
    case OV_ACCOUNT_SORT_OWNER:
      /* Owners are interned: the same owner is the same pointer. */
      return a == b ? 0 : direction * strcmp ((const char *)(gintptr)a,
                                              (const char *)(gintptr)b);
    case OV_ACCOUNT_SORT_STAGE:
    case OV_ACCOUNT_SORT_STATUS:
    case OV_ACCOUNT_SORT_UPDATED:
      return direction * compare_int (a, b);
    case OV_ACCOUNT_SORT_ARR:
      return compare_optional (a, b, OV_MONEY_UNKNOWN, direction);
    case OV_ACCOUNT_SORT_CLOSE_DATE:
      return compare_optional (a, b, OV_DATE_NONE, direction);
    case OV_ACCOUNT_SORT_DAYS_SINCE_CLOSE:
      /* More days since close is an earlier close date. */
      return compare_optional (a, b, OV_DATE_NONE, -direction);
    case OV_ACCOUNT_SORT_TTFV:
      return compare_optional (a, b, -1, direction);
    case OV_ACCOUNT_SORT_SEGMENT:
    case OV_ACCOUNT_SORT_PACKAGE:
      return compare_text ((const char *)(gintptr)a, (const char *)(gintptr)b, direction);
    case OV_ACCOUNT_SORT_DAYS_IN_STAGE:
    case OV_ACCOUNT_SORT_OPEN_TASKS:
    case OV_ACCOUNT_SORT_HEALTH:
      return compare_optional (a, b, FIGURE_NONE, direction);
    default:
      g_assert_not_reached ();
    }
}

/* Currencies are interned; by code, those without one last. */
static int
compare_currencies (const char *a,
                    const char *b)
{
  if (a == b)
    return 0;
  if (a[0] == '\0' || b[0] == '\0')
    return a[0] == b[0] ? 0 : a[0] == '\0' ? 1 : -1;

  return strcmp (a, b);
}

static int
name_direction (const OvAccountOrder *order)
{
  return order->key == OV_ACCOUNT_SORT_NAME && order->descending ? -1 : 1;
}

int
ov_account_order_compare (const OvAccountOrder *order,
                          OvAccount            *a,
                          OvAccount            *b)
{
  int result = 0;

  if (order->key == OV_ACCOUNT_SORT_ARR)
    result = compare_currencies (ov_account_get_currency (a), ov_account_get_currency (b));
  if (result == 0 && order->key != OV_ACCOUNT_SORT_NAME)
    result = compare_fields (order, field_value (order, a), field_value (order, b));

  if (result == 0)
    result = name_direction (order) * ov_account_compare_names (a, b);
  if (result == 0)
    result = compare_int (ov_account_get_id (a), ov_account_get_id (b));

  return result;
}

gboolean
ov_account_order_is_sorted (const OvAccountOrder *order,
                            GPtrArray            *accounts)
{
  for (guint i = 1; i < accounts->len; i++)
    if (ov_account_order_compare (order, accounts->pdata[i - 1], accounts->pdata[i]) > 0)
      return FALSE;

  return TRUE;
}

typedef struct
{
  guint64     prefix;   /* the first eight bytes of @name, big-endian */
  const char *name;     /* case-folded */
  OvAccount  *account;
  gint64      field;
  const char *currency; /* with ARR only, else NULL */
  gint64      id;
} Entry;

static int
compare_names (const Entry *a,
               const Entry *b)
{
  if (a->prefix != b->prefix)
    return a->prefix < b->prefix ? -1 : 1;

  return strcmp (a->name, b->name);
}

static int
compare_entries (gconstpointer pa,
                 gconstpointer pb,
                 gpointer      user_data)
{
  const OvAccountOrder *order = user_data;
  const Entry *a = pa, *b = pb;
  int result = 0;

  if (a->currency != NULL)
    result = compare_currencies (a->currency, b->currency);
  if (result == 0 && order->key != OV_ACCOUNT_SORT_NAME)
    result = compare_fields (order, a->field, b->field);

  if (result == 0)
    result = name_direction (order) * compare_names (a, b);
  if (result == 0)
    result = compare_int (a->id, b->id);

  return result;
}

/* Appends @name case-folded, as ov_account_compare_names() compares it. */
static void
append_folded (GByteArray *out,
               const char *name)
{
  gsize start = out->len;
  gsize len = strlen (name);
  gboolean ascii = TRUE;

  g_byte_array_append (out, (const guint8 *)name, len + 1);
  for (gsize i = start; i < start + len; i++)
    {
      guint8 c = out->data[i];

      if (c >= 0x80)
        ascii = FALSE;
      else if (c >= 'A' && c <= 'Z')
        out->data[i] = c + ('a' - 'A');
    }

  if (!ascii)
    {
      g_autofree char *folded = g_utf8_casefold (name, -1);

      g_byte_array_set_size (out, start);
      g_byte_array_append (out, (const guint8 *)folded, strlen (folded) + 1);
    }
}

/* Sorts @accounts (of OvAccount) in place, in any thread. */
void
ov_account_order_sort (const OvAccountOrder *order,
                       GPtrArray            *accounts)
{
  g_autoptr(GByteArray) names = NULL;
  g_autofree Entry *entries = NULL;
  g_autofree gsize *offsets = NULL;
  guint n = accounts->len;

  if (n < 2)
    return;

  names = g_byte_array_sized_new (n * 24);
  offsets = g_new (gsize, n);
  for (guint i = 0; i < n; i++)
    {
      offsets[i] = names->len;
      append_folded (names, ov_account_get_name (accounts->pdata[i]));
    }

  entries = g_new (Entry, n);
  for (guint i = 0; i < n; i++)
    {
      OvAccount *account = accounts->pdata[i];

      entries[i].name = (const char *)names->data + offsets[i];
      entries[i].prefix = 0;
      for (guint j = 0; j < 8; j++)
        {
          guchar c = entries[i].name[j];

          entries[i].prefix = (entries[i].prefix << 8) | c;
          /* Past the end, the rest of the prefix stays zero. */
          if (c == '\0')
            {
              entries[i].prefix <<= 8 * (7 - j);
              break;
            }
        }
      entries[i].account = account;
      entries[i].field = field_value (order, account);
      entries[i].currency = order->key == OV_ACCOUNT_SORT_ARR
                              ? ov_account_get_currency (account) : NULL;
      entries[i].id = ov_account_get_id (account);
    }

  g_qsort_with_data (entries, n, sizeof (Entry), compare_entries, (gpointer)order);

  for (guint i = 0; i < n; i++)
    accounts->pdata[i] = entries[i].account;
}
