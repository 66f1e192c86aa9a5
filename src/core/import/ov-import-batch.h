/* ov-import-batch.h — recorded imports, and taking one back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-store.h"
#include "ov-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64     id;
  OvCsvKind  kind;
  char      *source;          /* the file's name */
  char      *imported_at;     /* UTC, ISO 8601 */
  guint      n_created;
  guint      n_updated;
  guint      n_unchanged;
  guint      n_rejected;
  char      *undone_at;       /* NULL unless undone */
} OvImportBatch;

#define OV_TYPE_IMPORT_BATCH (ov_import_batch_get_type ())

GType          ov_import_batch_get_type     (void) G_GNUC_CONST;
OvImportBatch *ov_import_batch_copy         (const OvImportBatch *batch);
void           ov_import_batch_free         (OvImportBatch       *batch);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvImportBatch, ov_import_batch_free)

GPtrArray     *ov_store_list_import_batches (OvStore             *store,
                                             GError             **error);
OvImportBatch *ov_store_get_import_batch    (OvStore             *store,
                                             gint64               id,
                                             GError             **error);
gboolean       ov_store_undo_import         (OvStore             *store,
                                             gint64               id,
                                             guint               *n_removed,
                                             guint               *n_restored,
                                             GError             **error);

/* What undoing an import does, found before or told after. The rows the
 * import made or changed are its own while they are as it left them; the
 * rest is work done since, by hand or by another import. */
typedef struct
{
  gint64     batch_id;
  OvCsvKind  kind;
  guint      n_remove;            /* made by it, as it left them: removed */
  guint      n_restore;           /* changed by it, as it left them: get their values back */
  guint      n_edited_created;    /* made by it, edited since: removed only when forced */
  guint      n_edited_updated;    /* changed by it, edited since: kept as they are */
  guint      n_gone;              /* changed by it, deleted since: nothing to restore */
  char     **edited_created_names;   /* the first OV_UNDO_PLAN_MAX_NAMES of each */
  char     **edited_updated_names;
  char     **gone_names;
  /* Added since to the accounts it made; removed with them when forced. */
  guint      n_people;
  guint      n_tasks;
  guint      n_stage_events;
  guint      n_answers;
  guint      n_metrics;
  guint      n_meetings;
  gboolean   forced;              /* after an undo: it was forced */
} OvUndoPlan;

#define OV_UNDO_PLAN_MAX_NAMES 20

typedef enum
{
  OV_UNDO_IMPORT_DEFAULT = 0,
  /* Also remove what was added to or edited on the import's rows since. */
  OV_UNDO_IMPORT_FORCE   = 1 << 0,
} OvUndoImportFlags;

#define OV_TYPE_UNDO_PLAN (ov_undo_plan_get_type ())

GType          ov_undo_plan_get_type        (void) G_GNUC_CONST;
OvUndoPlan    *ov_undo_plan_copy            (const OvUndoPlan    *plan);
void           ov_undo_plan_free            (OvUndoPlan          *plan);
gboolean       ov_undo_plan_needs_confirmation (const OvUndoPlan *plan);
guint          ov_undo_plan_get_n_children  (const OvUndoPlan    *plan);
guint          ov_undo_plan_get_n_removed   (const OvUndoPlan    *plan);
char          *ov_undo_plan_describe        (const OvUndoPlan    *plan);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvUndoPlan, ov_undo_plan_free)

OvUndoPlan    *ov_store_plan_undo_import    (OvStore             *store,
                                             gint64               id,
                                             GError             **error);
OvUndoPlan    *ov_store_undo_import_full    (OvStore             *store,
                                             gint64               id,
                                             OvUndoImportFlags    flags,
                                             GError             **error);

G_END_DECLS
