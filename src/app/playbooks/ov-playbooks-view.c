/* ov-playbooks-view.c — the playbooks: the list and the editor beside it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is read again whenever the store says playbooks changed (there
 * are few of them). The editor keeps its own copy of the selected playbook
 * and is only handed a new one when another playbook is selected, so
 * reading the list after one of its own edits does not disturb it.
 * Files in and out are in ov-playbooks-view-files.c.
 */

#define G_LOG_DOMAIN "ov-playbooks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-playbook-editor.h"
#include "ov-conflict.h"
#include "ov-playbooks-view-private.h"
#include "ov-window.h"


G_DEFINE_FINAL_TYPE (OvPlaybooksView, ov_playbooks_view, OV_TYPE_VIEW)

enum {
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
ov_playbooks_view_add_toast (OvPlaybooksView *self,
           AdwToast        *toast)
{
  GtkWidget *window = gtk_widget_get_ancestor (GTK_WIDGET (self), OV_TYPE_WINDOW);

  if (window != NULL)
    ov_window_add_toast (OV_WINDOW (window), toast);
  else
    g_object_unref (toast);
}

void
ov_playbooks_view_show_message (OvPlaybooksView *self,
              const char      *heading,
              const char      *body)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ov_playbooks_view_set_busy (OvPlaybooksView *self,
          gboolean         busy)
{
  if (self->busy == busy)
    return;

  self->busy = busy;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.import", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.export",
                                 !busy && self->selected_id != 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

gboolean
ov_playbooks_view_get_busy (OvPlaybooksView *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOKS_VIEW (self), FALSE);

  return self->busy;
}

static void
update_actions (OvPlaybooksView *self)
{
  gboolean selected = self->selected_id != 0;
  gboolean opened = ov_view_get_store (OV_VIEW (self)) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.new", opened);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.import", opened && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.export", selected && !self->busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.duplicate", selected);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "playbooks.delete", selected);
}

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  OvPlaybook *playbook = item;
  guint n_tasks = ov_playbook_get_n_tasks (playbook, 0);
  const char *segment = ov_playbook_get_segment (playbook);
  g_autofree char *tasks = NULL;
  g_autofree char *details = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (ov_playbook_get_name (playbook));
  GtkWidget *detail;
  GtkWidget *tag;

  tasks = g_strdup_printf (ngettext ("%u task", "%u tasks", n_tasks), n_tasks);
  if (segment[0] != '\0')
    /* Translators: "24 tasks · default for Enterprise"; the second part
     * names the segment whose accounts get this playbook. */
    details = g_strdup_printf (_("%s · default for %s"), tasks, segment);
  else
    details = g_steal_pointer (&tasks);
  detail = gtk_label_new (details);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 26);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (detail), 26);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), texts);

  /* Translators: marks the playbook used when nothing else applies */
  tag = gtk_label_new (_("Default"));
  gtk_widget_set_valign (tag, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (tag, "playbook-tag");
  gtk_widget_set_visible (tag, ov_playbook_get_is_default (playbook));
  gtk_box_append (GTK_BOX (box), tag);

  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "playbook", g_object_ref (playbook), g_object_unref);

  return row;
}

static GtkListBoxRow *
find_row (OvPlaybooksView *self,
          gint64           playbook_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->playbooks));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(OvPlaybook) playbook = g_list_model_get_item (G_LIST_MODEL (self->playbooks), i);

      if (ov_playbook_get_id (playbook) == playbook_id)
        return gtk_list_box_get_row_at_index (self->list_box, i);
    }

  return NULL;
}

void
ov_playbooks_view_show_editor (OvPlaybooksView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "editor");
}

static void
row_selected_cb (OvPlaybooksView *self,
                 GtkListBoxRow   *row)
{
  OvPlaybook *playbook;

  if (self->reloading)
    return;

  playbook = row ? g_object_get_data (G_OBJECT (row), "playbook") : NULL;
  self->selected_id = playbook ? ov_playbook_get_id (playbook) : 0;

  if (ov_playbook_editor_get_playbook_id (self->editor) != self->selected_id)
    ov_playbook_editor_set_playbook (self->editor, playbook);

  update_actions (self);
}

static void
row_activated_cb (OvPlaybooksView *self,
                  GtkListBoxRow   *row)
{
  ov_playbooks_view_show_editor (self);
}

static void
editor_back_cb (OvPlaybooksView *self)
{
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
}

static void
folded_cb (OvPlaybooksView *self)
{
  ov_playbook_editor_set_show_back (self->editor, adw_leaflet_get_folded (self->leaflet));
}

gboolean
ov_playbooks_view_select (OvPlaybooksView *self,
                          gint64           playbook_id)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (OV_IS_PLAYBOOKS_VIEW (self), FALSE);

  row = find_row (self, playbook_id);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list_box, row);
  return TRUE;
}

gint64
ov_playbooks_view_get_selected_id (OvPlaybooksView *self)
{
  g_return_val_if_fail (OV_IS_PLAYBOOKS_VIEW (self), 0);

  return self->selected_id;
}

static void
reload (OvPlaybooksView *self)
{
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *count = NULL;
  gint64 keep = self->selected_id;

  if (ov_view_get_store (OV_VIEW (self)) == NULL)
    return;

  playbooks = ov_store_list_playbooks (ov_view_get_store (OV_VIEW (self)), &error);
  if (playbooks == NULL)
    {
      ov_playbooks_view_add_toast (self, ov_app_toast_new (error->message));
      return;
    }

  self->reloading = TRUE;
  g_list_store_splice (self->playbooks, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->playbooks)),
                       playbooks->pdata, playbooks->len);
  self->reloading = FALSE;

  count = g_strdup_printf (ngettext ("%u Playbook", "%u Playbooks", playbooks->len),
                           playbooks->len);
  gtk_label_set_label (self->count_label, count);
  gtk_stack_set_visible_child_name (self->stack, playbooks->len > 0 ? "playbooks" : "empty");

  /* The same playbook stays selected; when it went, the first one is shown
   * (and a folded view goes back to the list, as what it showed is gone). */
  if (!ov_playbooks_view_select (self, keep))
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list_box, 0);

      if (first != NULL)
        gtk_list_box_select_row (self->list_box, first);
      else
        row_selected_cb (self, NULL);

      if (keep != 0)
        adw_leaflet_set_visible_child_name (self->leaflet, "list");
    }
}

/* The list and its editor (a row per task) are built when the view is on
 * screen: at start-up the window measures every page of its view stack,
 * and an unseen editor full of rows made the first frame wait. */
static void
reload_when_shown (OvPlaybooksView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }

  self->stale = FALSE;
  reload (self);
}

static void
ov_playbooks_view_map (GtkWidget *widget)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);

  if (self->stale)
    {
      self->stale = FALSE;
      reload (self);
    }

  GTK_WIDGET_CLASS (ov_playbooks_view_parent_class)->map (widget);
}

/* After a change made elsewhere, or here through a second connection. */
static void
ov_playbooks_view_store_changed (OvView     *view,
                                 const char *what)
{
  if (g_strcmp0 (what, "playbooks") == 0)
    reload_when_shown (OV_PLAYBOOKS_VIEW (view));
}

static void
ov_playbooks_view_store_ready (OvView *view)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (view);

  update_actions (self);
  reload_when_shown (self);
}

void
ov_playbooks_view_set_accounts (OvPlaybooksView *self,
                                OvAccountList   *accounts)
{
  g_return_if_fail (OV_IS_PLAYBOOKS_VIEW (self));

  ov_playbook_editor_set_accounts (self->editor, accounts);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  g_autoptr(OvPlaybook) playbook = ov_playbook_new (_("New Playbook"));
  g_autoptr(GError) error = NULL;

  if (!ov_store_save_playbook (ov_view_get_store (OV_VIEW (self)), playbook, &error))
    {
      ov_playbooks_view_add_toast (self, ov_app_toast_new (error->message));
      return;
    }

  ov_playbooks_view_select (self, ov_playbook_get_id (playbook));
  ov_playbooks_view_show_editor (self);
  ov_playbook_editor_edit_name (self->editor);
}

static void
duplicate_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = ov_store_duplicate_playbook (ov_view_get_store (OV_VIEW (self)), self->selected_id, &error);
  if (id == 0)
    {
      ov_playbooks_view_add_toast (self, ov_app_toast_new (error->message));
      return;
    }

  ov_playbooks_view_select (self, id);
  ov_playbooks_view_show_editor (self);
}

static void
undo_clicked_cb (AdwToast        *toast,
                 OvPlaybooksView *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (toast), "playbook-id");

  gtk_widget_activate_action (GTK_WIDGET (self), "playbooks.undo-delete", "x", *id);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = self->selected_id;
  OvPlaybook *playbook = ov_playbook_editor_get_playbook (self->editor);
  AdwToast *toast;

  if (id == 0 || playbook == NULL)
    return;

  title = g_strdup_printf (_("“%s” deleted"), ov_playbook_get_name (playbook));

  if (!ov_store_delete_playbook (ov_view_get_store (OV_VIEW (self)), playbook, &error))
    {
      g_autofree char *message = NULL;

      /* Changed elsewhere: shown as stored now, to delete again. */
      if (ov_conflict_matches (error))
        {
          message = ov_conflict_describe (error, OV_CONFLICT_DELETE, NULL);
          ov_playbooks_view_select (self, id);
        }
      ov_playbooks_view_add_toast (self, ov_app_toast_new (message ? message : error->message));
      return;
    }

  toast = ov_app_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "playbook-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), self, 0);
  ov_playbooks_view_add_toast (self, toast);
}

static void
undo_delete_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (widget);
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (!ov_store_restore_playbook (ov_view_get_store (OV_VIEW (self)), id, &error))
    {
      ov_playbooks_view_add_toast (self, ov_app_toast_new (error->message));
      return;
    }

  ov_playbooks_view_select (self, id);
}

/* In a worker (ov_store_run_async()). */
static void
ov_playbooks_view_dispose (GObject *object)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->chooser, self);
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
      g_clear_object (&self->chooser);
    }

  G_OBJECT_CLASS (ov_playbooks_view_parent_class)->dispose (object);
}

static void
ov_playbooks_view_finalize (GObject *object)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (object);

  g_clear_object (&self->playbooks);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ov_playbooks_view_parent_class)->finalize (object);
}

static void
ov_playbooks_view_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OvPlaybooksView *self = OV_PLAYBOOKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_playbooks_view_class_init (OvPlaybooksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_playbooks_view_dispose;
  object_class->finalize = ov_playbooks_view_finalize;
  object_class->get_property = ov_playbooks_view_get_property;

  widget_class->map = ov_playbooks_view_map;

  view_class->store_ready = ov_playbooks_view_store_ready;
  view_class->store_changed = ov_playbooks_view_store_changed;

  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OV_TYPE_PLAYBOOK_EDITOR);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-playbooks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, stack);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, leaflet);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, list_box);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, editor);
  gtk_widget_class_bind_template_child (widget_class, OvPlaybooksView, empty_new_button);
  gtk_widget_class_bind_template_callback (widget_class, row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, editor_back_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);

  gtk_widget_class_install_action (widget_class, "playbooks.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "playbooks.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "playbooks.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "playbooks.undo-delete", "x",
                                   undo_delete_action);
  gtk_widget_class_install_action (widget_class, "playbooks.import", NULL,
                                   ov_playbooks_view_import_action);
  gtk_widget_class_install_action (widget_class, "playbooks.export", NULL,
                                   ov_playbooks_view_export_action);
}

static void
ov_playbooks_view_init (OvPlaybooksView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->playbooks = g_list_store_new (OV_TYPE_PLAYBOOK);
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->playbooks), create_row, NULL, NULL);

  folded_cb (self);
  update_actions (self);
}
