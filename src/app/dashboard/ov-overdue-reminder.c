/* ov-overdue-reminder.c — the start-up notification about overdue tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decision (send or not) and the words are plain functions of the
 * overdue list and the preference, so tests check them without a
 * notification server.
 */

#define G_LOG_DOMAIN "ov-overdue-reminder"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-overdue-reminder.h"

/* Enough tasks to find a few different accounts among the oldest. */
#define READ_LIMIT 50

gboolean
ov_overdue_reminder_is_enabled (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;

  /* An older installed schema may not know the key yet. */
  g_object_get (settings, "settings-schema", &schema, NULL);
  if (schema == NULL || !g_settings_schema_has_key (schema, "notify-overdue"))
    return FALSE;

  return g_settings_get_boolean (settings, "notify-overdue");
}

/* "A", "A and B", "A, B and C" */
static char *
join_names (GPtrArray *names)
{
  g_autofree char *joined = NULL;

  if (names->len == 1)
    return g_strdup (g_ptr_array_index (names, 0));

  joined = g_strdup (g_ptr_array_index (names, 0));
  for (guint i = 1; i + 1 < names->len; i++)
    {
      char *longer;

      /* Translators: joins all but the last names of a list: "A, B" */
      longer = g_strdup_printf (_("%s, %s"), joined, (char *)g_ptr_array_index (names, i));
      g_free (joined);
      joined = longer;
    }

  /* Translators: joins the last name to a list: "A, B and C" */
  return g_strdup_printf (_("%s and %s"), joined,
                          (char *)g_ptr_array_index (names, names->len - 1));
}

gboolean
ov_overdue_reminder_describe (GPtrArray  *overdue,
                              gint64      n_overdue,
                              gboolean    enabled,
                              char      **title,
                              char      **body)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *joined = NULL;
  gboolean every_account = TRUE;
  int n;

  g_return_val_if_fail (overdue != NULL, FALSE);
  g_return_val_if_fail (title != NULL && body != NULL, FALSE);

  if (!enabled || n_overdue <= 0 || overdue->len == 0)
    return FALSE;

  /* The accounts of the oldest tasks, each once, in that order. */
  for (guint i = 0; i < overdue->len; i++)
    {
      const char *name = ov_task_get_account_name (g_ptr_array_index (overdue, i));
      gboolean seen = FALSE;

      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_strcmp0 (g_ptr_array_index (names, j), name) == 0;
      if (seen)
        continue;

      if (names->len == OV_OVERDUE_REMINDER_NAMES)
        {
          every_account = FALSE;
          break;
        }
      g_ptr_array_add (names, (gpointer)name);
    }

  /* Tasks beyond the list may be at other accounts. */
  if (overdue->len < n_overdue)
    every_account = FALSE;

  n = (int)MIN (n_overdue, G_MAXINT);
  *title = g_strdup_printf (ngettext ("%d task is overdue", "%d tasks are overdue", n), n);

  joined = join_names (names);
  if (every_account)
    /* Translators: %s names the accounts, "At Aardvark Health and Borealis Foods." */
    *body = g_strdup_printf (_("At %s."), joined);
  else
    /* Translators: %s names the accounts with the oldest overdue tasks */
    *body = g_strdup_printf (_("The oldest are at %s."), joined);

  return TRUE;
}

GNotification *
ov_overdue_reminder_build (GPtrArray *overdue,
                           gint64     n_overdue,
                           gboolean   enabled)
{
  g_autofree char *title = NULL;
  g_autofree char *body = NULL;
  GNotification *notification;

  if (!ov_overdue_reminder_describe (overdue, n_overdue, enabled, &title, &body))
    return NULL;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  g_notification_set_default_action_and_target (notification, "app.show-view", "s",
                                                "dashboard");
  return notification;
}

typedef struct
{
  OvDate     today;
  GPtrArray *overdue;
  gint64     n_overdue;
} Check;

static void
check_free (Check *check)
{
  g_clear_pointer (&check->overdue, g_ptr_array_unref);
  g_free (check);
}

/* In a worker (ov_store_run_async()). */
static gboolean
count_overdue (OvStore         *store,
               gpointer         data,
               OvProgressFunc   progress,
               gpointer         progress_data,
               GCancellable    *cancellable,
               GError         **error)
{
  Check *check = data;

  return (check->n_overdue = ov_store_count_overdue_tasks (store, check->today, error)) >= 0 &&
         (check->overdue = ov_store_list_overdue_tasks (store, check->today, READ_LIMIT, error));
}

static void
check_done (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  GTask *outer = user_data;
  g_autoptr(GNotification) notification = NULL;
  g_autoptr(GError) error = NULL;
  Check *check = NULL;

  if (!ov_store_run_finish (result, (gpointer *)&check, &error))
    {
      g_task_return_error (outer, g_steal_pointer (&error));
      g_object_unref (outer);
      return;
    }

  notification = ov_overdue_reminder_build (check->overdue, check->n_overdue, TRUE);
  if (notification != NULL)
    g_application_send_notification (G_APPLICATION (object), OV_OVERDUE_REMINDER_ID,
                                     notification);

  g_task_return_boolean (outer, notification != NULL);
  g_object_unref (outer);
}

void
ov_overdue_reminder_send_async (GApplication        *application,
                                OvStore             *store,
                                OvDate               today,
                                gboolean             enabled,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  Check *check;

  g_return_if_fail (G_IS_APPLICATION (application));
  g_return_if_fail (OV_IS_STORE (store));

  outer = g_task_new (application, cancellable, callback, user_data);
  g_task_set_source_tag (outer, ov_overdue_reminder_send_async);

  if (!enabled)
    {
      g_task_return_boolean (outer, FALSE);
      return;
    }

  check = g_new0 (Check, 1);
  check->today = today;

  ov_store_run_async (store, application, count_overdue, check, (GDestroyNotify)check_free, NULL,
                      NULL, cancellable, check_done, g_steal_pointer (&outer));
}

gboolean
ov_overdue_reminder_send_finish (GApplication  *application,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, application), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
