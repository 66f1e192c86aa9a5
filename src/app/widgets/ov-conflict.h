/* ov-conflict.h — telling the user a row changed elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A save or delete that meets a row someone else changed since it was
 * read (OV_STORE_ERROR_CONFLICT) is not carried out. Every editor then
 * does the same: reads the row again, keeps what the user typed, and says
 * who changed it, what is stored now, and that doing it again applies
 * over the new version. The wording and the showing live here.
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

typedef enum
{
  OV_CONFLICT_SAVE,    /* the user's change is kept, not saved */
  OV_CONFLICT_DELETE,  /* nothing was deleted */
  OV_CONFLICT_TICK,    /* the task shows as stored; tick again */
  OV_CONFLICT_REDO,    /* a switch, choice or move shows as stored; do it again */
} OvConflictAction;

gboolean  ov_conflict_matches      (const GError     *error);

/* Adds "Label: “now”" to @changes when @before and @now differ, or
 * always when @before is NULL. */
void      ov_conflict_add_change   (GString          *changes,
                                    const char       *label,
                                    const char       *before,
                                    const char       *now);

/* The message: who changed it (the error's), what is stored now
 * (@changes, nullable or empty: not said), and what happened here. */
char     *ov_conflict_describe     (const GError     *error,
                                    OvConflictAction  action,
                                    const char       *changes);

/* Shows @message in @label (made visible, and @revealer revealed when
 * given) and who changed the row (@error's message) as a toast on the
 * main window, since the field in question may be far from the label. */
void      ov_conflict_show         (GtkWidget        *widget,
                                    GtkLabel         *label,
                                    GtkRevealer      *revealer,
                                    const GError     *error,
                                    const char       *message);
void      ov_conflict_show_saved   (GtkWidget        *dialog,
                                    GtkLabel         *label,
                                    const GError     *error,
                                    gpointer          current,
                                    gpointer          fresh);

G_END_DECLS
