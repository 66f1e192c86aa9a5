/* ov-accounts-view.c — the portfolio as a searchable table, and one account
 *
 * Its filters are in ov-accounts-view-filters.c, its footer in
 * ov-accounts-view-footer.c (see ov-accounts-view-private.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-columns.h"
#include "ov-account-narrow-row.h"
#include "ov-account-row.h"
#include "ov-account-sorter.h"
#include "ov-accounts-view-private.h"

G_DEFINE_FINAL_TYPE (OvAccountsView, ov_accounts_view, OV_TYPE_VIEW)

/* What a column shows: one text property of the account. */
typedef struct
{
  const char *property;
  float       xalign;
  gboolean    numeric;
} CellKind;

static const CellKind cell_kinds[] = {
  { "name", 0.0f, FALSE },
  { "stage-title", 0.0f, FALSE },
  { "owner", 0.0f, FALSE },
  { "segment", 0.0f, FALSE },
  { "package", 0.0f, FALSE },
  { "status-title", 0.0f, FALSE },
  { "arr-text", 1.0f, TRUE },
  { "close-date-text", 0.0f, TRUE },
  { "days-since-close-text", 1.0f, TRUE },
  { "ttfv-text", 1.0f, TRUE },
};

/* A GtkInscription rather than a label: its size does not depend on its
 * text, so a row that shows another account is drawn again, not measured
 * again (a keystroke changes every row shown). Text too long for its
 * column ends in an ellipsis. */
static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CellKind           *kind)
{
  GtkWidget *text = gtk_inscription_new (NULL);

  gtk_inscription_set_xalign (GTK_INSCRIPTION (text), kind->xalign);
  if (kind->numeric)
    gtk_widget_add_css_class (text, "numeric");
  gtk_list_item_set_child (item, text);
}

static void
cell_update (GtkListItem *item)
{
  OvAccountRow *row = gtk_list_item_get_item (item);
  const CellKind *kind = g_object_get_data (G_OBJECT (item), "ov-cell-kind");
  OvAccount *account = row ? ov_account_row_get_account (row) : NULL;
  g_autofree char *text = NULL;

  if (account != NULL)
    g_object_get (account, kind->property, &text, NULL);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

/* Row slots are stable: a cell follows its slot's account directly rather
 * than through an expression that rewatches a new object every keystroke. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CellKind           *kind)
{
  g_object_set_data (G_OBJECT (item), "ov-cell-kind", (gpointer)kind);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::account",
                           G_CALLBACK (cell_update), item, G_CONNECT_SWAPPED);
  cell_update (item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const CellKind           *kind)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), cell_update, item);
}

static void
set_cell_factory (GtkColumnViewColumn *column,
                  const CellKind      *kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), (gpointer)kind);
  g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), (gpointer)kind);
  g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), (gpointer)kind);
  gtk_column_view_column_set_factory (column, factory);
}

static void
ov_accounts_view_store_ready (OvView *view)
{
  ov_accounts_view_update_package_choices (OV_ACCOUNTS_VIEW (view));
  ov_account_figure_columns_store_ready (OV_ACCOUNTS_VIEW (view)->figure_columns);
}

static void
ov_accounts_view_store_changed (OvView     *view,
                                const char *what)
{
  if (g_strcmp0 (what, "packages") == 0)
    ov_accounts_view_update_package_choices (OV_ACCOUNTS_VIEW (view));
  ov_account_figure_columns_store_changed (OV_ACCOUNTS_VIEW (view)->figure_columns, what);
}

static void
ov_accounts_view_today_changed (OvView *view)
{
  ov_account_figure_columns_today_changed (OV_ACCOUNTS_VIEW (view)->figure_columns);
}

static void
n_total_changed_cb (OvAccountsView *self)
{
  ov_accounts_view_update_owner_choices (self);
  ov_accounts_view_update_count (self);
}

/* Row slots stay where they are while accounts move through them: a
 * highlighted slot would now show another account. */
static void
accounts_changed_cb (OvAccountsView *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  ov_accounts_view_queue_totals (self);
}

static void
search_changed_cb (OvAccountsView *self,
                   GtkSearchEntry *entry)
{
  ov_account_list_set_search (self->accounts, gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
open_position (OvAccountsView *self,
               guint           position)
{
  g_autoptr(OvAccount) account = g_list_model_get_item (G_LIST_MODEL (self->accounts), position);

  if (account != NULL)
    ov_accounts_view_show_account (self, account);
}

/* Enter in the search field opens the first match. */
static void
search_activate_cb (OvAccountsView *self,
                    GtkSearchEntry *entry)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->accounts)) > 0)
    open_position (self, 0);
}

static void
stop_search_cb (OvAccountsView *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
row_activated_cb (OvAccountsView *self,
                  guint           position,
                  GtkWidget      *view)
{
  open_position (self, position);
}

static void
view_sorter_changed_cb (OvAccountsView *self,
                        GtkSorterChange change,
                        GtkSorter      *sorter)
{
  OvAccountSortKey key = OV_ACCOUNT_SORT_NAME;
  gboolean descending = FALSE;

  if (self->accounts == NULL)
    return;

  if (!ov_account_sorter_read_view (sorter, &key, &descending))
    key = OV_ACCOUNT_SORT_NAME;

  ov_account_figure_columns_set_sort_key (self->figure_columns, key);
  ov_account_list_set_sort (self->accounts, key, descending);
}

/* The optional columns, as the window's settings say; their menu is the
 * columns button's and each column header's. */
static void
context_changed_cb (OvAccountsView *self)
{
  OvContext *context = ov_view_get_context (OV_VIEW (self));
  OvOptionalColumn columns[] = {
    { "segment", _("Segment"), self->segment_column },
    { "package", _("Package"), self->package_column },
    { "days-in-stage", _("Days in Stage"), self->stage_days_column },
    { "open-tasks", _("Open Tasks"), self->tasks_column },
    { "health", _("Health"), self->health_column },
  };

  if (self->columns_attached || context == NULL || ov_context_get_settings (context) == NULL)
    return;

  self->columns_attached = TRUE;
  ov_account_columns_attach (GTK_WIDGET (self), ov_context_get_settings (context),
                             self->columns_button, columns, G_N_ELEMENTS (columns));
}

/* Whether the squeezer shows the table rather than the narrow rows. */
static gboolean
shows_table (OvAccountsView *self)
{
  GtkWidget *shown = adw_squeezer_get_visible_child (self->width_squeezer);

  return shown == NULL || gtk_widget_is_ancestor (GTK_WIDGET (self->column_view), shown);
}

/* The table builds its rows when it gets its model: not before the view
 * is first shown, so a window that opens on the dashboard is not kept
 * waiting for rows nobody sees yet. The narrow rows get theirs only while
 * the squeezer shows them, and give it back when the window is wide
 * again: hidden, they would follow every search and change of the
 * portfolio all the same, and keep their widgets (some 4 MB with 100,000
 * accounts). The table keeps its model, and so its place and selection,
 * through a narrow spell. */
static void
attach_model (OvAccountsView *self)
{
  GtkSelectionModel *narrow = NULL;

  if (self->selection != NULL &&
      gtk_column_view_get_model (self->column_view) != GTK_SELECTION_MODEL (self->selection))
    gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  if (self->narrow_selection != NULL && !shows_table (self))
    narrow = GTK_SELECTION_MODEL (self->narrow_selection);
  if (gtk_list_view_get_model (self->narrow_list) != narrow)
    gtk_list_view_set_model (self->narrow_list, narrow);
}

/* The rows of a narrow window have no columns to choose; they get their
 * model when they show. */
static gboolean
update_columns_button (gpointer data)
{
  OvAccountsView *self = data;

  self->columns_idle = 0;
  gtk_widget_set_visible (GTK_WIDGET (self->columns_button), shows_table (self));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_model (self);
  return G_SOURCE_REMOVE;
}

/* The squeezer picks its child while it is being allocated: the button
 * changes once that is over, not in the middle of it. */
static void
squeezer_child_cb (OvAccountsView *self)
{
  if (self->columns_idle == 0)
    self->columns_idle = g_idle_add (update_columns_button, self);
}

static void
account_page_back_cb (OvAccountsView *self)
{
  ov_accounts_view_show_list (self);
}

/**
 * ov_accounts_view_get_account_page:
 *
 * The page that shows one account, built now if no account was shown yet.
 *
 * Returns: (transfer none): the account page
 */
OvAccountPage *
ov_accounts_view_get_account_page (OvAccountsView *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNTS_VIEW (self), NULL);

  if (self->account_page != NULL)
    return self->account_page;

  self->account_page = g_object_new (OV_TYPE_ACCOUNT_PAGE, NULL);
  g_object_bind_property (self, "context", self->account_page, "context", G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->account_page, "back", G_CALLBACK (account_page_back_cb), self,
                           G_CONNECT_SWAPPED);
  if (self->accounts != NULL)
    ov_account_page_set_accounts (self->account_page, self->accounts);
  adw_bin_set_child (self->account_bin, GTK_WIDGET (self->account_page));
  return self->account_page;
}

static void
ov_accounts_view_map (GtkWidget *widget)
{
  attach_model (OV_ACCOUNTS_VIEW (widget));

  GTK_WIDGET_CLASS (ov_accounts_view_parent_class)->map (widget);
}

void
ov_accounts_view_show_list (OvAccountsView *self)
{
  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

void
ov_accounts_view_show_account (OvAccountsView *self,
                               OvAccount      *account)
{
  OvAccount *current;
  guint position;

  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (OV_IS_ACCOUNT (account));

  /* Notes typed on the account being left that met a newer version of it
   * stay on screen with the message rather than go. */
  current = self->account_page ? ov_account_page_get_account (self->account_page) : NULL;
  if (current != NULL && current != account &&
      !ov_account_page_save_pending (self->account_page))
    {
      if (ov_account_list_get_position (self->accounts, current, &position))
        gtk_single_selection_set_selected (self->selection, position);
      adw_leaflet_set_visible_child_name (self->leaflet, "account");
      return;
    }

  attach_model (self);
  if (ov_account_list_get_position (self->accounts, account, &position))
    gtk_single_selection_set_selected (self->selection, position);

  ov_account_page_set_account (ov_accounts_view_get_account_page (self), account);
  adw_leaflet_set_visible_child_name (self->leaflet, "account");
}

void
ov_accounts_view_focus_search (OvAccountsView *self)
{
  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));

  ov_accounts_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

void
ov_accounts_view_set_accounts (OvAccountsView *self,
                               OvAccountList  *accounts)
{
  OvAccountRows *rows;

  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (self->accounts == NULL);

  self->accounts = g_object_ref (accounts);
  rows = ov_account_rows_new (accounts);
  ov_account_rows_follow_view (rows, GTK_SCROLLABLE (self->column_view));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (rows));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  /* The narrow window's rows are slots of their own, following their view. */
  rows = ov_account_rows_new (accounts);
  ov_account_rows_follow_view (rows, GTK_SCROLLABLE (self->narrow_list));
  self->narrow_selection = gtk_no_selection_new (G_LIST_MODEL (rows));
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    attach_model (self);

  if (self->account_page != NULL)
    ov_account_page_set_accounts (self->account_page, accounts);
  ov_account_figure_columns_set_accounts (self->figure_columns, accounts);

  g_signal_connect_object (accounts, "notify::n-items", G_CALLBACK (ov_accounts_view_update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "notify::n-total", G_CALLBACK (n_total_changed_cb), self,
                           G_CONNECT_SWAPPED);
  n_total_changed_cb (self);
  ov_accounts_view_queue_totals (self);
}

static void
ov_accounts_view_dispose (GObject *object)
{
  OvAccountsView *self = OV_ACCOUNTS_VIEW (object);

  g_clear_handle_id (&self->totals_idle, g_source_remove);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  ov_account_figure_columns_shutdown (self->figure_columns);
  g_clear_object (&self->selection);
  g_clear_object (&self->narrow_selection);
  g_clear_object (&self->accounts);
  ov_accounts_view_clear_filter_choices (self);

  G_OBJECT_CLASS (ov_accounts_view_parent_class)->dispose (object);
}

static void
ov_accounts_view_finalize (GObject *object)
{
  OvAccountsView *self = OV_ACCOUNTS_VIEW (object);

  g_clear_object (&self->figure_columns);

  G_OBJECT_CLASS (ov_accounts_view_parent_class)->finalize (object);
}

static void
ov_accounts_view_class_init (OvAccountsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_accounts_view_dispose;
  object_class->finalize = ov_accounts_view_finalize;
  view_class->store_ready = ov_accounts_view_store_ready;
  view_class->store_changed = ov_accounts_view_store_changed;
  view_class->today_changed = ov_accounts_view_today_changed;

  widget_class->map = ov_accounts_view_map;

  g_type_ensure (OV_TYPE_ACCOUNT);
  g_type_ensure (OV_TYPE_ACCOUNT_ROW);
  g_type_ensure (OV_TYPE_ACCOUNT_SORTER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-accounts-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, columns_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, status_filter);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, package_filter);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, column_view);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, width_squeezer);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, narrow_list);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, name_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, stage_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, owner_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, segment_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, package_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, status_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, arr_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, close_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, days_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, ttfv_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, stage_days_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, tasks_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, health_column);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, arr_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, account_bin);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback_full (widget_class, "filters_changed_cb",
                                                G_CALLBACK (ov_accounts_view_filters_changed));
  gtk_widget_class_bind_template_callback_full (widget_class, "clear_filters_cb",
                                                G_CALLBACK (ov_accounts_view_clear_filters));
}

static void
ov_accounts_view_init (OvAccountsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ov_accounts_view_init_filters (self);

  {
    GtkColumnViewColumn *columns[] = {
      self->name_column, self->stage_column, self->owner_column, self->segment_column,
      self->package_column, self->status_column,
      self->arr_column, self->close_column, self->days_column, self->ttfv_column,
    };

    G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (cell_kinds));
    for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
      set_cell_factory (columns[i], &cell_kinds[i]);
  }

  self->figure_columns = ov_account_figure_columns_new (OV_VIEW (self), self->stage_days_column,
                                                       self->tasks_column, self->health_column);

  {
    g_autoptr(GtkListItemFactory) factory = ov_account_narrow_row_factory_new ();

    gtk_list_view_set_factory (self->narrow_list, factory);
  }

  g_signal_connect (self, "notify::context", G_CALLBACK (context_changed_cb), NULL);
  g_signal_connect_object (self->width_squeezer, "notify::visible-child",
                           G_CALLBACK (squeezer_child_cb), self, G_CONNECT_SWAPPED);
  context_changed_cb (self);

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (view_sorter_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
}
