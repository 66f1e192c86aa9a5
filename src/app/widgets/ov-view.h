/* ov-view.h — a widget that shows the portfolio through its context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ov-context.h"

G_BEGIN_DECLS

#define OV_TYPE_VIEW (ov_view_get_type ())

G_DECLARE_DERIVABLE_TYPE (OvView, ov_view, OV, VIEW, AdwBin)

struct _OvViewClass
{
  AdwBinClass parent_class;

  /* The context's store arrived (or the view was given a context that
   * has one): time for the first read. */
  void (*store_ready)   (OvView     *self);
  /* The store committed a change to @what ("accounts", "tasks" …). */
  void (*store_changed) (OvView     *self,
                         const char *what);
  /* The day changed (at midnight). */
  void (*today_changed) (OvView     *self);

  gpointer padding[4];
};

OvContext *ov_view_get_context (OvView    *self);
void       ov_view_set_context (OvView    *self,
                                OvContext *context);
OvStore   *ov_view_get_store   (OvView    *self);
OvDate     ov_view_get_today   (OvView    *self);

G_END_DECLS
