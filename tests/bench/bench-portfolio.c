/* bench-portfolio.c — the main window on a large portfolio, measured in-process
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-portfolio DATABASE
 *
 * Opens the real window on DATABASE, waits for the portfolio to be painted,
 * then types search text the way a person does (one character at a time,
 * through the search entry's handler) and reports, per keystroke, the time
 * spent filtering and the time until the next frame was painted, plus the
 * process's memory; then the same texts once more, each set whole (as a
 * paste does), which passes through an empty search at every step. Beside
 * each time, the CPU time that went into it (on
 * a machine busy with other work the wall clock mostly measures the wait
 * for a processor). On an empty database it reports the memory of the
 * welcome page and stops. Not a test: numbers depend on the machine.
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "ov-accounts-view.h"
#include "ov-application.h"
#include "ov-memory.h"
#include "ov-window.h"

static gboolean painted;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted = TRUE;
}

static void
wait_for_paint (void)
{
  painted = FALSE;
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
}

/* Returns what the window shows once it is no longer loading. */
static const char *
wait_for_load (OvWindow *window)
{
  while (ov_window_get_state (window) == OV_WINDOW_STATE_LOADING)
    g_main_context_iteration (NULL, TRUE);
  return ov_window_state_get_nick (ov_window_get_state (window));
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  if (values->len % 2)
    return g_array_index (values, double, values->len / 2);
  return (g_array_index (values, double, values->len / 2 - 1) +
          g_array_index (values, double, values->len / 2)) / 2;
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, MIN (values->len - 1, (guint)(p * values->len)));
}

/* CPU time in ms: of the whole process (every thread) or of the calling
 * thread, the main loop's. */
static double
cpu_ms (clockid_t which)
{
  struct timespec ts;

  clock_gettime (which, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  return line ? atol (line + strlen (field) + 1) : -1;
}

/* RssFile is mostly shared libraries (with Xvfb's software OpenGL, the 40 MB
 * of libLLVM that a desktop with a GPU does not load); RssAnon is the
 * program's own memory. */
static void
print_memory (const char *when)
{
  printf ("memory %s: VmRSS %.1f MB (RssAnon %.1f MB, RssFile %.1f MB), VmHWM (peak) %.1f MB\n",
          when, status_kib ("VmRSS:") / 1024.0, status_kib ("RssAnon:") / 1024.0,
          status_kib ("RssFile:") / 1024.0, status_kib ("VmHWM:") / 1024.0);
}

/* Types each word into @search and deletes it again, one character a
 * step, measuring each step; prints the figures. Each step inserts or
 * deletes one character at the end, as a key does. With @whole_text, each
 * step sets the entry's whole text instead (as a paste over a selection
 * does), which passes through an empty search every time: every account
 * is shown again in between and the search starts over. The clock starts
 * before the edit, so whatever the entry does on it is counted; the entry
 * would tell of the change after its delay, and is told at once. */
static void
type_words (GtkWidget *search,
            gboolean   whole_text)
{
  const char *words[] = { "northwind", "health", "priya raman", "crm-0042", "kestrel labs",
                          "enterprise", "lumen freight" };
  const char *how = whole_text ? "text set whole" : "keystroke";
  g_autoptr(GArray) filter_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) frame_ms = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) filter_cpu_ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint w = 0; w < G_N_ELEMENTS (words); w++)
    {
      gsize len = strlen (words[w]);

      for (gsize step = 1; step <= 2 * len; step++)
        {
          gsize shown = step <= len ? step : 2 * len - step;
          g_autofree char *text = g_strndup (words[w], shown);
          gint64 t0, t1, t2;
          double ms, c0;

          t0 = g_get_monotonic_time ();
          c0 = cpu_ms (CLOCK_THREAD_CPUTIME_ID);
          if (whole_text)
            {
              gtk_editable_set_text (GTK_EDITABLE (search), text);
            }
          else if (step <= len)
            {
              int position = (int)shown - 1;

              gtk_editable_insert_text (GTK_EDITABLE (search), words[w] + shown - 1, 1, &position);
            }
          else
            {
              gtk_editable_delete_text (GTK_EDITABLE (search), (int)shown, -1);
            }
          g_signal_emit_by_name (search, "search-changed");
          ms = cpu_ms (CLOCK_THREAD_CPUTIME_ID) - c0;
          g_array_append_val (filter_cpu_ms, ms);
          t1 = g_get_monotonic_time ();
          wait_for_paint ();
          t2 = g_get_monotonic_time ();

          ms = (t1 - t0) / 1000.0;
          g_array_append_val (filter_ms, ms);
          ms = (t2 - t0) / 1000.0;
          g_array_append_val (frame_ms, ms);
        }
    }

  printf ("%s steps: %u\n", how, filter_ms->len);
  printf ("filter per %s: median %.2f ms, 90th percentile %.2f ms, max %.2f ms\n", how,
          median (filter_ms), percentile (filter_ms, 0.9), percentile (filter_ms, 1.0));
  printf ("filter per %s, main thread CPU: median %.2f ms, 90th percentile %.2f ms, "
          "max %.2f ms\n", how,
          median (filter_cpu_ms), percentile (filter_cpu_ms, 0.9),
          percentile (filter_cpu_ms, 1.0));
  printf ("%s → next frame painted: median %.2f ms, 90th percentile %.2f ms\n", how,
          median (frame_ms), percentile (frame_ms, 0.9));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(OvApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  OvWindow *window;
  GtkWidget *accounts_view, *search;
  OvAccountList *accounts;
  gint64 start, loaded;
  double loaded_cpu;
  GdkFrameClock *clock;
  const char *state;

  if (argc != 2)
    {
      g_printerr ("Usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  /* As the app's main() does. */
  ov_memory_set_up ();
  gtk_init ();
  adw_init ();

  app = ov_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  start = g_get_monotonic_time ();
  window = ov_window_new (app, argv[1]);
  gtk_window_present (GTK_WINDOW (window));
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);

  state = wait_for_load (window);
  wait_for_paint ();
  loaded = g_get_monotonic_time ();
  loaded_cpu = cpu_ms (CLOCK_PROCESS_CPUTIME_ID);

  /* An empty database: the welcome page, the baseline the portfolio's
   * own memory is measured against. */
  if (g_strcmp0 (state, "empty") == 0)
    {
      print_memory ("of the empty window");
      gtk_window_destroy (GTK_WINDOW (window));
      return 0;
    }
  if (g_strcmp0 (state, "portfolio") != 0)
    {
      g_printerr ("%s: the window shows “%s”, not a portfolio\n", argv[1], state);
      return 1;
    }

  accounts = ov_window_get_accounts (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-view", "s", "accounts");
  wait_for_paint ();

  printf ("accounts: %u\n", ov_account_list_get_n_total (accounts));
  printf ("window created → portfolio painted: %.1f ms (process CPU since its start %.1f ms)\n",
          (loaded - start) / 1000.0, loaded_cpu);
  print_memory ("after load");

  accounts_view = GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (window), OV_TYPE_WINDOW,
                                                             "accounts_view"));
  search = GTK_WIDGET (gtk_widget_get_template_child (accounts_view, OV_TYPE_ACCOUNTS_VIEW,
                                                      "search_entry"));

  type_words (search, FALSE);
  print_memory ("after typing");

  type_words (search, TRUE);
  print_memory ("after setting the text whole");

  gtk_window_destroy (GTK_WINDOW (window));
  return 0;
}
