/* ov-account-list.c — the portfolio as a filtered, sorted list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Holds every account once (loaded by one query) and keeps two arrays of
 * pointers into it: all accounts in sort order, and the ones that pass the
 * filters. Search and sort work on those arrays in place, so a keystroke over
 * 100,000 accounts costs at most one pass over their search keys
 * (ov-account-search.c) and never touches the database or creates widgets
 * for rows nobody sees.
 */

#define G_LOG_DOMAIN "ov-account-list"

#include "config.h"

#include <string.h>

#include "ov-account-list.h"
#include "ov-account-search.h"
#include "ov-account-sort.h"
#include "ov-memory.h"

struct _OvAccountList
{
  GObject           parent_instance;

  GPtrArray        *sorted;
  GPtrArray        *visible;

  /* The search keys of @sorted; built again when rows or their order
   * change. */
  OvAccountSearch  *finder;
  guint             finder_idle;

  char             *search;
  char             *owner;
  int               stage;
  int               status;
  gint64            package_id;

  OvAccountOrder    order;
  OvAccountFigures *figures;   /* what order.figures points into */

  /* The distinct owners and segments of @sorted, sorted; gathered when
   * first asked for after a change of rows. */
  char            **owners;
  char            **segments;
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
  g_clear_handle_id (&self->finder_idle, g_source_remove);
  g_clear_pointer (&self->finder, ov_account_search_free);
  g_clear_pointer (&self->figures, ov_account_figures_unref);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->segments, g_strfreev);

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
  self->finder = ov_account_search_new ();
  self->stage = OV_ACCOUNT_FILTER_ANY;
  self->status = OV_ACCOUNT_FILTER_ANY;
  self->package_id = OV_ACCOUNT_FILTER_ANY;
  self->order.key = OV_ACCOUNT_SORT_NAME;
}

OvAccountList *
ov_account_list_new (void)
{
  return g_object_new (OV_TYPE_ACCOUNT_LIST, NULL);
}

static int
compare_accounts (OvAccountList *self,
                  OvAccount     *a,
                  OvAccount     *b)
{
  return ov_account_order_compare (&self->order, a, b);
}

/* Whether @account passes the filters other than the search text. */
static gboolean
matches_choices (OvAccountList *self,
                 OvAccount     *account)
{
  if (self->stage != OV_ACCOUNT_FILTER_ANY && (int)ov_account_get_stage (account) != self->stage)
    return FALSE;

  if (self->status != OV_ACCOUNT_FILTER_ANY &&
      (int)ov_account_get_status (account) != self->status)
    return FALSE;

  /* Owners are interned: the same owner is the same pointer. */
  if (self->owner != NULL && ov_account_get_owner (account) != self->owner &&
      strcmp (ov_account_get_owner (account), self->owner) != 0)
    return FALSE;

  if (self->package_id != OV_ACCOUNT_FILTER_ANY &&
      ov_account_get_package_id (account) != self->package_id)
    return FALSE;

  return TRUE;
}

static gboolean
has_choices (OvAccountList *self)
{
  return self->stage != OV_ACCOUNT_FILTER_ANY || self->status != OV_ACCOUNT_FILTER_ANY ||
         self->owner != NULL || self->package_id != OV_ACCOUNT_FILTER_ANY;
}

static gboolean
matches (OvAccountList *self,
         OvAccount     *account)
{
  if (!matches_choices (self, account))
    return FALSE;

  return self->search == NULL || ov_account_search_matches (account, self->search);
}

/* Rows came, went or changed: what was gathered from them is gone. */
static void
invalidate_search (OvAccountList *self)
{
  ov_account_search_invalidate (self->finder);
  g_clear_pointer (&self->owners, g_strfreev);
  g_clear_pointer (&self->segments, g_strfreev);
}

/* A search asks the finder; filters alone test each account; with
 * neither, every account shows. The visible array is filled again in
 * place: its memory stays from one keystroke to the next. */
static void
refilter (OvAccountList *self)
{
  GPtrArray *visible = self->visible;
  guint old_len = visible->len;
  gboolean choices = has_choices (self);

  g_ptr_array_set_size (visible, 0);

  if (self->search != NULL)
    {
      g_autoptr(GArray) rows = ov_account_search_find (self->finder, self->sorted, self->search);
      guint n = 0;

      g_ptr_array_set_size (visible, rows->len);
      for (guint i = 0; i < rows->len; i++)
        {
          OvAccount *account = g_ptr_array_index (self->sorted, g_array_index (rows, guint, i));

          if (!choices || matches_choices (self, account))
            visible->pdata[n++] = account;
        }
      g_ptr_array_set_size (visible, n);
    }
  else if (choices)
    {
      for (guint i = 0; i < self->sorted->len; i++)
        {
          OvAccount *account = g_ptr_array_index (self->sorted, i);

          if (matches_choices (self, account))
            g_ptr_array_add (visible, account);
        }
    }
  else
    {
      g_ptr_array_set_size (visible, self->sorted->len);
      if (self->sorted->len > 0)
        memcpy (visible->pdata, self->sorted->pdata, self->sorted->len * sizeof (gpointer));
    }

  if (old_len != 0 || visible->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_len, visible->len);
  if (old_len != visible->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* @prepared: the rows are in the list's order already, as
 * ov_account_list_prepare() left them. */
static void
resort_prepared (OvAccountList *self,
                 gboolean       prepared)
{
  /* A loader may have sorted the rows already, in its own thread. */
  if (!prepared && !ov_account_order_is_sorted (&self->order, self->sorted))
    ov_account_order_sort (&self->order, self->sorted);
  invalidate_search (self);
  refilter (self);
}

static void
resort (OvAccountList *self)
{
  resort_prepared (self, FALSE);
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
  OvAccountOrder order = { key, descending };

  g_return_if_fail (accounts != NULL);

  ov_account_order_sort (&order, accounts);
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
build_search_idle (gpointer data)
{
  OvAccountList *self = data;

  self->finder_idle = 0;
  if (!ov_account_search_is_ready (self->finder))
    ov_account_search_build (self->finder, self->sorted);
  return G_SOURCE_REMOVE;
}

static void
accounts_replaced (OvAccountList *self,
                   guint          old_total,
                   gboolean       prepared)
{
  resort_prepared (self, prepared);

  /* Ready before the first keystroke, without delaying the first frame. */
  if (self->finder_idle == 0)
    self->finder_idle = g_idle_add_full (G_PRIORITY_LOW, build_search_idle, self, NULL);

  if (old_total != self->sorted->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_TOTAL]);
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

  accounts_replaced (self, old_total, FALSE);
}

/**
 * ov_account_list_take_accounts:
 * @accounts: (transfer full) (element-type OvAccount): an array that holds
 *   a reference to each account and frees it with g_object_unref()
 * @key: the order ov_account_list_prepare() put @accounts in
 * @descending: and whether it was reversed
 *
 * Like ov_account_list_set_accounts(), but the list keeps @accounts as it
 * is: no reference is taken and dropped again for each of 100,000
 * accounts. When the list's order is still @key (and not one of figures,
 * which ov_account_list_prepare() has not), the rows are not compared
 * again.
 */
void
ov_account_list_take_accounts (OvAccountList    *self,
                               GPtrArray        *accounts,
                               OvAccountSortKey  key,
                               gboolean          descending)
{
  guint old_total;
  gboolean prepared;

  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (accounts != NULL);

  prepared = self->order.key == key && self->order.descending == !!descending &&
             !ov_account_sort_key_is_figure (key);

  old_total = self->sorted->len;
  g_ptr_array_unref (self->sorted);
  self->sorted = accounts;
  g_ptr_array_set_free_func (self->sorted, g_object_unref);

  accounts_replaced (self, old_total, prepared);
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

      if (compare_accounts (self, array->pdata[mid], account) < 0)
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
  invalidate_search (self);

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
  invalidate_search (self);
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

  return (index == 0 || compare_accounts (self, array->pdata[index - 1], account) < 0) &&
         (index + 1 >= array->len ||
          compare_accounts (self, account, array->pdata[index + 1]) < 0);
}

/* After an edit: the account may sort elsewhere or stop matching a filter. */
void
ov_account_list_update (OvAccountList *self,
                        OvAccount     *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  /* Its search key may have changed. */
  invalidate_search (self);

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

  /* A search is over: what was found on the way no longer helps, and the
   * memory the typing churned through goes back. */
  if (self->search == NULL)
    {
      ov_account_search_forget (self->finder);
      ov_memory_give_back ();
    }
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
ov_account_list_set_package_filter (OvAccountList *self,
                                    gint64         package_id)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));
  g_return_if_fail (package_id >= OV_ACCOUNT_FILTER_ANY);

  if (self->package_id == package_id)
    return;

  self->package_id = package_id;
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

/**
 * ov_account_list_set_figures:
 * @figures: (nullable): figures read for the accounts, or NULL
 *
 * What the keys of OvAccountFigures sort by; the list sorts again when it
 * is sorted by one of them.
 */
void
ov_account_list_set_figures (OvAccountList    *self,
                             OvAccountFigures *figures)
{
  g_return_if_fail (OV_IS_ACCOUNT_LIST (self));

  if (self->figures == figures)
    return;

  if (figures != NULL)
    ov_account_figures_ref (figures);
  g_clear_pointer (&self->figures, ov_account_figures_unref);
  self->figures = figures;
  self->order.figures = figures;

  if (ov_account_sort_key_is_figure (self->order.key))
    resort (self);
}

/* (nullable) (transfer none) */
OvAccountFigures *
ov_account_list_get_figures (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  return self->figures;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_utf8_collate (*(const char **)a, *(const char **)b);
}

/* Gathers the distinct owners and the distinct segments in one pass.
 * Both are interned (one pointer per text), and a portfolio has a few
 * dozen of each: a pointer already met is passed over before anything is
 * hashed or folded. Segments match without regard to case, as the core
 * does: the first spelling met stays. */
static void
gather_names (OvAccountList *self)
{
  g_autoptr(GHashTable) owners_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) segments_seen = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) folded_seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                             NULL);
  g_autoptr(GPtrArray) owners = g_ptr_array_new ();
  g_autoptr(GPtrArray) segments = g_ptr_array_new ();
  const char *last_owner = NULL, *last_segment = NULL;

  for (guint i = 0; i < self->sorted->len; i++)
    {
      OvAccount *account = g_ptr_array_index (self->sorted, i);
      const char *owner = ov_account_get_owner (account);
      const char *segment = ov_account_get_segment (account);

      if (owner != last_owner && owner[0] != '\0' &&
          g_hash_table_add (owners_seen, (gpointer)owner))
        g_ptr_array_add (owners, g_strdup (owner));
      last_owner = owner;

      if (segment != last_segment && segment != NULL && segment[0] != '\0' &&
          g_hash_table_add (segments_seen, (gpointer)segment) &&
          g_hash_table_add (folded_seen, g_utf8_casefold (segment, -1)))
        g_ptr_array_add (segments, g_strdup (segment));
      last_segment = segment;
    }

  g_ptr_array_sort (owners, compare_strings);
  g_ptr_array_add (owners, NULL);
  self->owners = (char **)g_ptr_array_free (g_steal_pointer (&owners), FALSE);

  g_ptr_array_sort (segments, compare_strings);
  g_ptr_array_add (segments, NULL);
  self->segments = (char **)g_ptr_array_free (g_steal_pointer (&segments), FALSE);
}

/* The distinct onboarding owners, sorted, for the owner filter. */
char **
ov_account_list_dup_owners (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  if (self->owners == NULL)
    gather_names (self);
  return g_strdupv (self->owners);
}

/* The distinct segments, sorted, for the playbooks that are the default
 * of one, and for the filters. */
char **
ov_account_list_dup_segments (OvAccountList *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (self), NULL);

  if (self->segments == NULL)
    gather_names (self);
  return g_strdupv (self->segments);
}
