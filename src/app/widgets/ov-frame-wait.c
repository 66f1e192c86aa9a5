/* ov-frame-wait.c — work put off until a window has painted its next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A worker begun while a frame is being made takes a processor from it.
 * What can wait (a view's figures, the check of the file) begins once the
 * window of @widget has painted its next frame: the frame that shows the
 * change (the portfolio, at a start) comes first.
 */

#define G_LOG_DOMAIN "ov-frame-wait"

#include "config.h"

#include "ov-frame-wait.h"

static void
after_paint_cb (GdkFrameClock *clock,
                OvFrameWait   *wait)
{
  OvFrameWaitFunc func = wait->func;
  gpointer data = wait->data;

  ov_frame_wait_stop (wait);
  func (data);
}

/**
 * ov_frame_wait_start:
 * @wait: not waiting already
 *
 * Calls @func with @data once @widget's window has painted its next
 * frame, and asks for that frame.
 *
 * Returns: FALSE, and nothing waits, when @widget has no window that
 *   paints (not shown): the caller does the work now
 */
gboolean
ov_frame_wait_start (OvFrameWait     *wait,
                     GtkWidget       *widget,
                     OvFrameWaitFunc  func,
                     gpointer         data)
{
  GtkRoot *root;

  g_return_val_if_fail (wait->clock == NULL, FALSE);
  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);

  root = gtk_widget_get_root (widget);
  if (root == NULL || !gtk_widget_get_realized (GTK_WIDGET (root)))
    return FALSE;

  wait->clock = g_object_ref (gtk_widget_get_frame_clock (GTK_WIDGET (root)));
  wait->func = func;
  wait->data = data;
  wait->handler_id = g_signal_connect (wait->clock, "after-paint", G_CALLBACK (after_paint_cb),
                                       wait);
  gdk_frame_clock_request_phase (wait->clock, GDK_FRAME_CLOCK_PHASE_AFTER_PAINT);
  return TRUE;
}

/* Stops waiting; nothing is called. */
void
ov_frame_wait_stop (OvFrameWait *wait)
{
  if (wait->clock == NULL)
    return;

  /* A window that is destroyed disposes of its clock, handlers and all. */
  if (g_signal_handler_is_connected (wait->clock, wait->handler_id))
    g_signal_handler_disconnect (wait->clock, wait->handler_id);
  wait->handler_id = 0;
  wait->func = NULL;
  wait->data = NULL;
  g_clear_object (&wait->clock);
}

gboolean
ov_frame_wait_is_waiting (OvFrameWait *wait)
{
  return wait->clock != NULL;
}
