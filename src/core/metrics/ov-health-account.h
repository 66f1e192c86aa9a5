/* ov-health-account.h — an account's health from what is stored of it, and
 * the portfolio's health at a glance
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-date.h"
#include "ov-health.h"

G_BEGIN_DECLS

/* What the store knows of one account that its health rests on. Values
 * that are missing are NAN, with OV_DATE_NONE as their day. */
typedef struct
{
  gint64   account_id;

  double   usage;               /* the latest `product_usage` measurement, % */
  OvDate   usage_on;
  guint    meetings_scheduled;  /* meetings scheduled on or before today */
  guint    meetings_attended;   /* …and attended */
  OvDate   last_meeting_on;
  double   engagement;          /* the latest `engagement` measurement, % */
  OvDate   engagement_on;
  double   nps;                 /* the mean of the responses of the latest day */
  guint    nps_responses;       /* how many responses that day */
  OvDate   nps_on;
  guint    tasks;               /* tasks of the account, open or done */
  guint    overdue;             /* open tasks due before today */
  double   recorded;            /* the latest `health_score` measurement */
  OvDate   recorded_on;

  /* A score set by hand: NAN when there is none. */
  double   override_value;
  char    *override_reason;
  OvDate   override_expires_on;
  OvDate   override_set_on;
} OvHealthFacts;

void     ov_health_facts_init   (OvHealthFacts       *facts,
                                 gint64               account_id);
void     ov_health_facts_clear  (OvHealthFacts       *facts);

typedef enum
{
  OV_HEALTH_SOURCE_NONE,        /* not enough data: no score */
  OV_HEALTH_SOURCE_COMPUTED,    /* weighted from the components */
  OV_HEALTH_SOURCE_RECORDED,    /* a `health_score` measurement */
  OV_HEALTH_SOURCE_OVERRIDE,    /* set by hand, until it expires */
} OvHealthSource;

/* An account's health and how it came about. */
typedef struct
{
  OvHealthScore  score;         /* components, coverage, lift; score.score as computed */
  OvHealthInputs inputs;        /* the components' raw values, from the facts */
  double         weights[OV_HEALTH_N_COMPONENTS];  /* the weights it was made with */
  OvHealthSource source;
  double         value;         /* what is shown, 0–100; NAN for SOURCE_NONE */
  gboolean       override_expired;  /* an override is stored but no longer holds */
} OvHealthAssessment;

void     ov_health_facts_inputs (const OvHealthFacts *facts,
                                 OvHealthInputs      *inputs);
gboolean ov_health_assess       (const OvHealthFacts *facts,
                                 const double        *weights,
                                 OvDate               today,
                                 OvHealthAssessment  *assessment,
                                 GError             **error);
gboolean ov_health_check_override (double             value,
                                   const char        *reason,
                                   OvDate             expires_on,
                                   OvDate             today,
                                   GError           **error);

/* A score under this is at risk; under the second, one to watch. */
#define OV_HEALTH_AT_RISK_BELOW 50.0
#define OV_HEALTH_WATCH_BELOW   70.0

char        *ov_health_format_score (double value);

/* How much of the weight a computed score had data for. */
typedef enum
{
  OV_HEALTH_BAND_FIRM,          /* coverage 75 % or more */
  OV_HEALTH_BAND_PARTIAL,       /* 40 % to under 75 % */
  OV_HEALTH_BAND_THIN,          /* under 40 % */
  OV_HEALTH_BAND_SET,           /* recorded or set by hand */
  OV_HEALTH_N_BANDS,
} OvHealthBand;

OvHealthBand ov_health_band_of  (const OvHealthAssessment *assessment);

typedef struct
{
  guint accounts;               /* accounts assessed */
  guint scored;                 /* with a score */
  guint no_data;                /* without enough data for one */
  guint at_risk;                /* scored under OV_HEALTH_AT_RISK_BELOW */
  guint scored_by_band[OV_HEALTH_N_BANDS];
  guint at_risk_by_band[OV_HEALTH_N_BANDS];
  guint overridden;             /* scores set by hand that hold today */
} OvHealthSummary;

gboolean ov_health_summarize    (const OvHealthFacts *facts,
                                 guint                n_facts,
                                 const double        *weights,
                                 OvDate               today,
                                 OvHealthSummary     *summary,
                                 GError             **error);

G_END_DECLS
