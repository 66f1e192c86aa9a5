/* ov-playbook-default.c — the playbook Overture ships
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A starting point a team adapts: a handful of tasks per stage, each owned
 * by a role (internal or customer) and due a number of days after the
 * account enters the stage. Written for translation: every string is
 * marked and translated when the playbook is first stored.
 */

#define G_LOG_DOMAIN "ov-playbook"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-playbook.h"

typedef struct
{
  OvStage     stage;
  const char *role;
  int         day_offset;
  const char *title;
  const char *description;
} DefaultTask;

static const DefaultTask default_tasks[] = {
  /* Embark: onboarding is part of what the customer buys. */
  { OV_STAGE_EMBARK, "sales", 0,
    N_("Write down why the customer is buying"),
    N_("Capture the problems they want gone and the results they expect, in their words.") },
  { OV_STAGE_EMBARK, "sales", 3,
    N_("Walk the buyer through the onboarding plan"),
    N_("Show how the first weeks after signing will run, so the plan is part of the deal.") },
  { OV_STAGE_EMBARK, "sales", 5,
    N_("Propose the onboarding package that fits"),
    N_("Match the package to the size and risk of the rollout and explain what each adds.") },
  { OV_STAGE_EMBARK, "onboarding", 7,
    N_("Join a sales call to meet the buyer"),
    N_("The onboarding specialist introduces themselves before the contract is signed.") },
  { OV_STAGE_EMBARK, "sales", 10,
    N_("Confirm the expected close date"),
    N_("Agree on a realistic signing date so the onboarding team can plan its capacity.") },

  /* Handoff: first inside the company, then with the customer. */
  { OV_STAGE_HANDOFF, "sales", 1,
    N_("Fill in the handoff form"),
    N_("Goals, success criteria, people, contract facts, promises made and known risks.") },
  { OV_STAGE_HANDOFF, "sales", 2,
    N_("Hold the internal handoff meeting"),
    N_("Sales walks the onboarding team through the form and answers their questions.") },
  { OV_STAGE_HANDOFF, "onboarding", 2,
    N_("Name a person for every internal role"),
    N_("Make sure CSM, support, training and services each know this account is theirs.") },
  { OV_STAGE_HANDOFF, "onboarding", 3,
    N_("Send the welcome message"),
    N_("Thank the customer, introduce the team and say what happens in the next two weeks.") },
  { OV_STAGE_HANDOFF, "csm", 5,
    N_("Confirm who plays which role at the customer"),
    N_("Sponsor, champion and admin: get names and emails, and check they agree to the role.") },
  { OV_STAGE_HANDOFF, "onboarding", 7,
    N_("Send the kickoff invitation"),
    N_("Invite the customer team and the internal team with a draft agenda attached.") },

  /* Kickoff: agree on the way to go-live and to first value. */
  { OV_STAGE_KICKOFF, "onboarding", 0,
    N_("Prepare the kickoff agenda"),
    N_("Goals, scope, timeline, roles, the first-value milestone and open questions.") },
  { OV_STAGE_KICKOFF, "onboarding", 3,
    N_("Run the kickoff meeting"),
    N_("Walk through the agenda with both teams and note every decision and owner.") },
  { OV_STAGE_KICKOFF, "csm", 3,
    N_("Agree on the first-value milestone"),
    N_("Settle with the sponsor on one concrete result that shows the product is paying off.") },
  { OV_STAGE_KICKOFF, "onboarding", 4,
    N_("Share the kickoff summary"),
    N_("Send the agreed dates, roles and next steps to everyone who attended.") },
  { OV_STAGE_KICKOFF, "admin", 7,
    N_("Provide system access and data samples"),
    N_("The customer's admin grants the accounts and sample data the setup needs.") },

  /* Adopt: configure, train, reach first value. */
  { OV_STAGE_ADOPT, "services", 7,
    N_("Configure the workspace"),
    N_("Set up the product as agreed at the kickoff and review it with the admin.") },
  { OV_STAGE_ADOPT, "training", 10,
    N_("Train the administrators"),
    N_("Hands-on session for the people who will run the product day to day.") },
  { OV_STAGE_ADOPT, "services", 14,
    N_("Connect the customer's systems"),
    N_("Set up the integrations and check the first data arrives correctly.") },
  { OV_STAGE_ADOPT, "training", 21,
    N_("Train the end users"),
    N_("Short, role-based sessions; record them for people who join later.") },
  { OV_STAGE_ADOPT, "champion", 21,
    N_("Invite the first team of users"),
    N_("The champion brings the first team on board and collects their questions.") },
  { OV_STAGE_ADOPT, "csm", 28,
    N_("Check usage and follow up"),
    N_("Look at who logs in and what they use; help the teams that are falling behind.") },
  { OV_STAGE_ADOPT, "onboarding", 35,
    N_("Confirm go-live with the sponsor"),
    N_("Agree that the product is live for the teams in scope and record the date.") },
  { OV_STAGE_ADOPT, "csm", 45,
    N_("Record the first value reached"),
    N_("Note the date the agreed milestone was met and tell the whole team.") },

  /* Review: look back together and listen. */
  { OV_STAGE_REVIEW, "csm", 0,
    N_("Collect the before and after numbers"),
    N_("Compare the baseline from the start with today's usage, health and outcomes.") },
  { OV_STAGE_REVIEW, "csm", 5,
    N_("Hold the listening interview"),
    N_("Ask the customer what worked, what to improve and what they still need.") },
  { OV_STAGE_REVIEW, "csm", 10,
    N_("Run the review meeting"),
    N_("Go through each goal from the handoff with the sponsor: met, partly met or not.") },
  { OV_STAGE_REVIEW, "csm", 12,
    N_("Send the review report"),
    N_("Share the outcomes, the numbers and the agreed next steps in writing.") },
  { OV_STAGE_REVIEW, "support", 14,
    N_("Take over the open issues"),
    N_("Support picks up anything still open so nothing is lost when onboarding ends.") },

  /* Expand: onboarding never really ends. */
  { OV_STAGE_EXPAND, "csm", 14,
    N_("Plan onboarding for new users and teams"),
    N_("Agree with the champion how newcomers get trained and set up.") },
  { OV_STAGE_EXPAND, "training", 30,
    N_("Check for user turnover"),
    N_("Find people who left or changed jobs and train their replacements.") },
  { OV_STAGE_EXPAND, "sales", 45,
    N_("Look for expansion opportunities"),
    N_("Other teams, products or sites that would gain from what this team achieved.") },
  { OV_STAGE_EXPAND, "champion", 60,
    N_("Share a success story"),
    N_("The champion tells other teams inside their company what changed for them.") },
  { OV_STAGE_EXPAND, "csm", 90,
    N_("Prepare the renewal conversation"),
    N_("Gather the outcomes and usage that show the value of renewing.") },
};

OvPlaybook *
ov_playbook_new_default (void)
{
  OvPlaybook *playbook = ov_playbook_new (_("Standard onboarding"));

  ov_playbook_set_description (playbook,
                               _("The playbook Overture comes with: the essential tasks of "
                                 "each stage, from the first sales call to the renewal. "
                                 "Duplicate it to make one for your own team."));
  ov_playbook_set_is_default (playbook, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (default_tasks); i++)
    {
      const DefaultTask *def = &default_tasks[i];
      g_autoptr(OvPlaybookTask) task = ov_playbook_task_new (def->stage, _(def->title),
                                                             _(def->description), def->role,
                                                             def->day_offset);

      ov_playbook_add_task (playbook, task);
    }

  return playbook;
}
