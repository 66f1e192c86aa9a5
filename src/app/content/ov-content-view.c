/* ov-content-view.c — the content library: its items with their
 * completion rates, added, edited, deleted and assigned here
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The items and their tallies are read in a worker (the tally grows with
 * the portfolio's assignments), again after any change to the content or
 * its completions. A row says what the item is and how far the accounts it
 * is assigned to got with it; activating it edits the item, its buttons
 * assign or delete it. Deleting asks first: the item's assignments and
 * completions go with it and no undo brings them back.
 */

#define G_LOG_DOMAIN "ov-content-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-content-assign-dialog.h"
#include "ov-content-item-dialog.h"
#include "ov-content-text.h"
#include "ov-content-view.h"
#include "ov-store-content.h"
#include "ov-view-reader.h"

struct _OvContentView
{
  OvView               parent_instance;

  OvViewReader        *reader;
  OvAccountList       *accounts;
  GPtrArray           *rows;     /* AdwActionRow shown, each with "ov-item" */
  GtkWidget           *note;     /* the row that says there is nothing, or NULL */
  gboolean             stale;    /* changed while not shown: read when shown */

  /* Template widgets */
  AdwPreferencesGroup *group;
  GtkWidget           *add_button;
};

G_DEFINE_FINAL_TYPE (OvContentView, ov_content_view, OV_TYPE_VIEW)

static GtkWindow *
parent_window (OvContentView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
add_clicked_cb (OvContentView *self)
{
  ov_content_view_open_editor (self, NULL);
}

static void
row_activated_cb (AdwActionRow  *row,
                  OvContentView *self)
{
  ov_content_view_open_editor (self, g_object_get_data (G_OBJECT (row), "ov-item"));
}

static void
assign_clicked_cb (GtkButton     *button,
                   OvContentView *self)
{
  ov_content_view_open_assign (self, g_object_get_data (G_OBJECT (button), "ov-item"));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    OvContentView    *self)
{
  OvContentItem *item = g_object_get_data (G_OBJECT (dialog), "ov-item");
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (g_strcmp0 (response, "delete") != 0 || store == NULL)
    return;

  if (!ov_store_delete_content_item (store, item, &error))
    {
      ov_app_show_toast (GTK_WIDGET (self), error->message);
      return;
    }

  /* Translators: a toast, "Deleted “Admin foundations”" */
  message = g_strdup_printf (_("Deleted “%s”"), ov_content_item_get_title (item));
  ov_app_show_toast (GTK_WIDGET (self), message);
}

static void
delete_clicked_cb (GtkButton     *button,
                   OvContentView *self)
{
  OvContentItem *item = g_object_get_data (G_OBJECT (button), "ov-item");
  g_autofree char *heading = NULL;
  GtkWidget *dialog;

  /* Translators: the question before deleting an item, "Delete “Admin foundations”?" */
  heading = g_strdup_printf (_("Delete “%s”?"), ov_content_item_get_title (item));
  dialog = adw_message_dialog_new (parent_window (self), heading,
                                   _("Its assignments to accounts and everyone's completions "
                                     "of it are deleted with it."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ov-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_item_row (OvContentView *self,
              OvContentItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *assign = gtk_button_new_with_mnemonic (_("A_ssign…"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *what = ov_content_describe_item (item);
  g_autofree char *rate = ov_content_describe_rate (ov_content_item_get_n_completed (item),
                                                    ov_content_item_get_n_learners (item));
  g_autofree char *reach = NULL;
  g_autofree char *subtitle = NULL;
  guint n_accounts = ov_content_item_get_n_accounts (item);

  if (n_accounts == 0)
    reach = g_strdup (_("Not assigned yet"));
  else
    /* Translators: "12 accounts · 3 of 8 completed · 38 %" */
    reach = g_strdup_printf (ngettext ("%u account · %s", "%u accounts · %s", n_accounts),
                             n_accounts, rate);
  subtitle = g_strdup_printf ("%s\n%s", what, reach);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_content_item_get_title (item));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "ov-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  gtk_widget_set_valign (assign, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (assign, _("Assign to an account, a stage or a segment"));
  g_object_set_data_full (G_OBJECT (assign), "ov-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (assign, "clicked", G_CALLBACK (assign_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), assign);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Delete Item"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Delete Item"), -1);
  g_object_set_data_full (G_OBJECT (remove), "ov-item", g_object_ref (item), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (delete_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  g_object_set_data (G_OBJECT (row), "ov-assign", assign);
  g_object_set_data (G_OBJECT (row), "ov-delete", remove);
  return row;
}

static void
clear_rows (OvContentView *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  if (self->note != NULL)
    adw_preferences_group_remove (self->group, self->note);
  self->note = NULL;
}

static void
show_note (OvContentView *self,
           const char    *text)
{
  clear_rows (self);
  self->note = ov_app_note_row_new (text);
  adw_preferences_group_add (self->group, self->note);
}

/* In a worker (ov_store_run_async()): the items and their tallies. */
static gboolean
read_items (OvStore         *store,
            gpointer         data,
            OvProgressFunc   progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            GError         **error)
{
  GPtrArray **items = data;

  *items = ov_store_list_content_items (store, error);
  return *items != NULL;
}

static void
show_items (OvView   *view,
            gpointer  data)
{
  OvContentView *self = OV_CONTENT_VIEW (view);
  GPtrArray *items = *(GPtrArray **)data;

  clear_rows (self);
  if (items->len == 0)
    {
      show_note (self, _("The library is empty. Add the courses, webinars, guides, videos and "
                         "exercises your customers learn from."));
      return;
    }

  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *row = new_item_row (self, g_ptr_array_index (items, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static const OvViewReaderFuncs reader_funcs = {
  ov_view_reader_make_array, ov_view_reader_free_array, read_items, show_items, NULL,
  "the content library",
};

/* An unseen library is read when it is shown (see map). */
static void
read_when_shown (OvContentView *self)
{
  if (ov_view_get_store (OV_VIEW (self)) == NULL)
    return;

  self->stale = !gtk_widget_get_mapped (GTK_WIDGET (self));
  if (!self->stale)
    ov_view_reader_start (self->reader);
}

static void
ov_content_view_store_ready (OvView *view)
{
  OvContentView *self = OV_CONTENT_VIEW (view);

  if (self->rows->len == 0 && self->note == NULL)
    show_note (self, _("Reading the library…"));
  read_when_shown (self);
}

static void
ov_content_view_store_changed (OvView     *view,
                               const char *what)
{
  /* Tallies follow assignments, completions and the people and accounts
   * they count. */
  if (g_strcmp0 (what, "content") == 0 || g_strcmp0 (what, "completions") == 0 ||
      g_strcmp0 (what, "people") == 0 || g_strcmp0 (what, "accounts") == 0)
    read_when_shown (OV_CONTENT_VIEW (view));
}

static void
ov_content_view_map (GtkWidget *widget)
{
  OvContentView *self = OV_CONTENT_VIEW (widget);

  GTK_WIDGET_CLASS (ov_content_view_parent_class)->map (widget);

  if (self->stale)
    read_when_shown (self);
}

static void
ov_content_view_dispose (GObject *object)
{
  OvContentView *self = OV_CONTENT_VIEW (object);

  if (self->reader != NULL)
    ov_view_reader_cancel (self->reader);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ov_content_view_parent_class)->dispose (object);
}

static void
ov_content_view_finalize (GObject *object)
{
  OvContentView *self = OV_CONTENT_VIEW (object);

  g_clear_pointer (&self->reader, ov_view_reader_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_content_view_parent_class)->finalize (object);
}

static void
ov_content_view_class_init (OvContentViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_content_view_dispose;
  object_class->finalize = ov_content_view_finalize;

  widget_class->map = ov_content_view_map;

  view_class->store_ready = ov_content_view_store_ready;
  view_class->store_changed = ov_content_view_store_changed;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-content-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvContentView, group);
  gtk_widget_class_bind_template_child (widget_class, OvContentView, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked_cb);
}

static void
ov_content_view_init (OvContentView *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = ov_view_reader_new (OV_VIEW (self), &reader_funcs);
}

void
ov_content_view_set_accounts (OvContentView *self,
                              OvAccountList *accounts)
{
  g_return_if_fail (OV_IS_CONTENT_VIEW (self));

  g_set_object (&self->accounts, accounts);
}

gboolean
ov_content_view_is_loading (OvContentView *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_VIEW (self), FALSE);

  return ov_view_reader_is_loading (self->reader);
}

guint
ov_content_view_get_n_items (OvContentView *self)
{
  g_return_val_if_fail (OV_IS_CONTENT_VIEW (self), 0);

  return self->rows->len;
}

AdwActionRow *
ov_content_view_find_row (OvContentView *self,
                          const char    *title)
{
  g_return_val_if_fail (OV_IS_CONTENT_VIEW (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GObject *row = g_ptr_array_index (self->rows, i);
      OvContentItem *item = g_object_get_data (row, "ov-item");

      if (g_strcmp0 (ov_content_item_get_title (item), title) == 0)
        return ADW_ACTION_ROW (row);
    }

  return NULL;
}

GtkWindow *
ov_content_view_open_editor (OvContentView *self,
                             OvContentItem *item)
{
  OvStore *store;
  OvContentItemDialog *dialog;

  g_return_val_if_fail (OV_IS_CONTENT_VIEW (self), NULL);

  store = ov_view_get_store (OV_VIEW (self));
  if (store == NULL)
    return NULL;

  dialog = ov_content_item_dialog_new (parent_window (self), store, item);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

GtkWindow *
ov_content_view_open_assign (OvContentView *self,
                             OvContentItem *item)
{
  g_autoptr(OvAccountList) none = NULL;
  OvContentAssignDialog *dialog;
  OvStore *store;

  g_return_val_if_fail (OV_IS_CONTENT_VIEW (self), NULL);
  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), NULL);

  store = ov_view_get_store (OV_VIEW (self));
  if (store == NULL)
    return NULL;

  if (self->accounts == NULL)
    none = ov_account_list_new ();
  dialog = ov_content_assign_dialog_new (parent_window (self), store, item,
                                         self->accounts != NULL ? self->accounts : none,
                                         ov_view_get_today (OV_VIEW (self)), GTK_WIDGET (self));
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}
