/* ov-sample-journey.c — people, tasks and wizard answers for sample accounts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-sample.c makes the accounts and their stage history; this fills in
 * the journey of the first OV_SAMPLE_JOURNEY_ACCOUNTS of them: who holds
 * which role, the playbook's tasks for every stage reached (passed stages
 * done, the current one partly done, so some tasks are overdue and
 * some due this week against the sample's "today"), and the wizard answers
 * of the stages already passed. Each account draws from its own GRand,
 * seeded from the portfolio's seed and the account's position, so the
 * accounts themselves come out exactly as they do without this, and the
 * same seed always gives the same people, tasks and answers.
 */

#define G_LOG_DOMAIN "ov-sample"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-journey-private.h"
#include "ov-store-answers.h"
#include "ov-store-people.h"
#include "ov-store-playbooks.h"

static const char * const first_names[] = {
  "Ana", "Bruno", "Chiara", "Dmitri", "Elif", "Farah", "Gustavo", "Hana", "Ibrahim", "Julia",
  "Kofi", "Lea", "Mateo", "Nadia", "Oskar", "Paula", "Quentin", "Rosa", "Samir", "Tara",
  "Umar", "Vera", "Wen", "Yusuf", "Zoe",
};

static const char * const last_names[] = {
  "Almeida", "Brandt", "Costa", "Dubois", "Eriksen", "Fontaine", "García", "Hoffmann",
  "Ivanova", "Jensen", "Kowalski", "Lindgren", "Moreau", "Novak", "Okonkwo", "Petrova",
  "Rossi", "Santos", "Tanaka", "Urban", "Varga", "Wójcik", "Yilmaz", "Zimmermann",
};

/* The internal specialists a team shares across accounts. */
static const char * const support_people[] = { "Nora Haddad", "Piet de Vries", "Aiko Mori" };
static const char * const training_people[] = { "Lucía Romero", "Tom Becker" };
static const char * const services_people[] = { "Raj Patel", "Ingrid Solberg", "Omar Farouk" };

static const char * const pains[] = {
  N_("Reports are stitched together by hand every Monday."),
  N_("Nobody trusts the numbers because every team keeps its own copy."),
  N_("New hires need weeks before they can work on their own."),
  N_("Requests get lost between email, chat and the old ticket tool."),
  N_("Month-end close takes two weeks of overtime."),
  N_("Customers wait days for answers the team already has somewhere."),
};

static const char * const outcomes[] = {
  N_("One place where every team sees the same figures."),
  N_("Cut the time spent on routine reporting by half."),
  N_("New colleagues productive in their first week."),
  N_("Every request answered within one working day."),
  N_("Close the books in three days."),
};

static const char * const goals[] = {
  N_("Retire the weekly spreadsheet"),
  N_("All regional teams working in the platform"),
  N_("Response times under one day"),
  N_("Month-end close in three days"),
  N_("Leadership dashboard used in every board meeting"),
  N_("Onboarding of new hires in one week"),
};

static const char * const risks[] = {
  N_("The sponsor changes jobs in the spring."),
  N_("IT has little time before the end of the quarter."),
  N_("Two teams are attached to the old tool."),
  N_("The data migration depends on an outside contractor."),
};

static const char * const promises[] = {
  N_("A named specialist for the first three months."),
  N_("Weekly check-ins until go-live."),
  N_("Help with the export from the old system."),
  "",
};

static const char * const agenda_items[] = {
  N_("Goals and what success looks like"),
  N_("Scope of the first phase"),
  N_("Timeline to go-live"),
  N_("Who does what on both sides"),
  N_("The first-value milestone"),
  N_("Data and access needed"),
  N_("Open questions"),
};

static const char * const trainings[] = {
  N_("Admin training"),
  N_("End-user basics, morning group"),
  N_("End-user basics, afternoon group"),
  N_("Reporting workshop"),
  N_("Train-the-trainer session for champions"),
};

/* One comment per outcome: met, partly met, not met. */
static const char * const outcome_comments[] = {
  N_("Confirmed by the sponsor in the review."),
  N_("Most teams are there; two are still catching up."),
  N_("Postponed to the next quarter."),
};

static int
range (GRand *rand,
       int    low,
       int    high)
{
  return g_rand_int_range (rand, low, high + 1);
}

static const char *
pick (GRand              *rand,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (rand, 0, n)];
}

#define PICK(rand, items) pick (rand, items, G_N_ELEMENTS (items))

/* "José Núñez" → "jose.nunez" */
static char *
email_part (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (out, g_ascii_tolower (*p));
      else if (*p == ' ' && out->len > 0 && out->str[out->len - 1] != '.')
        g_string_append_c (out, '.');
    }

  return g_string_free (out, FALSE);
}

/* The customer's mail domain from the first word of its name. */
static char *
customer_domain (OvAccount *account)
{
  g_auto(GStrv) words = g_strsplit (ov_account_get_name (account), " ", 2);
  g_autofree char *head = email_part (words[0] ? words[0] : "customer");

  return g_strdup_printf ("%s.example", head[0] ? head : "customer");
}

static gboolean
add_person (OvStore     *store,
            gint64       account_id,
            OvSide       side,
            const char  *name,
            const char  *domain,
            const char  *role,
            const char  *second_role,
            GError     **error)
{
  g_autofree char *local = email_part (name);
  g_autofree char *email = g_strdup_printf ("%s@%s", local, domain);
  g_autoptr(OvPerson) person = ov_person_new (account_id, side, name, email);

  ov_person_add_role (person, role);
  if (second_role != NULL)
    ov_person_add_role (person, second_role);

  return ov_store_add_person (store, person, error);
}

static char *
random_name (GRand *rand)
{
  return g_strdup_printf ("%s %s", PICK (rand, first_names), PICK (rand, last_names));
}

static gboolean
add_people (OvStore    *store,
            GRand      *rand,
            OvAccount  *account,
            GError    **error)
{
  static const char *internal_domain = "our-team.example";
  gint64 id = ov_account_get_id (account);
  g_autofree char *domain = customer_domain (account);
  g_autofree char *sponsor = random_name (rand);
  g_autofree char *champion = random_name (rand);
  g_autofree char *admin = random_name (rand);
  gboolean champion_is_admin = range (rand, 1, 100) <= 30;

  /* The account's owner runs the onboarding and stays on as its CSM: one
   * person, two roles. */
  if (!add_person (store, id, OV_SIDE_INTERNAL, ov_account_get_owner (account), internal_domain,
                   "onboarding", "csm", error) ||
      !add_person (store, id, OV_SIDE_INTERNAL, ov_account_get_sales_owner (account),
                   internal_domain, "sales", NULL, error))
    return FALSE;

  if (range (rand, 1, 100) <= 60 &&
      !add_person (store, id, OV_SIDE_INTERNAL, PICK (rand, support_people), internal_domain,
                   "support", NULL, error))
    return FALSE;
  if (range (rand, 1, 100) <= 50 &&
      !add_person (store, id, OV_SIDE_INTERNAL, PICK (rand, training_people), internal_domain,
                   "training", NULL, error))
    return FALSE;
  if (range (rand, 1, 100) <= 35 &&
      !add_person (store, id, OV_SIDE_INTERNAL, PICK (rand, services_people), internal_domain,
                   "services", NULL, error))
    return FALSE;

  if (!add_person (store, id, OV_SIDE_CUSTOMER, sponsor, domain, "sponsor", NULL, error) ||
      !add_person (store, id, OV_SIDE_CUSTOMER, champion, domain, "champion",
                   champion_is_admin ? "admin" : NULL, error))
    return FALSE;

  if (!champion_is_admin &&
      !add_person (store, id, OV_SIDE_CUSTOMER, admin, domain, "admin", NULL, error))
    return FALSE;

  return TRUE;
}

static OvDate
clamp_date (OvDate date,
            OvDate low,
            OvDate high)
{
  return CLAMP (date, low, MAX (low, high));
}

/* Passed stages are done; in the current one, tasks older than two months
 * are done, older than three weeks nearly all, recent ones partly, so some
 * are late (by weeks, not years) and some are coming up. */
static gboolean
add_tasks (OvStore                *store,
           GRand                  *rand,
           OvAccount              *account,
           const OvSampleHistory  *history,
           OvPlaybook             *playbook,
           OvDate                  today,
           const char             *now,
           GError                **error)
{
  OvStage current = ov_account_get_stage (account);

  for (OvStage stage = OV_STAGE_FIRST; stage <= current; stage++)
    {
      g_autoptr(GPtrArray) templates = ov_playbook_dup_tasks (playbook, stage);
      OvDate entered = history->entered[stage];
      OvDate left = stage < current ? history->entered[stage + 1] : today;

      if (entered == OV_DATE_NONE)
        continue;

      for (guint i = 0; i < templates->len; i++)
        {
          OvPlaybookTask *template = g_ptr_array_index (templates, i);
          OvDate due = entered + ov_playbook_task_get_day_offset (template);
          OvDate done = OV_DATE_NONE;
          int roll = range (rand, 1, 100);

          if (stage < current || due < today - 60)
            done = clamp_date (due + range (rand, -3, 4), entered, left);
          else if (due < today - 21)
            {
              if (roll <= 90)
                done = clamp_date (due + range (rand, -2, 5), entered, today);
            }
          else if (due < today)
            {
              if (roll <= 60)
                done = clamp_date (due + range (rand, -2, 3), entered, today);
            }
          else if (roll <= 5)
            {
              done = clamp_date (today - range (rand, 0, 3), entered, today);
            }

          if (!ov_store_insert_task_row (store, ov_account_get_id (account), stage,
                                         ov_playbook_task_get_title (template),
                                         ov_playbook_task_get_description (template),
                                         ov_playbook_task_get_role (template), due, done,
                                         ov_playbook_task_get_id (template),
                                         ov_playbook_task_get_content_id (template), now,
                                         error))
            return FALSE;
        }
    }

  return TRUE;
}

static void
pick_distinct (GRand              *rand,
               const char * const *items,
               guint               n_items,
               guint               n,
               GPtrArray          *out)
{
  guint start = g_rand_int_range (rand, 0, n_items);

  /* A run of neighbours from a random start: distinct and cheap. */
  for (guint i = 0; i < MIN (n, n_items); i++)
    g_ptr_array_add (out, (gpointer)_(items[(start + i) % n_items]));
}

static void
set_check (OvStageAnswers *answers,
           const char     *field,
           GRand          *rand,
           int             percent,
           OvDate          on,
           OvDate          today)
{
  if (range (rand, 1, 100) <= percent)
    ov_stage_answers_set_check (answers, field, TRUE, MIN (on, today));
}

static void
fill_embark (OvStageAnswers        *answers,
             GRand                 *rand,
             OvAccount             *account,
             const OvSampleHistory *history,
             OvDate                 today)
{
  OvDate entered = history->entered[OV_STAGE_EMBARK];

  ov_stage_answers_set_text (answers, "pains", _(PICK (rand, pains)));
  ov_stage_answers_set_text (answers, "outcomes", _(PICK (rand, outcomes)));
  ov_stage_answers_set_text (answers, "package", ov_account_get_package (account));
  ov_stage_answers_set_date (answers, "expected_close_date",
                             ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE));
  set_check (answers, "value_presented", rand, 95, entered + range (rand, 1, 5), today);
  set_check (answers, "package_proposed", rand, 90, entered + range (rand, 3, 9), today);
  set_check (answers, "team_introduced", rand, 70, entered + range (rand, 7, 14), today);
}

static void
fill_handoff (OvStageAnswers        *answers,
              GRand                 *rand,
              OvAccount             *account,
              const OvSampleHistory *history,
              OvDate                 today)
{
  g_autoptr(GPtrArray) chosen = g_ptr_array_new ();
  g_autofree char *stakeholders = NULL;
  g_autofree char *contract = NULL;
  OvDate entered = history->entered[OV_STAGE_HANDOFF];

  pick_distinct (rand, goals, G_N_ELEMENTS (goals), range (rand, 2, 3), chosen);
  g_ptr_array_add (chosen, NULL);
  ov_stage_answers_set_list (answers, "goals", (const char * const *)chosen->pdata);
  ov_stage_answers_set_text (answers, "success_criteria",
                             _("The sponsor signs off each goal at the review, with the "
                               "numbers to show it."));
  stakeholders = g_strdup_printf (_("Sales: %s. Onboarding and CSM: %s."),
                                  ov_account_get_sales_owner (account),
                                  ov_account_get_owner (account));
  ov_stage_answers_set_text (answers, "stakeholders", stakeholders);
  contract = g_strdup_printf (_("%d-month subscription, %d licences, package: %s."),
                              range (rand, 1, 3) * 12, range (rand, 2, 40) * 25,
                              ov_account_get_package (account));
  ov_stage_answers_set_text (answers, "contract_facts", contract);
  {
    const char *promise = PICK (rand, promises);

    ov_stage_answers_set_text (answers, "promises", promise[0] ? _(promise) : NULL);
  }
  ov_stage_answers_set_text (answers, "risks", _(PICK (rand, risks)));
  set_check (answers, "internal_meeting", rand, 95, entered + range (rand, 0, 2), today);
  set_check (answers, "internal_roles_assigned", rand, 85, entered + range (rand, 1, 3), today);
  set_check (answers, "welcome_sent", rand, 95, entered + range (rand, 2, 4), today);
  set_check (answers, "team_introduced", rand, 90, entered + range (rand, 2, 5), today);
  set_check (answers, "customer_roles_confirmed", rand, 80, entered + range (rand, 3, 7),
             today);
}

static void
fill_kickoff (OvStageAnswers        *answers,
              GRand                 *rand,
              OvAccount             *account,
              const OvSampleHistory *history)
{
  g_autoptr(GPtrArray) agenda = g_ptr_array_new ();
  OvDate kickoff = ov_account_get_date (account, OV_ACCOUNT_DATE_KICKOFF);
  OvDate target;

  if (kickoff == OV_DATE_NONE)
    kickoff = history->entered[OV_STAGE_KICKOFF] + 2;

  pick_distinct (rand, agenda_items, G_N_ELEMENTS (agenda_items), range (rand, 4, 6), agenda);
  g_ptr_array_add (agenda, NULL);
  target = kickoff + range (rand, 30, 60);

  ov_stage_answers_set_date (answers, "kickoff_date", kickoff);
  ov_stage_answers_set_list (answers, "agenda", (const char * const *)agenda->pdata);
  ov_stage_answers_set_date (answers, "target_golive_date", target);
  ov_stage_answers_set_text (answers, "first_value_milestone",
                             ov_account_get_first_value_milestone (account));
  ov_stage_answers_set_date (answers, "first_value_target_date", target + range (rand, 7, 21));
  ov_stage_answers_set_bool (answers, "roles_agreed", range (rand, 1, 100) <= 90);
}

static void
fill_adopt (OvStageAnswers *answers,
            GRand          *rand,
            OvAccount      *account)
{
  g_autoptr(GPtrArray) held = g_ptr_array_new ();

  pick_distinct (rand, trainings, G_N_ELEMENTS (trainings), range (rand, 1, 4), held);
  g_ptr_array_add (held, NULL);
  ov_stage_answers_set_list (answers, "trainings", (const char * const *)held->pdata);
  ov_stage_answers_set_date (answers, "golive_date",
                             ov_account_get_date (account, OV_ACCOUNT_DATE_GOLIVE));
  ov_stage_answers_set_date (answers, "first_value_date",
                             ov_account_get_date (account, OV_ACCOUNT_DATE_FIRST_VALUE));
}

static void
fill_review (OvStageAnswers        *answers,
             GRand                 *rand,
             OvStageAnswers        *handoff,
             const OvSampleHistory *history,
             OvDate                 today)
{
  g_auto(GStrv) handoff_goals = ov_stage_answers_dup_list (handoff, "goals");
  g_autofree char *snapshot = NULL;
  OvDate review = history->entered[OV_STAGE_REVIEW] + range (rand, 5, 15);

  if (history->entered[OV_STAGE_EXPAND] != OV_DATE_NONE)
    review = MIN (review, history->entered[OV_STAGE_EXPAND]);
  ov_stage_answers_set_date (answers, "review_date", MIN (review, today));

  for (guint i = 0; handoff_goals[i] != NULL; i++)
    {
      int roll = range (rand, 1, 100);
      OvGoalOutcome outcome = roll <= 60 ? OV_GOAL_OUTCOME_MET
                              : roll <= 90 ? OV_GOAL_OUTCOME_PARTLY
                              : OV_GOAL_OUTCOME_NOT_MET;
      gboolean commented = range (rand, 1, 100) <= 60;

      ov_stage_answers_set_goal_result (answers, "goal_outcomes", handoff_goals[i], outcome,
                                        commented ? _(outcome_comments[outcome - 1]) : NULL);
    }

  snapshot = g_strdup_printf (_("Active users %d%% of licences, health score %d, NPS %d."),
                              range (rand, 45, 95), range (rand, 55, 95), range (rand, -10, 70));
  ov_stage_answers_set_text (answers, "metrics_snapshot", snapshot);
}

static gboolean
add_answers (OvStore                *store,
             GRand                  *rand,
             OvAccount              *account,
             const OvSampleHistory  *history,
             OvDate                  today,
             GError                **error)
{
  g_autoptr(OvStageAnswers) handoff = NULL;
  gint64 id = ov_account_get_id (account);
  OvStage current = ov_account_get_stage (account);

  for (OvStage stage = OV_STAGE_FIRST; stage < current; stage++)
    {
      g_autoptr(OvStageAnswers) answers = ov_stage_answers_new (id, stage);

      switch (stage)
        {
        case OV_STAGE_EMBARK:
          fill_embark (answers, rand, account, history, today);
          break;
        case OV_STAGE_HANDOFF:
          fill_handoff (answers, rand, account, history, today);
          handoff = g_object_ref (answers);
          break;
        case OV_STAGE_KICKOFF:
          fill_kickoff (answers, rand, account, history);
          break;
        case OV_STAGE_ADOPT:
          fill_adopt (answers, rand, account);
          break;
        case OV_STAGE_REVIEW:
          if (handoff != NULL)
            fill_review (answers, rand, handoff, history, today);
          break;
        case OV_STAGE_EXPAND:
        default:
          break;
        }

      if (!ov_store_save_answers (store, answers, error))
        return FALSE;
    }

  return TRUE;
}

OvPlaybook *
ov_sample_journey_playbook (OvStore  *store,
                            GError  **error)
{
  g_autoptr(GError) local_error = NULL;
  OvPlaybook *playbook = ov_store_get_default_playbook (store, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Someone deleted the default: the tasks still follow the shipped one. */
  return playbook ? playbook : ov_playbook_new_default ();
}

gboolean
ov_sample_add_journey (OvStore                *store,
                       GRand                  *rand,
                       OvAccount              *account,
                       const OvSampleHistory  *history,
                       OvPlaybook             *playbook,
                       OvDate                  today,
                       const char             *now,
                       GError                **error)
{
  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (OV_IS_ACCOUNT (account), FALSE);
  g_return_val_if_fail (OV_IS_PLAYBOOK (playbook), FALSE);

  return add_people (store, rand, account, error) &&
         add_tasks (store, rand, account, history, playbook, today, now, error) &&
         add_answers (store, rand, account, history, today, error);
}
