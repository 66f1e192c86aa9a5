/* ov-dashboard-tasks.c — overdue tasks and tasks due this week, portfolio-wide
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both lists come from the core's portfolio queries against the context's
 * today (which tests pin). Over a large portfolio those take a moment, so they run in a thread on a connection of their own; a change
 * while one runs asks for one more run when it ends, never for several.
 * The line that counts the rest opens the Tasks view filtered the same way.
 */

#define G_LOG_DOMAIN "ov-dashboard-tasks"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-dashboard-tasks.h"
#include "ov-view-reader.h"

struct _OvDashboardTasks
{
  OvView        parent_instance;

  OvViewReader *reader;

  /* Template widgets */
  GtkLabel     *overdue_count;
  GtkLabel     *week_count;
  GtkListBox   *overdue_list;
  GtkListBox   *week_list;
};

G_DEFINE_FINAL_TYPE (OvDashboardTasks, ov_dashboard_tasks, OV_TYPE_VIEW)

enum {
  PROP_0,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  OvDate     today;   /* first (ov_view_reader_make_dated()) */
  GPtrArray *overdue;
  GPtrArray *week;
  gint64     n_overdue;
  gint64     n_week;
} Reading;

static void
reading_free (Reading *reading)
{
  g_clear_pointer (&reading->overdue, g_ptr_array_unref);
  g_clear_pointer (&reading->week, g_ptr_array_unref);
  g_free (reading);
}

char *
ov_dashboard_tasks_describe_due (OvDate due,
                                 OvDate today)
{
  /* Whole phrases, so that each language can word them its own way. */
  static const char *weekdays[] = {
    NULL,
    N_("due Monday"),
    N_("due Tuesday"),
    N_("due Wednesday"),
    N_("due Thursday"),
    N_("due Friday"),
    N_("due Saturday"),
    N_("due Sunday"),
  };
  int days = due - today;

  if (due == OV_DATE_NONE)
    return g_strdup (_("no due date"));
  if (days < 0)
    return g_strdup_printf (ngettext ("%d day overdue", "%d days overdue", -days), -days);
  if (days == 0)
    return g_strdup (_("due today"));
  if (days == 1)
    return g_strdup (_("due tomorrow"));
  if (days < OV_TASK_WEEK_DAYS)
    return g_strdup (_(weekdays[ov_date_get_weekday (due)]));

  {
    g_autofree char *date = ov_date_to_display (due);

    /* Translators: "due 3 Mar 2026" */
    return g_strdup_printf (_("due %s"), date);
  }
}

/* Who the task waits for: the person if someone holds it, else the role. */
static char *
describe_owner (OvTask *task)
{
  const char *account = ov_task_get_account_name (task);
  const char *assignee = ov_task_get_assignee_name (task);
  const char *role = ov_role_get_title (ov_task_get_role (task));

  if (assignee[0] != '\0' && role != NULL)
    /* Translators: "Aardvark Health · Priya Raman (CSM)" */
    return g_strdup_printf (_("%s · %s (%s)"), account, assignee, role);
  if (assignee[0] != '\0' || role != NULL)
    /* Translators: "Aardvark Health · CSM", the role when nobody holds it */
    return g_strdup_printf (_("%s · %s"), account, assignee[0] != '\0' ? assignee : role);

  return g_strdup (account);
}

static GtkWidget *
wrapping_label (const char *text,
                int         max_chars)
{
  GtkWidget *label = gtk_label_new (text);

  /* A modest natural width lets both lists share a line when wide; the
   * text wraps rather than being cut when narrow. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), max_chars);
  return label;
}

static GtkWidget *
task_row (OvTask *task,
          OvDate  today)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *due_text = ov_dashboard_tasks_describe_due (ov_task_get_due_date (task), today);
  g_autofree char *due_date = ov_date_to_display (ov_task_get_due_date (task));
  g_autofree char *owner = describe_owner (task);
  GtkWidget *title = wrapping_label (ov_task_get_title (task), 26);
  GtkWidget *subtitle = wrapping_label (owner, 30);
  GtkWidget *due = gtk_label_new (due_text);

  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);

  gtk_widget_set_tooltip_text (due, due_date);
  gtk_widget_add_css_class (due, "due-label");
  gtk_label_set_xalign (GTK_LABEL (due), 1);
  if (ov_task_get_due_date (task) < today)
    gtk_widget_add_css_class (due, "error");
  else if (ov_task_get_due_date (task) == today)
    gtk_widget_add_css_class (due, "warning");

  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), due);
  gtk_box_append (GTK_BOX (box), arrow);
  gtk_widget_add_css_class (box, "task-row");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "task", g_object_ref (task), g_object_unref);

  return row;
}

/* The rest of a list: "141 more overdue tasks", a link to the Tasks view
 * filtered by @due. */
static GtkWidget *
more_row (const char *title,
          OvTaskDue   due)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_widget_set_tooltip_text (row, _("Show them all in Tasks"));
  gtk_widget_add_css_class (row, "more-tasks");
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "due", GINT_TO_POINTER (due));
  return row;
}

/* A row that is not a task: that there are none (@all_clear, with a
 * tick), or that they are being counted. */
static GtkWidget *
note_row (const char *title,
          const char *subtitle,
          gboolean    all_clear)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  if (all_clear)
    {
      GtkWidget *tick = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (tick, "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), tick);
    }
  else
    {
      gtk_widget_add_css_class (row, "dim-label");
    }

  return row;
}

static void
show_list (GtkListBox *list,
           GtkLabel   *count_label,
           GPtrArray  *tasks,
           gint64      total,
           OvDate      today,
           GtkWidget  *empty_row,
           const char *more,
           OvTaskDue   due)
{
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, total);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);

  gtk_label_set_label (count_label, count);

  for (guint i = 0; i < tasks->len; i++)
    gtk_list_box_append (list, task_row (g_ptr_array_index (tasks, i), today));

  if (tasks->len == 0)
    gtk_list_box_append (list, empty_row);
  else
    g_object_unref (g_object_ref_sink (empty_row));

  if (total > tasks->len)
    gtk_list_box_append (list, more_row (more, due));
}

static void
show_reading (OvDashboardTasks *self,
              Reading          *reading)
{
  int more_overdue = (int)CLAMP (reading->n_overdue - reading->overdue->len, 0, G_MAXINT);
  int more_week = (int)CLAMP (reading->n_week - reading->week->len, 0, G_MAXINT);
  g_autofree char *more_overdue_text = NULL;
  g_autofree char *more_week_text = NULL;

  more_overdue_text = g_strdup_printf (ngettext ("%d more overdue task",
                                                 "%d more overdue tasks", more_overdue),
                                       more_overdue);
  more_week_text = g_strdup_printf (ngettext ("%d more task due this week",
                                              "%d more tasks due this week", more_week),
                                    more_week);

  if (reading->n_overdue > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->overdue_count), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_count), "overdue");

  show_list (self->overdue_list, self->overdue_count, reading->overdue, reading->n_overdue,
             reading->today,
             note_row (_("Nothing overdue"), _("Every open task is on schedule."), TRUE),
             more_overdue_text, OV_TASK_DUE_OVERDUE);
  show_list (self->week_list, self->week_count, reading->week, reading->n_week,
             reading->today,
             note_row (_("Nothing due this week"),
                       _("No open task falls due in the next seven days."), TRUE),
             more_week_text, OV_TASK_DUE_THIS_WEEK);
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_tasks (OvStore         *store,
            gpointer         data,
            OvProgressFunc   progress,
            gpointer         progress_data,
            GCancellable    *cancellable,
            GError         **error)
{
  Reading *reading = data;

  return (reading->overdue = ov_store_list_overdue_tasks (store, reading->today,
                                                          OV_DASHBOARD_TASKS_SHOWN, error)) &&
         (reading->n_overdue = ov_store_count_overdue_tasks (store, reading->today, error)) >= 0 &&
         (reading->week = ov_store_list_tasks_due_this_week (store, reading->today,
                                                             OV_DASHBOARD_TASKS_SHOWN, error)) &&
         (reading->n_week = ov_store_count_tasks_due_this_week (store, reading->today, error)) >= 0;
}

static gpointer
make_reading (OvView *view)
{
  return ov_view_reader_make_dated (view, sizeof (Reading));
}

static void
show_read (OvView   *view,
           gpointer  data)
{
  show_reading (OV_DASHBOARD_TASKS (view), data);
}

static void
loading_changed (OvView   *view,
                 gboolean  loading)
{
  g_object_notify_by_pspec (G_OBJECT (view), properties[PROP_LOADING]);
}

static const OvViewReaderFuncs reader_funcs = {
  make_reading, (GDestroyNotify)reading_free, read_tasks, show_read, loading_changed,
  "the tasks for the dashboard",
};

void
ov_dashboard_tasks_refresh (OvDashboardTasks *self)
{
  g_return_if_fail (OV_IS_DASHBOARD_TASKS (self));

  if (ov_view_get_store (OV_VIEW (self)) == NULL)
    return;

  /* Unseen lists are read when they are shown (see map). */
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ov_view_reader_start (self->reader);
}

gboolean
ov_dashboard_tasks_is_loading (OvDashboardTasks *self)
{
  g_return_val_if_fail (OV_IS_DASHBOARD_TASKS (self), FALSE);

  return ov_view_reader_is_loading (self->reader);
}

static void
ov_dashboard_tasks_store_changed (OvView     *view,
                                  const char *what)
{
  OvDashboardTasks *self = OV_DASHBOARD_TASKS (view);

  /* Tasks, and what the lists show of accounts and people. */
  if (g_strcmp0 (what, "tasks") == 0 || g_strcmp0 (what, "accounts") == 0 ||
      g_strcmp0 (what, "people") == 0)
    ov_dashboard_tasks_refresh (self);
}

static void
ov_dashboard_tasks_store_ready (OvView *view)
{
  ov_dashboard_tasks_refresh (OV_DASHBOARD_TASKS (view));
}

static void
row_activated_cb (OvDashboardTasks *self,
                  GtkListBoxRow    *row)
{
  OvTask *task = g_object_get_data (G_OBJECT (row), "task");
  int due = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "due"));

  if (task != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.open-account", "x",
                                ov_task_get_account_id (task));
  else if (due != OV_TASK_DUE_ANY)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-tasks", "i", due);
}

/* Shown again: "today" may have moved on, and tasks may have changed
 * through another connection (sample data, imports). */
static void
ov_dashboard_tasks_map (GtkWidget *widget)
{
  OvDashboardTasks *self = OV_DASHBOARD_TASKS (widget);

  GTK_WIDGET_CLASS (ov_dashboard_tasks_parent_class)->map (widget);

  ov_dashboard_tasks_refresh (self);
}

static void
ov_dashboard_tasks_dispose (GObject *object)
{
  OvDashboardTasks *self = OV_DASHBOARD_TASKS (object);

  ov_view_reader_cancel (self->reader);

  G_OBJECT_CLASS (ov_dashboard_tasks_parent_class)->dispose (object);
}

static void
ov_dashboard_tasks_finalize (GObject *object)
{
  OvDashboardTasks *self = OV_DASHBOARD_TASKS (object);

  g_clear_pointer (&self->reader, ov_view_reader_free);

  G_OBJECT_CLASS (ov_dashboard_tasks_parent_class)->finalize (object);
}

static void
ov_dashboard_tasks_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  OvDashboardTasks *self = OV_DASHBOARD_TASKS (object);

  switch (prop_id)
    {
    case PROP_LOADING:
      g_value_set_boolean (value, ov_view_reader_is_loading (self->reader));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_dashboard_tasks_class_init (OvDashboardTasksClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_dashboard_tasks_dispose;
  object_class->finalize = ov_dashboard_tasks_finalize;
  object_class->get_property = ov_dashboard_tasks_get_property;

  widget_class->map = ov_dashboard_tasks_map;

  view_class->store_ready = ov_dashboard_tasks_store_ready;
  view_class->store_changed = ov_dashboard_tasks_store_changed;
  view_class->today_changed = ov_dashboard_tasks_store_ready;

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-dashboard-tasks.ui");
  gtk_widget_class_bind_template_child (widget_class, OvDashboardTasks, overdue_count);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardTasks, week_count);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardTasks, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, OvDashboardTasks, week_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
ov_dashboard_tasks_init (OvDashboardTasks *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  ov_app_flow_box_unfocus (GTK_FLOW_BOX (adw_bin_get_child (ADW_BIN (self))), TRUE);

  self->reader = ov_view_reader_new (OV_VIEW (self), &reader_funcs);

  gtk_list_box_append (self->overdue_list, note_row (_("Counting tasks…"), NULL, FALSE));
  gtk_list_box_append (self->week_list, note_row (_("Counting tasks…"), NULL, FALSE));
}
