/* test-import-interviews.c — interviews from CSV, one row per answer: a
 * round trip that keeps line breaks, quotes, emoji and formulas; rows
 * refused at their line and column; re-import; undo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "interviews-test-support.h"
#include "csv-test-support.h"
#include "ov-import-batch.h"

#define HEADER "account_external_id,interviewed_on,interviewer,interviewee,question,answer\n"

#define ANSWERS_QUERY \
  "SELECT i.account_id, i.held_on, i.interviewer, i.interviewee_name, " \
  "coalesce (a.question_id, '-'), a.question_text, a.answer FROM interview_answers AS a " \
  "JOIN interviews AS i ON i.id = a.interview_id ORDER BY a.id"

static const char tricky_file[] =
  HEADER
  "A-1,2026-05-02,Priya,Lena Vogel,1,\"Line one,\nline two with \"\"quotes\"\" 🎉\"\n"
  "A-1,2026-05-02,Priya,lena vogel,2,=SUM(A1:A9)\n"
  "A-1,2026-05-02,Priya,Lena Vogel,How was the weather?,Sunny — mostly.\n"
  "B-2,2026-05-03,Jonas,amara okafor,Where could we have made onboarding better?,+1 for the admin course\n";

static void
test_round_trip (InterviewsFixture *fixture,
                 gconstpointer      data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvImportResult) again = NULL;
  g_autofree char *rows = NULL;
  g_autofree char *exported = NULL;
  g_autofree char *expected = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS, tricky_file,
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_true (ov_import_result_get_applied (result));
  g_assert_cmpuint (ov_import_result_get_n_created (result), ==, 4);
  g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (fixture->base.changes,
                                                           "interview-answers")), ==, 1);
  g_assert_cmpuint (interviews_take_changes (fixture, "interviews"), ==, 1);

  /* Two interviews: the interviewee's case does not matter; Amara is
   * Borealis's person. A question outside the set is kept as asked. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interviews"), ==, 2);
  g_assert_cmpint (query_int (fixture->store, "SELECT person_id FROM interviews "
                                              "WHERE account_id = 2"), ==, fixture->amara);
  rows = csv_test_query (fixture->store, ANSWERS_QUERY);
  expected = g_strdup_printf ("1|2026-05-02|Priya|Lena Vogel|1|%s|Line one,\nline two with "
                              "\"quotes\" 🎉\n"
                              "1|2026-05-02|Priya|Lena Vogel|2|%s|=SUM(A1:A9)\n"
                              "1|2026-05-02|Priya|Lena Vogel|-|How was the weather?|Sunny — mostly.\n"
                              "2|2026-05-03|Jonas|amara okafor|2|%s|+1 for the admin course\n",
                              ov_default_question_text (1), ov_default_question_text (2),
                              ov_default_question_text (2));
  g_assert_cmpstr (rows, ==, expected);

  /* Exported: formulas neutralised, everything else as written. */
  exported = csv_test_export (fixture->store, OV_CSV_KIND_INTERVIEWS);
  g_assert_true (g_str_has_prefix (exported, "account_external_id,account,interviewed_on,"
                                             "interviewer,interviewee,question,answer\r\n") ||
                 g_str_has_prefix (exported, "account_external_id,account,interviewed_on,"
                                             "interviewer,interviewee,question,answer\n"));
  g_assert_nonnull (strstr (exported, ",'=SUM(A1:A9)"));
  g_assert_nonnull (strstr (exported, ",'+1 for the admin course"));
  g_assert_nonnull (strstr (exported, "\"Line one,\nline two with \"\"quotes\"\" 🎉\""));

  /* …and imported back: nothing changes. */
  again = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS, exported, OV_DATE_ORDER_AUTO,
                           FALSE);
  g_assert_cmpuint (ov_import_result_get_n_unchanged (again), ==, 4);
  g_assert_cmpuint (ov_import_result_get_n_created (again), ==, 0);
  {
    g_autofree char *after = csv_test_query (fixture->store, ANSWERS_QUERY);

    g_assert_cmpstr (after, ==, rows);
  }
}

/* After a rewording, a file written before it names the question by the
 * words it was asked with: the answers land on the same question. */
static void
test_reworded (InterviewsFixture *fixture,
               gconstpointer      data)
{
  g_autoptr(OvImportResult) first = NULL;
  g_autoptr(OvImportResult) second = NULL;
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *file = NULL;

  file = g_strdup_printf (HEADER "A-1,2026-05-02,Priya,Lena,%s,Faster setup\n",
                          ov_default_question_text (2));
  first = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS, file, OV_DATE_ORDER_AUTO,
                           FALSE);
  g_assert_cmpuint (ov_import_result_get_n_created (first), ==, 1);

  question = ov_store_get_question (fixture->store, 2, &error);
  g_assert_true (ov_store_reword_question (fixture->store, question, "What would you change?",
                                           &error));
  g_assert_no_error (error);

  g_free (file);
  file = g_strdup_printf (HEADER "A-1,2026-06-02,Priya,Lena,%s,Still: faster setup\n",
                          ov_default_question_text (2));
  second = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS, file, OV_DATE_ORDER_AUTO,
                            FALSE);
  g_assert_cmpuint (ov_import_result_get_n_created (second), ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interview_answers "
                                              "WHERE question_id = 2"), ==, 2);
  /* The new answer was asked with today's words. */
  {
    g_autofree char *texts = csv_test_query (fixture->store,
                                             "SELECT question_text FROM interview_answers "
                                             "ORDER BY id");
    g_autofree char *expected = g_strdup_printf ("%s\nWhat would you change?\n",
                                                 ov_default_question_text (2));

    g_assert_cmpstr (texts, ==, expected);
  }
}

static void
test_refused (InterviewsFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(OvImportResult) result = NULL;
  g_autofree char *problems = NULL;

  result = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS,
                            HEADER
                            "A-1,2026-05-02,Priya,Lena,77,Fine\n"
                            "A-1,2026-05-02,Priya,Lena,1,\n"
                            "Z-9,2026-05-02,Priya,Lena,1,Fine\n"
                            "A-1,,Priya,Lena,1,Fine\n"
                            "A-1,2026-05-02,Priya,Lena,,Fine\n"
                            "A-1,2026-05-02,Priya,Lena,1,Fine\n"
                            "A-1,2026-05-02,Priya,Lena,1,Fine again\n"
                            "A-1,2026-05-02,Priya,Lena,2,\"bell \x07\"\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_false (ov_import_result_get_applied (result));
  problems = csv_test_problems (result);
  g_assert_cmpstr (problems, ==,
                   "2:27: question: there is no question number 77; name a question of the set "
                   "by its number or its text\n"
                   "3:29: answer: the answer is empty\n"
                   "4:1: account_external_id: no account has the external ID “Z-9”\n"
                   "5:5: interviewed_on: the date of the interview is missing\n"
                   "6:27: question: the question is missing\n"
                   "8:27: question: this interview’s answer to this question is on an earlier "
                   "row of this file too\n"
                   "9:29: answer: the cell holds the control character U+0007; only tabs and "
                   "line breaks are allowed\n");

  /* All or nothing. */
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interviews"), ==, 0);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interview_answers"), ==, 0);
  g_assert_cmpuint (interviews_take_changes (fixture, "interviews"), ==, 0);

  /* Columns the file must have. */
  {
    g_autoptr(OvImportResult) missing = NULL;
    g_autofree char *why = NULL;

    missing = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS,
                               "account_external_id,interviewed_on,answer\nA-1,2026-05-02,x\n",
                               OV_DATE_ORDER_AUTO, FALSE);
    g_assert_false (ov_import_result_get_applied (missing));
    why = csv_test_problems (missing);
    g_assert_nonnull (strstr (why, "the file has no question column"));
  }
}

/* Undo takes back the answers and the interviews the import made; an
 * answer the import changed gets its earlier words back; work done since
 * on an interview keeps it. */
static void
test_undo (InterviewsFixture *fixture,
           gconstpointer      data)
{
  g_autoptr(OvInterview) held = NULL;
  g_autoptr(OvImportResult) result = NULL;
  g_autoptr(OvUndoPlan) plan = NULL;
  g_autoptr(GError) error = NULL;

  held = interviews_add (fixture, fixture->acme, "2026-05-02", "Priya", "Lena Vogel");
  interviews_answer (fixture, held, 1, "Typed during the call.");

  result = csv_test_import (fixture->store, OV_CSV_KIND_INTERVIEWS,
                            HEADER
                            "A-1,2026-05-02,Priya,Lena Vogel,1,Cleaned up after the call.\n"
                            "A-1,2026-05-02,Priya,Lena Vogel,2,Faster setup.\n"
                            "C-3,2026-05-04,Jonas,Ngozi Eze,2,Nothing.\n",
                            OV_DATE_ORDER_AUTO, FALSE);
  g_assert_true (ov_import_result_get_applied (result));
  g_assert_cmpuint (ov_import_result_get_n_created (result), ==, 2);
  g_assert_cmpuint (ov_import_result_get_n_updated (result), ==, 1);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interviews"), ==, 2);

  plan = ov_store_undo_import_full (fixture->store, ov_import_result_get_batch_id (result), 0,
                                    &error);
  g_assert_no_error (error);
  g_assert_nonnull (plan);

  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interviews"), ==, 1);
  {
    g_autofree char *answers = csv_test_query (fixture->store,
                                               "SELECT question_id, answer FROM interview_answers");

    g_assert_cmpstr (answers, ==, "1|Typed during the call.\n");
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  INTERVIEWS_TEST ("/import-interviews/round-trip", test_round_trip);
  INTERVIEWS_TEST ("/import-interviews/reworded", test_reworded);
  INTERVIEWS_TEST ("/import-interviews/refused", test_refused);
  INTERVIEWS_TEST ("/import-interviews/undo", test_undo);

  return g_test_run ();
}
