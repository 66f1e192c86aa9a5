/* test-interviews.c — interviews: adding, editing, every keystroke kept,
 * deleting and putting back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <signal.h>
#include <string.h>

#include "interviews-test-support.h"
#include "ov-store-accounts.h"

static void
test_add_and_list (InterviewsFixture *fixture,
                   gconstpointer      data)
{
  g_autoptr(OvInterview) older = NULL;
  g_autoptr(OvInterview) newer = NULL;
  g_autoptr(OvInterview) with_person = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;

  older = interviews_add (fixture, fixture->acme, "2026-04-02", " Priya ", "Lena Vogel");
  newer = interviews_add (fixture, fixture->acme, "2026-06-01", "Priya", "Tomás Ortega");
  g_assert_cmpuint (interviews_take_changes (fixture, "interviews"), ==, 2);

  /* No stage given: the account's, Review. Names are trimmed. */
  g_assert_cmpint (ov_interview_get_stage (older), ==, OV_STAGE_REVIEW);
  g_assert_cmpstr (ov_interview_get_interviewer (older), ==, "Priya");

  listed = ov_store_list_interviews (fixture->other, fixture->acme, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  g_assert_cmpint (ov_interview_get_id (g_ptr_array_index (listed, 0)), ==,
                   ov_interview_get_id (newer));
  g_assert_cmpstr (ov_interview_get_interviewee_name (g_ptr_array_index (listed, 1)), ==,
                   "Lena Vogel");

  /* A person of the account gives the name; one of another account is refused. */
  with_person = ov_interview_new (fixture->borealis, records_date ("2026-06-10"));
  ov_interview_set_person_id (with_person, fixture->amara);
  g_assert_true (ov_store_add_interview (fixture->store, with_person, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_interview_get_interviewee_name (with_person), ==, "Amara Okafor");
  g_assert_cmpint (ov_interview_get_stage (with_person), ==, OV_STAGE_EXPAND);

  {
    g_autoptr(OvInterview) wrong = ov_interview_new (fixture->acme, records_date ("2026-06-10"));

    ov_interview_set_person_id (wrong, fixture->amara);
    g_assert_false (ov_store_add_interview (fixture->store, wrong, &error));
    g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_cmpint (ov_interview_get_id (wrong), ==, 0);
  }
}

static void
test_refused (InterviewsFixture *fixture,
              gconstpointer      data)
{
  g_autoptr(GError) error = NULL;
  struct {
    const char *held_on;
    const char *interviewer;
    gint64      account_id;
    GQuark      domain;
    int         code;
  } cases[] = {
    { NULL, "Priya", 1, 0, OV_INTERVIEW_ERROR_DATE },
    { "1899-12-31", "Priya", 1, 0, OV_INTERVIEW_ERROR_DATE },
    { "2027-06-16", "Priya", 1, 0, OV_INTERVIEW_ERROR_DATE },
    { "2026-06-01", "Pri\tya", 1, 0, OV_INTERVIEW_ERROR_INTERVIEWER },
    { "2026-06-01", "Priya", 999, 1, OV_STORE_ERROR_NOT_FOUND },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvInterview) interview = NULL;

      interview = ov_interview_new (cases[i].account_id,
                                    cases[i].held_on ? records_date (cases[i].held_on) : 0);
      ov_interview_set_interviewer (interview, cases[i].interviewer);
      g_assert_false (ov_store_add_interview (fixture->store, interview, &error));
      g_assert_error (error, (cases[i].domain ? OV_STORE_ERROR : OV_INTERVIEW_ERROR),
                      cases[i].code);
      g_clear_error (&error);
    }

  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interviews"), ==, 0);
  g_assert_cmpuint (interviews_take_changes (fixture, "interviews"), ==, 0);
}

/* The interview mode saves on every keystroke: each save is one row,
 * upserted, readable at once by another connection (another process). */
static void
test_every_keystroke (InterviewsFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(OvInterview) interview = NULL;
  g_autoptr(OvInterview) loaded = NULL;
  g_autoptr(GError) error = NULL;
  const char *typed = "Die Schulung war gut – merci!\r\nZweite Zeile 🎉";
  gsize length = strlen (typed);

  interview = interviews_add (fixture, fixture->acme, "2026-06-01", "Priya", "Lena Vogel");

  for (gsize n = 1; n <= length; n++)
    {
      g_autofree char *prefix = NULL;

      if (!g_utf8_validate (typed, n, NULL))
        continue;
      prefix = g_strndup (typed, n);
      interviews_answer (fixture, interview, 1, prefix);
      g_assert_cmpint (query_int (fixture->other,
                                  "SELECT count (*) FROM interview_answers"), ==, 1);
    }
  g_assert_cmpuint (interviews_take_changes (fixture, "interview-answers"), >, 40);

  loaded = ov_store_load_interview (fixture->other, ov_interview_get_id (interview), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_interview_get_answers (loaded)->len, ==, 1);
  /* Line ends as typed on any system come back as "\n". */
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (loaded, 1)), ==,
                   "Die Schulung war gut – merci!\nZweite Zeile 🎉");

  /* Erased: the answer is gone. */
  interviews_answer (fixture, interview, 1, "  \n ");
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interview_answers"), ==, 0);

  /* Refused, changing nothing: control characters, a question or
   * interview that is not there. */
  interviews_answer (fixture, interview, 1, "kept");
  g_assert_false (ov_store_save_interview_answer (fixture->store, ov_interview_get_id (interview),
                                                  1, "bad\x07", &error));
  g_assert_error (error, OV_INTERVIEW_ERROR, OV_INTERVIEW_ERROR_ANSWER);
  g_clear_error (&error);
  g_assert_false (ov_store_save_interview_answer (fixture->store, ov_interview_get_id (interview),
                                                  77, "text", &error));
  g_assert_error (error, OV_QUESTION_ERROR, OV_QUESTION_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ov_store_save_interview_answer (fixture->store, 4242, 1, "text", &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture->store,
                              "SELECT count (*) FROM interview_answers WHERE answer = 'kept'"),
                   ==, 1);
}

static void
test_update_conflict (InterviewsFixture *fixture,
                      gconstpointer      data)
{
  g_autoptr(OvInterview) interview = NULL;
  g_autoptr(OvInterview) stale = NULL;
  g_autoptr(GError) error = NULL;

  interview = interviews_add (fixture, fixture->acme, "2026-06-01", "Priya", "Lena Vogel");
  stale = ov_interview_copy (interview);

  ov_interview_set_notes (interview, "Call went long; follow up on SSO.");
  ov_interview_set_held_on (interview, records_date ("2026-06-02"));
  g_assert_true (ov_store_update_interview (fixture->store, interview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_interview_get_version (interview), ==, 2);

  ov_interview_set_interviewer (stale, "Somebody else");
  g_assert_false (ov_store_update_interview (fixture->other, stale, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_clear_object (&stale);
  stale = ov_store_load_interview (fixture->other, ov_interview_get_id (interview), &error);
  g_assert_cmpstr (ov_interview_get_interviewer (stale), ==, "Priya");
  g_assert_cmpstr (ov_interview_get_notes (stale), ==, "Call went long; follow up on SSO.");
  g_assert_cmpint (ov_interview_get_held_on (stale), ==, records_date ("2026-06-02"));
}

/* Deleting takes the answers along; putting back restores both, with the
 * texts they were asked with, under the same id. */
static void
test_delete_and_restore (InterviewsFixture *fixture,
                         gconstpointer      data)
{
  g_autoptr(OvInterview) interview = NULL;
  g_autoptr(OvInterview) undo = NULL;
  g_autoptr(OvInterview) back = NULL;
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  interview = interviews_add (fixture, fixture->acme, "2026-06-01", "Priya", "Lena Vogel");
  id = ov_interview_get_id (interview);
  interviews_answer (fixture, interview, 1, "Go-live was smooth.");
  interviews_answer (fixture, interview, 5, "One login for everything.");

  undo = ov_store_load_interview (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_true (ov_store_delete_interview (fixture->store, undo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->store, "SELECT count (*) FROM interview_answers"), ==, 0);

  /* Reworded meanwhile: the restored answer keeps the words asked. */
  question = ov_store_get_question (fixture->store, 5, &error);
  g_assert_true (ov_store_reword_question (fixture->store, question, "One wish?", &error));
  g_assert_no_error (error);

  g_assert_true (ov_store_restore_interview (fixture->store, undo, &error));
  g_assert_no_error (error);
  back = ov_store_load_interview (fixture->other, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_interview_get_answers (back)->len, ==, 2);
  g_assert_cmpstr (ov_interview_answer_get_question_text (ov_interview_find_answer (back, 5)), ==,
                   ov_default_question_text (5));
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (back, 1)), ==,
                   "Go-live was smooth.");
  g_assert_cmpint (ov_interview_get_version (back), >, ov_interview_get_version (interview));

  /* The copy read before the deletion can no longer write. */
  ov_interview_set_notes (interview, "late edit");
  g_assert_false (ov_store_update_interview (fixture->store, interview, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
}

/* The process is killed in the middle of an interview, the store still
 * open: every answer saved before is there when the file is opened again. */
static void
test_killed_mid_interview (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = NULL;
  g_autoptr(OvInterview) loaded = NULL;

  if (g_test_subprocess ())
    {
      const char *path = g_getenv ("OVERTURE_TEST_KILL_DB");
      g_autoptr(OvStore) writer = ov_store_open (path, &error);
      const char *typed = "Go-live in week three, exactly as planned";

      g_assert_no_error (error);
      for (gsize n = 1; n <= strlen (typed); n++)
        {
          g_autofree char *prefix = g_strndup (typed, n);

          g_assert_true (ov_store_save_interview_answer (writer, 1, 1, prefix, &error));
          g_assert_no_error (error);
        }
      g_assert_true (ov_store_save_interview_answer (writer, 1, 2, "Sooner SSO", &error));
      raise (SIGKILL);
      return;
    }

  store = ov_test_new_store (&dir);
  {
    g_autoptr(OvAccount) account = ov_account_new ();
    g_autoptr(OvInterview) interview = ov_interview_new (1, ov_date_today ());

    ov_account_set_name (account, "Acme Logistics");
    g_assert_true (ov_store_save_account (store, account, &error));
    g_assert_true (ov_store_add_interview (store, interview, &error));
    g_assert_no_error (error);
    g_assert_cmpint (ov_interview_get_id (interview), ==, 1);
  }
  g_setenv ("OVERTURE_TEST_KILL_DB", ov_store_get_path (store), TRUE);
  g_clear_object (&store);

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();

  store = ov_store_open (g_getenv ("OVERTURE_TEST_KILL_DB"), &error);
  g_assert_no_error (error);
  loaded = ov_store_load_interview (store, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ov_interview_get_answers (loaded)->len, ==, 2);
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (loaded, 1)), ==,
                   "Go-live in week three, exactly as planned");
  g_assert_cmpstr (ov_interview_answer_get_answer (ov_interview_find_answer (loaded, 2)), ==,
                   "Sooner SSO");
  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  INTERVIEWS_TEST ("/interviews/add-and-list", test_add_and_list);
  INTERVIEWS_TEST ("/interviews/refused", test_refused);
  INTERVIEWS_TEST ("/interviews/every-keystroke", test_every_keystroke);
  INTERVIEWS_TEST ("/interviews/update-conflict", test_update_conflict);
  INTERVIEWS_TEST ("/interviews/delete-and-restore", test_delete_and_restore);
  g_test_add_func ("/interviews/killed-mid-interview", test_killed_mid_interview);

  return g_test_run ();
}
