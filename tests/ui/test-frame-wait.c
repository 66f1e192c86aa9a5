/* test-frame-wait.c — work put off until a window's next frame
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ov-frame-wait.h"
#include "ov-ui-test.h"

static void
count_cb (gpointer data)
{
  (*(guint *)data)++;
}

static gboolean
called (gpointer data)
{
  return *(guint *)data > 0;
}

/* Not before the frame, once after it, never when stopped; at once (by
 * the caller) for a widget in no window that paints. */
static void
test_after_next_frame (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *label = gtk_label_new ("Northwind & <Sons>");
  GtkWidget *alone = gtk_label_new ("not shown");
  OvFrameWait wait = { 0 };
  guint calls = 0, stopped_calls = 0;

  g_object_ref_sink (alone);
  gtk_window_set_child (GTK_WINDOW (window), label);
  gtk_window_present (GTK_WINDOW (window));
  gtk_test_widget_wait_for_draw (window);

  g_assert_false (ov_frame_wait_start (&wait, alone, count_cb, &calls));
  g_assert_false (ov_frame_wait_is_waiting (&wait));

  g_assert_true (ov_frame_wait_start (&wait, label, count_cb, &calls));
  g_assert_true (ov_frame_wait_is_waiting (&wait));
  g_assert_cmpuint (calls, ==, 0);
  g_assert_true (ov_ui_test_wait (called, &calls, 5000));
  g_assert_cmpuint (calls, ==, 1);
  g_assert_false (ov_frame_wait_is_waiting (&wait));

  /* More frames call nothing more. */
  gtk_widget_queue_draw (label);
  gtk_test_widget_wait_for_draw (window);
  g_assert_cmpuint (calls, ==, 1);

  g_assert_true (ov_frame_wait_start (&wait, label, count_cb, &stopped_calls));
  ov_frame_wait_stop (&wait);
  gtk_widget_queue_draw (label);
  gtk_test_widget_wait_for_draw (window);
  ov_ui_test_settle ();
  g_assert_cmpuint (stopped_calls, ==, 0);

  /* Still waiting when the window goes: stopping afterwards is safe. */
  g_assert_true (ov_frame_wait_start (&wait, label, count_cb, &stopped_calls));
  gtk_window_destroy (GTK_WINDOW (window));
  ov_ui_test_settle ();
  ov_frame_wait_stop (&wait);
  g_assert_cmpuint (stopped_calls, ==, 0);
  g_object_unref (alone);
}

int
main (int    argc,
      char **argv)
{
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/frame-wait/after-next-frame", test_after_next_frame);

  return g_test_run ();
}
