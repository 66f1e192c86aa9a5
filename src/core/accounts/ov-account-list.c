/* ov-account-list.c — the portfolio as a filtered, sorted list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds every account once (loaded by one query) and keeps two arrays of
 * pointers into it: all accounts in sort order, and the ones that pass the
 * filters. Search and sort work on those arrays in place, so a keystroke over
 * 100,000 accounts costs one pass of strstr() and never touches the database
 * or creates widgets for rows nobody sees.
 */

#define G_LOG_DOMAIN "ov-account-list"
#define _GNU_SOURCE /* memmem */

#include "config.h"

#include <string.h>

#include "ov-account-list.h"
#include "ov-date.h"

typedef struct
{
  OvAccountSortKey key;
  gboolean         descending;
} SortOrder;

struct _OvAccountList
{
  GObject           parent_instance;

  GPtrArray        *sorted;
  GPtrArray        *visible;

  /* Every search key in sort order, NUL-separated, with where each row
   * starts: one memmem() pass over contiguous memory finds the matches of
   * a keystroke. Rebuilt when rows or their order change. */
  GByteArray       *haystack;
  GArray           *row_starts;
  gboolean          haystack_valid;
  guint             haystack_idle;

  char             *search;
  char             *owner;
  int               stage;
  int               status;

  SortOrder         order;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OvAccountList, ov_account_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_ITEMS,
  PROP_N_TOTAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
ov_account_list_get_item_type (GListModel *model)
{
  return OV_TYPE_ACCOUNT;
}

static guint
ov_account_list_get_n_items (GListModel *model)
{
  return OV_ACCOUNT_LIST (model)->visible->len;
}

static gpointer
ov_account_list_get_item (GListModel *model,
                          guint       position)
{
  OvAccountList *self = OV_ACCOUNT_LIST (model);

  if (position >= self->visible->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->visible, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ov_account_list_get_item_type;
  iface->get_n_items = ov_account_list_get_n_items;
  iface->get_item = ov_account_list_get_item;
}

static void
ov_account_list_finalize (GObject *object)
{
  OvAccountList *self = (OvAccountList *)object;

  g_clear_pointer (&self->visible, g_ptr_array_unref);
  g_clear_pointer (&self->sorted, g_ptr_array_unref);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->owner, g_free);
  g_clear_handle_id (&self->haystack_idle, g_source_remove);
  g_clear_pointer (&self->haystack, g_byte_array_unref);
  g_clear_pointer (&self->row_starts, g_array_unref);

  G_OBJECT_CLASS (ov_account_list_parent_class)->finalize (object);
}

static void
ov_account_list_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  OvAccountList *self = OV_ACCOUNT_LIST (object);

  switch (prop_id)
    {
    case PROP_N_ITEMS:
      g_value_set_uint (value, self->visible->len);
      break;
    case PROP_N_TOTAL:
      g_value_set_uint (value, self->sorted->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_list_class_init (OvAccountListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_account_list_finalize;
  object_class->get_property = ov_account_list_get_property;

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_TOTAL] =
    g_param_spec_uint ("n-total", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_account_list_init (OvAccountList *self)
{
  self->sorted = g_ptr_array_new_with_free_func (g_object_unref);
  self->visible = g_ptr_array_new ();
  self->haystack = g_byte_array_new ();
  self->row_starts = g_array_new (FALSE, FALSE, sizeof (guint));
  self->stage = OV_ACCOUNT_FILTER_ANY;
  self->status = OV_ACCOUNT_FILTER_ANY;
  self->order.key = OV_ACCOUNT_SORT_NAME;
}

OvAccountList *
ov_account_list_new (void)
{
  return g_object_new (OV_TYPE_ACCOUNT_LIST, NULL);
}

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

static int
compare_accounts (gconstpointer pa,
                  gconstpointer pb,
                  gpointer      user_data)
{
  const SortOrder *order = user_data;
  OvAccount *a = *(OvAccount **)pa;
  OvAccount *b = *(OvAccount **)pb;
  int direction = order->descending ? -1 : 1;
  int result = 0;

  switch (order->key)
    {
    case OV_ACCOUNT_SORT_NAME:
      break;
    case OV_ACCOUNT_SORT_STAGE:
      result = direction * compare_int (ov_account_get_stage (a), ov_account_get_stage (b));
      break;
    case OV_ACCOUNT_SORT_OWNER:
      result = direction * strcmp (ov_account_get_owner (a), ov_account_get_owner (b));
      break;
    case OV_ACCOUNT_SORT_STATUS:
      result = direction * compare_int (ov_account_get_status (a), ov_account_get_status (b));
      break;
    case OV_ACCOUNT_SORT_ARR:
      result = direction * compare_int (ov_account_get_arr_cents (a),
                                        ov_account_get_arr_cents (b));
      break;
    case OV_ACCOUNT_SORT_CLOSE_DATE:
      result = compare_optional (ov_account_get_date (a, OV_ACCOUNT_DATE_CLOSE),
                                 ov_account_get_date (b, OV_ACCOUNT_DATE_CLOSE),
                                 OV_DATE_NONE, direction);
      break;
    case OV_ACCOUNT_SORT_DAYS_SINCE_CLOSE:
      /* More days since close is an earlier close date. */
      result = compare_optional (ov_account_get_date (a, OV_ACCOUNT_DATE_CLOSE),
                                 ov_account_get_date (b, OV_ACCOUNT_DATE_CLOSE),
                                 OV_DATE_NONE, -direction);
      break;
    case OV_ACCOUNT_SORT_TTFV:
      result = compare_optional (ov_account_get_ttfv_days (a), ov_account_get_ttfv_days (b),
                                 -1, direction);
      break;
    case OV_ACCOUNT_SORT_UPDATED:
      result = direction * compare_int (ov_account_get_updated_at (a),
                                        ov_account_get_updated_at (b));
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = (order->key == OV_ACCOUNT_SORT_NAME ? direction : 1) *
             ov_account_compare_names (a, b);
  if (result == 0)
    result = compare_int (ov_account_get_id (a), ov_account_get_id (b));

  return result;
}

static gboolean
matches (OvAccountList *self,
         OvAccount     *account)
{
  if (self->stage != OV_ACCOUNT_FILTER_ANY && (int)ov_account_get_stage (account) != self->stage)
    return FALSE;

  if (self->status != OV_ACCOUNT_FILTER_ANY &&
      (int)ov_account_get_status (account) != self->status)
    return FALSE;

  if (self->owner != NULL && g_strcmp0 (ov_account_get_owner (account), self->owner) != 0)
    return FALSE;

  if (self->search != NULL)
    {
      g_autofree char *key = ov_account_dup_search_key (account);

      if (strstr (key, self->search) == NULL)
        return FALSE;
    }

  return TRUE;
}

static void
invalidate_haystack (OvAccountList *self)
{
  self->haystack_valid = FALSE;
}

static void
ensure_haystack (OvAccountList *self)
{
  if (self->haystack_valid)
    return;

  g_byte_array_set_size (self->haystack, 0);
  g_array_set_size (self->row_starts, 0);

  for (guint i = 0; i < self->sorted->len; i++)
    {
      guint start = self->haystack->len;

      g_array_append_val (self->row_starts, start);
      ov_account_append_search_key (g_ptr_array_index (self->sorted, i), self->haystack);
      g_byte_array_append (self->haystack, (const guint8 *)"", 1);
    }

  self->haystack_valid = TRUE;
}

/* The row whose key holds byte @offset of the haystack. */
static guint
row_at (OvAccountList *self,
        guint          offset)
{
  const guint *starts = (const guint *)(gpointer)self->row_starts->data;
  guint low = 0, high = self->row_starts->len;

  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (starts[mid] <= offset)
        low = mid;
      else
        high = mid;
    }

  return low;
}

/* Whether @account passes the filters other than the search text. */
static gboolean
matches_choices (OvAccountList *self,
                 OvAccount     *account)
{
  g_autofree char *search = g_steal_pointer (&self->search);
  gboolean result = matches (self, account);

  self->search = g_steal_pointer (&search);
  return result;
}

static void
search_haystack (OvAccountList *self,
                 GPtrArray     *into)
{
  const guint8 *start, *end, *hit;
  gsize needle_len = strlen (self->search);

  ensure_haystack (self);

  start = self->haystack->data;
  end = start + self->haystack->len;

  for (const guint8 *p = start; p < end; )
    {
      guint row;

      hit = memmem (p, end - p, self->search, needle_len);
      if (hit == NULL)
        break;

      row = row_at (self, hit - start);
      if (matches_choices (self, g_ptr_array_index (self->sorted, row)))
        g_ptr_array_add (into, g_ptr_array_index (self->sorted, row));

      /* On to the next row: one match per row is enough. */
      p = row + 1 < self->row_starts->len
            ? start + g_array_index (self->row_starts, guint, row + 1)
            : end;
    }
}

/* A search is one pass over all keys; filters alone test each account. */
static void
refilter (OvAccountList *self)
{
  GPtrArray *visible;
  guint old_len = self->visible->len;

  if (self->search != NULL)
    {
      visible = g_ptr_array_sized_new (64);
      search_haystack (self, visible);
    }
  else
    {
      visible = g_ptr_array_sized_new (MAX (self->sorted->len, 1));
      for (guint i = 0; i < self->sorted->len; i++)
        {
          OvAccount *account = g_ptr_array_index (self->sorted, i);

          if (matches (self, account))
            g_ptr_array_add (visible, account);
        }
    }

  g_ptr_array_unref (self->visible);
  self->visible = visible;

  if (old_len != 0 || visible->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, visible->len);
  if (old_len != visible->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

static gboolean
is_sorted (GPtrArray       *array,
           const SortOrder *order)
{
  for (guint i = 1; i < array->len; i++)
    if (compare_accounts (&array->pdata[i - 1], &array->pdata[i], (gpointer)order) > 0)
      return FALSE;

  return TRUE;
}

static void
resort (OvAccountList *self)
{
  /* A loader may have sorted the rows already, in its own thread. */
  if (!is_sorted (self->sorted, &self->order))
    g_ptr_array_sort_with_data (self->sorted, compare_accounts, &self->order);
  invalidate_haystack (self);
  refilter (self);
}

/**
 * ov_account_list_prepare:
 * @accounts: (element-type OvAccount): accounts about to be shown
 * @key: the order the list will show
 * @descending: whether it is reversed
 *
 * Does the slow part of ov_account_list_set_accounts() ahead of time and in
 * any thread: sorts @accounts in place.
 */
void
ov_account_list_prepare (GPtrArray        *accounts,
                         OvAccountSortKey  key,
                         gboolean          descending)
{
  SortOrder order = { key, descending };

  g_return_if_fail (accounts != NULL);

  g_ptr_array_sort_with_data (accounts, compare_accounts, &order);
}

void
ov_account_list_get_sort (OvAccountList    *self,
                          OvAccountSortKey *key,
                          gboolean         *descending)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  *key = self->order.key;
  *descending = self->order.descending;
}

static gboolean
build_haystack_idle (gpointer data)
{
  OvAccountList *self = data;

  self->haystack_idle = 0;
  ensure_haystack (self);
  return G_SOURCE_REMOVE;
}

void
ov_account_list_set_accounts (OvAccountList *self,
                              GPtrArray     *accounts)
{
  guint old_total;

  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  old_total = self->sorted->len;
  g_ptr_array_set_size (self->sorted, 0);
  if (accounts != NULL)
    for (guint i = 0; i < accounts->len; i++)
      g_ptr_array_add (self->sorted, g_object_ref (g_ptr_array_index (accounts, i)));

  resort (self);

  /* Ready before the first keystroke, without delaying the first frame. */
  if (self->haystack_idle == 0)
    self->haystack_idle = g_idle_add_full (G_PRIORITY_LOW, build_haystack_idle, self, NULL);

  if (old_total != self->sorted->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

GPtrArray *
ov_account_list_get_all (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  return self->sorted;
}

/* The account shown at @position, without a new reference. */
OvAccount *
ov_account_list_get_visible (OvAccountList *self,
                             guint          position)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);
  g_return_val_if_fail (position < self->visible->len, NULL);

  return g_ptr_array_index (self->visible, position);
}

guint
ov_account_list_get_n_total (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), 0);

  return self->sorted->len;
}

OvAccount *
ov_account_list_find (OvAccountList *self,
                      gint64         id)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  for (guint i = 0; i < self->sorted->len; i++)
    {
      OvAccount *account = g_ptr_array_index (self->sorted, i);

      if (ov_account_get_id (account) == id)
        return account;
    }

  return NULL;
}

gboolean
ov_account_list_get_position (OvAccountList *self,
                              OvAccount     *account,
                              guint         *position)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), FALSE);

  return g_ptr_array_find (self->visible, account, position);
}

/* Where @account belongs in @array (sorted by the current order). */
static guint
insertion_point (OvAccountList *self,
                 GPtrArray     *array,
                 OvAccount     *account)
{
  guint low = 0, high = array->len;

  while (low < high)
    {
      guint mid = low + (high - low) / 2;

      if (compare_accounts (&array->pdata[mid], &account, &self->order) < 0)
        low = mid + 1;
      else
        high = mid;
    }

  return low;
}

static void
place (OvAccountList *self,
       OvAccount     *account)
{
  guint index = insertion_point (self, self->sorted, account);

  g_ptr_array_insert (self->sorted, index, g_object_ref (account));
  invalidate_haystack (self);

  if (matches (self, account))
    {
      index = insertion_point (self, self->visible, account);
      g_ptr_array_insert (self->visible, index, account);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 0, 1);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }
}

/* Takes @account out of both arrays; returns whether it was there. */
static gboolean
unplace (OvAccountList *self,
         OvAccount     *account)
{
  guint index;

  if (g_ptr_array_find (self->visible, account, &index))
    {
      g_ptr_array_remove_index (self->visible, index);
      g_list_model_items_changed (G_LIST_MODEL (self), index, 1, 0);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
    }

  /* The reference held by @sorted may be the last one. */
  invalidate_haystack (self);
  g_object_ref (account);
  if (!g_ptr_array_remove (self->sorted, account))
    {
      g_object_unref (account);
      return FALSE;
    }
  g_object_unref (account);
  return TRUE;
}

void
ov_account_list_add (OvAccountList *self,
                     OvAccount     *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  place (self, account);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

void
ov_account_list_remove (OvAccountList *self,
                        OvAccount     *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  if (unplace (self, account))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
}

static gboolean
in_place (OvAccountList *self,
          GPtrArray     *array,
          OvAccount     *account)
{
  guint index;

  if (!g_ptr_array_find (array, account, &index))
    return FALSE;

  return (index == 0 || compare_accounts (&array->pdata[index - 1], &account, &self->order) < 0) &&
         (index + 1 >= array->len ||
          compare_accounts (&account, &array->pdata[index + 1], &self->order) < 0);
}

/* After an edit: the account may sort elsewhere or stop matching a filter. */
void
ov_account_list_update (OvAccountList *self,
                        OvAccount     *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  /* Its search key may have changed. */
  invalidate_haystack (self);

  /* Still in place and still matching: the cells follow its properties. */
  if (in_place (self, self->visible, account) && matches (self, account) &&
      in_place (self, self->sorted, account))
    return;

  g_object_ref (account);
  if (unplace (self, account))
    place (self, account);
  g_object_unref (account);
}

void
ov_account_list_set_search (OvAccountList *self,
                            const char    *search)
{
  g_autofree char *folded = NULL;

  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (search != NULL)
    {
      g_autofree char *stripped = g_strstrip (g_strdup (search));

      if (stripped[0] != '\0')
        folded = g_utf8_casefold (stripped, -1);
    }

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  refilter (self);
}

void
ov_account_list_set_stage_filter (OvAccountList *self,
                                  int            stage)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (self->stage == stage)
    return;

  self->stage = stage;
  refilter (self);
}

void
ov_account_list_set_status_filter (OvAccountList *self,
                                   int            status)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (self->status == status)
    return;

  self->status = status;
  refilter (self);
}

void
ov_account_list_set_owner_filter (OvAccountList *self,
                                  const char    *owner)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (owner != NULL && owner[0] == '\0')
    owner = NULL;

  if (g_strcmp0 (self->owner, owner) == 0)
    return;

  g_free (self->owner);
  self->owner = g_strdup (owner);
  refilter (self);
}

void
ov_account_list_set_sort (OvAccountList    *self,
                          OvAccountSortKey  key,
                          gboolean          descending)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (self->order.key == key && self->order.descending == !!descending)
    return;

  self->order.key = key;
  self->order.descending = !!descending;
  resort (self);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/* The distinct values @text gives the accounts, sorted, blanks left out.
 * With @fold, values that differ only in case count once: the first
 * spelling met stays. */
static char **
dup_distinct (OvAccountList  *self,
              const char   *(*text) (OvAccount *account),
              gboolean        fold)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();

  for (guint i = 0; i < self->sorted->len; i++)
    {
      const char *value = text (g_ptr_array_index (self->sorted, i));

      if (value == NULL || value[0] == '\0')
        continue;

      if (g_hash_table_add (seen, fold ? g_utf8_casefold (value, -1) : g_strdup (value)))
        g_ptr_array_add (values, g_strdup (value));
    }

  g_ptr_array_sort (values, compare_strings);
  g_ptr_array_add (values, NULL);

  return (char **)g_ptr_array_free (g_steal_pointer (&values), FALSE);
}

/* The distinct onboarding owners, sorted, for the owner filter. */
char **
ov_account_list_dup_owners (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  return dup_distinct (self, ov_account_get_owner, FALSE);
}

/* The distinct segments, sorted, for the playbooks that are the default
 * of one. Segments match without regard to case, as the core does. */
char **
ov_account_list_dup_segments (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  return dup_distinct (self, ov_account_get_segment, TRUE);
}
