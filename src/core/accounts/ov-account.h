/* ov-account.h — one customer account being onboarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_ACCOUNT_ERROR (ov_account_error_quark ())

typedef enum
{
  OV_ACCOUNT_ERROR_NAME,
  OV_ACCOUNT_ERROR_ARR,
  OV_ACCOUNT_ERROR_CURRENCY,
  OV_ACCOUNT_ERROR_DATE,
  OV_ACCOUNT_ERROR_DATE_ORDER,
  OV_ACCOUNT_ERROR_STAGE,
} OvAccountError;

typedef enum
{
  OV_ACCOUNT_DATE_CLOSE,
  OV_ACCOUNT_DATE_KICKOFF,
  OV_ACCOUNT_DATE_GOLIVE,
  OV_ACCOUNT_DATE_FIRST_VALUE,
} OvAccountDate;

#define OV_N_ACCOUNT_DATES 4

#define OV_TYPE_ACCOUNT (ov_account_get_type ())

G_DECLARE_FINAL_TYPE (OvAccount, ov_account, OV, ACCOUNT, GObject)

GQuark           ov_account_error_quark             (void);
OvAccount       *ov_account_new                     (void);
OvAccount       *ov_account_copy                    (OvAccount      *self);
void             ov_account_assign                  (OvAccount      *self,
                                                     OvAccount      *from);
gboolean         ov_account_validate                (OvAccount      *self,
                                                     GError        **error);

gint64           ov_account_get_id                  (OvAccount      *self);
void             ov_account_set_id                  (OvAccount      *self,
                                                     gint64          id);
const char      *ov_account_get_external_id         (OvAccount      *self);
void             ov_account_set_external_id         (OvAccount      *self,
                                                     const char     *external_id);
const char      *ov_account_get_name                (OvAccount      *self);
void             ov_account_set_name                (OvAccount      *self,
                                                     const char     *name);
const char      *ov_account_get_segment             (OvAccount      *self);
void             ov_account_set_segment             (OvAccount      *self,
                                                     const char     *segment);
const char      *ov_account_get_owner               (OvAccount      *self);
void             ov_account_set_owner               (OvAccount      *self,
                                                     const char     *owner);
const char      *ov_account_get_sales_owner         (OvAccount      *self);
void             ov_account_set_sales_owner         (OvAccount      *self,
                                                     const char     *sales_owner);
gint64           ov_account_get_arr_cents           (OvAccount      *self);
gboolean         ov_account_has_arr                 (OvAccount      *self);
void             ov_account_set_arr_cents           (OvAccount      *self,
                                                     gint64          arr_cents);
const char      *ov_account_get_currency            (OvAccount      *self);
void             ov_account_set_currency            (OvAccount      *self,
                                                     const char     *currency);
OvStage          ov_account_get_stage               (OvAccount      *self);
void             ov_account_set_stage               (OvAccount      *self,
                                                     OvStage         stage);
OvAccountStatus  ov_account_get_status              (OvAccount      *self);
void             ov_account_set_status              (OvAccount      *self,
                                                     OvAccountStatus status);
OvDate           ov_account_get_date                (OvAccount      *self,
                                                     OvAccountDate   which);
void             ov_account_set_date                (OvAccount      *self,
                                                     OvAccountDate   which,
                                                     OvDate          date);
gboolean         ov_account_set_date_from_iso       (OvAccount      *self,
                                                     OvAccountDate   which,
                                                     const char     *text,
                                                     GError        **error);
const char      *ov_account_get_first_value_milestone (OvAccount    *self);
void             ov_account_set_first_value_milestone (OvAccount    *self,
                                                       const char   *milestone);
const char      *ov_account_get_package             (OvAccount      *self);
void             ov_account_set_package             (OvAccount      *self,
                                                     const char     *package);
gint64           ov_account_get_package_id          (OvAccount      *self);
void             ov_account_set_package_id          (OvAccount      *self,
                                                     gint64          package_id);
OvDate           ov_account_get_churned_on          (OvAccount      *self);
void             ov_account_set_churned_on          (OvAccount      *self,
                                                     OvDate          churned_on);
const char      *ov_account_get_notes               (OvAccount      *self);
void             ov_account_set_notes               (OvAccount      *self,
                                                     const char     *notes);
gint64           ov_account_get_playbook_id         (OvAccount      *self);
void             ov_account_set_playbook_id         (OvAccount      *self,
                                                     gint64          playbook_id);
gint64           ov_account_get_version             (OvAccount      *self);
gint64           ov_account_get_created_at          (OvAccount      *self);
gint64           ov_account_get_updated_at          (OvAccount      *self);
void             ov_account_set_timestamps          (OvAccount      *self,
                                                     gint64          created_at,
                                                     gint64          updated_at);

int              ov_account_get_days_since_close    (OvAccount      *self,
                                                     OvDate          today);
int              ov_account_get_ttfv_days           (OvAccount      *self);
void             ov_account_append_search_key       (OvAccount      *self,
                                                     GByteArray     *out);
char            *ov_account_dup_search_key          (OvAccount      *self);
void             ov_account_append_folded           (GByteArray     *out,
                                                     const char     *text);
int              ov_account_compare_names           (OvAccount      *a,
                                                     OvAccount      *b);
const char      *ov_account_date_get_title          (OvAccountDate   which);

G_END_DECLS
