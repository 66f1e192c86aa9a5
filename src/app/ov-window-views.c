/* ov-window-views.c — the window's views that are built when first shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dashboard and the accounts are in the template: a start shows one
 * of them. Playbooks, Insights, Answers, Tasks and Content are pages with
 * an empty bin until one is shown or asked for (ov_window_get_view()):
 * a start neither builds them nor keeps them in memory, and they read
 * nothing from the portfolio before someone looks at them.
 */

#define G_LOG_DOMAIN "ov-window"

#include "config.h"

#include "ov-window-private.h"

typedef void (*SetAccountsFunc) (gpointer       view,
                                 OvAccountList *accounts);

typedef struct
{
  const char      *name;
  GType          (*get_type) (void);
  SetAccountsFunc  set_accounts;   /* (nullable) */
} LaterView;

static const LaterView later_views[] = {
  { "playbooks", ov_playbooks_view_get_type, (SetAccountsFunc)ov_playbooks_view_set_accounts },
  { "insights", ov_insights_view_get_type, (SetAccountsFunc)ov_insights_view_set_accounts },
  { "answers", ov_answers_view_get_type, (SetAccountsFunc)ov_answers_view_set_accounts },
  { "tasks", ov_tasks_view_get_type, NULL },
  { "content", ov_content_view_get_type, (SetAccountsFunc)ov_content_view_set_accounts },
};

static GtkWidget *
build_view (OvWindow        *self,
            const LaterView *later,
            AdwBin          *bin)
{
  GtkWidget *view = g_object_new (later->get_type (), "context", self->context, NULL);

  if (later->set_accounts != NULL)
    later->set_accounts (view, self->accounts);
  adw_bin_set_child (bin, view);
  return view;
}

/**
 * ov_window_get_view:
 * @name: the name of a page of the view switcher: "dashboard",
 *   "accounts", "playbooks", "insights", "answers", "tasks" or "content"
 *
 * The view of that page, built now if it was not yet.
 *
 * Returns: (transfer none) (nullable): the view, or NULL for no such page
 */
GtkWidget *
ov_window_get_view (OvWindow   *self,
                    const char *name)
{
  GtkWidget *page;

  g_return_val_if_fail (OV_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  page = adw_view_stack_get_child_by_name (self->view_stack, name);
  if (page == NULL || !ADW_IS_BIN (page))
    return page;

  if (adw_bin_get_child (ADW_BIN (page)) != NULL)
    return adw_bin_get_child (ADW_BIN (page));

  for (guint i = 0; i < G_N_ELEMENTS (later_views); i++)
    if (g_str_equal (later_views[i].name, name))
      return build_view (self, &later_views[i], ADW_BIN (page));

  g_return_val_if_reached (NULL);
}

/* A page is about to show: its view is built if it was not. */
static void
visible_child_cb (OvWindow *self)
{
  const char *name = adw_view_stack_get_visible_child_name (self->view_stack);

  if (name != NULL)
    ov_window_get_view (self, name);
}

void
ov_window_init_views (OvWindow *self)
{
  g_signal_connect_object (self->view_stack, "notify::visible-child",
                           G_CALLBACK (visible_child_cb), self, G_CONNECT_SWAPPED);
  visible_child_cb (self);
}
