/* ov-import-result.c — what an import did
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An import that was refused (a rejected row without --skip-invalid, a
 * problem with the file itself) has applied FALSE and changed nothing; its
 * problems say why. A dry run is never applied.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include "ov-enum-types.h"
#include "ov-import-result-private.h"

struct _OvImportResult
{
  GObject         parent_instance;

  OvImportCounts  counts;
  GPtrArray      *problems;
};

G_DEFINE_FINAL_TYPE (OvImportResult, ov_import_result, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BATCH_ID,
  PROP_APPLIED,
  PROP_N_CREATED,
  PROP_N_UPDATED,
  PROP_N_UNCHANGED,
  PROP_N_REJECTED,
  PROP_N_ERRORS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_import_result_finalize (GObject *object)
{
  OvImportResult *self = (OvImportResult *)object;

  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_import_result_parent_class)->finalize (object);
}

static void
ov_import_result_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OvImportResult *self = OV_IMPORT_RESULT (object);

  switch (prop_id)
    {
    case PROP_BATCH_ID:
      g_value_set_int64 (value, self->counts.batch_id);
      break;
    case PROP_APPLIED:
      g_value_set_boolean (value, self->counts.applied);
      break;
    case PROP_N_CREATED:
      g_value_set_uint (value, self->counts.n_created);
      break;
    case PROP_N_UPDATED:
      g_value_set_uint (value, self->counts.n_updated);
      break;
    case PROP_N_UNCHANGED:
      g_value_set_uint (value, self->counts.n_unchanged);
      break;
    case PROP_N_REJECTED:
      g_value_set_uint (value, self->counts.n_rejected);
      break;
    case PROP_N_ERRORS:
      g_value_set_uint (value, self->counts.n_errors);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_import_result_class_init (OvImportResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY;

  object_class->finalize = ov_import_result_finalize;
  object_class->get_property = ov_import_result_get_property;

  properties[PROP_BATCH_ID] =
    g_param_spec_int64 ("batch-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_APPLIED] = g_param_spec_boolean ("applied", NULL, NULL, FALSE, flags);
  properties[PROP_N_CREATED] = g_param_spec_uint ("n-created", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_UPDATED] = g_param_spec_uint ("n-updated", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_UNCHANGED] =
    g_param_spec_uint ("n-unchanged", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_REJECTED] =
    g_param_spec_uint ("n-rejected", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_N_ERRORS] = g_param_spec_uint ("n-errors", NULL, NULL, 0, G_MAXUINT, 0, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_import_result_init (OvImportResult *self)
{
}

OvImportResult *
ov_import_result_new (const OvImportCounts *counts,
                      GPtrArray            *problems)
{
  OvImportResult *self = g_object_new (OV_TYPE_IMPORT_RESULT, NULL);

  self->counts = *counts;
  self->problems = g_ptr_array_ref (problems);
  return self;
}

/* The batch to give to undo; 0 when nothing was recorded. */
gint64
ov_import_result_get_batch_id (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.batch_id;
}

/* TRUE when the changes were committed. */
gboolean
ov_import_result_get_applied (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), FALSE);

  return self->counts.applied;
}

gboolean
ov_import_result_get_dry_run (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), FALSE);

  return self->counts.dry_run;
}

OvCsvKind
ov_import_result_get_kind (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), OV_CSV_KIND_ACCOUNTS);

  return self->counts.kind;
}

/* Rows counted by what was (or, refused or dry, would have been) done. */
guint
ov_import_result_get_n_created (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_created;
}

guint
ov_import_result_get_n_updated (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_updated;
}

guint
ov_import_result_get_n_unchanged (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_unchanged;
}

guint
ov_import_result_get_n_rejected (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_rejected;
}

/* All errors found, also those beyond the listed ones. */
guint
ov_import_result_get_n_errors (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_errors;
}

guint
ov_import_result_get_n_warnings (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_warnings;
}

/* The playbook tasks an accounts import made for the stages its accounts
 * entered (ov_store_create_import_stage_tasks()). */
guint
ov_import_result_get_n_tasks_created (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_tasks_created;
}

/* Packages an accounts import made for the names its rows gave that no
 * package had (or, refused or dry, would have made). */
guint
ov_import_result_get_n_packages_created (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.n_packages_created;
}

/* The listed problems in file order: every warning and the first 100
 * errors. */
guint
ov_import_result_get_n_problems (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->problems->len;
}

const OvCsvProblem *
ov_import_result_get_problem (OvImportResult *self,
                              guint           index)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), NULL);
  g_return_val_if_fail (index < self->problems->len, NULL);

  return g_ptr_array_index (self->problems, index);
}

char
ov_import_result_get_delimiter (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), 0);

  return self->counts.delimiter;
}

OvCsvEncoding
ov_import_result_get_encoding (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), OV_CSV_ENCODING_AUTO);

  return self->counts.encoding;
}

/* TRUE when rows were refused because their dates could be read either
 * way: choosing a date order (D/M/Y or M/D/Y) would let them in. */
gboolean
ov_import_result_needs_date_order (OvImportResult *self)
{
  g_return_val_if_fail (OV_IS_IMPORT_RESULT (self), FALSE);

  for (guint i = 0; i < self->problems->len; i++)
    if (((OvCsvProblem *)g_ptr_array_index (self->problems, i))->code == OV_CSV_ERROR_DATE_ORDER)
      return TRUE;

  return FALSE;
}
