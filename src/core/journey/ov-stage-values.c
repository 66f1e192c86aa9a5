/* ov-stage-values.c — the typed values of a stage's answers: each kind of
 * field read from and written to the text stored for it
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

#include <json-glib/json-glib.h>
#include <string.h>

#include "ov-stage.h"
#include "ov-stage-answers-private.h"

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

/* The field's definition, or a critical when the caller asks for a field
 * this stage does not have or uses the wrong accessor for its kind. */
static const OvWizardField *
lookup (OvStageAnswers *self,
        const char     *field_id,
        OvFieldKind     kind,
        OvFieldKind     also)
{
  OvStage stage = ov_stage_answers_get_stage (self);
  const OvWizardField *field = ov_wizard_find_field (stage, field_id);

  if (field == NULL)
    {
      g_critical ("The %s wizard has no field “%s”", ov_stage_get_id (stage),
                  field_id ? field_id : "(null)");
      return NULL;
    }

  if (ov_wizard_field_get_kind (field) != kind && ov_wizard_field_get_kind (field) != also)
    {
      g_critical ("Field “%s” of the %s wizard is not of the kind asked for", field_id,
                  ov_stage_get_id (stage));
      return NULL;
    }

  return field;
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

  value = ov_stage_answers_get_encoded (self, field);
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
  ov_stage_answers_take_encoded (self, field, stripped[0] != '\0' ? g_strdup (text) : NULL);
}

OvDate
ov_stage_answers_get_date (OvStageAnswers *self,
                           const char     *field_id)
{
  const OvWizardField *field;
  OvDate date = OV_DATE_NONE;

  g_return_val_if_fail (OV_IS_STAGE_ANSWERS (self), OV_DATE_NONE);

  field = lookup (self, field_id, OV_FIELD_DATE, OV_FIELD_DATE);
  if (field == NULL || ov_stage_answers_get_encoded (self, field) == NULL)
    return OV_DATE_NONE;

  if (!ov_date_parse_iso (ov_stage_answers_get_encoded (self, field), &date, NULL))
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

  ov_stage_answers_take_encoded (self, field, ov_date_to_iso (date));
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

  return g_strcmp0 (ov_stage_answers_get_encoded (self, field), "true") == 0;
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

  ov_stage_answers_take_encoded (self, field, g_strdup (value ? "true" : "false"));
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
  if (field == NULL || !parse_number (ov_stage_answers_get_encoded (self, field), &value))
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

  ov_stage_answers_take_encoded (self, field, g_strdup_printf ("%" G_GINT64_FORMAT, value));
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

  value = ov_stage_answers_get_encoded (self, field);
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
      ov_stage_answers_take_encoded (self, field, NULL);
      return;
    }

  g_return_if_fail (g_strv_contains (ov_wizard_field_get_choices (field), choice));
  ov_stage_answers_take_encoded (self, field, g_strdup (choice));
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
    root = parse_json (ov_stage_answers_get_encoded (self, field));

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
  ov_stage_answers_take_encoded (self, field, n > 0 ? write_json (root) : NULL);
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
    root = parse_json (ov_stage_answers_get_encoded (self, field));

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
      ov_stage_answers_take_encoded (self, field, NULL);
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
  ov_stage_answers_take_encoded (self, field, write_json (root));
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
    root = parse_json (ov_stage_answers_get_encoded (self, field));

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
      ov_stage_answers_take_encoded (self, field, NULL);
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
  ov_stage_answers_take_encoded (self, field, write_json (root));
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
