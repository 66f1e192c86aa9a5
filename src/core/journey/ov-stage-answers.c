/* ov-stage-answers.c — what one account's stage wizard holds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Values are kept as the text stored in stage_answers.value:
 *   text, long text, choice   the text itself
 *   date                      YYYY-MM-DD
 *   bool                      "true" or "false"
 *   number                    decimal digits, optional minus sign
 *   list                      a JSON array of strings
 *   check                     {"done": true, "date": "YYYY-MM-DD"}
 *   goal outcomes             [{"goal": "…", "outcome": "met|partly|not_met|",
 *                               "comment": "…"}]
 * An unset field has no row. Text that does not decode (written by hand)
 * reads as unset rather than failing the whole wizard.
 */

#define G_LOG_DOMAIN "ov-wizard"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <stdlib.h>
#include <string.h>

#include "ov-enum-types.h"
#include "ov-journey-private.h"
#include "ov-stage.h"
#include "ov-stage-answers.h"

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

OvGoalResult *
ov_goal_result_new (const char    *goal,
                    OvGoalOutcome  outcome,
                    const char    *comment)
{
  OvGoalResult *result = g_new0 (OvGoalResult, 1);

  result->goal = g_strdup (goal ? goal : "");
  result->outcome = outcome;
  result->comment = g_strdup (comment ? comment : "");
  return result;
}

OvGoalResult *
ov_goal_result_copy (const OvGoalResult *result)
{
  g_return_val_if_fail (result != NULL, NULL);

  return ov_goal_result_new (result->goal, result->outcome, result->comment);
}

void
ov_goal_result_free (OvGoalResult *result)
{
  if (result == NULL)
    return;

  g_free (result->goal);
  g_free (result->comment);
  g_free (result);
}

G_DEFINE_BOXED_TYPE (OvGoalResult, ov_goal_result, ov_goal_result_copy, ov_goal_result_free)

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

  modified = !!modified;
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

/* The field's definition, or a critical when the caller asks for a field
 * this stage does not have or uses the wrong accessor for its kind. */
static const OvWizardField *
lookup (OvStageAnswers *self,
        const char     *field_id,
        OvFieldKind     kind,
        OvFieldKind     also)
{
  const OvWizardField *field = ov_wizard_find_field (self->stage, field_id);

  if (field == NULL)
    {
      g_critical ("The %s wizard has no field “%s”", ov_stage_get_id (self->stage),
                  field_id ? field_id : "(null)");
      return NULL;
    }

  if (ov_wizard_field_get_kind (field) != kind && ov_wizard_field_get_kind (field) != also)
    {
      g_critical ("Field “%s” of the %s wizard is not of the kind asked for", field_id,
                  ov_stage_get_id (self->stage));
      return NULL;
    }

  return field;
}

static const char *
raw (OvStageAnswers      *self,
     const OvWizardField *field)
{
  return g_hash_table_lookup (self->values, ov_wizard_field_get_id (field));
}

/* Takes @encoded (NULL clears); tells listeners only about real changes. */
static void
store_value (OvStageAnswers      *self,
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

  store_value (self, field, NULL);
}

const char *
ov_stage_answers_get_text (OvStageAnswers *self,
                           const char     *field_id)
{
  const OvWizardField *field;
  const char *value;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  field = lookup (self, field_id, OV_FIELD_TEXT, OV_FIELD_LONG_TEXT);
  if (field == NULL)
    return "";

  value = raw (self, field);
  return value ? value : "";
}

void
ov_stage_answers_set_text (OvStageAnswers *self,
                           const char     *field_id,
                           const char     *text)
{
  const OvWizardField *field;
  g_autofree char *stripped = NULL;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_TEXT, OV_FIELD_LONG_TEXT);
  if (field == NULL)
    return;

  stripped = g_strstrip (g_strdup (text ? text : ""));
  /* Keep what was typed (inner line breaks, indentation) unless it is
   * only blanks. */
  store_value (self, field, stripped[0] != '\0' ? g_strdup (text) : NULL);
}

OvDate
ov_stage_answers_get_date (OvStageAnswers *self,
                           const char     *field_id)
{
  const OvWizardField *field;
  OvDate date = OV_DATE_NONE;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), OV_DATE_NONE);

  field = lookup (self, field_id, OV_FIELD_DATE, OV_FIELD_DATE);
  if (field == NULL || raw (self, field) == NULL)
    return OV_DATE_NONE;

  if (!ov_date_parse_iso (raw (self, field), &date, NULL))
    return OV_DATE_NONE;

  return date;
}

void
ov_stage_answers_set_date (OvStageAnswers *self,
                           const char     *field_id,
                           OvDate          date)
{
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_DATE, OV_FIELD_DATE);
  if (field == NULL)
    return;

  store_value (self, field, ov_date_to_iso (date));
}

gboolean
ov_stage_answers_get_bool (OvStageAnswers *self,
                           const char     *field_id)
{
  const OvWizardField *field;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  field = lookup (self, field_id, OV_FIELD_BOOL, OV_FIELD_BOOL);
  if (field == NULL)
    return FALSE;

  return g_strcmp0 (raw (self, field), "true") == 0;
}

void
ov_stage_answers_set_bool (OvStageAnswers *self,
                           const char     *field_id,
                           gboolean        value)
{
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_BOOL, OV_FIELD_BOOL);
  if (field == NULL)
    return;

  store_value (self, field, g_strdup (value ? "true" : "false"));
}

static gboolean
parse_number (const char *text,
              gint64     *out)
{
  char *end = NULL;
  gint64 value;

  if (text == NULL || text[0] == '\0')
    return FALSE;

  value = g_ascii_strtoll (text, &end, 10);
  if (end == NULL || *end != '\0')
    return FALSE;

  *out = value;
  return TRUE;
}

gint64
ov_stage_answers_get_number (OvStageAnswers *self,
                             const char     *field_id)
{
  const OvWizardField *field;
  gint64 value = 0;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), 0);

  field = lookup (self, field_id, OV_FIELD_NUMBER, OV_FIELD_NUMBER);
  if (field == NULL || !parse_number (raw (self, field), &value))
    return 0;

  return value;
}

void
ov_stage_answers_set_number (OvStageAnswers *self,
                             const char     *field_id,
                             gint64          value)
{
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_NUMBER, OV_FIELD_NUMBER);
  if (field == NULL)
    return;

  store_value (self, field, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

const char *
ov_stage_answers_get_choice (OvStageAnswers *self,
                             const char     *field_id)
{
  const OvWizardField *field;
  const char *value;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  field = lookup (self, field_id, OV_FIELD_CHOICE, OV_FIELD_CHOICE);
  if (field == NULL)
    return "";

  value = raw (self, field);
  if (value == NULL || !g_strv_contains (ov_wizard_field_get_choices (field), value))
    return "";

  return value;
}

void
ov_stage_answers_set_choice (OvStageAnswers *self,
                             const char     *field_id,
                             const char     *choice)
{
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_CHOICE, OV_FIELD_CHOICE);
  if (field == NULL)
    return;

  if (choice == NULL || choice[0] == '\0')
    {
      store_value (self, field, NULL);
      return;
    }

  g_return_if_fail (g_strv_contains (ov_wizard_field_get_choices (field), choice));
  store_value (self, field, g_strdup (choice));
}

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (text == NULL)
    return NULL;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  return root ? json_node_ref (root) : NULL;
}

static char *
write_json (JsonNode *root)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();

  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static const char *
member_text (JsonObject *object,
             const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) ||
      json_node_get_value_type (node) != G_TYPE_STRING)
    return "";

  return json_node_get_string (node);
}

char **
ov_stage_answers_dup_list (OvStageAnswers *self,
                           const char     *field_id)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  field = lookup (self, field_id, OV_FIELD_LIST, OV_FIELD_LIST);
  if (field != NULL)
    root = parse_json (raw (self, field));

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_strv_builder_add (builder, json_node_get_string (item));
        }
    }

  return g_strv_builder_end (builder);
}

void
ov_stage_answers_set_list (OvStageAnswers     *self,
                           const char         *field_id,
                           const char * const *items)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;
  guint n = 0;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_LIST, OV_FIELD_LIST);
  if (field == NULL)
    return;

  json_builder_begin_array (builder);
  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    {
      g_autofree char *item = g_strstrip (g_strdup (items[i]));

      if (item[0] == '\0')
        continue;
      json_builder_add_string_value (builder, item);
      n++;
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  store_value (self, field, n > 0 ? write_json (root) : NULL);
}

gboolean
ov_stage_answers_get_check (OvStageAnswers *self,
                            const char     *field_id,
                            OvDate         *done_on)
{
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;
  gboolean done = FALSE;
  OvDate date = OV_DATE_NONE;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), FALSE);

  field = lookup (self, field_id, OV_FIELD_CHECK, OV_FIELD_CHECK);
  if (field != NULL)
    root = parse_json (raw (self, field));

  if (root != NULL && JSON_NODE_HOLDS_OBJECT (root))
    {
      JsonObject *object = json_node_get_object (root);

      done = json_object_get_boolean_member_with_default (object, "done", FALSE);
      if (done && !ov_date_parse_iso (member_text (object, "date"), &date, NULL))
        date = OV_DATE_NONE;
    }

  if (done_on != NULL)
    *done_on = date;

  return done;
}

void
ov_stage_answers_set_check (OvStageAnswers *self,
                            const char     *field_id,
                            gboolean        done,
                            OvDate          done_on)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_CHECK, OV_FIELD_CHECK);
  if (field == NULL)
    return;

  /* An item not done has no date: unticking forgets it. */
  if (!done)
    {
      store_value (self, field, NULL);
      return;
    }

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "done");
  json_builder_add_boolean_value (builder, TRUE);
  if (done_on != OV_DATE_NONE)
    {
      g_autofree char *iso = ov_date_to_iso (done_on);

      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, iso);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  store_value (self, field, write_json (root));
}

GPtrArray *
ov_stage_answers_dup_goal_results (OvStageAnswers *self,
                                   const char     *field_id)
{
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), NULL);

  results = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_goal_result_free);
  field = lookup (self, field_id, OV_FIELD_GOAL_OUTCOMES, OV_FIELD_GOAL_OUTCOMES);
  if (field != NULL)
    root = parse_json (raw (self, field));

  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);
          JsonObject *object;
          OvGoalOutcome outcome = OV_GOAL_OUTCOME_NONE;

          if (!JSON_NODE_HOLDS_OBJECT (item))
            continue;

          object = json_node_get_object (item);
          if (!ov_goal_outcome_parse (member_text (object, "outcome"), &outcome))
            outcome = OV_GOAL_OUTCOME_NONE;
          g_ptr_array_add (results, ov_goal_result_new (member_text (object, "goal"), outcome,
                                                        member_text (object, "comment")));
        }
    }

  return g_steal_pointer (&results);
}

void
ov_stage_answers_set_goal_results (OvStageAnswers *self,
                                   const char     *field_id,
                                   GPtrArray      *results)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const OvWizardField *field;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));

  field = lookup (self, field_id, OV_FIELD_GOAL_OUTCOMES, OV_FIELD_GOAL_OUTCOMES);
  if (field == NULL)
    return;

  if (results == NULL || results->len == 0)
    {
      store_value (self, field, NULL);
      return;
    }

  json_builder_begin_array (builder);
  for (guint i = 0; i < results->len; i++)
    {
      const OvGoalResult *result = g_ptr_array_index (results, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "goal");
      json_builder_add_string_value (builder, result->goal ? result->goal : "");
      json_builder_set_member_name (builder, "outcome");
      json_builder_add_string_value (builder, ov_goal_outcome_get_id (result->outcome));
      json_builder_set_member_name (builder, "comment");
      json_builder_add_string_value (builder, result->comment ? result->comment : "");
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  store_value (self, field, write_json (root));
}

void
ov_stage_answers_set_goal_result (OvStageAnswers *self,
                                  const char     *field_id,
                                  const char     *goal,
                                  OvGoalOutcome   outcome,
                                  const char     *comment)
{
  g_autoptr(GPtrArray) results = NULL;
  gboolean found = FALSE;

  g_return_if_fail (OV_IS_STAGE_ANSWERS (self));
  g_return_if_fail (goal != NULL);
  g_return_if_fail (outcome <= OV_GOAL_OUTCOME_NOT_MET);

  results = ov_stage_answers_dup_goal_results (self, field_id);
  for (guint i = 0; i < results->len && !found; i++)
    {
      OvGoalResult *result = g_ptr_array_index (results, i);

      if (strcmp (result->goal, goal) == 0)
        {
          result->outcome = outcome;
          g_free (result->comment);
          result->comment = g_strdup (comment ? comment : "");
          found = TRUE;
        }
    }

  if (!found)
    g_ptr_array_add (results, ov_goal_result_new (goal, outcome, comment));

  ov_stage_answers_set_goal_results (self, field_id, results);
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
  if (field == NULL || ov_wizard_field_get_kind (field) == OV_FIELD_TASKS)
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
  if (field == NULL || ov_wizard_field_get_kind (field) == OV_FIELD_TASKS)
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
    default:
      return NULL;
    }
}
