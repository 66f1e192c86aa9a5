/* ov-app-util.h — small helpers the journey views share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-core.h"

G_BEGIN_DECLS

/* libadwaita 1.2 reads some texts as Pango markup: toast titles, the
 * titles and subtitles of rows (unless "use-markup" is off), the
 * descriptions of preferences groups and status pages. A name such as
 * "Johnson & Johnson" or "Sales <EMEA>" is no markup: it blanks the text
 * and Pango warns. Such text goes in through these two; rows that show
 * the user's text turn "use-markup" off instead. */
AdwToast  *ov_app_toast_new      (const char *text);
void       ov_app_set_plain_text (gpointer    object,
                                  const char *property,
                                  const char *text);
/* A dimmed row that says there is nothing (yet) or why not, @text shown
 * as it is. */
GtkWidget *ov_app_note_row_new   (const char *text);
/* A filter's chip above a list: "Stage: Kickoff" and a cross; clicking it
 * is the caller's to connect (it removes that filter). */
GtkWidget *ov_app_filter_chip_new (const char *what,
                                   const char *value);


void   ov_app_show_toast      (GtkWidget  *widget,
                               const char *message);
typedef void     (*OvAppUndoFunc)    (gpointer   data);
/* Stores @row again, as a new row with the same values. */
typedef gboolean (*OvAppRestoreFunc) (OvStore   *store,
                                      GObject   *row,
                                      GError   **error);

/* Shows @message with an Undo button, which calls @undo with @data;
 * @destroy frees @data when the toast goes. */
void   ov_app_show_undo_toast (GtkWidget      *widget,
                               const char     *message,
                               OvAppUndoFunc   undo,
                               gpointer        data,
                               GDestroyNotify  destroy);
/* After @row was deleted from @store: @message with an Undo that calls
 * @restore; a failure to restore is said in a toast of @widget's window. */
void   ov_app_show_undo_delete_toast (GtkWidget        *widget,
                                      const char       *message,
                                      OvStore          *store,
                                      GObject          *row,
                                      OvAppRestoreFunc  restore);
char  *ov_app_describe_due    (OvTask     *task,
                               OvDate      today,
                               const char **style_class);
char  *ov_app_format_days    (int         days);
char  *ov_app_format_count   (guint64     n);
char  *ov_app_make_valid     (const char *text);
void   ov_app_flow_box_unfocus (GtkFlowBox *box,
                                gboolean    has_controls);

G_END_DECLS
