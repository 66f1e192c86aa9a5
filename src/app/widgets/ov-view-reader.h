/* ov-view-reader.h — a view's figures read in a worker, one reading at a
 * time, read again when asked meanwhile
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-view.h"

G_BEGIN_DECLS

typedef struct
{
  /* A new reading's data, with what the job needs (the day, say). */
  gpointer       (*make)    (OvView   *view);
  GDestroyNotify   free;
  /* In the worker, on a connection of its own (ov_store_run_async()). */
  OvStoreJobFunc   job;
  /* Back in the main context, with the reading done. */
  void           (*show)    (OvView   *view,
                             gpointer  data);
  /* (nullable) When reading starts and when it has stopped. */
  void           (*loading) (OvView   *view,
                             gboolean  loading);
  /* What is read, for the warning when it fails: "the tasks". */
  const char      *what;
} OvViewReaderFuncs;

typedef struct _OvViewReader OvViewReader;

/* A reading of @size bytes, zero-filled, whose first member is an OvDate:
 * the view's today. For make functions of OvViewReaderFuncs. */
gpointer      ov_view_reader_make_dated (OvView                  *view,
                                         gsize                    size);

/* A reading that is one array (GPtrArray *), filled by the job: make and
 * free for OvViewReaderFuncs. */
gpointer      ov_view_reader_make_array (OvView                  *view);
void          ov_view_reader_free_array (gpointer                 data);

OvViewReader *ov_view_reader_new        (OvView                  *view,
                                         const OvViewReaderFuncs *funcs);
void          ov_view_reader_cancel     (OvViewReader            *self);
void          ov_view_reader_free       (OvViewReader            *self);
void          ov_view_reader_start      (OvViewReader            *self);
gboolean      ov_view_reader_is_loading (OvViewReader            *self);

G_END_DECLS
