/* test-journey-wizard.c — the one walk over a stage's wizard fields, the
 * account facts among the answers, and what the wizard's buttons do
 * (complete, save, skip) as single calls of the core
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "journey-test-support.h"

/* Every field, step after step, is what the flat walk gives, in order. */
static void
test_field_walk (void)
{
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      guint index = 0;

      for (guint i = 0; i < ov_wizard_get_n_steps (stage); i++)
        {
          const OvWizardStep *step = ov_wizard_get_step (stage, i);

          for (guint j = 0; j < ov_wizard_step_get_n_fields (step); j++)
            {
              const OvWizardField *field = ov_wizard_step_get_field (step, j);

              g_assert_true (ov_wizard_get_field (stage, index) == field);
              g_assert_true (ov_wizard_find_field (stage, ov_wizard_field_get_id (field)) ==
                             field);
              index++;
            }
        }

      g_assert_cmpuint (ov_wizard_get_n_fields (stage), ==, index);
      g_assert_null (ov_wizard_find_field (stage, "no_such_field"));
    }
}

static void
test_facts (void)
{
  g_autoptr(OvStageAnswers) kickoff = ov_stage_answers_new (1, OV_STAGE_KICKOFF);
  g_autoptr(OvStageAnswers) embark = ov_stage_answers_new (1, OV_STAGE_EMBARK);
  g_autoptr(OvAccount) account = ov_account_new ();

  ov_account_set_date (account, OV_ACCOUNT_DATE_KICKOFF, jt_date ("2026-03-02"));
  ov_account_set_first_value_milestone (account, "First report");

  /* The account's facts start the answers off; nothing else is set. */
  ov_stage_answers_fill_facts (kickoff, account);
  g_assert_cmpint (ov_stage_answers_get_date (kickoff, "kickoff_date"), ==,
                   jt_date ("2026-03-02"));
  g_assert_cmpstr (ov_stage_answers_get_text (kickoff, "first_value_milestone"), ==,
                   "First report");
  g_assert_false (ov_stage_answers_has_value (kickoff, "agenda"));
  g_assert_false (ov_stage_answers_has_own_answers (kickoff));
  g_assert_cmpuint (ov_stage_answers_get_resume_step (kickoff, jt_date ("2026-03-10")), ==, 0);

  /* An answer already there is not overwritten by the account's. */
  ov_account_set_date (account, OV_ACCOUNT_DATE_KICKOFF, jt_date ("2026-03-05"));
  ov_stage_answers_fill_facts (kickoff, account);
  g_assert_cmpint (ov_stage_answers_get_date (kickoff, "kickoff_date"), ==,
                   jt_date ("2026-03-02"));

  /* Copied back: the answers win, and a copy that changes nothing says so. */
  g_assert_true (ov_stage_answers_copy_facts (kickoff, account));
  g_assert_cmpint (ov_account_get_date (account, OV_ACCOUNT_DATE_KICKOFF), ==,
                   jt_date ("2026-03-02"));
  g_assert_false (ov_stage_answers_copy_facts (kickoff, account));

  /* An empty answer never wipes what the account knows. */
  ov_account_set_package (account, "Premium Onboarding");
  g_assert_false (ov_stage_answers_copy_facts (embark, account));
  g_assert_cmpstr (ov_account_get_package (account), ==, "Premium Onboarding");
  ov_stage_answers_set_text (embark, "package", "Starter");
  g_assert_true (ov_stage_answers_copy_facts (embark, account));
  g_assert_cmpstr (ov_account_get_package (account), ==, "Starter");

  /* An answer of the wizard's own counts; the resume step is the first
   * the rules refuse (the meeting's date is there, the plan is not). */
  ov_stage_answers_set_list (kickoff, "agenda", (const char *[]) { "Scope", NULL });
  g_assert_true (ov_stage_answers_has_own_answers (kickoff));
  g_assert_cmpuint (ov_stage_answers_get_resume_step (kickoff, jt_date ("2026-03-10")), ==, 1);
  ov_stage_answers_set_date (kickoff, "target_golive_date", jt_date ("2026-04-01"));
  ov_stage_answers_set_date (kickoff, "first_value_target_date", jt_date ("2026-04-15"));
  /* Nothing refused: the last step. */
  g_assert_cmpuint (ov_stage_answers_get_resume_step (kickoff, jt_date ("2026-03-10")), ==, 1);
}

static void
test_complete (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Juniper Freight", "",
                                                 OV_STAGE_EMBARK, jt_date ("2026-05-01"));
  g_autoptr(OvStageAnswers) answers = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *field_id = "unset";
  gint64 id = ov_account_get_id (account);

  /* Refused by the rules: the field is named, nothing is written. */
  answers = jt_load_answers (store, id, OV_STAGE_EMBARK);
  ov_stage_answers_set_text (answers, "outcomes", "One view of every load.");
  before = jt_dump (store);
  g_assert_false (ov_journey_complete_stage (store, account, answers, jt_date ("2026-05-20"),
                                             &field_id, &error));
  g_assert_error (error, OV_WIZARD_ERROR, OV_WIZARD_ERROR_REQUIRED);
  g_assert_cmpstr (field_id, ==, "pains");
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (ov_account_get_stage (account), ==, OV_STAGE_EMBARK);

  /* Refused by the store (a date before the stage began): no field. */
  ov_stage_answers_set_text (answers, "pains", "Orders are typed twice.");
  ov_stage_answers_set_text (answers, "package", "Premium Onboarding");
  ov_stage_answers_set_date (answers, "expected_close_date", jt_date ("2026-04-20"));
  g_assert_false (ov_journey_complete_stage (store, account, answers, jt_date ("2026-04-20"),
                                             &field_id, &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_DATE);
  g_assert_null (field_id);
  g_clear_error (&error);
  g_free (after);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Completed: the account object moves on and carries the facts. */
  ov_stage_answers_set_date (answers, "expected_close_date", jt_date ("2026-05-18"));
  g_assert_true (ov_journey_complete_stage (store, account, answers, jt_date ("2026-05-20"),
                                            &field_id, &error));
  g_assert_no_error (error);
  g_assert_null (field_id);
  g_assert_cmpint (ov_account_get_stage (account), ==, OV_STAGE_HANDOFF);
  g_assert_cmpstr (ov_account_get_package (account), ==, "Premium Onboarding");
  stored = ov_store_get_account (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_stage (stored), ==, OV_STAGE_HANDOFF);
  g_assert_cmpint (ov_account_get_version (stored), ==, ov_account_get_version (account));

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_save_and_skip (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Larkspur Dental", "",
                                                 OV_STAGE_EMBARK, jt_date ("2026-05-01"));
  g_autoptr(OvStageAnswers) embark = NULL;
  g_autoptr(OvStageAnswers) handoff = NULL;
  g_autoptr(OvStageAnswers) kept = NULL;
  g_autoptr(OvAccount) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char *field_id = NULL;
  gint64 id = ov_account_get_id (account);

  embark = jt_load_answers (store, id, OV_STAGE_EMBARK);
  ov_stage_answers_set_text (embark, "pains", "Invoices go out late.");
  ov_stage_answers_set_text (embark, "outcomes", "Same-day invoices.");
  ov_stage_answers_set_date (embark, "expected_close_date", jt_date ("2026-05-10"));
  g_assert_true (ov_journey_complete_stage (store, account, embark, jt_date ("2026-05-12"),
                                            NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&embark);

  /* A past stage's correction reaches the account, object and row. */
  embark = jt_load_answers (store, id, OV_STAGE_EMBARK);
  ov_stage_answers_set_text (embark, "package", "Starter");
  g_assert_true (ov_journey_save_answers (store, account, embark, jt_date ("2026-05-14"),
                                          &field_id, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_package (account), ==, "Starter");
  stored = ov_store_get_account (store, id, &error);
  g_assert_cmpstr (ov_account_get_package (stored), ==, "Starter");
  g_clear_object (&stored);

  /* Refused by the rules: the field, and nothing written. */
  ov_stage_answers_set_text (embark, "pains", "");
  before = jt_dump (store);
  g_assert_false (ov_journey_save_answers (store, account, embark, jt_date ("2026-05-14"),
                                           &field_id, &error));
  g_assert_error (error, OV_WIZARD_ERROR, OV_WIZARD_ERROR_REQUIRED);
  g_assert_cmpstr (field_id, ==, "pains");
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Skipping keeps what was typed, unchecked, and moves the account on. */
  handoff = jt_load_answers (store, id, OV_STAGE_HANDOFF);
  ov_stage_answers_set_text (handoff, "risks", "Peak season in October.");
  g_assert_true (ov_journey_skip_stage (store, account, handoff, jt_date ("2026-05-20"),
                                        &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_stage (account), ==, OV_STAGE_KICKOFF);
  kept = jt_load_answers (store, id, OV_STAGE_HANDOFF);
  g_assert_cmpstr (ov_stage_answers_get_text (kept, "risks"), ==, "Peak season in October.");

  /* The stage is passed already: refused, the account stays. */
  g_assert_false (ov_journey_skip_stage (store, account, handoff, jt_date ("2026-05-21"),
                                         &error));
  g_assert_error (error, OV_JOURNEY_ERROR, OV_JOURNEY_ERROR_STAGE);
  g_clear_error (&error);
  g_assert_cmpint (ov_account_get_stage (account), ==, OV_STAGE_KICKOFF);

  /* Reading again after a conflict: the account object follows the row. */
  stored = ov_store_get_account (store, id, &error);
  ov_account_set_notes (stored, "Changed elsewhere");
  g_assert_true (ov_store_save_account (store, stored, &error));
  g_assert_no_error (error);
  g_assert_true (ov_journey_reload (store, account, kept, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_notes (account), ==, "Changed elsewhere");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/journey-wizard/field-walk", test_field_walk);
  g_test_add_func ("/journey-wizard/facts", test_facts);
  g_test_add_func ("/journey-wizard/complete", test_complete);
  g_test_add_func ("/journey-wizard/save-and-skip", test_save_and_skip);

  return g_test_run ();
}
