/* ov-account-load.c — an account as the store read it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The portfolio's load makes 100,000 of these in a worker: the texts that
 * repeat across accounts are shared, the rest copied once.
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <string.h>

#include "ov-account-fields.h"
#include "ov-stage.h"
#include "ov-text.h"

static void
load_text (char       **field,
           const char  *text)
{
  *field = text != NULL && text[0] != '\0' ? g_strdup (text) : NULL;
}

/* Owners, segments, currencies, packages and milestones repeat across a
 * portfolio: 100,000 accounts share a few dozen of each, so they are
 * interned, reference-counted strings. */
static void
load_shared_text (char       **field,
                  const char  *text)
{
  *field = text != NULL && text[0] != '\0' ? ov_text_intern (text) : NULL;
}

/* A stored date is written by us as YYYY-MM-DD; anything else (none, or a
 * file edited by hand) reads as none. Five per account, 100,000 accounts:
 * the exact parser only. */
static OvDate
load_date (const char *text)
{
  OvDate date;

  if (text == NULL || !ov_date_parse_iso_exact (text, strlen (text), &date))
    return OV_DATE_NONE;

  return date;
}

OvAccount *
ov_account_new_from_row (const OvAccountRow *row)
{
  OvAccount *self = g_object_new (OV_TYPE_ACCOUNT, NULL);

  g_clear_pointer (&self->currency, g_ref_string_release);

  self->id = row->id;
  ov_account_set_name_and_id (self, row->name, row->external_id);
  load_shared_text (&self->segment, row->segment);
  load_shared_text (&self->owner, row->owner);
  load_shared_text (&self->sales_owner, row->sales_owner);
  self->arr_cents = row->arr_cents;
  load_shared_text (&self->currency, row->currency);
  self->stage = ov_stage_is_valid (row->stage) ? (OvStage)row->stage : OV_STAGE_EMBARK;
  self->status = CLAMP (row->status, 0, OV_N_ACCOUNT_STATUSES - 1);
  for (int i = 0; i < OV_N_ACCOUNT_DATES; i++)
    self->dates[i] = load_date (row->dates[i]);
  load_shared_text (&self->first_value_milestone, row->first_value_milestone);
  load_shared_text (&self->package, row->package);
  load_text (&self->notes, row->notes);
  self->playbook_id = (guint32)CLAMP (row->playbook_id, 0, G_MAXUINT32);
  self->package_id = (guint32)CLAMP (row->package_id, 0, G_MAXUINT32);
  self->churned_on = CLAMP (load_date (row->churned_on), 0, MAX_CHURNED_ON);
  self->created_at = (guint32)CLAMP (row->created_at, 0, G_MAXUINT32);
  self->updated_at = (guint32)CLAMP (row->updated_at, 0, G_MAXUINT32);
  self->version = (guint32)CLAMP (row->version, 0, G_MAXUINT32);

  return self;
}
