/* ov-types.h — enumerations shared by the whole program
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * glib-mkenums registers every enum in this file as a GEnum (ov-enum-types.h).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The six stages of orchestrated onboarding, in order. Stored as 1..6. */
typedef enum
{
  OV_STAGE_EMBARK = 1,
  OV_STAGE_HANDOFF,
  OV_STAGE_KICKOFF,
  OV_STAGE_ADOPT,
  OV_STAGE_REVIEW,
  OV_STAGE_EXPAND,
} OvStage;

#define OV_STAGE_FIRST OV_STAGE_EMBARK
#define OV_STAGE_LAST  OV_STAGE_EXPAND
#define OV_N_STAGES    6

typedef enum
{
  OV_ACCOUNT_STATUS_ACTIVE,
  OV_ACCOUNT_STATUS_PAUSED,
  OV_ACCOUNT_STATUS_CHURNED,
} OvAccountStatus;

#define OV_N_ACCOUNT_STATUSES 3

/* Which side of the relationship a person is on. */
typedef enum
{
  OV_SIDE_INTERNAL,
  OV_SIDE_CUSTOMER,
} OvSide;

/* The kind of value a stage wizard field holds (see ov-wizard.h). */
typedef enum
{
  OV_FIELD_TEXT,
  OV_FIELD_LONG_TEXT,
  OV_FIELD_DATE,
  OV_FIELD_BOOL,
  OV_FIELD_NUMBER,
  OV_FIELD_CHOICE,
  OV_FIELD_LIST,
  OV_FIELD_CHECK,
  OV_FIELD_GOAL_OUTCOMES,
  OV_FIELD_TASKS,             /* shows the stage's tasks; holds no value */
  OV_FIELD_INTERVIEWS,        /* the account's interviews; kept by themselves */
} OvFieldKind;

/* How a goal from the handoff turned out, judged at the review. */
typedef enum
{
  OV_GOAL_OUTCOME_NONE,
  OV_GOAL_OUTCOME_MET,
  OV_GOAL_OUTCOME_PARTLY,
  OV_GOAL_OUTCOME_NOT_MET,
} OvGoalOutcome;

/* CSV in and out: what a file holds. Every kind but stage events can be
 * imported. */
typedef enum
{
  OV_CSV_KIND_ACCOUNTS,
  OV_CSV_KIND_PEOPLE,
  OV_CSV_KIND_TASKS,
  OV_CSV_KIND_METRICS,
  OV_CSV_KIND_STAGE_EVENTS,
  OV_CSV_KIND_MEETINGS,
  OV_CSV_KIND_PACKAGES,
  OV_CSV_KIND_INTERVIEWS,
  OV_CSV_KIND_CONTENT,
  OV_CSV_KIND_COMPLETIONS,
} OvCsvKind;

/* What a meeting with the customer was for. Stored by id ("kickoff"). */
typedef enum
{
  OV_MEETING_KIND_KICKOFF,
  OV_MEETING_KIND_TRAINING,
  OV_MEETING_KIND_REVIEW,
  OV_MEETING_KIND_OTHER,
} OvMeetingKind;

#define OV_N_MEETING_KINDS 4

/* The services a package bundles; anything else it includes is free text
 * beside them (see ov-package.h). Stored as these bits. */
typedef enum
{
  OV_PACKAGE_SERVICE_NONE             = 0,
  OV_PACKAGE_SERVICE_ONBOARDING       = 1 << 0,
  OV_PACKAGE_SERVICE_DEDICATED_CSM    = 1 << 1,
  OV_PACKAGE_SERVICE_TRAINING         = 1 << 2,
  OV_PACKAGE_SERVICE_PREMIUM_SUPPORT  = 1 << 3,
  OV_PACKAGE_SERVICE_MANAGED_SERVICES = 1 << 4,
} OvPackageServices;

#define OV_PACKAGE_SERVICES_ALL 0x1f

/* The character encoding of a CSV file; AUTO looks at the first block. */
typedef enum
{
  OV_CSV_ENCODING_AUTO,
  OV_CSV_ENCODING_UTF8,
  OV_CSV_ENCODING_WINDOWS_1252,
} OvCsvEncoding;

/* How to read numeric dates such as 03/04/2026; AUTO decides per column. */
typedef enum
{
  OV_DATE_ORDER_AUTO,
  OV_DATE_ORDER_DMY,
  OV_DATE_ORDER_MDY,
} OvDateOrder;

/* What an import did, or would do, with one row. */
typedef enum
{
  OV_IMPORT_ACTION_CREATE,
  OV_IMPORT_ACTION_UPDATE,
  OV_IMPORT_ACTION_UNCHANGED,
  OV_IMPORT_ACTION_REJECT,
} OvImportAction;

/* What the account list can be sorted by. */
typedef enum
{
  OV_ACCOUNT_SORT_NAME,
  OV_ACCOUNT_SORT_STAGE,
  OV_ACCOUNT_SORT_OWNER,
  OV_ACCOUNT_SORT_STATUS,
  OV_ACCOUNT_SORT_ARR,
  OV_ACCOUNT_SORT_CLOSE_DATE,
  OV_ACCOUNT_SORT_DAYS_SINCE_CLOSE,
  OV_ACCOUNT_SORT_TTFV,
  OV_ACCOUNT_SORT_UPDATED,
  OV_ACCOUNT_SORT_SEGMENT,
  OV_ACCOUNT_SORT_PACKAGE,
  /* From OvAccountFigures, read apart from the accounts. */
  OV_ACCOUNT_SORT_DAYS_IN_STAGE,
  OV_ACCOUNT_SORT_OPEN_TASKS,
  OV_ACCOUNT_SORT_HEALTH,
} OvAccountSortKey;

G_END_DECLS
