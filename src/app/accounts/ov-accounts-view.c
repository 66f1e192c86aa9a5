/* ov-accounts-view.c — the portfolio as a searchable table, and one account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ov-account-columns.h"
#include "ov-account-figure-columns.h"
#include "ov-account-narrow-row.h"
#include "ov-account-page.h"
#include "ov-app-util.h"
#include "ov-account-totals.h"
#include "ov-account-row.h"
#include "ov-account-sorter.h"
#include "ov-accounts-view.h"
#include "ov-app-util.h"

struct _OvAccountsView
{
  OvView          parent_instance;

  OvAccountList  *accounts;
  GtkStringList  *owners;
  GtkStringList  *package_names;  /* "All packages", "No package", then … */
  GArray         *package_ids;    /* … these packages, from position 2 */
  GtkSingleSelection *selection;
  GtkNoSelection *narrow_selection;

  /* Template widgets */
  AdwLeaflet     *leaflet;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *filter_button;
  GtkMenuButton  *columns_button;
  GtkDropDown    *stage_filter;
  GtkDropDown    *status_filter;
  GtkDropDown    *owner_filter;
  GtkDropDown    *package_filter;
  GtkWidget      *filter_bar;
  GtkFlowBox     *filter_chips;
  GtkStack       *list_stack;
  GtkColumnView  *column_view;
  AdwSqueezer    *width_squeezer;
  GtkListView    *narrow_list;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *stage_column;
  GtkColumnViewColumn *owner_column;
  GtkColumnViewColumn *segment_column;
  GtkColumnViewColumn *package_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *arr_column;
  GtkColumnViewColumn *close_column;
  GtkColumnViewColumn *days_column;
  GtkColumnViewColumn *ttfv_column;
  GtkColumnViewColumn *stage_days_column;
  GtkColumnViewColumn *tasks_column;
  GtkColumnViewColumn *health_column;
  OvAccountFigureColumns *figure_columns;
  GtkLabel       *count_label;
  GtkLabel       *arr_label;
  OvAccountPage  *account_page;

  guint           totals_idle;
  gboolean        columns_attached;
  guint           columns_idle;
};

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
update_count (OvAccountsView *self)
{
  g_autofree char *text = NULL;
  guint shown, total;

  if (self->accounts == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  total = ov_account_list_get_n_total (self->accounts);

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u account", "%u accounts", total), total);
  else
    /* Translators: "12 of 200 accounts" */
    text = g_strdup_printf (ngettext ("%u of %u account", "%u of %u accounts", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list"
                                                                              : "no-results");
}

/* An amount rounded for a glance: "$1.2M", "€300k", "£950". */
static char *
format_short_money (gint64      cents,
                    const char *currency)
{
  const char *symbol = ov_money_symbol (currency);
  double value = fabs ((double)cents / 100.0);
  g_autofree char *number = NULL;
  g_autofree char *scaled = NULL;
  guint scale = 0;
  int digits;

  /* What would round to 1000 goes up a scale: "1.0M", not "1000k". */
  while (scale < 3 && value >= 999.5)
    {
      value /= 1000.0;
      scale++;
    }

  /* One decimal below ten ("1.2M"), none above ("12M", "300k") or where
   * it would be zero ("1M"). */
  digits = scale > 0 && value < 9.95 && fabs (value - round (value)) >= 0.05 ? 1 : 0;
  number = g_strdup_printf ("%.*f", digits, value);
  /* Translators: an amount of money rounded to thousands, millions and
   * billions: "300k", "1.2M", "3.4B" (%s is the number) */
  if (scale == 1)
    scaled = g_strdup_printf (_("%sk"), number);
  else if (scale == 2)
    /* Translators: millions of money, "1.2M" */
    scaled = g_strdup_printf (_("%sM"), number);
  else if (scale == 3)
    /* Translators: billions of money, "3.4B" */
    scaled = g_strdup_printf (_("%sB"), number);

  /* A symbol of letters ("CHF ") would only repeat the code. */
  if (symbol == NULL || strchr (symbol, ' ') != NULL)
    symbol = "";

  return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol,
                          scaled != NULL ? scaled : number);
}

/* The ARR of the accounts shown, one total per currency: amounts in
 * different currencies are not added up, and an ARR nobody knows is not
 * added as 0 but counted beside the totals. */
static gboolean
update_totals (gpointer data)
{
  OvAccountsView *self = data;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autofree char *label = NULL;
  guint n_without_arr = 0;

  self->totals_idle = 0;
  if (self->accounts == NULL)
    return G_SOURCE_REMOVE;

  totals = ov_account_totals_arr (self->accounts, &n_without_arr);
  for (guint i = 0; i < totals->len; i++)
    {
      OvArrTotal *total = &g_array_index (totals, OvArrTotal, i);
      g_autofree char *amount = format_short_money (total->arr_cents, total->currency);
      g_autofree char *full = ov_money_format (total->arr_cents, total->currency);

      if (i > 0)
        {
          g_string_append (text, " · ");
          g_string_append_c (exact, '\n');
        }
      /* Translators: a total of one currency, "$1.2M USD" */
      g_string_append_printf (text, C_("arr total", "%s %s"), amount, total->currency);
      g_string_append (exact, full);
    }

  if (totals->len > 0)
    /* Translators: the ARR of the accounts shown, "ARR $1.2M USD · €300k EUR" */
    label = g_strdup_printf (_("ARR %s"), text->str);
  if (n_without_arr > 0)
    {
      /* Translators: accounts shown whose ARR nobody knows, beside the ARR
       * totals: "ARR $1.2M USD · 12 without ARR" */
      g_autofree char *without = g_strdup_printf (ngettext ("%u without ARR",
                                                            "%u without ARR", n_without_arr),
                                                  n_without_arr);

      if (label != NULL)
        {
          char *both = g_strdup_printf ("%s · %s", label, without);

          g_free (label);
          label = both;
        }
      else
        label = g_steal_pointer (&without);
      if (exact->len > 0)
        g_string_append_c (exact, '\n');
      g_string_append_printf (exact, ngettext ("%u account has no known ARR",
                                               "%u accounts have no known ARR", n_without_arr),
                              n_without_arr);
    }

  gtk_label_set_label (self->arr_label, label != NULL ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->arr_label), label != NULL ? exact->str : NULL);

  return G_SOURCE_REMOVE;
}

/* The totals follow the rows shown once typing pauses: adding up 100,000
 * accounts touches each of them, and a keystroke (or the one after it)
 * should not wait for that. */
#define TOTALS_DELAY_MS 250

static void
queue_totals (OvAccountsView *self)
{
  g_clear_handle_id (&self->totals_idle, g_source_remove);
  g_clear_handle_id (&self->columns_idle, g_source_remove);
  self->totals_idle = g_timeout_add_full (G_PRIORITY_LOW, TOTALS_DELAY_MS, update_totals,
                                          self, NULL);
}

static void
update_owner_choices (OvAccountsView *self)
{
  g_auto(GStrv) owners = NULL;
  g_autofree char *selected = NULL;
  guint position = 0;
  guint n;

  if (self->accounts == NULL)
    return;

  /* Keep the chosen owner chosen when the list of owners changes. */
  if (gtk_drop_down_get_selected (self->owner_filter) > 0)
    selected = g_strdup (gtk_string_list_get_string (self->owners,
                                                     gtk_drop_down_get_selected (self->owner_filter)));

  owners = ov_account_list_dup_owners (self->accounts);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  gtk_string_list_splice (self->owners, 1, n - 1, (const char * const *)owners);

  for (guint i = 0; owners[i] != NULL; i++)
    if (g_strcmp0 (owners[i], selected) == 0)
      position = i + 1;

  gtk_drop_down_set_selected (self->owner_filter, position);
}

/* The package records to filter by, the one chosen kept chosen. */
static void
update_package_choices (OvAccountsView *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint selected = gtk_drop_down_get_selected (self->package_filter);
  gint64 chosen = selected >= 2 && selected - 2 < self->package_ids->len
                    ? g_array_index (self->package_ids, gint64, selected - 2) : 0;
  guint position = selected == 1 ? 1 : 0;

  if (store == NULL)
    return;

  packages = ov_store_list_packages (store, &error);
  if (packages == NULL)
    {
      g_warning ("Could not list the packages: %s", error->message);
      return;
    }

  g_array_set_size (self->package_ids, 0);
  for (guint i = 0; i < packages->len; i++)
    {
      OvPackage *package = g_ptr_array_index (packages, i);
      gint64 id = ov_package_get_id (package);

      g_ptr_array_add (names, (gpointer)ov_package_get_name (package));
      g_array_append_val (self->package_ids, id);
      if (ov_package_get_id (package) == chosen)
        position = i + 2;
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->package_names, 2,
                          g_list_model_get_n_items (G_LIST_MODEL (self->package_names)) - 2,
                          (const char * const *)names->pdata);
  gtk_drop_down_set_selected (self->package_filter, position);
}

static void
ov_accounts_view_store_ready (OvView *view)
{
  update_package_choices (OV_ACCOUNTS_VIEW (view));
  ov_account_figure_columns_store_ready (OV_ACCOUNTS_VIEW (view)->figure_columns);
}

static void
ov_accounts_view_store_changed (OvView     *view,
                                const char *what)
{
  if (g_strcmp0 (what, "packages") == 0)
    update_package_choices (OV_ACCOUNTS_VIEW (view));
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
  update_owner_choices (self);
  update_count (self);
}

/* Row slots stay where they are while accounts move through them: a
 * highlighted slot would now show another account. */
static void
accounts_changed_cb (OvAccountsView *self)
{
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  queue_totals (self);
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

/* A chip's button: that filter back to "All …". */
static void
chip_clicked_cb (GtkDropDown *filter)
{
  gtk_drop_down_set_selected (filter, 0);
}

/* A chip for @filter when it is set: "Stage: Kickoff", and a button that
 * removes it. */
static void
add_chip (OvAccountsView *self,
          GtkDropDown    *filter,
          const char     *what)
{
  guint selected = gtk_drop_down_get_selected (filter);
  g_autoptr(GObject) item = NULL;
  GtkWidget *button;

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return;

  item = g_list_model_get_item (gtk_drop_down_get_model (filter), selected);
  button = ov_app_filter_chip_new (what, gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  g_signal_connect_swapped (button, "clicked", G_CALLBACK (chip_clicked_cb), filter);

  gtk_flow_box_append (self->filter_chips, button);
  ov_app_flow_box_unfocus (self->filter_chips, TRUE);
}

/* Every filter set shows as a chip above the list, so a list narrowed by a
 * dashboard's link says why it is short. */
static void
update_chips (OvAccountsView *self)
{
  GtkWidget *child;
  gboolean any;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    gtk_flow_box_remove (self->filter_chips, child);

  add_chip (self, self->stage_filter, _("Stage"));
  add_chip (self, self->status_filter, _("Status"));
  add_chip (self, self->owner_filter, _("Owner"));
  add_chip (self, self->package_filter, _("Package"));

  any = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips)) != NULL;
  gtk_widget_set_visible (self->filter_bar, any);
}

static void
filters_changed_cb (OvAccountsView *self)
{
  guint stage = gtk_drop_down_get_selected (self->stage_filter);
  guint status = gtk_drop_down_get_selected (self->status_filter);
  guint owner = gtk_drop_down_get_selected (self->owner_filter);
  guint package = gtk_drop_down_get_selected (self->package_filter);
  gint64 package_id = OV_ACCOUNT_FILTER_ANY;
  gboolean any;

  if (self->accounts == NULL)
    return;

  /* Item 0 of each drop-down is "All …". */
  ov_account_list_set_stage_filter (self->accounts,
                                    stage == 0 || stage == GTK_INVALID_LIST_POSITION
                                      ? OV_ACCOUNT_FILTER_ANY : (int)stage);
  ov_account_list_set_status_filter (self->accounts,
                                     status == 0 || status == GTK_INVALID_LIST_POSITION
                                       ? OV_ACCOUNT_FILTER_ANY : (int)status - 1);
  ov_account_list_set_owner_filter (self->accounts,
                                    owner == 0 || owner == GTK_INVALID_LIST_POSITION
                                      ? NULL : gtk_string_list_get_string (self->owners, owner));

  /* Item 1 of the packages is "No package". */
  if (package == 1)
    package_id = 0;
  else if (package >= 2 && package - 2 < self->package_ids->len)
    package_id = g_array_index (self->package_ids, gint64, package - 2);
  ov_account_list_set_package_filter (self->accounts, package_id);

  any = package_id != OV_ACCOUNT_FILTER_ANY ||
        (stage > 0 && stage != GTK_INVALID_LIST_POSITION) ||
        (status > 0 && status != GTK_INVALID_LIST_POSITION) ||
        (owner > 0 && owner != GTK_INVALID_LIST_POSITION);
  if (any)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");

  update_chips (self);
}

static void
clear_filters_cb (OvAccountsView *self)
{
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->package_filter, 0);
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
  current = ov_account_page_get_account (self->account_page);
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

  ov_account_page_set_account (self->account_page, account);
  adw_leaflet_set_visible_child_name (self->leaflet, "account");
}

void
ov_accounts_view_focus_search (OvAccountsView *self)
{
  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));

  ov_accounts_view_show_list (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* Shows only @stage's accounts, with the other filters and search cleared. */
void
ov_accounts_view_filter_stage (OvAccountsView *self,
                               OvStage         stage)
{
  g_return_if_fail (OV_IS_ACCOUNTS_VIEW (self));
  g_return_if_fail (ov_stage_is_valid (stage));

  ov_accounts_view_show_list (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->status_filter, 0);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->package_filter, 0);
  gtk_drop_down_set_selected (self->stage_filter, stage);
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

  ov_account_page_set_accounts (self->account_page, accounts);
  ov_account_figure_columns_set_accounts (self->figure_columns, accounts);

  g_signal_connect_object (accounts, "notify::n-items", G_CALLBACK (update_count), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "items-changed", G_CALLBACK (accounts_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (accounts, "notify::n-total", G_CALLBACK (n_total_changed_cb), self,
                           G_CONNECT_SWAPPED);
  n_total_changed_cb (self);
  queue_totals (self);
}

static GtkStringList *
new_choices (const char *all)
{
  GtkStringList *list = gtk_string_list_new (NULL);

  gtk_string_list_append (list, all);
  return list;
}

static void
ov_accounts_view_dispose (GObject *object)
{
  OvAccountsView *self = OV_ACCOUNTS_VIEW (object);

  g_clear_handle_id (&self->totals_idle, g_source_remove);
  ov_account_figure_columns_shutdown (self->figure_columns);
  g_clear_object (&self->selection);
  g_clear_object (&self->narrow_selection);
  g_clear_object (&self->accounts);
  g_clear_object (&self->owners);
  g_clear_object (&self->package_names);
  g_clear_pointer (&self->package_ids, g_array_unref);

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
  g_type_ensure (OV_TYPE_ACCOUNT_PAGE);
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
  gtk_widget_class_bind_template_child (widget_class, OvAccountsView, account_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, account_page_back_cb);
}

static void
ov_accounts_view_init (OvAccountsView *self)
{
  g_autoptr(GtkStringList) stages = new_choices (_("All stages"));
  g_autoptr(GtkStringList) statuses = new_choices (_("All statuses"));

  gtk_widget_init_template (GTK_WIDGET (self));

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  for (guint status = 0; status < OV_N_ACCOUNT_STATUSES; status++)
    gtk_string_list_append (statuses, ov_account_status_get_title (status));
  self->owners = new_choices (_("All owners"));

  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));
  self->package_names = new_choices (_("All packages"));
  gtk_string_list_append (self->package_names, _("No package"));
  self->package_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_drop_down_set_model (self->package_filter, G_LIST_MODEL (self->package_names));

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
