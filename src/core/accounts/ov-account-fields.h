/* ov-account-fields.h — the fields of an account, for the files of OvAccount
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only ov-account.c and ov-account-load.c see inside an account; everyone
 * else, the account's other files included, goes through its functions.
 */

#pragma once

#include "ov-account-private.h"

G_BEGIN_DECLS

/* 100,000 of these stay in memory: the fields are ordered and sized so
 * that an instance fits a 144-byte slice. */
struct _OvAccount
{
  GObject          parent_instance;

  gint64           id;
  gint64           arr_cents;
  /* Playbooks and packages are counted in dozens: 32 bits hold their ids. */
  guint32          playbook_id;
  guint32          package_id;
  /* The name and the external id in one allocation, "NAME\0ID\0" (see
   * ov_account_set_name_and_id()); NULL when neither is set. */
  char            *name_and_id;
  char            *segment;
  char            *owner;
  char            *sales_owner;
  char            *currency;
  char            *first_value_milestone;
  char            *package;
  char            *notes;

  OvDate           dates[OV_N_ACCOUNT_DATES];

  /* Unix seconds, UTC; 0 until stored. Unsigned 32 bits last until 2106. */
  guint32          created_at;
  guint32          updated_at;
  /* The row's version when read or last written here; 0 until stored. */
  guint32          version;

  /* The day it churned: any date up to 9999-12-31 is a day number below
   * 2^22, so it shares four bytes with the small fields. */
  guint32          churned_on : 22;   /* OvDate */
  guint32          stage : 3;         /* OvStage */
  guint32          status : 2;        /* OvAccountStatus */
  guint32          has_name : 1;
  guint32          has_external_id : 1;
};

#define MAX_CHURNED_ON ((1 << 22) - 1)

/* The name and the external id in one block (ov-account.c). */
void ov_account_set_name_and_id (OvAccount  *self,
                                 const char *name,
                                 const char *external_id);

G_END_DECLS
