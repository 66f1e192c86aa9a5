/* ov-account-row.c — table row slots that show whichever account is there
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GTK 4.8's list views destroy a row's widgets when its item leaves the
 * model and build new ones for the item that takes its place. A search
 * keystroke over 100,000 accounts replaces every visible row, so typing
 * would rebuild some 200 rows of cells per key press. OvAccountRows puts a
 * fixed slot object at each position instead: when the filtered list
 * changes, the slots the view holds are pointed at their new accounts (the
 * cells follow through property bindings) and only a change in length is
 * announced to the view.
 */

#define G_LOG_DOMAIN "ov-account-row"

#include "config.h"

#include "ov-account-row.h"

struct _OvAccountRow
{
  GObject    parent_instance;
  OvAccount *account;
  gulong     notify_id;
  guint      position;
};

G_DEFINE_FINAL_TYPE (OvAccountRow, ov_account_row, G_TYPE_OBJECT)

enum {
  ROW_PROP_0,
  ROW_PROP_ACCOUNT,
  ROW_N_PROPS
};

static GParamSpec *row_properties[ROW_N_PROPS];

static void
ov_account_row_finalize (GObject *object)
{
  OvAccountRow *self = OV_ACCOUNT_ROW (object);

  if (self->account != NULL)
    g_clear_signal_handler (&self->notify_id, self->account);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (ov_account_row_parent_class)->finalize (object);
}

static void
ov_account_row_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  OvAccountRow *self = OV_ACCOUNT_ROW (object);

  switch (prop_id)
    {
    case ROW_PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_row_class_init (OvAccountRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_account_row_finalize;
  object_class->get_property = ov_account_row_get_property;

  row_properties[ROW_PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL, OV_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, ROW_N_PROPS, row_properties);
}

static void
ov_account_row_init (OvAccountRow *self)
{
}

OvAccount *
ov_account_row_get_account (OvAccountRow *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_ROW (self), NULL);

  return self->account;
}

/* An edit of the account shown here reads, to the cells, as a new account. */
static void
account_notify_cb (OvAccountRow *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ACCOUNT]);
}

void
ov_account_row_set_account (OvAccountRow *self,
                            OvAccount    *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_ROW (self));

  if (self->account == account)
    return;

  if (self->account != NULL)
    g_clear_signal_handler (&self->notify_id, self->account);
  g_set_object (&self->account, account);
  if (account != NULL)
    self->notify_id = g_signal_connect_swapped (account, "notify", G_CALLBACK (account_notify_cb),
                                                self);

  g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ACCOUNT]);
}

struct _OvAccountRows
{
  GObject        parent_instance;

  OvAccountList *accounts;
  guint          n_items;

  /* position → OvAccountRow, for the slots the view holds (weak: a slot
   * the view lets go of is forgotten). */
  GHashTable    *slots;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (OvAccountRows, ov_account_rows, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Weak notifications come during dispose: the slot's fields are intact. */
static void
slot_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  OvAccountRows *self = data;
  OvAccountRow *row = (OvAccountRow *)where_the_object_was;

  g_hash_table_remove (self->slots, GUINT_TO_POINTER (row->position));
}

static GType
ov_account_rows_get_item_type (GListModel *model)
{
  return OV_TYPE_ACCOUNT_ROW;
}

static guint
ov_account_rows_get_n_items (GListModel *model)
{
  return OV_ACCOUNT_ROWS (model)->n_items;
}

static gpointer
ov_account_rows_get_item (GListModel *model,
                          guint       position)
{
  OvAccountRows *self = OV_ACCOUNT_ROWS (model);
  g_autoptr(OvAccount) account = NULL;
  OvAccountRow *row;

  if (position >= self->n_items)
    return NULL;

  row = g_hash_table_lookup (self->slots, GUINT_TO_POINTER (position));
  if (row != NULL)
    return g_object_ref (row);

  account = g_list_model_get_item (G_LIST_MODEL (self->accounts), position);
  row = g_object_new (OV_TYPE_ACCOUNT_ROW, NULL);
  row->position = position;
  ov_account_row_set_account (row, account);
  g_hash_table_insert (self->slots, GUINT_TO_POINTER (position), row);
  g_object_weak_ref (G_OBJECT (row), slot_finalized, self);

  return row;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ov_account_rows_get_item_type;
  iface->get_n_items = ov_account_rows_get_n_items;
  iface->get_item = ov_account_rows_get_item;
}

/* Whatever moved, every held slot shows what is at its position now; the
 * view only hears that the list got longer or shorter at its end. */
static void
accounts_changed_cb (OvAccountRows *self,
                     guint          position,
                     guint          removed,
                     guint          added,
                     GListModel    *accounts)
{
  guint old_n = self->n_items;
  guint new_n = g_list_model_get_n_items (accounts);
  GHashTableIter iter;
  gpointer key, value;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OvAccountRow *row = value;
      guint slot = GPOINTER_TO_UINT (key);

      if (slot < position || slot >= new_n)
        continue;
      ov_account_row_set_account (row, ov_account_list_get_visible (self->accounts, slot));
    }

  self->n_items = new_n;

  if (new_n < old_n)
    {
      /* Slots past the end go; forget them before the view drops them. */
      g_hash_table_iter_init (&iter, self->slots);
      while (g_hash_table_iter_next (&iter, &key, &value))
        if (GPOINTER_TO_UINT (key) >= new_n)
          {
            g_object_weak_unref (value, slot_finalized, self);
            g_hash_table_iter_remove (&iter);
          }
      g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - new_n, 0);
    }
  else if (new_n > old_n)
    {
      g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, new_n - old_n);
    }
}

static void
ov_account_rows_dispose (GObject *object)
{
  OvAccountRows *self = OV_ACCOUNT_ROWS (object);
  GHashTableIter iter;
  gpointer value;

  if (self->slots != NULL)
    {
      g_hash_table_iter_init (&iter, self->slots);
      while (g_hash_table_iter_next (&iter, NULL, &value))
        g_object_weak_unref (value, slot_finalized, self);
      g_clear_pointer (&self->slots, g_hash_table_unref);
    }

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ov_account_rows_parent_class)->dispose (object);
}

static void
ov_account_rows_class_init (OvAccountRowsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ov_account_rows_dispose;
}

static void
ov_account_rows_init (OvAccountRows *self)
{
  self->slots = g_hash_table_new (NULL, NULL);
}

OvAccountRows *
ov_account_rows_new (OvAccountList *accounts)
{
  OvAccountRows *self;

  g_return_val_if_fail (OV_IS_ACCOUNT_LIST (accounts), NULL);

  self = g_object_new (OV_TYPE_ACCOUNT_ROWS, NULL);
  self->accounts = g_object_ref (accounts);
  self->n_items = g_list_model_get_n_items (G_LIST_MODEL (accounts));
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self,
                           G_CONNECT_SWAPPED);

  return self;
}
