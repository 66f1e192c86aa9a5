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
 *
 * The view still holds some 200 slots, far more than it shows. Each slot's
 * cells measure their text again when told of a new account, so a
 * keystroke would lay out 1,600 labels. Slots outside what the view shows
 * (and a few rows around it) are pointed at their new account without
 * telling the cells; they are told when scrolling brings them near.
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
  /* The cells have not been told of @account yet. */
  gboolean   untold;
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

/* Points the slot at @account; the cells hear of it when @tell (now, or
 * later with point_at (self, self->account, TRUE)). */
static void
point_at (OvAccountRow *self,
          OvAccount    *account,
          gboolean      tell)
{
  if (self->account != account)
    {
      if (self->account != NULL)
        g_clear_signal_handler (&self->notify_id, self->account);
      g_set_object (&self->account, account);
      if (account != NULL)
        self->notify_id = g_signal_connect_swapped (account, "notify",
                                                    G_CALLBACK (account_notify_cb), self);
      self->untold = TRUE;
    }

  if (tell && self->untold)
    {
      self->untold = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), row_properties[ROW_PROP_ACCOUNT]);
    }
}

void
ov_account_row_set_account (OvAccountRow *self,
                            OvAccount    *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_ROW (self));

  point_at (self, account, TRUE);
}

struct _OvAccountRows
{
  GObject        parent_instance;

  OvAccountList *accounts;
  guint          n_items;

  /* position → OvAccountRow, for the slots the view holds (weak: a slot
   * the view lets go of is forgotten). */
  GHashTable    *slots;

  /* The view's vertical scrolling: which slots it shows. */
  GtkScrollable *view;
  GtkAdjustment *vadjustment;
  guint          tell_tick;
};

/* Rows around those shown whose cells follow at once. */
#define SHOWN_MARGIN 6

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
  point_at (row, account, TRUE);
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

/* The slots the view shows, with SHOWN_MARGIN rows either side, from its
 * scrolling as last laid out over @n_laid_out rows (all of the same
 * height); FALSE when that is not known, and then every slot counts as
 * shown. */
static gboolean
get_shown (OvAccountRows *self,
           guint          n_laid_out,
           guint         *first,
           guint         *last)
{
  double upper, page, value, row_height;

  if (self->vadjustment == NULL || n_laid_out == 0)
    return FALSE;

  upper = gtk_adjustment_get_upper (self->vadjustment);
  page = gtk_adjustment_get_page_size (self->vadjustment);
  value = gtk_adjustment_get_value (self->vadjustment);
  if (upper <= 0 || page <= 0)
    return FALSE;

  row_height = upper / n_laid_out;
  *first = (guint)MAX (0, value / row_height - SHOWN_MARGIN);
  *last = (guint)MIN ((double)G_MAXUINT, (value + page) / row_height + SHOWN_MARGIN);
  return TRUE;
}

static gboolean
is_shown (guint    slot,
          gboolean known,
          guint    first,
          guint    last)
{
  return !known || (slot >= first && slot <= last);
}

/* Slots that came near show their accounts. */
static void
tell_shown (OvAccountRows *self)
{
  GHashTableIter iter;
  gpointer key, value;
  guint first, last;
  gboolean known = get_shown (self, self->n_items, &first, &last);

  if (self->slots == NULL)
    return;

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OvAccountRow *row = value;

      if (row->untold && is_shown (GPOINTER_TO_UINT (key), known, first, last))
        point_at (row, row->account, TRUE);
    }
}

static gboolean
tell_shown_tick (GtkWidget     *view,
                 GdkFrameClock *clock,
                 gpointer       data)
{
  OvAccountRows *self = data;

  self->tell_tick = 0;
  tell_shown (self);
  return G_SOURCE_REMOVE;
}

/* Scrolled, or laid out again. The adjustment changes while the view is
 * being laid out, too late for cells to measure new text in this frame:
 * they are told at the start of the next, before it is laid out. */
static void
adjustment_changed_cb (OvAccountRows *self)
{
  if (self->tell_tick == 0 && self->view != NULL)
    self->tell_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->view), tell_shown_tick,
                                                    self, NULL);
}

static void
set_vadjustment (OvAccountRows *self,
                 GtkAdjustment *vadjustment)
{
  if (self->vadjustment == vadjustment)
    return;

  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->vadjustment, self);
  g_set_object (&self->vadjustment, vadjustment);
  if (vadjustment != NULL)
    {
      g_signal_connect_swapped (vadjustment, "value-changed", G_CALLBACK (adjustment_changed_cb),
                                self);
      g_signal_connect_swapped (vadjustment, "changed", G_CALLBACK (adjustment_changed_cb), self);
    }
}

static void
view_vadjustment_cb (OvAccountRows *self)
{
  set_vadjustment (self, gtk_scrollable_get_vadjustment (self->view));
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
  guint first, last;
  gboolean known = get_shown (self, old_n, &first, &last);

  /* A list now shorter than where the view is scrolled to shows its end. */
  if (known && last >= new_n)
    first = MIN (first, new_n > last - first ? new_n - (last - first) - 1 : 0);

  g_hash_table_iter_init (&iter, self->slots);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OvAccountRow *row = value;
      guint slot = GPOINTER_TO_UINT (key);

      if (slot < position || slot >= new_n)
        continue;
      point_at (row, ov_account_list_get_visible (self->accounts, slot),
                is_shown (slot, known, first, last));
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
  set_vadjustment (self, NULL);
  if (self->view != NULL)
    {
      if (self->tell_tick != 0)
        gtk_widget_remove_tick_callback (GTK_WIDGET (self->view), self->tell_tick);
      self->tell_tick = 0;
      g_signal_handlers_disconnect_by_data (self->view, self);
      g_object_remove_weak_pointer (G_OBJECT (self->view), (gpointer *)&self->view);
      self->view = NULL;
    }

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

/**
 * ov_account_rows_follow_view:
 * @view: the view that shows these rows
 *
 * Lets the slots outside what @view shows catch up only when it scrolls
 * to them (see the top of this file).
 */
void
ov_account_rows_follow_view (OvAccountRows *self,
                             GtkScrollable *view)
{
  g_return_if_fail (OV_IS_ACCOUNT_ROWS (self));
  g_return_if_fail (GTK_IS_SCROLLABLE (view));
  g_return_if_fail (self->view == NULL);

  /* The view holds the rows (its model): no reference back. */
  self->view = view;
  g_object_add_weak_pointer (G_OBJECT (view), (gpointer *)&self->view);
  g_signal_connect_swapped (view, "notify::vadjustment", G_CALLBACK (view_vadjustment_cb), self);
  view_vadjustment_cb (self);
}
