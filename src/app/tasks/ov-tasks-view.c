/* ov-tasks-view.c — every open task of the portfolio, in one list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The list is the store's (ov_store_read_task_page_async()): a page of
 * tasks and the count of all that match, read off the main loop, so half
 * a million tasks cost one page of rows. Each filter shows as a chip with
 * Clear, as the accounts' do. Ticking a task off stores it at once; the
 * list reads again without it, and a toast offers Undo.
 */

#define G_LOG_DOMAIN "ov-tasks-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-task-row.h"
#include "ov-tasks-view.h"

struct _OvTasksView
{
  OvView          parent_instance;

  GCancellable   *cancellable;
  OvTaskFilter   *shown;        /* what the list shows */
  gint64          total;
  guint           n_rows;
  gboolean        loading;
  gboolean        owners_read;
  gboolean        syncing;      /* several filters set at once */
  GtkStringList  *owners;       /* item 0: "All owners" */
  GtkStringList  *roles;        /* item 0: "All roles" */
  GSettings      *settings;     /* the context's, for the user's name */
  gulong          user_name_id;

  /* Template widgets */
  GtkSearchEntry *account_entry;
  GtkToggleButton *mine_button;
  GtkMenuButton  *filter_button;
  GtkCheckButton *sort_due;
  GtkCheckButton *sort_account;
  GtkCheckButton *sort_owner;
  GtkDropDown    *due_filter;
  GtkDropDown    *owner_filter;
  GtkDropDown    *role_filter;
  GtkDropDown    *stage_filter;
  GtkWidget      *filter_bar;
  GtkFlowBox     *filter_chips;
  GtkStack       *stack;
  GtkSpinner     *spinner;
  AdwStatusPage  *empty_page;
  GtkLabel       *count_label;
  GtkSpinner     *reading_spinner;
  GtkListBox     *list;
  GtkButton      *more_button;
};

G_DEFINE_FINAL_TYPE (OvTasksView, ov_tasks_view, OV_TYPE_VIEW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void read_list (OvTasksView *self,
                       guint        offset,
                       guint        limit);

/* The user's name from Preferences: whose tasks "Mine" are. */
static char *
dup_user_name (OvTasksView *self)
{
  OvContext *context = ov_view_get_context (OV_VIEW (self));
  GSettings *settings = context != NULL ? ov_context_get_settings (context) : NULL;
  g_autofree char *name = settings != NULL ? g_settings_get_string (settings, "user-name") : NULL;

  if (name != NULL)
    g_strstrip (name);
  return name != NULL && name[0] != '\0' ? g_steal_pointer (&name) : NULL;
}

static void
update_mine_button (OvTasksView *self)
{
  g_autofree char *name = dup_user_name (self);
  g_autofree char *tooltip = NULL;

  if (name == NULL)
    {
      gtk_toggle_button_set_active (self->mine_button, FALSE);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button),
                                   _("Set your name in Preferences to see your own tasks"));
    }
  else
    {
      /* Translators: the tooltip of the Mine button, "Tasks of Dana Whitfield" */
      tooltip = g_strdup_printf (_("Tasks of %s"), name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mine_button), tooltip);
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->mine_button), name != NULL);
}

static guint
selected (GtkDropDown *drop_down)
{
  guint position = gtk_drop_down_get_selected (drop_down);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

/* What the widgets ask for; the page is the caller's. */
static OvTaskFilter *
make_filter (OvTasksView *self)
{
  OvTaskFilter *filter = ov_task_filter_new (ov_view_get_today (OV_VIEW (self)));
  const char * const *role_ids = ov_role_list_all ();
  guint role = selected (self->role_filter);
  guint owner = selected (self->owner_filter);

  filter->due = (OvTaskDue)selected (self->due_filter);
  filter->stage = (OvStage)selected (self->stage_filter);
  if (role > 0)
    ov_task_filter_set_role (filter, role_ids[role - 1]);
  if (gtk_toggle_button_get_active (self->mine_button))
    {
      g_autofree char *name = dup_user_name (self);

      ov_task_filter_set_owner (filter, name);
    }
  else if (owner > 0)
    {
      ov_task_filter_set_owner (filter, gtk_string_list_get_string (self->owners, owner));
    }
  ov_task_filter_set_account (filter, gtk_editable_get_text (GTK_EDITABLE (self->account_entry)));

  if (gtk_check_button_get_active (self->sort_account))
    filter->sort = OV_TASK_SORT_ACCOUNT;
  else if (gtk_check_button_get_active (self->sort_owner))
    filter->sort = OV_TASK_SORT_OWNER;

  return filter;
}

static void
set_loading (OvTasksView *self,
             gboolean     loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  /* A list already shown stays while the next is read: the spinner beside
   * its count says it is about to change. */
  gtk_widget_set_visible (GTK_WIDGET (self->reading_spinner), loading);
  gtk_spinner_set_spinning (self->reading_spinner, loading);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Chips */

static void
clear_account_cb (OvTasksView *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->account_entry), "");
}

static void
clear_mine_cb (OvTasksView *self)
{
  gtk_toggle_button_set_active (self->mine_button, FALSE);
}

static void
clear_drop_down_cb (GtkDropDown *drop_down)
{
  gtk_drop_down_set_selected (drop_down, 0);
}

static void
add_chip (OvTasksView *self,
          const char  *what,
          const char  *value,
          GCallback    remove,
          gpointer     remove_data)
{
  GtkWidget *chip = ov_app_filter_chip_new (what, value);

  g_signal_connect_swapped (chip, "clicked", remove, remove_data);
  gtk_flow_box_append (self->filter_chips, chip);
  /* The button takes the focus, not the flow box's child around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (chip), FALSE);
}

static void
add_drop_down_chip (OvTasksView *self,
                    GtkDropDown *drop_down,
                    const char  *what)
{
  g_autoptr(GObject) item = NULL;

  if (selected (drop_down) == 0)
    return;

  item = g_list_model_get_item (gtk_drop_down_get_model (drop_down), selected (drop_down));
  add_chip (self, what, gtk_string_object_get_string (GTK_STRING_OBJECT (item)),
            G_CALLBACK (clear_drop_down_cb), drop_down);
}

static void
update_chips (const OvTaskFilter *filter,
              OvTasksView        *self)
{
  GtkWidget *child;
  gboolean any;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips))) != NULL)
    gtk_flow_box_remove (self->filter_chips, child);

  add_drop_down_chip (self, self->due_filter, _("Due"));
  if (gtk_toggle_button_get_active (self->mine_button) && filter->owner != NULL)
    add_chip (self, _("Mine"), filter->owner, G_CALLBACK (clear_mine_cb), self);
  else
    add_drop_down_chip (self, self->owner_filter, _("Owner"));
  add_drop_down_chip (self, self->role_filter, _("Role"));
  add_drop_down_chip (self, self->stage_filter, _("Stage"));
  if (filter->account != NULL)
    add_chip (self, _("Account"), filter->account, G_CALLBACK (clear_account_cb), self);

  any = gtk_widget_get_first_child (GTK_WIDGET (self->filter_chips)) != NULL;
  gtk_widget_set_visible (self->filter_bar, any);

  /* The owner and the popover's filters: the button says some are set. */
  if (selected (self->due_filter) || selected (self->owner_filter) ||
      selected (self->role_filter) || selected (self->stage_filter))
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* Showing a page */

typedef struct
{
  OvStore *store;
  gint64   task_id;
} Untick;

static void
untick_free (Untick *untick)
{
  g_clear_object (&untick->store);
  g_free (untick);
}

static void
untick (gpointer data)
{
  Untick *untick = data;
  g_autoptr(OvTask) task = ov_store_get_task (untick->store, untick->task_id, NULL);

  /* Gone meanwhile: nothing to put back. */
  if (task != NULL)
    ov_store_set_task_done (untick->store, task, OV_DATE_NONE, NULL);
}

static void
row_ticked_cb (OvTasksView *self,
               gboolean     done,
               OvTaskRow   *row)
{
  OvTask *task = ov_task_row_get_task (row);
  g_autofree char *message = NULL;
  Untick *data;

  if (!done)
    return;

  data = g_new0 (Untick, 1);
  data->store = g_object_ref (ov_view_get_store (OV_VIEW (self)));
  data->task_id = ov_task_get_id (task);
  /* Translators: a toast, "“Run the kickoff meeting” done" */
  message = g_strdup_printf (_("“%s” done"), ov_task_get_title (task));
  ov_app_show_undo_toast (GTK_WIDGET (self), message, untick, data,
                          (GDestroyNotify)untick_free);
}

/* Activating a task opens its account. */
static void
row_edit_cb (OvTasksView *self,
             OvTaskRow   *row)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x",
                              ov_task_get_account_id (ov_task_row_get_task (row)));
}

static void
append_rows (OvTasksView *self,
             GPtrArray   *tasks)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));

  for (guint i = 0; i < tasks->len; i++)
    {
      GtkWidget *row = ov_task_row_new (store, g_ptr_array_index (tasks, i), TRUE);

      ov_task_row_set_show_account (OV_TASK_ROW (row), TRUE);
      g_signal_connect_swapped (row, "ticked", G_CALLBACK (row_ticked_cb), self);
      g_signal_connect_swapped (row, "edit", G_CALLBACK (row_edit_cb), self);
      gtk_list_box_append (self->list, row);
    }
  self->n_rows += tasks->len;
}

static void
show_count (OvTasksView *self)
{
  g_autofree char *total = ov_app_format_count ((guint64)MAX (self->total, 0));
  g_autofree char *shown = ov_app_format_count (self->n_rows);
  g_autofree char *text = NULL;
  g_autofree char *more = NULL;
  guint next = (guint)MIN ((gint64)OV_TASKS_VIEW_PAGE, self->total - self->n_rows);

  if ((gint64)self->n_rows < self->total)
    /* Translators: "100 of 141,203 open tasks" */
    text = g_strdup_printf (ngettext ("%s of %s open task", "%s of %s open tasks",
                                      (gulong)self->total), shown, total);
  else
    text = g_strdup_printf (ngettext ("%s open task", "%s open tasks", (gulong)self->total),
                            total);
  gtk_label_set_label (self->count_label, text);

  gtk_widget_set_visible (GTK_WIDGET (self->more_button), (gint64)self->n_rows < self->total);
  more = g_strdup_printf (ngettext ("Show %u _More", "Show %u _More", next), next);
  gtk_button_set_label (self->more_button, more);
}

static void
show_empty (OvTasksView *self)
{
  if (ov_task_filter_is_empty (self->shown))
    {
      adw_status_page_set_title (self->empty_page, _("No Open Tasks"));
      adw_status_page_set_description (self->empty_page,
                                       _("Every task of every active account is done."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Tasks"));
      adw_status_page_set_description (self->empty_page,
                                       _("No open task passes every filter. Remove a filter "
                                         "to see more."));
    }
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

/* The owners drop-down, keeping the name picked if it is still there. */
static void
show_owners (OvTasksView  *self,
             char        **owners)
{
  g_autofree char *picked = NULL;
  guint position = 0;
  guint n;

  if (selected (self->owner_filter) > 0)
    picked = g_strdup (gtk_string_list_get_string (self->owners, selected (self->owner_filter)));

  self->syncing = TRUE;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->owners));
  gtk_string_list_splice (self->owners, 1, n - 1, (const char * const *)owners);
  for (guint i = 0; picked != NULL && owners[i] != NULL; i++)
    if (g_str_equal (owners[i], picked))
      position = i + 1;
  gtk_drop_down_set_selected (self->owner_filter, position);
  self->syncing = FALSE;

  self->owners_read = TRUE;
}

static void
page_read_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(OvTaskPage) page = ov_store_read_task_page_finish (result, &error);
  OvTasksView *self = user_data;

  /* Cancelled: a newer reading (or the view's end) took over. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  gtk_spinner_stop (self->spinner);

  if (page == NULL)
    {
      g_warning ("Could not read the tasks: %s", error->message);
      ov_app_show_toast (GTK_WIDGET (self), error->message);
      set_loading (self, FALSE);
      return;
    }

  if (page->owners != NULL)
    show_owners (self, page->owners);

  /* A first page replaces the list; a later one extends it. */
  if (page->filter->offset == 0)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      self->n_rows = 0;
    }

  g_clear_pointer (&self->shown, ov_task_filter_free);
  self->shown = ov_task_filter_copy (page->filter);
  self->total = page->total;
  append_rows (self, page->tasks);
  show_count (self);

  if (self->n_rows == 0)
    show_empty (self);
  else
    gtk_stack_set_visible_child_name (self->stack, "list");

  set_loading (self, FALSE);
}

static void
read_list (OvTasksView *self,
           guint        offset,
           guint        limit)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  g_autoptr(OvTaskFilter) filter = NULL;

  if (store == NULL || ov_view_get_today (OV_VIEW (self)) == OV_DATE_NONE)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  filter = make_filter (self);
  filter->offset = offset;
  filter->limit = limit;
  update_chips (filter, self);

  /* The first time, a spinner; later, the old list stays until the new
   * one is there. */
  if (self->shown == NULL)
    {
      gtk_spinner_start (self->spinner);
      gtk_stack_set_visible_child_name (self->stack, "loading");
    }

  set_loading (self, TRUE);
  ov_store_read_task_page_async (store, filter, !self->owners_read, self->cancellable,
                                 page_read_cb, self);
}

/* From the top, as many rows as are shown now (at least a page), so a
 * refresh after a tick does not fold the list up. */
static void
reload (OvTasksView *self,
        gboolean     keep_rows)
{
  guint limit = OV_TASKS_VIEW_PAGE;

  if (keep_rows && self->n_rows > limit)
    limit = (self->n_rows + OV_TASKS_VIEW_PAGE - 1) / OV_TASKS_VIEW_PAGE * OV_TASKS_VIEW_PAGE;

  read_list (self, 0, limit);
}

static void
filters_changed_cb (OvTasksView *self)
{
  if (self->syncing)
    return;

  /* Mine stands for one owner: the drop-down waits while it is on. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->owner_filter),
                            !gtk_toggle_button_get_active (self->mine_button));
  reload (self, FALSE);
}

static void
clear_filters_cb (OvTasksView *self)
{
  ov_tasks_view_clear_filters (self);
}

static void
more_clicked_cb (OvTasksView *self)
{
  read_list (self, self->n_rows, OV_TASKS_VIEW_PAGE);
}

/* The name in Preferences changed: Mine means someone else now. */
static void
on_user_name_changed (OvTasksView *self)
{
  gboolean mine = gtk_toggle_button_get_active (self->mine_button);

  update_mine_button (self);
  if (mine && gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, FALSE);
}

static void
on_context_notify (OvTasksView *self)
{
  OvContext *context = ov_view_get_context (OV_VIEW (self));
  GSettings *settings = context != NULL ? ov_context_get_settings (context) : NULL;

  if (settings == self->settings)
    return;

  if (self->settings != NULL)
    g_clear_signal_handler (&self->user_name_id, self->settings);
  g_set_object (&self->settings, settings);
  if (settings != NULL)
    self->user_name_id = g_signal_connect_swapped (settings, "changed::user-name",
                                                   G_CALLBACK (on_user_name_changed), self);
  update_mine_button (self);
}

static void
ov_tasks_view_store_ready (OvView *view)
{
  OvTasksView *self = OV_TASKS_VIEW (view);

  /* Another portfolio: other people. */
  self->owners_read = FALSE;
  g_clear_pointer (&self->shown, ov_task_filter_free);
  update_mine_button (self);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, FALSE);
}

static void
ov_tasks_view_store_changed (OvView     *view,
                             const char *what)
{
  OvTasksView *self = OV_TASKS_VIEW (view);

  if (g_strcmp0 (what, "people") == 0)
    self->owners_read = FALSE;

  /* What the rows show of accounts and people, and the tasks. */
  if (g_strcmp0 (what, "tasks") == 0 || g_strcmp0 (what, "accounts") == 0 ||
      g_strcmp0 (what, "people") == 0)
    {
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        reload (self, TRUE);
      else
        g_clear_pointer (&self->shown, ov_task_filter_free);
    }
}

static void
ov_tasks_view_today_changed (OvView *view)
{
  OvTasksView *self = OV_TASKS_VIEW (view);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self, TRUE);
  else
    g_clear_pointer (&self->shown, ov_task_filter_free);
}

/* Read when first seen, and again if anything changed while unseen (the
 * name in Preferences too). */
static void
ov_tasks_view_map (GtkWidget *widget)
{
  OvTasksView *self = OV_TASKS_VIEW (widget);

  GTK_WIDGET_CLASS (ov_tasks_view_parent_class)->map (widget);

  update_mine_button (self);
  if (self->shown == NULL && self->cancellable == NULL)
    reload (self, FALSE);
  else if (self->cancellable == NULL)
    reload (self, TRUE);
}

static void
ov_tasks_view_dispose (GObject *object)
{
  OvTasksView *self = OV_TASKS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->settings != NULL)
    g_clear_signal_handler (&self->user_name_id, self->settings);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (self), OV_TYPE_TASKS_VIEW);

  G_OBJECT_CLASS (ov_tasks_view_parent_class)->dispose (object);
}

static void
ov_tasks_view_finalize (GObject *object)
{
  OvTasksView *self = OV_TASKS_VIEW (object);

  g_clear_pointer (&self->shown, ov_task_filter_free);
  g_clear_object (&self->owners);
  g_clear_object (&self->roles);

  G_OBJECT_CLASS (ov_tasks_view_parent_class)->finalize (object);
}

static void
ov_tasks_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvTasksView *self = OV_TASKS_VIEW (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_tasks_view_class_init (OvTasksViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_tasks_view_dispose;
  object_class->finalize = ov_tasks_view_finalize;
  object_class->get_property = ov_tasks_view_get_property;

  widget_class->map = ov_tasks_view_map;

  view_class->store_ready = ov_tasks_view_store_ready;
  view_class->store_changed = ov_tasks_view_store_changed;
  view_class->today_changed = ov_tasks_view_today_changed;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ov-tasks-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, account_entry);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, mine_button);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, filter_button);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, sort_due);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, sort_account);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, sort_owner);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, due_filter);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, owner_filter);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, role_filter);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, stage_filter);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, filter_bar);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, filter_chips);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, stack);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, reading_spinner);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, list);
  gtk_widget_class_bind_template_child (widget_class, OvTasksView, more_button);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_filters_cb);
  gtk_widget_class_bind_template_callback (widget_class, more_clicked_cb);
}

static void
ov_tasks_view_init (OvTasksView *self)
{
  g_autoptr(GtkStringList) due = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  const char * const *roles = ov_role_list_all ();

  self->total = -1;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* In the order of OvTaskDue. */
  gtk_string_list_append (due, _("Any time"));
  gtk_string_list_append (due, _("Overdue"));
  gtk_string_list_append (due, _("This week"));
  gtk_string_list_append (due, _("Later"));

  gtk_string_list_append (stages, _("All stages"));
  for (OvStage stage = OV_STAGE_EMBARK; stage <= OV_STAGE_EXPAND; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));

  self->roles = gtk_string_list_new (NULL);
  gtk_string_list_append (self->roles, _("All roles"));
  for (guint i = 0; roles[i] != NULL; i++)
    gtk_string_list_append (self->roles, ov_role_get_title (roles[i]));

  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All owners"));

  self->syncing = TRUE;
  gtk_drop_down_set_model (self->due_filter, G_LIST_MODEL (due));
  gtk_drop_down_set_model (self->stage_filter, G_LIST_MODEL (stages));
  gtk_drop_down_set_model (self->role_filter, G_LIST_MODEL (self->roles));
  gtk_drop_down_set_model (self->owner_filter, G_LIST_MODEL (self->owners));
  gtk_drop_down_set_expression (self->owner_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  self->syncing = FALSE;

  g_signal_connect (self, "notify::context", G_CALLBACK (on_context_notify), NULL);
}

/* Every filter to "all", then one reading. */
static void
show_due (OvTasksView *self,
          OvTaskDue    due)
{
  self->syncing = TRUE;
  gtk_drop_down_set_selected (self->due_filter, due);
  gtk_drop_down_set_selected (self->owner_filter, 0);
  gtk_drop_down_set_selected (self->role_filter, 0);
  gtk_drop_down_set_selected (self->stage_filter, 0);
  gtk_toggle_button_set_active (self->mine_button, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->account_entry), "");
  self->syncing = FALSE;

  filters_changed_cb (self);
}

void
ov_tasks_view_clear_filters (OvTasksView *self)
{
  g_return_if_fail (OV_IS_TASKS_VIEW (self));

  show_due (self, OV_TASK_DUE_ANY);
}

void
ov_tasks_view_show_due (OvTasksView *self,
                        OvTaskDue    due)
{
  g_return_if_fail (OV_IS_TASKS_VIEW (self));
  g_return_if_fail ((guint)due <= OV_TASK_DUE_LATER);

  show_due (self, due);
}

gboolean
ov_tasks_view_is_loading (OvTasksView *self)
{
  g_return_val_if_fail (OV_IS_TASKS_VIEW (self), FALSE);

  return self->loading;
}

OvTaskFilter *
ov_tasks_view_dup_filter (OvTasksView *self)
{
  g_return_val_if_fail (OV_IS_TASKS_VIEW (self), NULL);

  return make_filter (self);
}

gint64
ov_tasks_view_get_total (OvTasksView *self)
{
  g_return_val_if_fail (OV_IS_TASKS_VIEW (self), -1);

  return self->total;
}
