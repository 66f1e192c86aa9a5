/* ov-view-reader.c — a view's figures read in a worker, one reading at a
 * time, read again when asked meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the dashboard's task lists and its health card share: a reading
 * asked for while one runs is not started beside it, but once that one is
 * done, whose result is then dropped as stale. The view cancels the reader
 * in dispose and frees it in finalize: the worker's callback holds the
 * view until it has run.
 *
 * A reading begins after the window's next frame: the view shows that it
 * is loading, and the frame that shows it (the portfolio's first, at a
 * start) is not held back by a worker competing for the processor.
 */

#define G_LOG_DOMAIN "ov-view-reader"

#include "config.h"

#include "ov-frame-wait.h"
#include "ov-view-reader.h"

struct _OvViewReader
{
  OvView                  *view;      /* not a reference: the view owns the reader */
  const OvViewReaderFuncs *funcs;
  GCancellable            *cancellable;
  gboolean                 running;
  gboolean                 again;
  gboolean                 loading;
  /* For the window's next frame, to begin. */
  OvFrameWait              frame_wait;
};

OvViewReader *
ov_view_reader_new (OvView                  *view,
                    const OvViewReaderFuncs *funcs)
{
  OvViewReader *self = g_new0 (OvViewReader, 1);

  self->view = view;
  self->funcs = funcs;
  self->cancellable = g_cancellable_new ();
  return self;
}

void
ov_view_reader_cancel (OvViewReader *self)
{
  ov_frame_wait_stop (&self->frame_wait);
  g_cancellable_cancel (self->cancellable);
}

void
ov_view_reader_free (OvViewReader *self)
{
  if (self == NULL)
    return;

  ov_frame_wait_stop (&self->frame_wait);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_free (self);
}

static void
set_loading (OvViewReader *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  if (self->funcs->loading != NULL)
    self->funcs->loading (self->view, loading);
}

static void
read_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  OvViewReader *self = user_data;
  g_autoptr(GError) error = NULL;
  gpointer data = NULL;

  self->running = FALSE;

  if (!ov_store_run_finish (result, &data, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("Could not read %s: %s", self->funcs->what, error->message);
    }
  else if (!self->again)
    {
      self->funcs->show (self->view, data);
    }

  if (self->again)
    {
      self->again = FALSE;
      ov_view_reader_start (self);
      return;
    }

  set_loading (self, FALSE);
}

static void
begin (OvViewReader *self)
{
  /* The store went away meanwhile: nothing to read from. */
  if (ov_view_get_store (self->view) == NULL)
    {
      set_loading (self, FALSE);
      return;
    }

  self->running = TRUE;
  ov_store_run_async (ov_view_get_store (self->view), self->view, self->funcs->job,
                      self->funcs->make (self->view), self->funcs->free, NULL, NULL,
                      self->cancellable, read_done, self);
}

static void
frame_painted (gpointer data)
{
  OvViewReader *self = data;

  if (!g_cancellable_is_cancelled (self->cancellable))
    begin (self);
}

/* Reads after the window's next frame (at once when it has none: not
 * shown), or once the reading that runs is done. What is read is taken
 * (funcs->make) when the reading begins. */
void
ov_view_reader_start (OvViewReader *self)
{
  if (self->running)
    {
      self->again = TRUE;
      return;
    }
  if (ov_frame_wait_is_waiting (&self->frame_wait))
    return;

  set_loading (self, TRUE);
  if (!ov_frame_wait_start (&self->frame_wait, GTK_WIDGET (self->view), frame_painted, self))
    begin (self);
}

gboolean
ov_view_reader_is_loading (OvViewReader *self)
{
  return self->loading;
}

gpointer
ov_view_reader_make_dated (OvView *view,
                           gsize   size)
{
  OvDate *today;

  g_return_val_if_fail (size >= sizeof (OvDate), NULL);

  today = g_malloc0 (size);
  *today = ov_view_get_today (view);
  return today;
}

gpointer
ov_view_reader_make_array (OvView *view)
{
  return g_new0 (GPtrArray *, 1);
}

void
ov_view_reader_free_array (gpointer data)
{
  GPtrArray **array = data;

  g_clear_pointer (array, g_ptr_array_unref);
  g_free (array);
}
