/* ov-sample.c — a made-up but believable portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything comes from one seeded GRand, so the same seed and the same
 * "today" always give the same portfolio. Dates are placed relative to today
 * so the portfolio looks current whenever it is generated. Most accounts
 * are past onboarding; about half the closed ones closed before the program
 * start the sample sets (ov_sample_program_start()), and those after reach
 * first value somewhat sooner, as premium packages do. Their measurements
 * and meetings come from ov-sample-impact.c, their journey from
 * ov-sample-journey.c.
 */

#define G_LOG_DOMAIN "ov-sample"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "ov-journey-private.h"
#include "ov-sample-private.h"
#include "ov-sample.h"
#include "ov-stage.h"
#include "ov-store-accounts.h"
#include "ov-store-program.h"
#include "ov-store.h"

struct _OvSample
{
  GRand  *rand;
  OvDate  today;
  OvDate  program_start;
  guint   index;
};

static const char * const name_heads[] = {
  "Northwind", "Bluepeak", "Cedarline", "Harborview", "Ironbridge", "Lumen", "Maplewood",
  "Brightwater", "Stonegate", "Kestrel", "Silverleaf", "Redfern", "Oakridge", "Tidewater",
  "Granite", "Summit", "Evergreen", "Foxglove", "Blackpine", "Clearbrook", "Highmoor",
  "Windrose", "Copperfield", "Alder", "Quarry", "Larkspur", "Meridian", "Pinecrest",
  "Riverbend", "Sandstone", "Thistle", "Vantage", "Westbury", "Yellowbird", "Zephyr",
  "Ashford", "Birchmont", "Driftwood", "Fairhaven", "Juniper",
};

static const char * const name_tails[] = {
  "Analytics", "Logistics", "Health", "Foods", "Labs", "Systems", "Bank", "Energy",
  "Insurance", "Retail", "Robotics", "Media", "Pharma", "Freight", "Software", "Clinics",
  "Capital", "Telecom", "Manufacturing", "Hotels", "Education", "Water", "Mobility", "Dental",
};

static const char * const name_suffixes[] = {
  "", "", "", "Inc.", "GmbH", "Ltd", "Group", "AG", "S.A.", "Co.",
};

static const char * const owners[] = {
  "Priya Raman", "Tomás Ortega", "Hannah Becker", "Kwame Mensah", "Sofia Lindqvist",
  "Daniel Okafor", "Mei Chen", "Lucas Moreau",
};

static const char * const sales_owners[] = {
  "Rachel Stein", "Marco Bianchi", "Aisha Khan", "Jonas Weber", "Olivia Grant", "Kenji Sato",
};

static const char * const milestones[] = {
  N_("First weekly report shared with leadership"),
  N_("All regional teams logging in daily"),
  N_("First invoice processed end to end"),
  N_("CRM integration live and syncing"),
  N_("First automated campaign sent"),
  N_("Support tickets routed through the new workflow"),
  N_("Dashboard replaces the monthly spreadsheet"),
  N_("First 100 orders handled in the platform"),
};

typedef struct
{
  const char *name;
  gint64      min_arr;     /* whole currency units */
  gint64      max_arr;
  int         weight;
  int         churn;       /* percent of accounts past kickoff that churned */
} Segment;

/* Small customers churn more often than big ones. */
static const Segment segments[] = {
  { "Enterprise", 150000, 900000, 2, 3 },
  { "Mid-Market", 40000, 150000, 4, 6 },
  { "SMB", 8000, 40000, 5, 8 },
  { "Public Sector", 60000, 400000, 1, 2 },
};

/* How long before "today" the program started, give or take a month. */
#define PROGRAM_DAYS 260

/* Percent of accounts with the Premium or Enterprise package. */
#define PREMIUM_SHARE 22

/* Percent of accounts per stage, Embark … Expand. */
static const int stage_weights[OV_N_STAGES] = { 5, 5, 7, 22, 8, 53 };

OvSample *
ov_sample_new (guint32 seed,
               OvDate  today)
{
  OvSample *sample = g_new0 (OvSample, 1);

  sample->rand = g_rand_new_with_seed (seed);
  sample->today = today;
  sample->program_start = ov_sample_program_start (today);
  return sample;
}

void
ov_sample_free (OvSample *sample)
{
  if (sample == NULL)
    return;

  g_rand_free (sample->rand);
  g_free (sample);
}

static int
range (OvSample *sample,
       int       low,
       int       high)
{
  return g_rand_int_range (sample->rand, low, high + 1);
}

static const char *
pick (OvSample           *sample,
      const char * const *items,
      guint               n)
{
  return items[g_rand_int_range (sample->rand, 0, n)];
}

static int
pick_weighted (OvSample  *sample,
               const int *weights,
               guint      n)
{
  int total = 0, roll;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  roll = g_rand_int_range (sample->rand, 0, total);
  for (guint i = 0; i < n; i++)
    {
      if (roll < weights[i])
        return i;
      roll -= weights[i];
    }

  return n - 1;
}

static OvDate
not_after (OvDate date,
           OvDate limit)
{
  return date > limit ? limit : date;
}

/* A churned customer in Expand left at one of its renewals (a year's
 * anniversary of the close), any of them; one that never reached a
 * renewal left a few weeks into the stage it was in. */
static OvDate
churn_date (OvSample *sample,
            OvDate    close,
            OvDate    entered)
{
  int renewals = (sample->today - close) / OV_SAMPLE_YEAR_DAYS;

  if (renewals >= 1)
    return close + range (sample, 1, renewals) * OV_SAMPLE_YEAR_DAYS;

  return not_after (entered + range (sample, 14, 45), sample->today);
}

/* Fills @account with the next generated account (all fields but the id)
 * and tells when it entered each stage it reached. */
void
ov_sample_next_account (OvSample        *sample,
                        OvAccount       *account,
                        OvSampleHistory *history)
{
  int segment_weights[G_N_ELEMENTS (segments)];
  g_autofree char *name = NULL;
  g_autofree char *external_id = NULL;
  const Segment *segment;
  const char *suffix;
  const char *package;
  gboolean premium;
  OvDate today = sample->today;
  OvDate close, kickoff = 0, golive = 0, first_value = 0;
  OvStage stage;
  int roll;
  int speed;

  g_return_if_fail (sample != NULL);
  g_return_if_fail (OV_IS_ACCOUNT (account));
  g_return_if_fail (history != NULL);

  *history = (OvSampleHistory) { { 0 } };
  sample->index++;

  for (guint i = 0; i < G_N_ELEMENTS (segments); i++)
    segment_weights[i] = segments[i].weight;
  segment = &segments[pick_weighted (sample, segment_weights, G_N_ELEMENTS (segments))];

  suffix = pick (sample, name_suffixes, G_N_ELEMENTS (name_suffixes));
  name = g_strdup_printf ("%s %s%s%s",
                          pick (sample, name_heads, G_N_ELEMENTS (name_heads)),
                          pick (sample, name_tails, G_N_ELEMENTS (name_tails)),
                          suffix[0] ? " " : "", suffix);
  /* CRM-style ids: unique per generated account. */
  external_id = g_strdup_printf ("CRM-%06u", sample->index);

  ov_account_set_name (account, name);
  ov_account_set_external_id (account, external_id);
  ov_account_set_segment (account, segment->name);
  ov_account_set_owner (account, pick (sample, owners, G_N_ELEMENTS (owners)));
  ov_account_set_sales_owner (account, pick (sample, sales_owners, G_N_ELEMENTS (sales_owners)));
  ov_account_set_arr_cents (account,
                            (gint64)range (sample, segment->min_arr / 500,
                                           segment->max_arr / 500) * 500 * 100);

  roll = range (sample, 1, 100);
  ov_account_set_currency (account, roll <= 70 ? "USD" : roll <= 90 ? "EUR" : "GBP");

  /* The packages a new portfolio ships with (see migration 7): the two
   * premium ones on a minority, and some accounts with none. */
  roll = range (sample, 1, 100);
  package = roll <= PREMIUM_SHARE ? (roll <= 14 ? "Premium" : "Enterprise")
            : roll <= 47 ? "Guided" : roll <= 77 ? "Essential" : "";
  premium = roll <= PREMIUM_SHARE;
  ov_account_set_package (account, package);

  stage = pick_weighted (sample, stage_weights, OV_N_STAGES) + 1;
  ov_account_set_stage (account, stage);

  /* How long ago the deal closed grows with how far the journey has come. */
  switch (stage)
    {
    case OV_STAGE_EMBARK:
      close = today + range (sample, 5, 60);          /* expected close */
      break;
    case OV_STAGE_HANDOFF:
      close = today - range (sample, 0, 10);
      break;
    case OV_STAGE_KICKOFF:
      close = today - range (sample, 8, 25);
      break;
    case OV_STAGE_ADOPT:
      close = today - range (sample, 20, 130);
      break;
    case OV_STAGE_REVIEW:
      /* Long enough ago for the slowest first value (below) to be past. */
      close = today - range (sample, 110, 200);
      break;
    case OV_STAGE_EXPAND:
    default:
      close = today - range (sample, 160, 1000);
      break;
    }
  ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, close);

  /* Premium packages reach first value sooner: that is what they sell;
   * and accounts that closed after the program started somewhat sooner
   * than those before, with much overlap. */
  speed = premium ? 85 : package[0] == '\0' ? 105 : 100;
  if (close >= sample->program_start)
    speed = speed * 85 / 100;

  if (stage >= OV_STAGE_KICKOFF)
    kickoff = not_after (close + range (sample, 6, 15), today);
  if (stage >= OV_STAGE_ADOPT)
    {
      golive = close + (range (sample, 25, 70) * speed) / 100;
      first_value = golive + (range (sample, 5, 35) * speed) / 100;
      if (golive > today)
        golive = first_value = 0;
      else if (first_value > today)
        first_value = 0;
    }

  ov_account_set_date (account, OV_ACCOUNT_DATE_KICKOFF, kickoff);
  ov_account_set_date (account, OV_ACCOUNT_DATE_GOLIVE, golive);
  ov_account_set_date (account, OV_ACCOUNT_DATE_FIRST_VALUE, first_value);
  ov_account_set_first_value_milestone (account,
                                        stage >= OV_STAGE_KICKOFF
                                          ? _(pick (sample, milestones, G_N_ELEMENTS (milestones)))
                                          : NULL);

  roll = range (sample, 1, 100);
  if (stage >= OV_STAGE_ADOPT && roll <= segment->churn)
    ov_account_set_status (account, OV_ACCOUNT_STATUS_CHURNED);
  else if (stage >= OV_STAGE_HANDOFF && roll >= 93)
    ov_account_set_status (account, OV_ACCOUNT_STATUS_PAUSED);
  else
    ov_account_set_status (account, OV_ACCOUNT_STATUS_ACTIVE);

  history->entered[OV_STAGE_EMBARK] = not_after (close - range (sample, 20, 60), today);
  if (stage >= OV_STAGE_HANDOFF)
    history->entered[OV_STAGE_HANDOFF] = close;
  if (stage >= OV_STAGE_KICKOFF)
    history->entered[OV_STAGE_KICKOFF] = MAX (kickoff - range (sample, 2, 5), close);
  if (stage >= OV_STAGE_ADOPT)
    history->entered[OV_STAGE_ADOPT] = not_after (kickoff + range (sample, 1, 3), today);
  if (stage >= OV_STAGE_REVIEW)
    history->entered[OV_STAGE_REVIEW] =
      not_after (MAX (first_value, history->entered[OV_STAGE_ADOPT]) + range (sample, 10, 30),
                 today);
  if (stage >= OV_STAGE_EXPAND)
    history->entered[OV_STAGE_EXPAND] =
      not_after (history->entered[OV_STAGE_REVIEW] + range (sample, 7, 21), today);

  ov_account_set_churned_on (account,
                             ov_account_get_status (account) == OV_ACCOUNT_STATUS_CHURNED
                               ? churn_date (sample, close, history->entered[stage])
                               : OV_DATE_NONE);
}

/* A sample spreads its dates from about 960 days before "today" (when
 * the oldest account entered Embark) to a few months after (due dates and
 * targets). Within these bounds every date is one an import accepts (years
 * 1900–2999) and every creation timestamp falls after 1970, so a sample's
 * export always imports again. */
#define EARLIEST_TODAY_YEAR 1973
#define LATEST_TODAY_YEAR   2997

/**
 * ov_sample_check_today:
 * @today: the date a sample would be generated around
 *
 * Whether a sample can be generated around @today.
 */
gboolean
ov_sample_check_today (OvDate   today,
                       GError **error)
{
  OvDate earliest = ov_date_from_ymd (EARLIEST_TODAY_YEAR, 1, 1);
  OvDate latest = ov_date_from_ymd (LATEST_TODAY_YEAR, 12, 31);
  char first[11], last[11];

  if (today >= earliest && today <= latest)
    return TRUE;

  ov_date_write_iso (earliest, first);
  ov_date_write_iso (latest, last);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("a sample can only be made around a date from %s to %s"), first, last);
  return FALSE;
}

/**
 * ov_sample_program_start:
 * @today: the date a sample is generated around
 *
 * The first of the month about four months before @today: with the close
 * dates ov_sample_next_account() gives, about half the closed accounts
 * closed before it.
 */
OvDate
ov_sample_program_start (OvDate today)
{
  int year, month, day;

  g_return_val_if_fail (today != OV_DATE_NONE, OV_DATE_NONE);

  ov_date_to_ymd (today - PROGRAM_DAYS, &year, &month, &day);
  return ov_date_from_ymd (year, month, 1);
}

/* Writes @n_accounts generated accounts with their stage history, their
 * measurements, meetings and interviews, the content library and its
 * completions, in one transaction: all of them or, on error, none; and the
 * program start of ov_sample_program_start() unless the database has one. */
gboolean
ov_sample_generate (OvStore  *store,
                    guint     n_accounts,
                    guint32   seed,
                    OvDate    today,
                    GError  **error)
{
  g_autoptr(OvSample) sample = NULL;
  g_autoptr(OvPlaybook) playbook = NULL;
  g_autoptr(GRand) journey_rand = NULL;
  g_autoptr(GRand) impact_rand = NULL;
  g_autoptr(GRand) content_rand = NULL;
  g_autoptr(GPtrArray) library = NULL;
  g_autofree char *now = NULL;

  g_return_val_if_fail (OV_IS_STORE (store), FALSE);
  g_return_val_if_fail (today != OV_DATE_NONE, FALSE);

  if (!ov_sample_check_today (today, error))
    return FALSE;

  sample = ov_sample_new (seed, today);
  /* People, tasks and answers draw from a generator of their own (see
   * ov-sample-journey.c), so the accounts come out as they always did. */
  journey_rand = g_rand_new_with_seed (seed);
  impact_rand = g_rand_new_with_seed (seed);
  content_rand = g_rand_new_with_seed (seed);
  now = ov_store_now_utc ();

  if (!ov_store_transaction_begin (store, error))
    return FALSE;

  playbook = ov_sample_journey_playbook (store, error);
  if (playbook == NULL)
    goto failed;

  library = ov_sample_content_library (store, error);
  if (library == NULL ||
      !ov_sample_link_training (store, playbook, library, error))
    goto failed;

  if (ov_store_get_program_start (store) == OV_DATE_NONE &&
      !ov_store_set_program_start (store, ov_sample_program_start (today), error))
    goto failed;

  for (guint i = 0; i < n_accounts; i++)
    {
      g_autoptr(OvAccount) account = ov_account_new ();
      g_autoptr(GDateTime) created = NULL;
      g_autoptr(GDateTime) updated = NULL;
      OvSampleHistory history;
      OvStage previous = 0;
      int year, month, day;

      ov_sample_next_account (sample, account, &history);

      ov_date_to_ymd (history.entered[OV_STAGE_EMBARK], &year, &month, &day);
      created = g_date_time_new_utc (year, month, day, 9, 0, 0);
      ov_date_to_ymd (history.entered[ov_account_get_stage (account)], &year, &month, &day);
      updated = g_date_time_new_utc (year, month, day, 9 + (i % 8), (i * 7) % 60, 0);

      if (!ov_store_insert_account (store, account, g_date_time_to_unix (created),
                                    g_date_time_to_unix (updated), error))
        goto failed;

      for (OvStage stage = OV_STAGE_FIRST; stage <= ov_account_get_stage (account); stage++)
        {
          if (!ov_store_add_stage_event (store, ov_account_get_id (account), stage, previous,
                                         FALSE, history.entered[stage], NULL, error))
            goto failed;
          previous = stage;
        }

      {
        guint32 impact_seed[3] = { seed, i, 1 };

        g_rand_set_seed_array (impact_rand, impact_seed, G_N_ELEMENTS (impact_seed));
        if (!ov_sample_add_impact (store, impact_rand, account, &history, today, now, error))
          goto failed;
      }

      if (i < OV_SAMPLE_JOURNEY_ACCOUNTS)
        {
          guint32 journey_seed[2] = { seed, i };

          g_rand_set_seed_array (journey_rand, journey_seed, G_N_ELEMENTS (journey_seed));
          if (!ov_sample_add_journey (store, journey_rand, account, &history, playbook, today,
                                      now, error))
            goto failed;
        }

      {
        guint32 interview_seed[3] = { seed, i, 2 };

        g_rand_set_seed_array (impact_rand, interview_seed, G_N_ELEMENTS (interview_seed));
        if (!ov_sample_add_interviews (store, impact_rand, account, &history, today, error))
          goto failed;
      }
      if (i < MIN (OV_SAMPLE_JOURNEY_ACCOUNTS, OV_SAMPLE_CONTENT_ACCOUNTS))
        {
          guint32 content_seed[3] = { seed, i, 3 };

          g_rand_set_seed_array (content_rand, content_seed, G_N_ELEMENTS (content_seed));
          if (!ov_sample_add_content (store, content_rand, library, account, &history, today,
                                      error))
            goto failed;
        }
    }

  if (!ov_store_transaction_commit (store, error))
    return FALSE;

  ov_store_emit_changed (store, "accounts");
  ov_store_emit_changed (store, "measurements");
  ov_store_emit_changed (store, "meetings");
  ov_store_emit_changed (store, "interviews");
  return TRUE;

failed:
  ov_store_transaction_rollback (store);
  return FALSE;
}
