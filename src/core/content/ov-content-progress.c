/* ov-content-progress.c — who takes an assigned item, how far they got,
 * and the completion rates
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain arithmetic over what the store read; the definitions are in the
 * header. A rate with nothing to count is NAN so that no view shows an
 * account without learners as one that completed nothing.
 */

#define G_LOG_DOMAIN "ov-content"

#include "config.h"

#include <math.h>

#include "ov-content-progress.h"

static void
learner_clear (gpointer data)
{
  OvLearner *learner = data;

  g_clear_pointer (&learner->name, g_free);
  g_clear_pointer (&learner->email, g_free);
}

OvAssignedContent *
ov_assigned_content_new (OvContentItem *item,
                         gint64         account_id,
                         OvDate         assigned_on)
{
  OvAssignedContent *self;

  g_return_val_if_fail (OV_IS_CONTENT_ITEM (item), NULL);

  self = g_new0 (OvAssignedContent, 1);
  self->item = g_object_ref (item);
  self->account_id = account_id;
  self->assigned_on = assigned_on;
  self->learners = g_array_new (FALSE, TRUE, sizeof (OvLearner));
  g_array_set_clear_func (self->learners, learner_clear);
  return self;
}

void
ov_assigned_content_free (OvAssignedContent *self)
{
  if (self == NULL)
    return;

  g_clear_object (&self->item);
  g_clear_pointer (&self->learners, g_array_unref);
  g_free (self);
}

void
ov_assigned_content_add_learner (OvAssignedContent  *self,
                                 gint64              person_id,
                                 const char         *name,
                                 const char         *email,
                                 OvCompletionStatus  status,
                                 guint               progress,
                                 OvDate              completed_on)
{
  OvLearner learner = {
    .person_id = person_id,
    .name = g_strdup (name != NULL ? name : ""),
    .email = g_strdup (email != NULL ? email : ""),
    .status = status,
    .progress = MIN (progress, 100),
    .completed_on = status == OV_COMPLETION_COMPLETED ? completed_on : OV_DATE_NONE,
  };

  g_return_if_fail (self != NULL);
  g_return_if_fail (ov_completion_status_is_valid (status));

  g_array_append_val (self->learners, learner);
}

guint
ov_assigned_content_get_n_completed (const OvAssignedContent *self)
{
  guint n = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < self->learners->len; i++)
    if (g_array_index (self->learners, OvLearner, i).status == OV_COMPLETION_COMPLETED)
      n++;

  return n;
}

OvCompletionStatus
ov_assigned_content_summarize (const OvAssignedContent *self,
                               guint                   *progress,
                               OvDate                  *completed_on)
{
  guint n = 0, n_completed = 0, n_started = 0, sum = 0;
  OvDate last = OV_DATE_NONE;

  g_return_val_if_fail (self != NULL, OV_COMPLETION_NOT_STARTED);

  for (guint i = 0; i < self->learners->len; i++)
    {
      const OvLearner *learner = &g_array_index (self->learners, OvLearner, i);

      n++;
      if (learner->status == OV_COMPLETION_COMPLETED)
        {
          n_completed++;
          sum += 100;
          last = MAX (last, learner->completed_on);
        }
      else
        sum += learner->progress;
      if (learner->status != OV_COMPLETION_NOT_STARTED || learner->progress > 0)
        n_started++;
    }

  if (progress != NULL)
    /* Rounded half up: three learners at 100, 50 and 0 make 50 %. */
    *progress = n > 0 ? (sum + n / 2) / n : 0;
  if (completed_on != NULL)
    *completed_on = n > 0 && n_completed == n ? last : OV_DATE_NONE;

  if (n > 0 && n_completed == n)
    return OV_COMPLETION_COMPLETED;
  if (n_started > 0)
    return OV_COMPLETION_IN_PROGRESS;
  return OV_COMPLETION_NOT_STARTED;
}

double
ov_content_rate (guint n_completed,
                 guint n_learners)
{
  if (n_learners == 0)
    return NAN;

  return 100.0 * n_completed / n_learners;
}

double
ov_content_account_rate (GPtrArray *assigned,
                         guint     *n_learners,
                         guint     *n_completed)
{
  guint learners = 0, completed = 0;

  g_return_val_if_fail (assigned != NULL, NAN);

  for (guint i = 0; i < assigned->len; i++)
    {
      const OvAssignedContent *content = g_ptr_array_index (assigned, i);

      learners += content->learners->len;
      completed += ov_assigned_content_get_n_completed (content);
    }

  if (n_learners != NULL)
    *n_learners = learners;
  if (n_completed != NULL)
    *n_completed = completed;
  return ov_content_rate (completed, learners);
}

gboolean
ov_completion_reconcile (gboolean            has_status,
                         OvCompletionStatus  status,
                         int                 progress,
                         OvCompletionStatus *status_out,
                         guint              *progress_out)
{
  g_return_val_if_fail (status_out != NULL && progress_out != NULL, FALSE);
  g_return_val_if_fail (progress <= 100, FALSE);

  if (!has_status)
    {
      if (progress < 0)
        return FALSE;
      *progress_out = progress;
      *status_out = progress == 100 ? OV_COMPLETION_COMPLETED
                    : progress > 0  ? OV_COMPLETION_IN_PROGRESS
                                    : OV_COMPLETION_NOT_STARTED;
      return TRUE;
    }

  switch (status)
    {
    case OV_COMPLETION_COMPLETED:
      if (progress >= 0 && progress < 100)
        return FALSE;
      *progress_out = 100;
      break;
    case OV_COMPLETION_NOT_STARTED:
      if (progress > 0)
        return FALSE;
      *progress_out = 0;
      break;
    case OV_COMPLETION_IN_PROGRESS:
      /* An LMS may say "in progress" at 100 % until the final quiz. */
      *progress_out = progress < 0 ? 0 : MIN (progress, 99);
      break;
    case OV_N_COMPLETION_STATUSES:
    default:
      return FALSE;
    }

  *status_out = status;
  return TRUE;
}
