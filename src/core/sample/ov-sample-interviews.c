/* ov-sample-interviews.c — listening interviews for recently onboarded
 * sample accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An account that reached Review in the last year was interviewed a few
 * days after: by its owner, with one of the account's customer people
 * when it has any, else a contact by name. Answers come from small banks
 * per default question, some a few words, some a paragraph, a few in
 * German; a question is now and then left unanswered. Everything is drawn
 * from the generator given, so a seed always gives the same interviews.
 */

#define G_LOG_DOMAIN "ov-sample"

#include "config.h"

#include "ov-sample-private.h"
#include "ov-store-interviews.h"
#include "ov-store-people.h"

/* Interviews are held for accounts that entered Review this recently. */
#define RECENT_DAYS 365

#define PICK(rand, list) ((list)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (list))])

static const char * const contacts[] = {
  "Ingrid Halvorsen", "Mateo Quispe", "Yuki Tanaka", "Chidi Nwosu", "Zofia Wiśniewska",
  "Rahul Mehta", "Élodie Marchand", "Jan van der Berg", "Fatma Yıldız", "Sean O’Connell",
  "Ana Carolina Souza", "Lars Eriksson", "Mei-Ling Chen", "Oluwaseun Adeyemi",
};

static const char * const worked_well[] = {
  "The kickoff.",
  "Having one named person to call. Every question got an answer the same day.",
  "The weekly check-in kept us honest; we always knew what was next and who owned it.",
  "Data import went far smoother than we feared. Two days instead of the two weeks we had "
  "blocked for it.",
  "Training for the admins — short sessions, recorded, with exercises we could redo later.",
  "Honestly, the project plan. We reused it for our own internal rollout.",
  "Die Schulungen waren praxisnah und gut vorbereitet.",
  "Quick answers from support during go-live week.",
};

static const char * const improvement[] = {
  "Earlier access to the sandbox.",
  "The handoff from sales felt rushed: we repeated our goals three times to three people.",
  "More training for end users, not just admins. Our sales team learned by trial and error "
  "and it showed in the first month's data.",
  "Fewer status emails, one shared page instead.",
  "Single sign-on should have been set up in week one, not week five. Until then every "
  "new user was a support ticket.",
  "Clearer pricing for the extra integrations; we found out late that one was not included.",
  "Die Dokumentation auf Deutsch wäre hilfreich gewesen.",
  "Nothing major.",
};

static const char * const other_vendor[] = {
  "Our payroll provider sent a one-page checklist before the first call. Everyone knew "
  "their homework.",
  "None come to mind.",
  "A security vendor ran a half-day workshop on site; by lunch we had our first alert "
  "rules live.",
  "Our CRM rollout had office hours twice a week. You could just drop in with a question.",
  "The analytics tool we use paired us with another customer of our size. That peer call "
  "was worth more than any slide deck.",
};

static const char * const wrap_up[] = {
  "Sign-off from finance.",
  "The last two reports rebuilt, then we can switch off the old system.",
  "Training for the new hires who start next month.",
  "An agreed owner on our side for admin tasks after you step back.",
  "Nothing, we are done.",
  "Noch zwei Schnittstellen zum ERP testen.",
};

static const char * const magic_wand[] = {
  "One login for everything.",
  "Reports that our board can read without me explaining them.",
  "A mobile app for the field team.",
  "Automatic reminders to users who have not logged in for a week — we chase them by hand "
  "today.",
  "That the API limits were higher during the migration weekend.",
};

static const char * const anything_else[] = {
  "We plan to add the Berlin office in spring.",
  "Our champion is moving to another team in March; Ana takes over.",
  "Budget for next year is being decided now, so show results before December.",
  "No, thank you.",
  "The executive sponsor is very happy, please keep the same CSM.",
};

static const struct
{
  const char * const *answers;
  guint               n_answers;
  guint               skip_percent;
} banks[] = {
  { worked_well, G_N_ELEMENTS (worked_well), 0 },
  { improvement, G_N_ELEMENTS (improvement), 0 },
  { other_vendor, G_N_ELEMENTS (other_vendor), 35 },
  { wrap_up, G_N_ELEMENTS (wrap_up), 10 },
  { magic_wand, G_N_ELEMENTS (magic_wand), 15 },
  { anything_else, G_N_ELEMENTS (anything_else), 40 },
};

/* One of the account's customer people, or 0. */
static gint64
pick_person (OvStore    *store,
             GRand      *rand,
             gint64      account_id,
             GError    **error,
             gboolean   *ok)
{
  g_autoptr(GPtrArray) people = ov_store_list_people (store, account_id, error);
  g_autoptr(GPtrArray) customers = g_ptr_array_new ();

  *ok = people != NULL;
  if (people == NULL)
    return 0;

  for (guint i = 0; i < people->len; i++)
    if (ov_person_get_side (g_ptr_array_index (people, i)) == OV_SIDE_CUSTOMER)
      g_ptr_array_add (customers, g_ptr_array_index (people, i));

  if (customers->len == 0)
    return 0;
  return ov_person_get_id (g_ptr_array_index (customers,
                                              g_rand_int_range (rand, 0, customers->len)));
}

gboolean
ov_sample_add_interviews (OvStore                *store,
                          GRand                  *rand,
                          OvAccount              *account,
                          const OvSampleHistory  *history,
                          OvDate                  today,
                          GError                **error)
{
  g_autoptr(OvInterview) interview = NULL;
  OvDate reviewed = history->entered[OV_STAGE_REVIEW];
  OvDate held_on;
  gint64 person_id;
  gboolean ok;

  if (reviewed == OV_DATE_NONE || reviewed > today || today - reviewed > RECENT_DAYS)
    return TRUE;

  held_on = MIN (today, ov_date_add_days (reviewed, g_rand_int_range (rand, 2, 15)));
  person_id = pick_person (store, rand, ov_account_get_id (account), error, &ok);
  if (!ok)
    return FALSE;

  interview = ov_interview_new (ov_account_get_id (account), held_on);
  ov_interview_set_interviewer (interview, ov_account_get_owner (account));
  ov_interview_set_stage (interview, OV_STAGE_REVIEW);
  if (person_id != 0)
    ov_interview_set_person_id (interview, person_id);
  else
    ov_interview_set_interviewee_name (interview, PICK (rand, contacts));
  if (!ov_store_add_interview_full (store, interview, today, error))
    return FALSE;

  /* The default questions are 1..6 in a new database. */
  for (guint q = 0; q < G_N_ELEMENTS (banks); q++)
    {
      const char *answer;

      if ((guint)g_rand_int_range (rand, 0, 100) < banks[q].skip_percent)
        continue;

      answer = banks[q].answers[g_rand_int_range (rand, 0, banks[q].n_answers)];
      if (!ov_store_save_interview_answer (store, ov_interview_get_id (interview), q + 1, answer,
                                           error))
        return FALSE;
    }

  return TRUE;
}
