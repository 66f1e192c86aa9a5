/* test-cli-interviews.c — overture-cli questions, answers, and interviews
 * in and out as CSV: the JSON scripts read, the filters, bad rows named
 * by file, line and column
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "cli-test-support.h"
#include "ov-default-questions.h"

static const char interviews_csv[] =
  "account_external_id,interviewed_on,interviewer,interviewee,question,answer\n"
  "A-1,2026-03-10,Priya,Lena Vogel,2,Training for admins came too late.\n"
  "A-1,2026-03-10,Priya,Lena Vogel,1,Kickoff was clear.\n"
  "A-1,2026-05-20,Priya,Tomás Ortega,2,\"More training,\nfewer slides.\"\n"
  "B-1,2026-04-01,Jonas,Amara Okafor,2,=SUM(A1:A3)\n"
  "C-1,2026-06-01,Jonas,Ngozi Eze,2,Nothing to add.\n"
  "C-1,2026-06-01,Jonas,Ngozi Eze,How was the weather?,Sunny.\n";

static void
import_portfolio (Fixture *fixture)
{
  g_autofree char *accounts = path_in (fixture, "accounts.csv");
  g_autofree char *interviews = path_in (fixture, "interviews.csv");
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  write_file (accounts,
              "external_id,name,segment,owner,package\n"
              "A-1,Acme,Enterprise,Priya,Premium\n"
              "B-1,Beta,SMB,Jonas,Essential\n"
              "C-1,Cerro,Enterprise,Jonas,\n");
  g_assert_cmpint (run_cli (&out, NULL, "--db", fixture->db, "import", "accounts", accounts,
                            NULL), ==, 0);

  write_file (interviews, interviews_csv);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "interviews", interviews,
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Imported batch 2: 6 created, 0 updated, 0 unchanged, 0 rejected\n");
  g_assert_cmpstr (err, ==, "");
}

static JsonArray *
parse_array (const char *text,
             JsonParser *parser)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (json_parser_load_from_data (parser, text, -1, &error));
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));
  return json_node_get_array (json_parser_get_root (parser));
}

static void
test_questions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected = NULL;
  JsonArray *questions;

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "sample", "--accounts", "1", NULL),
                   ==, 0);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "questions", NULL), ==, 0);
  expected = g_strdup_printf ("1  1  %s\n2  2  %s\n3  3  %s\n4  4  %s\n5  5  %s\n6  6  %s\n",
                              ov_default_question_text (1), ov_default_question_text (2),
                              ov_default_question_text (3), ov_default_question_text (4),
                              ov_default_question_text (5), ov_default_question_text (6));
  g_assert_cmpstr (out, ==, expected);

  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "questions", "--json", NULL), ==, 0);
  questions = parse_array (out, parser);
  g_assert_cmpuint (json_array_get_length (questions), ==, 6);
  for (guint i = 0; i < 6; i++)
    {
      JsonObject *question = json_array_get_object_element (questions, i);

      g_assert_cmpint (json_object_get_int_member (question, "id"), ==, i + 1);
      g_assert_cmpint (json_object_get_int_member (question, "position"), ==, i + 1);
      g_assert_cmpstr (json_object_get_string_member (question, "text"), ==,
                       ov_default_question_text (i + 1));
      g_assert_false (json_object_get_boolean_member (question, "retired"));
    }

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "questions", "extra", NULL), ==, 2);
}

/* The interviewees of `answers` with @options, in order, joined by "|". */
static char *
answered_by (Fixture    *fixture,
             const char *question,
             const char *option,
             const char *value,
             const char *option2,
             const char *value2)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *answers;

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "answers", question, "--json",
                            option, value, option2, value2, NULL), ==, 0);
  g_assert_cmpstr (err, ==, "");
  answers = parse_array (out, parser);
  for (guint i = 0; i < json_array_get_length (answers); i++)
    g_string_append_printf (names, "%s%s", i ? "|" : "",
                            json_object_get_string_member (
                              json_array_get_object_element (answers, i), "interviewee"));
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define ASSERT_ANSWERED(expected, ...)                                               \
  G_STMT_START {                                                                     \
    g_autofree char *names_ = answered_by (fixture, __VA_ARGS__);                    \
    g_assert_cmpstr (names_, ==, expected);                                          \
  } G_STMT_END

static void
test_answers (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *answers;
  JsonObject *first;
  JsonObject *third;

  import_portfolio (fixture);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "answers", "2", "--json", NULL),
                   ==, 0);
  answers = parse_array (out, parser);
  g_assert_cmpuint (json_array_get_length (answers), ==, 4);
  first = json_array_get_object_element (answers, 0);
  g_assert_cmpuint (json_object_get_size (first), ==, 7);
  g_assert_cmpstr (json_object_get_string_member (first, "account_external_id"), ==, "C-1");
  g_assert_cmpstr (json_object_get_string_member (first, "account"), ==, "Cerro");
  g_assert_cmpstr (json_object_get_string_member (first, "interviewed_on"), ==, "2026-06-01");
  g_assert_cmpstr (json_object_get_string_member (first, "interviewer"), ==, "Jonas");
  g_assert_cmpstr (json_object_get_string_member (first, "interviewee"), ==, "Ngozi Eze");
  g_assert_cmpstr (json_object_get_string_member (first, "question"), ==,
                   ov_default_question_text (2));
  g_assert_cmpstr (json_object_get_string_member (first, "answer"), ==, "Nothing to add.");
  /* Line breaks and formulas as written. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (answers, 1),
                                                  "answer"), ==, "More training,\nfewer slides.");
  third = json_array_get_object_element (answers, 2);
  g_assert_cmpstr (json_object_get_string_member (third, "answer"), ==, "=SUM(A1:A3)");

  /* The same question by its exact text; each filter. */
  ASSERT_ANSWERED ("Ngozi Eze|Tomás Ortega|Amara Okafor|Lena Vogel",
                   ov_default_question_text (2), NULL, NULL, NULL, NULL);
  ASSERT_ANSWERED ("Ngozi Eze|Tomás Ortega|Lena Vogel", "2", "--segment", "Enterprise",
                   NULL, NULL);
  ASSERT_ANSWERED ("Tomás Ortega|Lena Vogel", "2", "--package", "premium", NULL, NULL);
  ASSERT_ANSWERED ("Ngozi Eze|Amara Okafor", "2", "--owner", "Jonas", NULL, NULL);
  ASSERT_ANSWERED ("Tomás Ortega|Amara Okafor", "2", "--from", "2026-04-01", "--to",
                   "2026-05-20");
  ASSERT_ANSWERED ("Lena Vogel", "2", "--to", "2026-03-10", NULL, NULL);
  ASSERT_ANSWERED ("", "2", "--segment", "Mid-Market", NULL, NULL);
  ASSERT_ANSWERED ("Lena Vogel", "1", NULL, NULL, NULL, NULL);
  /* A question outside the set, by the text it was asked with. */
  ASSERT_ANSWERED ("Ngozi Eze", "How was the weather?", NULL, NULL, NULL, NULL);

  /* As text, with the counts. */
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "answers", "2", "--owner", "Jonas",
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==,
                   "2026-06-01  Cerro — Ngozi Eze\n"
                   "    Nothing to add.\n"
                   "2026-04-01  Beta — Amara Okafor\n"
                   "    =SUM(A1:A3)\n"
                   "2 answers from 2 interviews with 2 accounts\n");
}

static void
test_answers_refused (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *err = NULL;

  import_portfolio (fixture);

  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "answers", "What is this?", NULL),
                   ==, 1);
  g_assert_nonnull (strstr (err, "there is no question “What is this?”"));
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "answers", "99", NULL), ==, 1);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "answers", NULL), ==, 2);
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "answers", "2", "--from",
                            "2026-06-01", "--to", "2026-05-01", NULL), ==, 2);
  g_assert_nonnull (strstr (err, "--from must not be after --to"));
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "answers", "2", "--from",
                            "June", NULL), ==, 2);
}

static void
test_csv (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *file = path_in (fixture, "bad.csv");
  g_autofree char *exported = path_in (fixture, "exported.csv");
  g_autofree char *before = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *expected_err = NULL;

  import_portfolio (fixture);

  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "export", "interviews", "-o",
                            exported, NULL), ==, 0);
  text = read_file (exported);
  g_assert_true (g_str_has_prefix (text, "account_external_id,account,interviewed_on,interviewer,"
                                         "interviewee,question,answer\r\n"));
  /* Newest interview first; the formula neutralised. */
  g_assert_true (strstr (text, "C-1,Cerro,2026-06-01") < strstr (text, "A-1,Acme,2026-05-20"));
  g_assert_nonnull (strstr (text, ",'=SUM(A1:A3)\r\n"));
  g_assert_nonnull (strstr (text, "\"More training,\nfewer slides.\""));

  /* Back in: nothing changes. */
  before = dump_db (fixture->db);
  g_clear_pointer (&out, g_free);
  g_assert_cmpint (run_cli (&out, &err, "--db", fixture->db, "import", "interviews", exported,
                            NULL), ==, 0);
  g_assert_cmpstr (out, ==, "Nothing changed: 6 unchanged, 0 rejected; no batch was recorded\n");

  /* Bad rows: file, line, column; nothing imported. */
  write_file (file,
              "account_external_id,interviewed_on,interviewer,interviewee,question,answer\n"
              "A-1,2026-07-01,Priya,Lena,42,Fine\n"
              "A-1,2026-07-01,Priya,Lena,1,\n"
              "X-9,2026-07-01,Priya,Lena,1,Fine\n");
  g_assert_cmpint (run_cli (NULL, &err, "--db", fixture->db, "import", "interviews", file, NULL),
                   ==, 1);
  expected_err = g_strdup_printf (
    "%s:2:27: question: there is no question number 42; name a question of the set by its "
    "number or its text\n"
    "%s:3:29: answer: the answer is empty\n"
    "%s:4:1: account_external_id: no account has the external ID “X-9”\n"
    "%s: nothing was imported: 3 rows were refused (use --skip-invalid to import the others)\n",
    file, file, file, file);
  g_assert_cmpstr (err, ==, expected_err);
  {
    g_autofree char *after = dump_db (fixture->db);

    g_assert_cmpstr (after, ==, before);
  }
}

int
main (int   argc,
      char *argv[])
{
  cli_test_init (&argc, &argv);

  CLI_TEST_ADD ("/cli/interviews/questions", test_questions);
  CLI_TEST_ADD ("/cli/interviews/answers", test_answers);
  CLI_TEST_ADD ("/cli/interviews/answers-refused", test_answers_refused);
  CLI_TEST_ADD ("/cli/interviews/csv", test_csv);

  return g_test_run ();
}
