/* ov-sample-content.c — the sample portfolio's content library, its
 * assignments and how far the customers got
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Seven items, one or two per stage from Handoff on. Each of the first
 * OV_SAMPLE_CONTENT_ACCOUNTS accounts with people gets the items of the
 * stages it has reached, assigned the day it entered the item's stage.
 * Items of stages it has left are mostly completed, those of its current
 * stage partly: a library with real, partial completion. Every draw comes
 * from the account's own generator, so the same seed gives the same
 * completions and nothing else in the sample moves.
 */

#define G_LOG_DOMAIN "ov-sample"

#include "config.h"

#include "ov-person.h"
#include "ov-sample-private.h"
#include "ov-store-content.h"
#include "ov-store-people.h"
#include "ov-store-playbooks.h"

static const struct
{
  const char      *title;
  OvContentFormat  format;
  const char      *role;
  OvStage          stage;
  const char      *location;
  guint            minutes;
} library[] = {
  { "Welcome to the platform", OV_CONTENT_FORMAT_VIDEO, "", OV_STAGE_HANDOFF,
    "https://learn.example.com/videos/welcome", 15 },
  { "Admin foundations", OV_CONTENT_FORMAT_COURSE, "admin", OV_STAGE_KICKOFF,
    "https://learn.example.com/courses/admin-foundations", 90 },
  { "The champion's handbook", OV_CONTENT_FORMAT_GUIDE, "champion", OV_STAGE_KICKOFF,
    "https://learn.example.com/guides/champion", 30 },
  { "Daily workflows, live", OV_CONTENT_FORMAT_WEBINAR, "", OV_STAGE_ADOPT,
    "https://learn.example.com/webinars/daily-workflows", 45 },
  { "Build your first report", OV_CONTENT_FORMAT_EXERCISE, "", OV_STAGE_ADOPT,
    "Sandbox workspace, exercise 3", 60 },
  { "Showing value to your leadership", OV_CONTENT_FORMAT_GUIDE, "sponsor", OV_STAGE_REVIEW,
    "https://learn.example.com/guides/value", 20 },
  { "Automation in depth", OV_CONTENT_FORMAT_COURSE, "admin", OV_STAGE_EXPAND,
    "https://learn.example.com/courses/automation", 120 },
};

/* The library's items in the order above: found by title, or added. */
GPtrArray *
ov_sample_content_library (OvStore  *store,
                           GError  **error)
{
  g_autoptr(GPtrArray) stored = ov_store_list_content_items (store, error);
  g_autoptr(GPtrArray) items = NULL;

  if (stored == NULL)
    return NULL;

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < G_N_ELEMENTS (library); i++)
    {
      g_autofree char *key = g_utf8_casefold (library[i].title, -1);
      OvContentItem *found = NULL;

      for (guint j = 0; j < stored->len && found == NULL; j++)
        {
          g_autofree char *other = g_utf8_casefold (ov_content_item_get_title (stored->pdata[j]),
                                                    -1);

          if (g_strcmp0 (key, other) == 0)
            found = g_object_ref (stored->pdata[j]);
        }

      if (found == NULL)
        {
          found = ov_content_item_new (library[i].title, library[i].format);
          ov_content_item_set_role (found, library[i].role);
          ov_content_item_set_stage (found, library[i].stage);
          ov_content_item_set_location (found, library[i].location);
          ov_content_item_set_duration (found, library[i].minutes);
          if (!ov_store_add_content_item (store, found, error))
            {
              g_object_unref (found);
              return NULL;
            }
        }
      g_ptr_array_add (items, found);
    }

  return g_steal_pointer (&items);
}

/* The trainer's tasks of a stage, in order, and the item of the library
 * above each is about: the administrators learn the foundations, the end
 * users the daily workflows, newcomers the welcome video. */
static const struct
{
  OvStage stage;
  guint   nth;       /* among the stage's tasks owned by "training" */
  guint   item;      /* index in library[] */
} training_links[] = {
  { OV_STAGE_ADOPT, 0, 1 },
  { OV_STAGE_ADOPT, 1, 3 },
  { OV_STAGE_EXPAND, 0, 0 },
};

gboolean
ov_sample_link_training (OvStore     *store,
                         OvPlaybook  *playbook,
                         GPtrArray   *items,
                         GError     **error)
{
  gboolean changed = FALSE;

  g_assert (items->len == G_N_ELEMENTS (library));

  for (guint i = 0; i < G_N_ELEMENTS (training_links); i++)
    {
      g_autoptr(GPtrArray) tasks = ov_playbook_dup_tasks (playbook, training_links[i].stage);
      guint seen = 0;

      for (guint j = 0; j < tasks->len; j++)
        {
          OvPlaybookTask *task = g_ptr_array_index (tasks, j);

          if (g_strcmp0 (ov_playbook_task_get_role (task), "training") != 0)
            continue;
          if (seen++ != training_links[i].nth)
            continue;

          /* A link the user chose stays. */
          if (ov_playbook_task_get_content (task) == NULL)
            {
              ov_playbook_task_set_content (task, g_ptr_array_index (items,
                                                                     training_links[i].item));
              changed = TRUE;
            }
          break;
        }
    }

  if (!changed || ov_playbook_get_id (playbook) == 0)
    return TRUE;

  return ov_store_save_playbook (store, playbook, error);
}

/* Whether @person takes @item: the item's role holders, or everyone on the
 * customer's side for an item without one. */
static gboolean
takes (OvPerson      *person,
       OvContentItem *item)
{
  const char *role = ov_content_item_get_role (item);

  return ov_person_get_side (person) == OV_SIDE_CUSTOMER &&
         (role[0] == '\0' || ov_person_has_role (person, role));
}

static gboolean
add_completion (OvStore        *store,
                GRand          *rand,
                OvContentItem  *item,
                OvPerson       *person,
                OvDate          assigned_on,
                gboolean        current,
                OvDate          today,
                GError        **error)
{
  /* Of a stage left behind most finish; of the current stage fewer. */
  int draw = g_rand_int_range (rand, 0, 100);
  int done = current ? 30 : 75;
  int started = current ? 70 : 90;

  if (draw < done)
    {
      OvDate on = ov_date_add_days (assigned_on, g_rand_int_range (rand, 2, 40));

      on = MIN (on, today);

      return ov_store_set_completion (store, ov_content_item_get_id (item),
                                      ov_person_get_id (person), OV_COMPLETION_COMPLETED, 100, on,
                                      error);
    }
  if (draw < started)
    return ov_store_set_completion (store, ov_content_item_get_id (item),
                                    ov_person_get_id (person), OV_COMPLETION_IN_PROGRESS,
                                    g_rand_int_range (rand, 10, 95), OV_DATE_NONE, error);
  return TRUE;
}

gboolean
ov_sample_add_content (OvStore                *store,
                       GRand                  *rand,
                       GPtrArray              *items,
                       OvAccount              *account,
                       const OvSampleHistory  *history,
                       OvDate                  today,
                       GError                **error)
{
  g_autoptr(GPtrArray) people = NULL;
  gint64 account_id = ov_account_get_id (account);
  OvStage stage = ov_account_get_stage (account);

  if (stage < OV_STAGE_HANDOFF)
    return TRUE;

  people = ov_store_list_people (store, account_id, error);
  if (people == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      OvContentItem *item = items->pdata[i];
      OvStage item_stage = ov_content_item_get_stage (item);
      OvDate assigned_on = history->entered[item_stage];
      guint n_added = 0;

      if (item_stage > stage || assigned_on == OV_DATE_NONE)
        continue;
      if (ov_store_assign_content_to_account (store, ov_content_item_get_id (item), account_id,
                                              assigned_on, &n_added, error) < 0)
        return FALSE;

      for (guint j = 0; j < people->len; j++)
        if (takes (people->pdata[j], item) &&
            !add_completion (store, rand, item, people->pdata[j], assigned_on,
                             item_stage == stage, today, error))
          return FALSE;
    }

  return TRUE;
}
