/* test-questions.c — the question set: defaults, add, reword, retire, reorder
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "interviews-test-support.h"

/* Texts of the current set, joined by "|", in order. */
static char *
question_texts (OvStore  *store,
                gboolean  include_retired)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) texts = g_string_new (NULL);

  questions = ov_store_list_questions (store, include_retired, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);

      g_assert_cmpuint (ov_question_get_position (question), >, 0);
      g_string_append_printf (texts, "%s%s", i ? "|" : "", ov_question_get_text (question));
    }
  return g_string_free (g_steal_pointer (&texts), FALSE);
}

static void
test_defaults (InterviewsFixture *fixture,
               gconstpointer      data)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;

  questions = ov_store_list_questions (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (questions->len, ==, OV_N_DEFAULT_QUESTIONS);
  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);

      g_assert_cmpuint (ov_question_get_position (question), ==, i + 1);
      g_assert_cmpstr (ov_question_get_text (question), ==, ov_default_question_text (i + 1));
      g_assert_false (ov_question_get_retired (question));
    }
  g_assert_null (ov_default_question_text (0));
  g_assert_null (ov_default_question_text (OV_N_DEFAULT_QUESTIONS + 1));
}

/* Answers given before a rewording keep the words they were asked with;
 * answers given after get the new words. */
static void
test_reword_keeps_history (InterviewsFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(OvInterview) before = NULL;
  g_autoptr(OvInterview) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *old_text = NULL;
  OvInterviewAnswer *answer;

  question = ov_store_get_question (fixture->store, 2, &error);
  g_assert_no_error (error);
  old_text = g_strdup (ov_question_get_text (question));

  before = interviews_add (fixture, fixture->acme, "2026-05-01", "Priya", "Lena Vogel");
  interviews_answer (fixture, before, 2, "More admin training, please.");

  g_assert_true (ov_store_reword_question (fixture->store, question,
                                           "  What should we do differently next time?  ",
                                           &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_question_get_text (question), ==, "What should we do differently next time?");
  g_assert_cmpint (ov_question_get_version (question), ==, 2);
  g_assert_cmpuint (interviews_take_changes (fixture, "questions"), ==, 1);

  /* A later keystroke in the old interview keeps the old wording. */
  interviews_answer (fixture, before, 2, "More admin training, please!");
  after = interviews_add (fixture, fixture->acme, "2026-06-01", "Priya", "Lena Vogel");
  interviews_answer (fixture, after, 2, "Fewer meetings.");

  g_clear_object (&before);
  before = ov_store_load_interview (fixture->store, 1, &error);
  g_assert_no_error (error);
  answer = ov_interview_find_answer (before, 2);
  g_assert_nonnull (answer);
  g_assert_cmpstr (ov_interview_answer_get_question_text (answer), ==, old_text);
  g_assert_cmpstr (ov_interview_answer_get_answer (answer), ==, "More admin training, please!");

  g_clear_object (&after);
  after = ov_store_load_interview (fixture->store, 2, &error);
  g_assert_no_error (error);
  answer = ov_interview_find_answer (after, 2);
  g_assert_cmpstr (ov_interview_answer_get_question_text (answer), ==,
                   "What should we do differently next time?");

  /* A copy read before the rewording is refused. */
  {
    g_autoptr(OvQuestion) stale = ov_store_get_question (fixture->other, 2, &error);

    g_assert_no_error (error);
    ov_question_set_version (stale, 1);
    g_assert_false (ov_store_reword_question (fixture->other, stale, "Anything?", &error));
    g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
    g_clear_error (&error);
    g_assert_cmpstr (ov_question_get_text (stale), ==, "What should we do differently next time?");
  }

  /* Bad texts change nothing. */
  g_assert_false (ov_store_reword_question (fixture->store, question, "   ", &error));
  g_assert_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT);
  g_clear_error (&error);
  g_assert_false (ov_store_reword_question (fixture->store, question, "Why\x01?", &error));
  g_assert_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_TEXT);
  g_clear_error (&error);
  g_assert_cmpint (ov_question_get_version (question), ==, 2);
}

static void
test_retire (InterviewsFixture *fixture,
             gconstpointer      data)
{
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(OvInterview) interview = NULL;
  g_autoptr(OvInterview) loaded = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  interview = interviews_add (fixture, fixture->acme, "2026-05-01", "Priya", "Lena Vogel");
  interviews_answer (fixture, interview, 3, "The payroll vendor sent a checklist.");

  question = ov_store_get_question (fixture->store, 3, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_retire_question (fixture->store, question, TRUE, &error));
  g_assert_no_error (error);

  current = ov_store_list_questions (fixture->store, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 5);
  for (guint i = 0; i < current->len; i++)
    g_assert_cmpint (ov_question_get_id (g_ptr_array_index (current, i)), !=, 3);

  all = ov_store_list_questions (fixture->store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 6);
  g_assert_true (ov_question_get_retired (g_ptr_array_index (all, 2)));

  loaded = ov_store_load_interview (fixture->store, ov_interview_get_id (interview), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (loaded, 3)), ==,
                   "The payroll vendor sent a checklist.");

  /* Brought back, it is asked again, in its place. */
  g_assert_true (ov_store_retire_question (fixture->store, question, FALSE, &error));
  g_assert_no_error (error);
  g_clear_pointer (&current, g_ptr_array_unref);
  current = ov_store_list_questions (fixture->store, FALSE, &error);
  g_assert_cmpuint (current->len, ==, 6);
  g_assert_cmpint (ov_question_get_id (g_ptr_array_index (current, 2)), ==, 3);
}

static void
test_add_and_move (InterviewsFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(OvQuestion) added = ov_question_new ("How did the data migration go?");
  g_autoptr(OvQuestion) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *texts = NULL;
  g_autofree char *expected = NULL;
  const char *d[7];

  for (guint i = 1; i <= 6; i++)
    d[i] = ov_default_question_text (i);

  g_assert_true (ov_store_add_question (fixture->store, added, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_question_get_id (added), ==, 7);
  g_assert_cmpuint (ov_question_get_position (added), ==, 7);

  /* Up: from 7 to 2. */
  g_assert_true (ov_store_move_question (fixture->store, added, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ov_question_get_position (added), ==, 2);
  texts = question_texts (fixture->store, TRUE);
  expected = g_strjoin ("|", d[1], "How did the data migration go?", d[2], d[3], d[4], d[5], d[6],
                        NULL);
  g_assert_cmpstr (texts, ==, expected);

  /* Down: the first to the end (a position past the end is the end). */
  first = ov_store_get_question (fixture->store, 1, &error);
  g_assert_true (ov_store_move_question (fixture->store, first, 99, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ov_question_get_position (first), ==, 7);
  g_clear_pointer (&texts, g_free);
  g_clear_pointer (&expected, g_free);
  texts = question_texts (fixture->store, TRUE);
  expected = g_strjoin ("|", "How did the data migration go?", d[2], d[3], d[4], d[5], d[6], d[1],
                        NULL);
  g_assert_cmpstr (texts, ==, expected);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (DISTINCT position) FROM questions "
                              "WHERE position BETWEEN 1 AND 7"), ==, 7);

  /* Found by id, by exact text and by text whatever its case. */
  {
    g_autoptr(OvQuestion) by_id = ov_store_find_question (fixture->store, " 7 ", &error);
    g_autoptr(OvQuestion) by_text = NULL;
    g_autoptr(OvQuestion) by_case = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (ov_question_get_id (by_id), ==, 7);
    by_text = ov_store_find_question (fixture->store, "How did the data migration go?", &error);
    g_assert_no_error (error);
    g_assert_cmpint (ov_question_get_id (by_text), ==, 7);
    by_case = ov_store_find_question (fixture->store, "HOW DID THE DATA MIGRATION GO?", &error);
    g_assert_no_error (error);
    g_assert_cmpint (ov_question_get_id (by_case), ==, 7);
    g_assert_null (ov_store_find_question (fixture->store, "What?", &error));
    g_assert_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_null (ov_store_find_question (fixture->store, "42", &error));
    g_assert_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  INTERVIEWS_TEST ("/questions/defaults", test_defaults);
  INTERVIEWS_TEST ("/questions/reword-keeps-history", test_reword_keeps_history);
  INTERVIEWS_TEST ("/questions/retire", test_retire);
  INTERVIEWS_TEST ("/questions/add-and-move", test_add_and_move);

  return g_test_run ();
}
