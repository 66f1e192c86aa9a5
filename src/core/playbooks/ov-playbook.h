/* ov-playbook.h — a reusable template of tasks for the six stages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-playbook-task.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_PLAYBOOK_ERROR (ov_playbook_error_quark ())

typedef enum
{
  OV_PLAYBOOK_ERROR_INVALID,   /* a field of the playbook or a task is wrong */
  OV_PLAYBOOK_ERROR_SYNTAX,    /* an imported file is not JSON */
  OV_PLAYBOOK_ERROR_FORMAT,    /* JSON, but not an Overture playbook */
  OV_PLAYBOOK_ERROR_VERSION,   /* a playbook file of a newer format */
} OvPlaybookError;

/* Limits on what a playbook holds. Every task of the playbook is copied to
 * an account at each stage change, so a stage of 60,000 tasks is a mistake
 * or an attack, never a plan. The file limits keep a hostile file away from
 * the JSON parser (which recurses once per level of nesting). */
#define OV_PLAYBOOK_MAX_STAGE_TASKS 100
#define OV_PLAYBOOK_MAX_TASKS       300
#define OV_PLAYBOOK_MAX_FILE_SIZE   (4 * 1024 * 1024)
#define OV_PLAYBOOK_MAX_FILE_DEPTH  16
#define OV_PLAYBOOK_MAX_FILE_COUNT  100
/* A task's training in a file: longer text than this is no title or
 * link anyone typed. */
#define OV_PLAYBOOK_MAX_TRAINING_TITLE    200
#define OV_PLAYBOOK_MAX_TRAINING_LOCATION 2048

#define OV_TYPE_PLAYBOOK (ov_playbook_get_type ())

G_DECLARE_FINAL_TYPE (OvPlaybook, ov_playbook, OV, PLAYBOOK, GObject)

/* Properties (explicit notify): "id" (0 until stored), "name",
 * "description", "segment" (this playbook is the default for accounts of
 * that segment; "" for none), "is-default" (the default when neither the
 * account nor its segment names one; at most one playbook has it);
 * read-only: "n-tasks". */

GQuark          ov_playbook_error_quark      (void);
OvPlaybook     *ov_playbook_new              (const char     *name);

/* The playbook Overture ships, in the current language: several tasks per
 * stage, each with an owner role and a day offset. */
OvPlaybook     *ov_playbook_new_default      (void);

/* A deep copy: the tasks are copied too (with their ids). */
OvPlaybook     *ov_playbook_copy             (OvPlaybook     *self);

/* Name must not be blank; every task needs a title, a valid stage, a role
 * id and a day offset in 0..OV_PLAYBOOK_MAX_DAY_OFFSET. No text holds
 * control characters, except tabs and line breaks in descriptions. At most
 * OV_PLAYBOOK_MAX_STAGE_TASKS tasks per stage and OV_PLAYBOOK_MAX_TASKS in
 * all. Task messages name the stage and the task's position, e.g.
 * "Kickoff, task 2: …". */
gboolean        ov_playbook_validate         (OvPlaybook     *self,
                                              GError        **error);

gint64          ov_playbook_get_id           (OvPlaybook     *self);
void            ov_playbook_set_id           (OvPlaybook     *self,
                                              gint64          id);
gint64          ov_playbook_get_version      (OvPlaybook     *self);
void            ov_playbook_set_version      (OvPlaybook     *self,
                                              gint64          version);
const char     *ov_playbook_get_name         (OvPlaybook     *self);
void            ov_playbook_set_name         (OvPlaybook     *self,
                                              const char     *name);
const char     *ov_playbook_get_description  (OvPlaybook     *self);
void            ov_playbook_set_description  (OvPlaybook     *self,
                                              const char     *description);
const char     *ov_playbook_get_segment      (OvPlaybook     *self);
void            ov_playbook_set_segment      (OvPlaybook     *self,
                                              const char     *segment);
gboolean        ov_playbook_get_is_default   (OvPlaybook     *self);
void            ov_playbook_set_is_default   (OvPlaybook     *self,
                                              gboolean        is_default);

/* Tasks, per stage in their order. @stage 0 counts or returns every task
 * (ordered by stage). The arrays returned are new and hold references. */
guint           ov_playbook_get_n_tasks      (OvPlaybook     *self,
                                              OvStage         stage);
GPtrArray      *ov_playbook_dup_tasks        (OvPlaybook     *self,
                                              OvStage         stage);

/* Appends @task at the end of its stage (takes a reference). */
void            ov_playbook_add_task         (OvPlaybook     *self,
                                              OvPlaybookTask *task);
void            ov_playbook_remove_task      (OvPlaybook     *self,
                                              OvPlaybookTask *task);

/* Moves @task to @position among the tasks of its stage (clamped). */
void            ov_playbook_move_task        (OvPlaybook     *self,
                                              OvPlaybookTask *task,
                                              guint           position);

/* Versioned JSON, see ov-playbook-json.c for the format. to_json never
 * fails; from_json validates everything and names the offending path in
 * its message, e.g. "stages.kickoff[1].role: “ceo” is not a role …". The
 * returned playbook has id 0, task ids 0 and is not the default. */
char           *ov_playbook_to_json          (OvPlaybook     *self,
                                              gsize          *length);
OvPlaybook     *ov_playbook_new_from_json    (const char     *data,
                                              gssize          length,
                                              GError        **error);

/* Several playbooks in one file (a list of OvPlaybook). The reader takes a
 * file of one playbook too, so whatever either writer wrote reads back;
 * the array it returns is never empty. */
char           *ov_playbook_list_to_json     (GPtrArray      *playbooks,
                                              gsize          *length);
GPtrArray      *ov_playbook_list_new_from_json (const char   *data,
                                                gssize        length,
                                                GError      **error);

G_END_DECLS
