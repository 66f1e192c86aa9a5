/* ov-task-filter.c — which open tasks a portfolio-wide task list shows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-tasks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-role.h"
#include "ov-stage.h"
#include "ov-task-filter.h"

G_DEFINE_QUARK (ov-task-filter-error-quark, ov_task_filter_error)

OvTaskFilter *
ov_task_filter_new (OvDate today)
{
  OvTaskFilter *self = g_new0 (OvTaskFilter, 1);

  self->today = today;
  return self;
}

OvTaskFilter *
ov_task_filter_copy (const OvTaskFilter *self)
{
  OvTaskFilter *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->owner = g_strdup (self->owner);
  copy->role = g_strdup (self->role);
  copy->account = g_strdup (self->account);
  return copy;
}

void
ov_task_filter_free (OvTaskFilter *self)
{
  if (self == NULL)
    return;

  g_free (self->owner);
  g_free (self->role);
  g_free (self->account);
  g_free (self);
}

/* Blank text is no filter. */
static void
set_text (char       **field,
          const char  *text)
{
  g_autofree char *stripped = text != NULL ? g_strstrip (g_strdup (text)) : NULL;

  g_free (*field);
  *field = stripped != NULL && stripped[0] != '\0' ? g_steal_pointer (&stripped) : NULL;
}

void
ov_task_filter_set_owner (OvTaskFilter *self,
                          const char   *owner)
{
  g_return_if_fail (self != NULL);

  set_text (&self->owner, owner);
}

void
ov_task_filter_set_role (OvTaskFilter *self,
                         const char   *role)
{
  g_return_if_fail (self != NULL);

  set_text (&self->role, role);
}

void
ov_task_filter_set_account (OvTaskFilter *self,
                            const char   *account)
{
  g_return_if_fail (self != NULL);

  set_text (&self->account, account);
}

gboolean
ov_task_filter_is_empty (const OvTaskFilter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return (self->owner == NULL || self->owner[0] == '\0') &&
         (self->role == NULL || self->role[0] == '\0') &&
         (self->account == NULL || self->account[0] == '\0') &&
         self->stage == 0 && self->due == OV_TASK_DUE_ANY;
}

gboolean
ov_task_filter_validate (const OvTaskFilter  *self,
                         GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->today == OV_DATE_NONE)
    {
      g_set_error_literal (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID,
                           _("Task list: no day to tell overdue tasks by."));
      return FALSE;
    }
  if (self->role != NULL && self->role[0] != '\0' && !ov_role_is_valid (self->role))
    {
      g_set_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID,
                   _("Role: “%s” is not a role; use one such as “csm” or “onboarding”."),
                   self->role);
      return FALSE;
    }
  if (self->stage != 0 && !ov_stage_is_valid (self->stage))
    {
      g_set_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID,
                   _("Stage: %d is not a stage; use 1 (Embark) to 6 (Expand), or 0 for all."),
                   (int)self->stage);
      return FALSE;
    }
  if ((guint)self->due > OV_TASK_DUE_LATER)
    {
      g_set_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID,
                   _("Due: %d is not a choice; use overdue, this week or later."),
                   (int)self->due);
      return FALSE;
    }
  if ((guint)self->sort > OV_TASK_SORT_OWNER)
    {
      g_set_error (error, OV_TASK_FILTER_ERROR, OV_TASK_FILTER_ERROR_INVALID,
                   _("Sort: %d is not an order; sort by due date, account or owner."),
                   (int)self->sort);
      return FALSE;
    }

  return TRUE;
}
