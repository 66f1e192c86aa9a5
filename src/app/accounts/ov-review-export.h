/* ov-review-export.h — an account's review report saved where the user
 * chooses, off the main thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ov-core.h"

G_BEGIN_DECLS

#define OV_TYPE_REVIEW_EXPORT (ov_review_export_get_type ())

G_DECLARE_FINAL_TYPE (OvReviewExport, ov_review_export, OV, REVIEW_EXPORT, GObject)

OvReviewExport *ov_review_export_new       (void);
/* Asks where to save the report of @account (suggesting a name from it),
 * writes it in a worker and says how it went in @parent's window: a toast
 * with "Open", or a dialog with the reason. Nothing happens while a report
 * is still being chosen or written. */
void            ov_review_export_start     (OvReviewExport *self,
                                            GtkWidget      *parent,
                                            OvStore        *store,
                                            OvAccount      *account,
                                            OvDate          today);
gboolean        ov_review_export_is_busy   (OvReviewExport *self);
/* Writes to @file straight away, as if it had been chosen (for tests). */
void            ov_review_export_to_file   (OvReviewExport *self,
                                            GtkWidget      *parent,
                                            OvStore        *store,
                                            OvAccount      *account,
                                            OvDate          today,
                                            GFile          *file);

G_END_DECLS
