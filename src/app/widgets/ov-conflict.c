/* ov-conflict.c — telling the user a row changed elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-conflict"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-conflict.h"

gboolean
ov_conflict_matches (const GError *error)
{
  return g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
}

void
ov_conflict_add_change (GString    *changes,
                        const char *label,
                        const char *before,
                        const char *now)
{
  g_return_if_fail (changes != NULL);
  g_return_if_fail (label != NULL);

  if (before != NULL && g_strcmp0 (before, now ? now : "") == 0)
    return;

  if (changes->len > 0)
    /* Translators: between two changed fields, "Owner: “Ben”; Email: “…”" */
    g_string_append (changes, _("; "));
  if (now == NULL || now[0] == '\0')
    /* Translators: a field someone else emptied, "Email: empty" */
    g_string_append_printf (changes, _("%s: empty"), label);
  else
    /* Translators: a field and its value stored now, "Owner: “Ben”" */
    g_string_append_printf (changes, _("%s: “%s”"), label, now);
}

char *
ov_conflict_describe (const GError     *error,
                      OvConflictAction  action,
                      const char       *changes)
{
  g_autofree char *stored = NULL;
  const char *outcome;

  g_return_val_if_fail (error != NULL, NULL);

  if (changes != NULL && changes[0] != '\0')
    /* Translators: what the other change stored, "Now stored: Owner: “Ben”." */
    stored = g_strdup_printf (_("Now stored: %s."), changes);

  switch (action)
    {
    case OV_CONFLICT_DELETE:
      outcome = _("Nothing was deleted; it now shows as stored. Delete it again if you "
                  "still want to.");
      break;
    case OV_CONFLICT_TICK:
      outcome = _("The task now shows as stored; tick it again if you still want to.");
      break;
    case OV_CONFLICT_REDO:
      outcome = _("Nothing was changed here; it now shows as stored. Do it again if you "
                  "still want to.");
      break;
    case OV_CONFLICT_SAVE:
    default:
      outcome = _("Your change is still in its field and was not saved. Save again to "
                  "apply it over theirs.");
      break;
    }

  /* Translators: who changed it (e.g. "Another Overture window changed this
   * after it was opened here."), what is stored now (may be empty), then
   * what happened here */
  return g_strdup_printf (_("%s %s%s%s"), error->message, stored ? stored : "",
                          stored ? " " : "", outcome);
}

/**
 * ov_conflict_show_saved:
 * @dialog: an editing dialog whose save was refused as stale
 * @current: (inout): where the dialog keeps the object it edits
 * @fresh: (transfer full) (nullable): the object as stored now
 *
 * The dialog takes the stored copy, so saving again writes what was typed
 * over the new version, and @label says what happened.
 */
void
ov_conflict_show_saved (GtkWidget    *dialog,
                        GtkLabel     *label,
                        const GError *error,
                        gpointer      current,
                        gpointer      fresh)
{
  g_autoptr(GObject) stored = fresh;
  g_autofree char *message = NULL;

  g_return_if_fail (current != NULL);

  if (stored != NULL)
    g_set_object ((GObject **)current, stored);
  message = ov_conflict_describe (error, OV_CONFLICT_SAVE, NULL);
  ov_conflict_show (dialog, label, NULL, error, message);
}

void
ov_conflict_show (GtkWidget    *widget,
                  GtkLabel     *label,
                  GtkRevealer  *revealer,
                  const GError *error,
                  const char   *message)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (error != NULL);
  g_return_if_fail (message != NULL);

  if (label != NULL)
    {
      gtk_label_set_label (label, message);
      gtk_widget_set_visible (GTK_WIDGET (label), TRUE);
    }
  if (revealer != NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (revealer), TRUE);
      gtk_revealer_set_reveal_child (revealer, TRUE);
    }
  ov_app_show_toast (widget, error->message);
}
