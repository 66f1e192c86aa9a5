/* test-answers.c — what everyone said: the answers across accounts, each
 * filter against counts made by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "interviews-test-support.h"
#include "ov-store-accounts.h"
#include "ov-terms.h"

/* The portfolio of the fixture, interviewed (question 2 unless said):
 *   I1 acme      2026-03-10 Lena Vogel    Review  "Training for admins came too late."
 *                                                 (+ question 1 "Kickoff was clear.")
 *   I2 acme      2026-05-20 Tomás Ortega  Review  "More training, fewer slides."
 *   I3 borealis  2026-04-01 Amara Okafor  Expand  "Billing setup was confusing; training helped."
 *   I4 cerro     2026-06-01 Ngozi Eze     Adopt   "Nothing to add."
 *                                                 (+ question 5 "Single sign-on on day one.")
 * Acme: Enterprise, Priya, Premium. Borealis: SMB, Jonas, Essential.
 * Cerro: Enterprise, Jonas, no package. */
static void
fill (InterviewsFixture *fixture)
{
  g_autoptr(OvInterview) i1 = NULL;
  g_autoptr(OvInterview) i2 = NULL;
  g_autoptr(OvInterview) i3 = NULL;
  g_autoptr(OvInterview) i4 = NULL;
  g_autoptr(GError) error = NULL;

  i1 = interviews_add (fixture, fixture->acme, "2026-03-10", "Priya", "Lena Vogel");
  interviews_answer (fixture, i1, 2, "Training for admins came too late.");
  interviews_answer (fixture, i1, 1, "Kickoff was clear.");
  i2 = interviews_add (fixture, fixture->acme, "2026-05-20", "Priya", "Tomás Ortega");
  interviews_answer (fixture, i2, 2, "More training, fewer slides.");

  i3 = ov_interview_new (fixture->borealis, records_date ("2026-04-01"));
  ov_interview_set_person_id (i3, fixture->amara);
  ov_interview_set_interviewer (i3, "Jonas");
  g_assert_true (ov_store_add_interview (fixture->store, i3, &error));
  g_assert_no_error (error);
  interviews_answer (fixture, i3, 2, "Billing setup was confusing; training helped.");

  i4 = interviews_add (fixture, fixture->cerro, "2026-06-01", "Jonas", "Ngozi Eze");
  interviews_answer (fixture, i4, 2, "Nothing to add.");
  interviews_answer (fixture, i4, 5, "Single sign-on on day one.");
}

/* The interviewees of what @filter finds, in order, joined by "|"; the
 * counts must be @n_answers, @n_interviews and @n_accounts. */
static char *
query (InterviewsFixture    *fixture,
       const OvAnswerFilter *filter,
       guint                 n_answers,
       guint                 n_interviews,
       guint                 n_accounts)
{
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  OvAnswerCounts counts = { 99, 99, 99 };

  answers = ov_store_query_answers (fixture->other, filter, &counts, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < answers->len; i++)
    g_string_append_printf (names, "%s%s", i ? "|" : "",
                            ov_interview_answer_get_interviewee (g_ptr_array_index (answers, i)));

  g_assert_cmpuint (counts.n_answers, ==, answers->len);
  g_assert_cmpuint (counts.n_answers, ==, n_answers);
  g_assert_cmpuint (counts.n_interviews, ==, n_interviews);
  g_assert_cmpuint (counts.n_accounts, ==, n_accounts);
  return g_string_free (g_steal_pointer (&names), FALSE);
}

#define ASSERT_QUERY(filter, names, n_answers, n_interviews, n_accounts)            \
  G_STMT_START {                                                                   \
    g_autofree char *found_ = query (fixture, filter, n_answers, n_interviews,      \
                                     n_accounts);                                  \
    g_assert_cmpstr (found_, ==, names);                                           \
  } G_STMT_END

static void
test_context (InterviewsFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  OvInterviewAnswer *answer;

  fill (fixture);
  filter->question_id = 2;
  answers = ov_store_query_answers (fixture->store, filter, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 4);

  /* Newest first, with everything the view shows. */
  answer = g_ptr_array_index (answers, 0);
  g_assert_cmpstr (ov_interview_answer_get_account_name (answer), ==, "Cerro Verde");
  g_assert_cmpstr (ov_interview_answer_get_account_external_id (answer), ==, "C-3");
  g_assert_cmpint (ov_interview_answer_get_held_on (answer), ==, records_date ("2026-06-01"));
  g_assert_cmpstr (ov_interview_answer_get_interviewer (answer), ==, "Jonas");
  g_assert_cmpint (ov_interview_answer_get_stage (answer), ==, OV_STAGE_ADOPT);
  g_assert_cmpint (ov_interview_answer_get_question_id (answer), ==, 2);
  g_assert_cmpstr (ov_interview_answer_get_question_text (answer), ==,
                   ov_default_question_text (2));
  g_assert_cmpstr (ov_interview_answer_get_answer (answer), ==, "Nothing to add.");
  g_assert_cmpint (ov_interview_answer_get_account_id (answer), ==, fixture->cerro);

  /* The interviewee who is a person shows by the person's name. */
  answer = g_ptr_array_index (answers, 2);
  g_assert_cmpstr (ov_interview_answer_get_interviewee (answer), ==, "Amara Okafor");
  g_assert_cmpint (ov_interview_answer_get_stage (answer), ==, OV_STAGE_EXPAND);
}

static void
test_filters (InterviewsFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();

  fill (fixture);
  filter->question_id = 2;
  ASSERT_QUERY (filter, "Ngozi Eze|Tomás Ortega|Amara Okafor|Lena Vogel", 4, 4, 3);

  filter->segment = g_strdup ("enterprise");
  ASSERT_QUERY (filter, "Ngozi Eze|Tomás Ortega|Lena Vogel", 3, 3, 2);
  g_clear_pointer (&filter->segment, g_free);

  filter->package = g_strdup ("Premium");
  ASSERT_QUERY (filter, "Tomás Ortega|Lena Vogel", 2, 2, 1);
  g_clear_pointer (&filter->package, g_free);

  filter->owner = g_strdup ("JONAS");
  ASSERT_QUERY (filter, "Ngozi Eze|Amara Okafor", 2, 2, 2);
  g_clear_pointer (&filter->owner, g_free);

  filter->stage = OV_STAGE_REVIEW;
  ASSERT_QUERY (filter, "Tomás Ortega|Lena Vogel", 2, 2, 1);
  filter->stage = OV_STAGE_EXPAND;
  ASSERT_QUERY (filter, "Amara Okafor", 1, 1, 1);
  filter->stage = 0;

  /* Both days included. */
  filter->from = records_date ("2026-04-01");
  filter->to = records_date ("2026-05-20");
  ASSERT_QUERY (filter, "Tomás Ortega|Amara Okafor", 2, 2, 2);
  filter->from = filter->to = OV_DATE_NONE;
  filter->to = records_date ("2026-03-31");
  ASSERT_QUERY (filter, "Lena Vogel", 1, 1, 1);
  filter->to = OV_DATE_NONE;

  /* Search: every word, in the answer, account or interviewee, any case;
   * a part of a word is found. */
  filter->search = g_strdup ("TRAIN");
  ASSERT_QUERY (filter, "Tomás Ortega|Amara Okafor|Lena Vogel", 3, 3, 2);
  g_free (filter->search);
  filter->search = g_strdup ("borealis  training");
  ASSERT_QUERY (filter, "Amara Okafor", 1, 1, 1);
  g_free (filter->search);
  filter->search = g_strdup ("tomás");
  ASSERT_QUERY (filter, "Tomás Ortega", 1, 1, 1);
  g_clear_pointer (&filter->search, g_free);

  /* A term chip: the whole word only. */
  filter->term = g_strdup ("Training");
  ASSERT_QUERY (filter, "Tomás Ortega|Amara Okafor|Lena Vogel", 3, 3, 2);
  g_free (filter->term);
  filter->term = g_strdup ("train");
  ASSERT_QUERY (filter, "", 0, 0, 0);
  g_clear_pointer (&filter->term, g_free);

  /* Filters together. */
  filter->segment = g_strdup ("Enterprise");
  filter->owner = g_strdup ("Priya");
  filter->from = records_date ("2026-04-01");
  ASSERT_QUERY (filter, "Tomás Ortega", 1, 1, 1);
  g_clear_pointer (&filter->segment, g_free);
  g_clear_pointer (&filter->owner, g_free);
  filter->from = OV_DATE_NONE;

  /* Another question; every question. */
  filter->question_id = 5;
  ASSERT_QUERY (filter, "Ngozi Eze", 1, 1, 1);
  filter->question_id = 0;
  ASSERT_QUERY (filter, "Ngozi Eze|Ngozi Eze|Tomás Ortega|Amara Okafor|Lena Vogel|Lena Vogel",
                6, 4, 3);
}

/* Rewording does not lose answers; a deleted account's answers are left
 * out; a text asked outside the set is found by that text. */
static void
test_history_and_deleted (InterviewsFixture *fixture,
                          gconstpointer      data)
{
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(OvAccount) acme = NULL;
  g_autoptr(GError) error = NULL;

  fill (fixture);
  question = ov_store_get_question (fixture->store, 2, &error);
  g_assert_true (ov_store_reword_question (fixture->store, question, "What would you change?",
                                           &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_retire_question (fixture->store, question, TRUE, &error));
  g_assert_no_error (error);

  filter->question_id = 2;
  ASSERT_QUERY (filter, "Ngozi Eze|Tomás Ortega|Amara Okafor|Lena Vogel", 4, 4, 3);

  acme = ov_store_get_account (fixture->store, fixture->acme, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_delete_account (fixture->store, acme, &error));
  g_assert_no_error (error);
  ASSERT_QUERY (filter, "Ngozi Eze|Amara Okafor", 2, 2, 2);

  sqlite3_exec (ov_store_get_db (fixture->store),
                "INSERT INTO interview_answers (interview_id, question_id, question_text, answer, "
                "updated_at) VALUES (4, NULL, 'How was the weather?', 'Sunny.', "
                "'2026-06-01T10:00:00Z')",
                NULL, NULL, NULL);
  filter->question_id = 0;
  filter->question_text = g_strdup ("How was the weather?");
  ASSERT_QUERY (filter, "Ngozi Eze", 1, 1, 1);
}

static void
on_answers (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GPtrArray **answers = user_data;
  g_autoptr(GError) error = NULL;
  OvAnswerCounts counts = { 0 };

  *answers = ov_store_query_answers_finish (OV_STORE (source), result, &counts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (counts.n_answers, ==, 2);
  g_assert_cmpuint (counts.n_interviews, ==, 2);
  g_assert_cmpuint (counts.n_accounts, ==, 2);
}

static void
test_async (InterviewsFixture *fixture,
            gconstpointer      data)
{
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();
  g_autoptr(GPtrArray) answers = NULL;

  fill (fixture);
  filter->question_id = 2;
  filter->owner = g_strdup ("Jonas");
  ov_store_query_answers_async (fixture->store, filter, NULL, on_answers, &answers);
  /* The filter was copied: changing it now changes nothing. */
  g_clear_pointer (&filter->owner, g_free);

  while (answers == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (answers->len, ==, 2);
  g_assert_cmpstr (ov_interview_answer_get_interviewee (g_ptr_array_index (answers, 0)), ==,
                   "Ngozi Eze");
}

/* The chips of the Answers view: the terms of the answers shown. */
static void
test_terms (InterviewsFixture *fixture,
            gconstpointer      data)
{
  g_autoptr(OvAnswerFilter) filter = ov_answer_filter_new ();
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) terms = NULL;
  g_autoptr(GError) error = NULL;
  OvTerm *top;

  fill (fixture);
  filter->question_id = 2;
  answers = ov_store_query_answers (fixture->store, filter, NULL, &error);
  g_assert_no_error (error);
  terms = ov_terms_most_frequent_in_answers (answers, "en", 3);
  g_assert_cmpuint (terms->len, ==, 3);
  top = g_ptr_array_index (terms, 0);
  g_assert_cmpstr (top->term, ==, "training");
  g_assert_cmpuint (top->count, ==, 3);
  /* Then, once each, in byte order: "add", "admins". */
  g_assert_cmpstr (((OvTerm *)g_ptr_array_index (terms, 1))->term, ==, "add");
  g_assert_cmpstr (((OvTerm *)g_ptr_array_index (terms, 2))->term, ==, "admins");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  INTERVIEWS_TEST ("/answers/context", test_context);
  INTERVIEWS_TEST ("/answers/filters", test_filters);
  INTERVIEWS_TEST ("/answers/history-and-deleted", test_history_and_deleted);
  INTERVIEWS_TEST ("/answers/async", test_async);
  INTERVIEWS_TEST ("/answers/terms", test_terms);

  return g_test_run ();
}
