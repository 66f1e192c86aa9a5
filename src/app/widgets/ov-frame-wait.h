/* ov-frame-wait.h — work put off until a window has painted its next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef void (*OvFrameWaitFunc) (gpointer data);

/* Embedded in its owner, zero-filled. */
typedef struct
{
  GdkFrameClock   *clock;
  gulong           handler_id;
  OvFrameWaitFunc  func;
  gpointer         data;
} OvFrameWait;

gboolean ov_frame_wait_start      (OvFrameWait     *wait,
                                   GtkWidget       *widget,
                                   OvFrameWaitFunc  func,
                                   gpointer         data);
void     ov_frame_wait_stop       (OvFrameWait     *wait);
gboolean ov_frame_wait_is_waiting (OvFrameWait     *wait);

G_END_DECLS
