/* interviews-test-support.c — what the interviews' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "interviews-test-support.h"
#include "ov-store-accounts.h"
#include "ov-store-people.h"

static void
on_store_changed (OvStore    *store,
                  const char *what,
                  GHashTable *changes)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (changes, what));

  g_hash_table_insert (changes, g_strdup (what), GUINT_TO_POINTER (n + 1));
}

static gint64
add_account (OvStore    *store,
             const char *name,
             const char *external_id,
             const char *segment,
             const char *owner,
             const char *package,
             OvStage     stage)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  ov_account_set_name (account, name);
  ov_account_set_external_id (account, external_id);
  ov_account_set_segment (account, segment);
  ov_account_set_owner (account, owner);
  ov_account_set_package (account, package);
  ov_account_set_stage (account, stage);
  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
  return ov_account_get_id (account);
}

void
interviews_fixture_set_up (InterviewsFixture *fixture,
                           gconstpointer      data)
{
  g_autoptr(OvPerson) amara = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("OVERTURE_TODAY", "2026-06-15", TRUE);
  g_assert_cmpint (ov_date_today (), ==, records_date ("2026-06-15"));

  fixture->store = ov_test_new_store (&fixture->dir);
  fixture->other = ov_store_open (ov_store_get_path (fixture->store), &error);
  g_assert_no_error (error);

  fixture->acme = add_account (fixture->store, "Acme Logistics", "A-1", "Enterprise", "Priya",
                               "Premium", OV_STAGE_REVIEW);
  fixture->borealis = add_account (fixture->store, "Borealis Foods", "B-2", "SMB", "Jonas",
                                   "Essential", OV_STAGE_EXPAND);
  fixture->cerro = add_account (fixture->store, "Cerro Verde", "C-3", "Enterprise", "Jonas", "",
                                OV_STAGE_ADOPT);

  amara = ov_person_new (fixture->borealis, OV_SIDE_CUSTOMER, "Amara Okafor", "");
  g_assert_true (ov_store_add_person (fixture->store, amara, &error));
  g_assert_no_error (error);
  fixture->amara = ov_person_get_id (amara);

  fixture->changes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_signal_connect (fixture->store, "changed", G_CALLBACK (on_store_changed), fixture->changes);
}

void
interviews_fixture_tear_down (InterviewsFixture *fixture,
                              gconstpointer      data)
{
  g_signal_handlers_disconnect_by_data (fixture->store, fixture->changes);
  g_clear_pointer (&fixture->changes, g_hash_table_unref);
  g_clear_object (&fixture->other);
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

guint
interviews_take_changes (InterviewsFixture *fixture,
                         const char        *what)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (fixture->changes, what));

  g_hash_table_remove (fixture->changes, what);
  return n;
}

OvInterview *
interviews_add (InterviewsFixture *fixture,
                gint64             account_id,
                const char        *held_on,
                const char        *interviewer,
                const char        *interviewee)
{
  OvInterview *interview = ov_interview_new (account_id, records_date (held_on));
  g_autoptr(GError) error = NULL;

  ov_interview_set_interviewer (interview, interviewer);
  ov_interview_set_interviewee_name (interview, interviewee);
  g_assert_true (ov_store_add_interview (fixture->store, interview, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_interview_get_id (interview), >, 0);
  return interview;
}

void
interviews_answer (InterviewsFixture *fixture,
                   OvInterview       *interview,
                   gint64             question_id,
                   const char        *answer)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_save_interview_answer (fixture->store, ov_interview_get_id (interview),
                                                 question_id, answer, &error));
  g_assert_no_error (error);
}
