/* ov-cli-interviews.c — `questions` and `answers`: the listening interview
 * from a terminal or a script
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `questions` prints the question set (retired ones marked), `answers
 * QUESTION` every answer to one question across accounts, newest first;
 * both as one JSON array with --json.
 */

#define G_LOG_DOMAIN "overture-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ov-cli.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"

static void
print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  /* JSON escapes every control character it quotes. */
  g_print ("%s\n", text);
}

static void
add_string (JsonBuilder *builder,
            const char  *key,
            const char  *value)
{
  json_builder_set_member_name (builder, key);
  json_builder_add_string_value (builder, value);
}

int
ov_cli_questions (OvCliContext  *context,
                  int            argc,
                  char         **argv)
{
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    { NULL }
  };

  status = ov_cli_parse (context, entries, NULL,
                         _("Prints the questions of the listening interview in the order they "
                           "are asked: number, position, text, and whether it was retired."),
                         &argc, &argv);
  if (status >= 0)
    return status;
  if (argc > 1)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[1]);
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  questions = ov_store_list_questions (store, TRUE, &error);
  if (questions == NULL)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  if (!json)
    {
      for (guint i = 0; i < questions->len; i++)
        {
          OvQuestion *question = g_ptr_array_index (questions, i);

          ov_cli_print ("%" G_GINT64_FORMAT "  %u  %s%s\n", ov_question_get_id (question),
                        ov_question_get_position (question), ov_question_get_text (question),
                        ov_question_get_retired (question) ? _(" (retired)") : "");
        }
      return OV_CLI_OK;
    }

  builder = json_builder_new ();
  json_builder_begin_array (builder);
  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "id");
      json_builder_add_int_value (builder, ov_question_get_id (question));
      json_builder_set_member_name (builder, "position");
      json_builder_add_int_value (builder, ov_question_get_position (question));
      add_string (builder, "text", ov_question_get_text (question));
      json_builder_set_member_name (builder, "retired");
      json_builder_add_boolean_value (builder, ov_question_get_retired (question));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json (builder);
  return OV_CLI_OK;
}

typedef struct
{
  char *segment;
  char *package;
  char *owner;
  char *from;
  char *to;
} AnswerOptions;

static void
answer_options_clear (AnswerOptions *options)
{
  g_clear_pointer (&options->segment, g_free);
  g_clear_pointer (&options->package, g_free);
  g_clear_pointer (&options->owner, g_free);
  g_clear_pointer (&options->from, g_free);
  g_clear_pointer (&options->to, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (AnswerOptions, answer_options_clear)

/* The question @named names: in the set (by number or text), else a text
 * answers were given to outside the set. FALSE with the message printed. */
static gboolean
name_question (OvStore        *store,
               const char     *named,
               OvAnswerFilter *filter)
{
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(GError) error = NULL;

  question = ov_store_find_question (store, named, &error);
  if (question != NULL)
    {
      filter->question_id = ov_question_get_id (question);
      return TRUE;
    }

  if (!g_error_matches (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND))
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return FALSE;
    }

  filter->question_text = g_strdup (named);
  return TRUE;
}

static void
print_answers_json (GPtrArray *answers)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *held_on = ov_date_to_iso (ov_interview_answer_get_held_on (answer));

      json_builder_begin_object (builder);
      add_string (builder, "account_external_id",
                  ov_interview_answer_get_account_external_id (answer));
      add_string (builder, "account", ov_interview_answer_get_account_name (answer));
      add_string (builder, "interviewed_on", held_on);
      add_string (builder, "interviewer", ov_interview_answer_get_interviewer (answer));
      add_string (builder, "interviewee", ov_interview_answer_get_interviewee (answer));
      add_string (builder, "question", ov_interview_answer_get_question_text (answer));
      add_string (builder, "answer", ov_interview_answer_get_answer (answer));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  print_json (builder);
}

static void
print_answers_text (GPtrArray            *answers,
                    const OvAnswerCounts *counts)
{
  for (guint i = 0; i < answers->len; i++)
    {
      OvInterviewAnswer *answer = g_ptr_array_index (answers, i);
      g_autofree char *held_on = ov_date_to_iso (ov_interview_answer_get_held_on (answer));
      const char *interviewee = ov_interview_answer_get_interviewee (answer);
      g_auto(GStrv) lines = g_strsplit (ov_interview_answer_get_answer (answer), "\n", -1);

      /* Translators: one answer's heading: date, account, who answered. */
      ov_cli_print (_("%s  %s — %s\n"), held_on, ov_interview_answer_get_account_name (answer),
                    interviewee[0] != '\0' ? interviewee : _("(no name)"));
      for (guint l = 0; lines[l] != NULL; l++)
        ov_cli_print ("    %s\n", lines[l]);
    }

  {
    g_autofree char *n_answers = NULL;
    g_autofree char *n_interviews = NULL;
    g_autofree char *n_accounts = NULL;

    n_answers = g_strdup_printf (ngettext ("%u answer", "%u answers", counts->n_answers),
                                 counts->n_answers);
    n_interviews = g_strdup_printf (ngettext ("%u interview", "%u interviews",
                                              counts->n_interviews), counts->n_interviews);
    n_accounts = g_strdup_printf (ngettext ("%u account", "%u accounts", counts->n_accounts),
                                  counts->n_accounts);
    /* Translators: the counts under the answers: "12 answers from 9 interviews with 8
     * accounts" */
    ov_cli_print (_("%s from %s with %s\n"), n_answers, n_interviews, n_accounts);
  }
}

int
ov_cli_answers (OvCliContext  *context,
                int            argc,
                char         **argv)
{
  g_auto(AnswerOptions) options = { 0 };
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();
  g_autoptr(OvStore) store = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  OvAnswerCounts counts = { 0 };
  gboolean json = FALSE;
  int status;
  GOptionEntry entries[] = {
    { "json", 0, 0, G_OPTION_ARG_NONE, &json, N_("Print one JSON array"), NULL },
    { "segment", 0, 0, G_OPTION_ARG_STRING, &options.segment,
      N_("Only accounts of this segment"), N_("SEGMENT") },
    { "package", 0, 0, G_OPTION_ARG_STRING, &options.package,
      N_("Only accounts with this package"), N_("PACKAGE") },
    { "owner", 0, 0, G_OPTION_ARG_STRING, &options.owner,
      N_("Only accounts of this owner"), N_("OWNER") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.from,
      N_("Only interviews on or after this day"), N_("YYYY-MM-DD") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.to,
      N_("Only interviews on or before this day"), N_("YYYY-MM-DD") },
    { NULL }
  };

  status = ov_cli_parse (context, entries, N_("QUESTION"),
                         _("Prints every answer to QUESTION (its number or exact text) across "
                           "accounts, newest interview first, with the account, the date and who "
                           "answered."),
                         &argc, &argv);
  if (status >= 0)
    return status;
  if (argc < 2)
    {
      ov_cli_usage_error (context, _("name the question, by its number or its text"));
      return OV_CLI_USAGE;
    }
  if (argc > 2)
    {
      ov_cli_usage_error (context, _("unexpected argument “%s”"), argv[2]);
      return OV_CLI_USAGE;
    }
  if (!ov_cli_parse_date (context, "from", options.from, &filter->from) ||
      !ov_cli_parse_date (context, "to", options.to, &filter->to))
    return OV_CLI_USAGE;
  if (filter->from != OV_DATE_NONE && filter->to != OV_DATE_NONE && filter->from > filter->to)
    {
      ov_cli_usage_error (context, _("--from must not be after --to"));
      return OV_CLI_USAGE;
    }

  store = ov_cli_open_store (context, OV_STORE_OPEN_READ_ONLY);
  if (store == NULL)
    return OV_CLI_REFUSED;

  if (!name_question (store, argv[1], filter))
    return OV_CLI_REFUSED;
  filter->segment = g_strdup (options.segment);
  filter->package = g_strdup (options.package);
  filter->owner = g_strdup (options.owner);

  answers = ov_store_query_answers (store, filter, &counts, &error);
  if (answers == NULL)
    {
      ov_cli_printerr ("%s: %s\n", ov_store_get_path (store), error->message);
      return OV_CLI_REFUSED;
    }

  /* A text that is no question and was never asked is a mistake. */
  if (filter->question_id == 0 && answers->len == 0)
    {
      g_autofree char *named = ov_cli_escape (argv[1]);

      ov_cli_printerr (_("%s: there is no question “%s”; “overture-cli questions” lists them.\n"),
                       ov_store_get_path (store), named);
      return OV_CLI_REFUSED;
    }

  if (json)
    print_answers_json (answers);
  else
    print_answers_text (answers, &counts);
  return OV_CLI_OK;
}
