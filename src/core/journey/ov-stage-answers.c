/* ov-stage-answers.c — what one account's stage wizard holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The object holds each field's value as the text stored for it, and what
 * the store held when last read or written, so that a save writes only
 * what changed here and a reload can tell which of those someone else
 * changed too. The typed accessors (how each kind of field is encoded)
 * are in ov-stage-values.c, the rules a stage's answers obey in
 * ov-stage-rules.c.
 */

#define G_LOG_DOMAIN "ov-wizard"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-enum-types.h"
#include "ov-journey-private.h"
#include "ov-property.h"
#include "ov-stage.h"
#include "ov-stage-answers-private.h"

struct _OvStageAnswers
{
  GObject     parent_instance;

  gint64      account_id;
  GHashTable *values;     /* field id (static, from ov-wizard.c) → encoded text */
  /* What the store held when last read or written: field id (static) →
   * StoredAnswer. A value that differs from it is a change made here. */
  GHashTable *stored;
  /* Fields changed here that someone else changed too, found by the last
   * reload after a conflict: static ids. */
  GPtrArray  *conflicts;
  OvStage     stage;
  gboolean    modified;
};

G_DEFINE_FINAL_TYPE (OvStageAnswers, ov_stage_answers, G_TYPE_OBJECT)

typedef struct
{
  char   *encoded;
  gint64  version;
} StoredAnswer;

static void
stored_answer_free (gpointer data)
{
  StoredAnswer *stored = data;

  g_free (stored->encoded);
  g_free (stored);
}

enum {
  PROP_0,
  PROP_ACCOUNT_ID,
  PROP_STAGE,
  PROP_MODIFIED,
  N_PROPS
};

enum {
  FIELD_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];


static void
ov_stage_answers_finalize (GObject *object)
{
  OvStageAnswers *self = (OvStageAnswers *)object;

  g_hash_table_unref (self->values);
  g_hash_table_unref (self->stored);
  g_ptr_array_unref (self->conflicts);

  G_OBJECT_CLASS (ov_stage_answers_parent_class)->finalize (object);
}

static void
ov_stage_answers_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OvStageAnswers *self = OV_STAGE_ANSWERS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_stage_answers_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OvStageAnswers *self = OV_STAGE_ANSWERS (object);

  switch (prop_id)
    {
    case PROP_ACCOUNT_ID:
      self->account_id = g_value_get_int64 (value);
      break;
    case PROP_STAGE:
      self->stage = g_value_get_enum (value);
      break;
    case PROP_MODIFIED:
      ov_stage_answers_set_modified (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_stage_answers_class_init (OvStageAnswersClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_stage_answers_finalize;
  object_class->get_property = ov_stage_answers_get_property;
  object_class->set_property = ov_stage_answers_set_property;

  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, OV_TYPE_STAGE, OV_STAGE_EMBARK,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OvStageAnswers::field-changed:
   * @field_id: the id of the field a setter changed
   */
  signals[FIELD_CHANGED] = g_signal_new ("field-changed",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
ov_stage_answers_init (OvStageAnswers *self)
{
  self->values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->stored = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, stored_answer_free);
  self->conflicts = g_ptr_array_new ();
  self->stage = OV_STAGE_EMBARK;
}

OvStageAnswers *
ov_stage_answers_new (gint64  account_id,
                      OvStage stage)
{
  g_return_val_if_fail (stage >= OV_STAGE_FIRST && stage <= OV_STAGE_LAST, NULL);

  return g_object_new (OV_TYPE_STAGE_ANSWERS,
                       "account-id", account_id,
                       "stage", stage,
                       NULL);
}

gint64
ov_stage_answers_get_account_id (OvStageAnswers *self)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), 0);

  return self->account_id;
}

OvStage
ov_stage_answers_get_stage (OvStageAnswers *self)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), OV_STAGE_EMBARK);

  return self->stage;
}

gboolean
ov_stage_answers_get_modified (OvStageAnswers *self)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  return self->modified;
}

void
ov_stage_answers_set_modified (OvStageAnswers *self,
                               gboolean        modified)
{
  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  ov_property_set_boolean (G_OBJECT (self), &self->modified, modified, properties[PROP_MODIFIED]);
}

const char *
ov_stage_answers_get_encoded (OvStageAnswers      *self,
                              const OvWizardField *field)
{
  return g_hash_table_lookup (self->values, ov_wizard_field_get_id (field));
}

/* Takes @encoded (NULL clears); tells listeners only about real changes. */
void
ov_stage_answers_take_encoded (OvStageAnswers      *self,
                               const OvWizardField *field,
                               char                *encoded)
{
  const char *id = ov_wizard_field_get_id (field);

  if (g_strcmp0 (g_hash_table_lookup (self->values, id), encoded) == 0)
    {
      g_free (encoded);
      return;
    }

  if (encoded == NULL)
    g_hash_table_remove (self->values, id);
  else
    g_hash_table_insert (self->values, (gpointer)id, encoded);

  ov_stage_answers_set_modified (self, TRUE);
  g_signal_emit (self, signals[FIELD_CHANGED], g_quark_from_static_string (id), id);
}

gboolean
ov_stage_answers_has_value (OvStageAnswers *self,
                            const char     *field_id)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);
  g_return_val_if_fail (field_id != NULL, FALSE);

  return g_hash_table_contains (self->values, field_id);
}

void
ov_stage_answers_clear (OvStageAnswers *self,
                        const char     *field_id)
{
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = ov_wizard_find_field (self->stage, field_id);
  g_return_if_fail (field != NULL);

  ov_stage_answers_take_encoded (self, field, NULL);
}


/* For the store: the encoded values, and loading one without marking the
 * answers modified. */
GHashTable *
ov_stage_answers_get_values (OvStageAnswers *self)
{
  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  return self->values;
}

gboolean
ov_stage_answers_load_value (OvStageAnswers *self,
                             const char     *field_id,
                             const char     *encoded)
{
  const OvWizardField *field;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  /* A field a later version added, or one since retired: skip it. */
  field = ov_wizard_find_field (self->stage, field_id);
  if (field == NULL || !ov_wizard_field_holds_value (field))
    return FALSE;

  if (encoded == NULL)
    g_hash_table_remove (self->values, ov_wizard_field_get_id (field));
  else
    g_hash_table_insert (self->values, (gpointer)ov_wizard_field_get_id (field),
                         g_strdup (encoded));
  return TRUE;
}

/* Records that the store holds @encoded (NULL: no row) at @version for
 * @field_id; FALSE for a field the stage does not have. */
gboolean
ov_stage_answers_set_stored (OvStageAnswers *self,
                             const char     *field_id,
                             const char     *encoded,
                             gint64          version)
{
  const OvWizardField *field;
  StoredAnswer *stored;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  field = ov_wizard_find_field (self->stage, field_id);
  if (field == NULL || !ov_wizard_field_holds_value (field))
    return FALSE;

  if (encoded == NULL)
    {
      g_hash_table_remove (self->stored, ov_wizard_field_get_id (field));
      return TRUE;
    }

  stored = g_new0 (StoredAnswer, 1);
  stored->encoded = g_strdup (encoded);
  stored->version = version;
  g_hash_table_insert (self->stored, (gpointer)ov_wizard_field_get_id (field), stored);
  return TRUE;
}

/* What the store held for @field_id (NULL: no row), and its version (0). */
const char *
ov_stage_answers_get_stored (OvStageAnswers *self,
                             const char     *field_id,
                             gint64         *version)
{
  StoredAnswer *stored;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  stored = g_hash_table_lookup (self->stored, field_id);
  if (version != NULL)
    *version = stored != NULL ? stored->version : 0;
  return stored != NULL ? stored->encoded : NULL;
}

/* Every field with a value or a stored row: a new list of static ids. */
GPtrArray *
ov_stage_answers_list_known_fields (OvStageAnswers *self)
{
  GPtrArray *fields = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), fields);

  g_hash_table_iter_init (&iter, self->values);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (fields, key);

  g_hash_table_iter_init (&iter, self->stored);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (self->values, key))
      g_ptr_array_add (fields, key);

  return fields;
}

GHashTable *
ov_stage_answers_dup_stored (OvStageAnswers *self)
{
  GHashTable *copy = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, stored_answer_free);
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), copy);

  g_hash_table_iter_init (&iter, self->stored);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const StoredAnswer *stored = value;
      StoredAnswer *dup = g_new0 (StoredAnswer, 1);

      dup->encoded = g_strdup (stored->encoded);
      dup->version = stored->version;
      g_hash_table_insert (copy, key, dup);
    }

  return copy;
}

/* Takes @stored (from dup_stored()) as what the store holds. */
void
ov_stage_answers_restore_stored (OvStageAnswers *self,
                                 GHashTable     *stored)
{
  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));
  g_return_if_fail (stored != NULL);

  g_hash_table_unref (self->stored);
  self->stored = g_hash_table_ref (stored);
}

/* Replaces the fields in conflict with @field_ids (static ids; NULL or
 * empty: none). */
void
ov_stage_answers_set_conflicts (OvStageAnswers *self,
                                GPtrArray      *field_ids)
{
  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  g_ptr_array_set_size (self->conflicts, 0);
  for (guint i = 0; field_ids != NULL && i < field_ids->len; i++)
    g_ptr_array_add (self->conflicts, g_ptr_array_index (field_ids, i));
}

char **
ov_stage_answers_dup_conflicts (OvStageAnswers *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), g_new0 (char *, 1));

  for (guint i = 0; i < self->conflicts->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (self->conflicts, i));
  return g_strv_builder_end (builder);
}

char *
ov_stage_answers_describe_stored (OvStageAnswers *self,
                                  const char     *field_id)
{
  g_autoptr(OvStageAnswers) stored = NULL;
  const OvWizardField *field;
  const char *encoded;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  field = ov_wizard_find_field (self->stage, field_id);
  encoded = ov_stage_answers_get_stored (self, field_id, NULL);
  if (field == NULL || encoded == NULL)
    return g_strdup ("");

  /* Decoded the way the wizard reads its own values. */
  stored = ov_stage_answers_new (self->account_id, self->stage);
  if (!ov_stage_answers_load_value (stored, field_id, encoded))
    return g_strdup ("");

  switch (ov_wizard_field_get_kind (field))
    {
    case OV_FIELD_TEXT:
    case OV_FIELD_LONG_TEXT:
      return g_strdup (ov_stage_answers_get_text (stored, field_id));
    case OV_FIELD_DATE:
      return ov_date_to_display (ov_stage_answers_get_date (stored, field_id));
    case OV_FIELD_BOOL:
      return g_strdup (ov_stage_answers_get_bool (stored, field_id) ? _("Yes") : _("No"));
    case OV_FIELD_NUMBER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, ov_stage_answers_get_number (stored, field_id));
    case OV_FIELD_CHOICE:
      {
        const char *choice = ov_stage_answers_get_choice (stored, field_id);

        return g_strdup (choice[0] != '\0' ? ov_wizard_field_get_choice_label (field, choice) : "");
      }
    case OV_FIELD_LIST:
      {
        g_auto(GStrv) items = ov_stage_answers_dup_list (stored, field_id);

        /* Translators: between the items of a list shown on one line */
        return g_strjoinv (_(", "), items);
      }
    case OV_FIELD_CHECK:
      {
        OvDate done_on = OV_DATE_NONE;

        if (!ov_stage_answers_get_check (stored, field_id, &done_on))
          return g_strdup (_("Not done"));
        if (done_on == OV_DATE_NONE)
          return g_strdup (_("Done"));
        {
          g_autofree char *date = ov_date_to_display (done_on);

          /* Translators: a checklist item as stored, "Done on 3 Mar 2026" */
          return g_strdup_printf (_("Done on %s"), date);
        }
      }
    case OV_FIELD_GOAL_OUTCOMES:
    case OV_FIELD_TASKS:
    case OV_FIELD_INTERVIEWS:
    default:
      return NULL;
    }
}
