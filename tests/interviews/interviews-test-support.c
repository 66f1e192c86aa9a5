/* interviews-test-support.c — what the interviews' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "interviews-test-support.h"
#include "ov-store-accounts.h"
#include "ov-store-people.h"

/* Adds an account, or with @id, gives the stored one these fields. */
static gint64
set_account (OvStore    *store,
             gint64      id,
             const char *name,
             const char *external_id,
             const char *segment,
             const char *owner,
             const char *package,
             OvStage     stage)
{
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = id != 0 ? ov_store_get_account (store, id, &error) : ov_account_new ();
  g_assert_no_error (error);
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

  records_fixture_set_up (&fixture->base, data);
  fixture->store = fixture->base.store;
  fixture->other = fixture->base.other;

  fixture->acme = set_account (fixture->store, fixture->base.account_id, "Acme Logistics", "A-1",
                               "Enterprise", "Priya", "Premium", OV_STAGE_REVIEW);
  fixture->borealis = set_account (fixture->store, 0, "Borealis Foods", "B-2", "SMB", "Jonas",
                                   "Essential", OV_STAGE_EXPAND);
  fixture->cerro = set_account (fixture->store, 0, "Cerro Verde", "C-3", "Enterprise", "Jonas",
                                "", OV_STAGE_ADOPT);

  amara = ov_person_new (fixture->borealis, OV_SIDE_CUSTOMER, "Amara Okafor", "");
  g_assert_true (ov_store_add_person (fixture->store, amara, &error));
  g_assert_no_error (error);
  fixture->amara = ov_person_get_id (amara);

  /* What setting up changed is not the tests' business. */
  g_hash_table_remove_all (fixture->base.changes);
}

void
interviews_fixture_tear_down (InterviewsFixture *fixture,
                              gconstpointer      data)
{
  records_fixture_tear_down (&fixture->base, data);
}

guint
interviews_take_changes (InterviewsFixture *fixture,
                         const char        *what)
{
  return records_take_changes (&fixture->base, what);
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
