/* ov-progress.c — reporting progress from a worker thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Imports and exports run in a thread but tell their caller how far they
 * are in the caller's own main context (where a progress bar can be
 * touched). A relay remembers that context and forwards each report there.
 */

#include "config.h"

#include "ov-progress.h"

struct _OvProgressRelay
{
  OvProgressFunc  progress;
  gpointer        user_data;
  GDestroyNotify  destroy;
  GMainContext   *context;
};

static void
relay_clear (gpointer data)
{
  OvProgressRelay *relay = data;

  if (relay->destroy != NULL)
    relay->destroy (relay->user_data);
  g_main_context_unref (relay->context);
}

/* Takes the calling thread's default main context as the place to report. */
OvProgressRelay *
ov_progress_relay_new (OvProgressFunc progress,
                       gpointer       user_data,
                       GDestroyNotify destroy)
{
  OvProgressRelay *relay = g_atomic_rc_box_new0 (OvProgressRelay);

  relay->progress = progress;
  relay->user_data = user_data;
  relay->destroy = destroy;
  relay->context = g_main_context_ref_thread_default ();

  return relay;
}

OvProgressRelay *
ov_progress_relay_ref (OvProgressRelay *relay)
{
  return g_atomic_rc_box_acquire (relay);
}

void
ov_progress_relay_unref (OvProgressRelay *relay)
{
  g_atomic_rc_box_release_full (relay, relay_clear);
}

typedef struct
{
  OvProgressRelay *relay;
  double           fraction;
} Report;

static gboolean
deliver (gpointer data)
{
  Report *report = data;

  report->relay->progress (report->fraction, report->relay->user_data);
  return G_SOURCE_REMOVE;
}

static void
report_free (gpointer data)
{
  Report *report = data;

  ov_progress_relay_unref (report->relay);
  g_free (report);
}

/* An OvProgressFunc for the worker: pass the relay as its user data. */
void
ov_progress_relay_report (double   fraction,
                          gpointer relay)
{
  Report *report;

  g_return_if_fail (relay != NULL);

  if (((OvProgressRelay *)relay)->progress == NULL)
    return;

  report = g_new (Report, 1);
  report->relay = ov_progress_relay_ref (relay);
  report->fraction = fraction;
  g_main_context_invoke_full (report->relay->context, G_PRIORITY_DEFAULT, deliver, report,
                              report_free);
}
