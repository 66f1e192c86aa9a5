/* ov-account-figure-columns.c — the accounts table's columns of figures
 * read apart from the accounts: days in stage, open tasks, health
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * These figures live in other tables, so reading them costs a pass over
 * stage events, tasks and measurements: the portfolio opens without them.
 * They are read in a worker (one OvViewReader job) only while one of
 * their columns is shown or the table is sorted by one, read again a
 * moment after the store changes what they rest on, and kept in one
 * OvAccountFigures (a compact array by account id) that the cells and the
 * list's sort look into. Until the first reading is in, the cells are
 * blank.
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-account-figure-columns.h"
#include "ov-account-row.h"
#include "ov-account-sort.h"
#include "ov-app-util.h"
#include "ov-view-reader.h"

#define READER_KEY "ov-account-figure-columns"

/* Changes come in bursts (a completion writes tasks, stage events and the
 * account; notes are saved as they are typed): one reading after they
 * settle. */
#define REREAD_DELAY_MS 400

typedef enum
{
  COLUMN_DAYS,
  COLUMN_TASKS,
  COLUMN_HEALTH,
  N_COLUMNS
} Column;

typedef struct
{
  OvAccountFigureColumns *self;
  Column                  column;
} CellKind;

struct _OvAccountFigureColumns
{
  GObject              parent_instance;

  OvView              *view;       /* not a reference: the view owns this */
  OvViewReader        *reader;
  OvAccountList       *accounts;
  OvAccountFigures    *figures;
  GtkColumnViewColumn *columns[N_COLUMNS];
  CellKind             kinds[N_COLUMNS];
  gboolean             sorting;    /* the table is sorted by a figure */
  gboolean             stale;      /* the figures are older than the store */
  guint                reread_id;
};

G_DEFINE_FINAL_TYPE (OvAccountFigureColumns, ov_account_figure_columns, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef struct
{
  OvDate            today;   /* first (ov_view_reader_make_dated()) */
  OvAccountFigures *figures;
} Reading;

static void
reading_free (gpointer data)
{
  Reading *reading = data;

  g_clear_pointer (&reading->figures, ov_account_figures_unref);
  g_free (reading);
}

static gpointer
make_reading (OvView *view)
{
  return ov_view_reader_make_dated (view, sizeof (Reading));
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_figures (OvStore         *store,
              gpointer         data,
              OvProgressFunc   progress,
              gpointer         progress_data,
              GCancellable    *cancellable,
              GError         **error)
{
  Reading *reading = data;

  reading->figures = ov_store_read_account_figures (store, reading->today, cancellable, error);
  return reading->figures != NULL;
}

static void
show_reading (OvView   *view,
              gpointer  data)
{
  OvAccountFigureColumns *self = g_object_get_data (G_OBJECT (view), READER_KEY);
  Reading *reading = data;

  /* Shut down meanwhile. */
  if (self == NULL)
    return;

  g_clear_pointer (&self->figures, ov_account_figures_unref);
  self->figures = g_steal_pointer (&reading->figures);
  g_debug ("Figures of %u accounts read", ov_account_figures_get_len (self->figures));

  if (self->accounts != NULL)
    ov_account_list_set_figures (self->accounts, self->figures);
  g_signal_emit (self, signals[CHANGED], 0);
}

static const OvViewReaderFuncs reader_funcs = {
  .make = make_reading,
  .free = reading_free,
  .job = read_figures,
  .show = show_reading,
  .what = "the accounts’ figures",
};

static gboolean
wanted (OvAccountFigureColumns *self)
{
  if (self->sorting)
    return TRUE;
  for (Column c = 0; c < N_COLUMNS; c++)
    if (gtk_column_view_column_get_visible (self->columns[c]))
      return TRUE;
  return FALSE;
}

/* Reads the figures when a column wants them and they are missing or old;
 * not before the portfolio is in, so opening it never waits for them. */
static void
maybe_read (OvAccountFigureColumns *self)
{
  if (self->view == NULL || self->accounts == NULL || ov_view_get_store (self->view) == NULL ||
      !wanted (self))
    return;
  /* Up to date, or about to be: another column shown meanwhile needs no
   * second reading. */
  if (!self->stale && (self->figures != NULL || ov_view_reader_is_loading (self->reader)))
    return;

  g_clear_handle_id (&self->reread_id, g_source_remove);
  self->stale = FALSE;
  ov_view_reader_start (self->reader);
}

static gboolean
reread_cb (gpointer data)
{
  OvAccountFigureColumns *self = data;

  self->reread_id = 0;
  maybe_read (self);
  return G_SOURCE_REMOVE;
}

/* The figures no longer hold: read again once changes pause (notes saved
 * as they are typed change the account at every key) if they are shown,
 * else when they next are. */
static void
queue_reread (OvAccountFigureColumns *self)
{
  self->stale = TRUE;
  g_clear_handle_id (&self->reread_id, g_source_remove);
  if (self->view != NULL && wanted (self))
    self->reread_id = g_timeout_add (REREAD_DELAY_MS, reread_cb, self);
}

static const OvAccountFigure *
figure_of (OvAccountFigureColumns *self,
           GtkListItem            *item)
{
  OvAccountRow *row = gtk_list_item_get_item (item);
  OvAccount *account = row != NULL ? ov_account_row_get_account (row) : NULL;

  if (account == NULL || self->figures == NULL)
    return NULL;
  return ov_account_figures_lookup (self->figures, ov_account_get_id (account));
}

/* A cell: the value, then (tasks and health) a mark in words, bold and
 * coloured, so it does not rest on colour alone. */
static GtkWidget *
new_cell (Column column)
{
  g_autoptr(PangoAttrList) bold = pango_attr_list_new ();
  GtkWidget *box, *value, *separator, *mark;

  if (column == COLUMN_DAYS)
    {
      value = gtk_inscription_new (NULL);
      gtk_inscription_set_xalign (GTK_INSCRIPTION (value), 1.0f);
      gtk_widget_add_css_class (value, "numeric");
      return value;
    }

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (box, GTK_ALIGN_END);
  value = gtk_label_new (NULL);
  gtk_widget_add_css_class (value, "numeric");
  separator = gtk_label_new ("·");
  gtk_widget_add_css_class (separator, "dim-label");
  mark = gtk_label_new (NULL);
  gtk_label_set_ellipsize (GTK_LABEL (mark), PANGO_ELLIPSIZE_END);
  pango_attr_list_insert (bold, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
  gtk_label_set_attributes (GTK_LABEL (mark), bold);
  gtk_widget_add_css_class (mark, column == COLUMN_TASKS ? "warning" : "error");

  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), separator);
  gtk_box_append (GTK_BOX (box), mark);
  return box;
}

static void
show_cell (GtkWidget  *cell,
           const char *value,
           const char *mark)
{
  GtkWidget *value_label, *separator, *mark_label;

  if (GTK_IS_INSCRIPTION (cell))
    {
      gtk_inscription_set_text (GTK_INSCRIPTION (cell), value);
      return;
    }

  value_label = gtk_widget_get_first_child (cell);
  separator = gtk_widget_get_next_sibling (value_label);
  mark_label = gtk_widget_get_next_sibling (separator);
  gtk_label_set_label (GTK_LABEL (value_label), value != NULL ? value : "");
  gtk_label_set_label (GTK_LABEL (mark_label), mark != NULL ? mark : "");
  gtk_widget_set_visible (separator, mark != NULL);
  gtk_widget_set_visible (mark_label, mark != NULL);
}

static void
cell_update (GtkListItem *item)
{
  const CellKind *kind = g_object_get_data (G_OBJECT (item), "ov-figure-kind");
  const OvAccountFigure *figure = figure_of (kind->self, item);
  g_autofree char *value = NULL;
  g_autofree char *mark = NULL;

  /* Blank until the figures are read, or for an account added since. */
  if (figure != NULL)
    switch (kind->column)
      {
      case COLUMN_DAYS:
        value = figure->days_in_stage >= 0 ? ov_app_format_days (figure->days_in_stage)
                                           : g_strdup ("—");
        break;
      case COLUMN_TASKS:
        value = ov_app_format_count (figure->open_tasks);
        if (figure->overdue_tasks > 0)
          /* Translators: open tasks due before today, after their count:
           * "5 · 2 overdue" */
          mark = g_strdup_printf (ngettext ("%u overdue", "%u overdue", figure->overdue_tasks),
                                  figure->overdue_tasks);
        break;
      case COLUMN_HEALTH:
        value = isnan (figure->health) ? g_strdup ("—") : ov_health_format_score (figure->health);
        if (ov_account_figure_at_risk (figure))
          /* Translators: after a health score under 50: "42 · at risk" */
          mark = g_strdup (_("at risk"));
        break;
      case N_COLUMNS:
      default:
        g_assert_not_reached ();
      }

  show_cell (gtk_list_item_get_child (item), value, mark);
}

static void
cell_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               const CellKind           *kind)
{
  gtk_list_item_set_child (item, new_cell (kind->column));
}

/* Like the table's other cells, a cell follows its row slot's account, and
 * the figures when a reading comes in. */
static void
cell_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              const CellKind           *kind)
{
  g_object_set_data (G_OBJECT (item), "ov-figure-kind", (gpointer)kind);
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::account",
                           G_CALLBACK (cell_update), item, G_CONNECT_SWAPPED);
  g_signal_connect_object (kind->self, "changed", G_CALLBACK (cell_update), item,
                           G_CONNECT_SWAPPED);
  cell_update (item);
}

static void
cell_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                const CellKind           *kind)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), cell_update, item);
  g_signal_handlers_disconnect_by_func (kind->self, cell_update, item);
}

static void
column_visible_cb (OvAccountFigureColumns *self)
{
  maybe_read (self);
}

static void
ov_account_figure_columns_finalize (GObject *object)
{
  OvAccountFigureColumns *self = OV_ACCOUNT_FIGURE_COLUMNS (object);

  ov_account_figure_columns_shutdown (self);
  g_clear_pointer (&self->reader, ov_view_reader_free);
  g_clear_pointer (&self->figures, ov_account_figures_unref);

  G_OBJECT_CLASS (ov_account_figure_columns_parent_class)->finalize (object);
}

static void
ov_account_figure_columns_class_init (OvAccountFigureColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_account_figure_columns_finalize;

  /* The figures were read (again). */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
ov_account_figure_columns_init (OvAccountFigureColumns *self)
{
}

/* Gives @days, @tasks and @health their cells, and reads their figures
 * for @view whenever one of them is shown. */
OvAccountFigureColumns *
ov_account_figure_columns_new (OvView              *view,
                               GtkColumnViewColumn *days,
                               GtkColumnViewColumn *tasks,
                               GtkColumnViewColumn *health)
{
  OvAccountFigureColumns *self;

  g_return_val_if_fail (OV_IS_VIEW (view), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (days), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (tasks), NULL);
  g_return_val_if_fail (GTK_IS_COLUMN_VIEW_COLUMN (health), NULL);

  self = g_object_new (OV_TYPE_ACCOUNT_FIGURE_COLUMNS, NULL);
  self->view = view;
  self->reader = ov_view_reader_new (view, &reader_funcs);
  g_object_set_data (G_OBJECT (view), READER_KEY, self);
  self->columns[COLUMN_DAYS] = days;
  self->columns[COLUMN_TASKS] = tasks;
  self->columns[COLUMN_HEALTH] = health;

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

      self->kinds[c] = (CellKind) { self, c };
      /* Cells are unbound as the table goes, after the view lets go. */
      g_object_set_data_full (G_OBJECT (factory), READER_KEY, g_object_ref (self), g_object_unref);
      g_signal_connect (factory, "setup", G_CALLBACK (cell_setup_cb), &self->kinds[c]);
      g_signal_connect (factory, "bind", G_CALLBACK (cell_bind_cb), &self->kinds[c]);
      g_signal_connect (factory, "unbind", G_CALLBACK (cell_unbind_cb), &self->kinds[c]);
      gtk_column_view_column_set_factory (self->columns[c], factory);
      g_signal_connect_object (self->columns[c], "notify::visible",
                               G_CALLBACK (column_visible_cb), self, G_CONNECT_SWAPPED);
    }

  return self;
}

/* The view is going (its dispose): no more readings. A reading that runs
 * is cancelled; its callback holds the view, which frees this (and the
 * reader) in its finalize. */
void
ov_account_figure_columns_shutdown (OvAccountFigureColumns *self)
{
  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));

  g_clear_handle_id (&self->reread_id, g_source_remove);
  if (self->reader != NULL)
    ov_view_reader_cancel (self->reader);
  if (self->view != NULL)
    g_object_set_data (G_OBJECT (self->view), READER_KEY, NULL);
  self->view = NULL;
  g_clear_object (&self->accounts);
}

void
ov_account_figure_columns_set_accounts (OvAccountFigureColumns *self,
                                        OvAccountList          *accounts)
{
  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));
  g_return_if_fail (OV_IS_ACCOUNT_LIST (accounts));

  g_set_object (&self->accounts, accounts);
  ov_account_list_set_figures (accounts, self->figures);
  maybe_read (self);
}

/* What the table is sorted by: a figure needs the figures even when its
 * column was hidden since. */
void
ov_account_figure_columns_set_sort_key (OvAccountFigureColumns *self,
                                        OvAccountSortKey        key)
{
  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));

  self->sorting = ov_account_sort_key_is_figure (key);
  maybe_read (self);
}

void
ov_account_figure_columns_store_ready (OvAccountFigureColumns *self)
{
  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));

  self->stale = TRUE;
  maybe_read (self);
}

/* Stage events change with their account, health with measurements,
 * meetings, a score set by hand and the weights. */
void
ov_account_figure_columns_store_changed (OvAccountFigureColumns *self,
                                         const char             *what)
{
  static const char *const rests_on[] = {
    "accounts", "tasks", "measurements", "meetings", "settings", NULL,
  };

  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));

  if (what != NULL && g_strv_contains (rests_on, what))
    queue_reread (self);
}

void
ov_account_figure_columns_today_changed (OvAccountFigureColumns *self)
{
  g_return_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self));

  queue_reread (self);
}

/* (nullable) (transfer none) The figures last read. */
OvAccountFigures *
ov_account_figure_columns_get_figures (OvAccountFigureColumns *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_FIGURE_COLUMNS (self), NULL);

  return self->figures;
}
