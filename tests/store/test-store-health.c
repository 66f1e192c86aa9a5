/* test-store-health.c — what the health score rests on, read for one
 * account and for the portfolio, and the score set by hand: schema 8
 * from 7 with every row kept, every refusal changing nothing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "store-test-support.h"

#define TODAY ov_date_from_ymd (2026, 6, 1)

static OvStore *
open_v7 (char **dir_out)
{
  g_autofree char *dir = ov_test_make_dir ();
  g_autofree char *path = g_build_filename (dir, "v7.db", NULL);
  g_autoptr(GError) error = NULL;
  OvStore *store;

  create_from_sql (path, "schema-v7.sql");
  store = ov_store_open (path, &error);
  g_assert_no_error (error);
  *dir_out = g_steal_pointer (&dir);
  return store;
}

/* Lumen Freight (3) on 2026-06-01, by hand: usage 70 (2026-05-01, over the
 * baseline 40); meetings up to today 3, attended 2, the last 2026-05-12
 * (one on 2026-06-20 is ahead); NPS of 2026-05-15 the mean of 9 and 7; 3
 * tasks, one open and due 2026-05-15; a recorded 55 of 2026-04-01. */
static void
assert_lumen (const OvHealthFacts *facts)
{
  g_assert_cmpint (facts->account_id, ==, 3);
  g_assert_cmpfloat (facts->usage, ==, 70);
  g_assert_cmpint (facts->usage_on, ==, ov_date_from_ymd (2026, 5, 1));
  g_assert_cmpuint (facts->meetings_scheduled, ==, 3);
  g_assert_cmpuint (facts->meetings_attended, ==, 2);
  g_assert_cmpint (facts->last_meeting_on, ==, ov_date_from_ymd (2026, 5, 12));
  g_assert_true (isnan (facts->engagement));
  g_assert_cmpfloat (facts->nps, ==, 8);
  g_assert_cmpuint (facts->nps_responses, ==, 2);
  g_assert_cmpint (facts->nps_on, ==, ov_date_from_ymd (2026, 5, 15));
  g_assert_cmpuint (facts->tasks, ==, 3);
  g_assert_cmpuint (facts->overdue, ==, 1);
  g_assert_cmpfloat (facts->recorded, ==, 55);
  g_assert_cmpint (facts->recorded_on, ==, ov_date_from_ymd (2026, 4, 1));
}

static void
assert_facts_equal (const OvHealthFacts *a,
                    const OvHealthFacts *b)
{
  g_assert_cmpint (a->account_id, ==, b->account_id);
#define SAME_DOUBLE(field) \
  g_assert_true ((isnan (a->field) && isnan (b->field)) || a->field == b->field)
  SAME_DOUBLE (usage);
  SAME_DOUBLE (engagement);
  SAME_DOUBLE (nps);
  SAME_DOUBLE (recorded);
  SAME_DOUBLE (override_value);
#undef SAME_DOUBLE
  g_assert_cmpint (a->usage_on, ==, b->usage_on);
  g_assert_cmpuint (a->meetings_scheduled, ==, b->meetings_scheduled);
  g_assert_cmpuint (a->meetings_attended, ==, b->meetings_attended);
  g_assert_cmpint (a->last_meeting_on, ==, b->last_meeting_on);
  g_assert_cmpint (a->engagement_on, ==, b->engagement_on);
  g_assert_cmpuint (a->nps_responses, ==, b->nps_responses);
  g_assert_cmpint (a->nps_on, ==, b->nps_on);
  g_assert_cmpuint (a->tasks, ==, b->tasks);
  g_assert_cmpuint (a->overdue, ==, b->overdue);
  g_assert_cmpint (a->recorded_on, ==, b->recorded_on);
  g_assert_cmpstr (a->override_reason, ==, b->override_reason);
  g_assert_cmpint (a->override_expires_on, ==, b->override_expires_on);
  g_assert_cmpint (a->override_set_on, ==, b->override_set_on);
}

/* Schema 8 from 7: the accounts and everything the score rests on are
 * kept, no account has an override, and the facts read as by hand. */
static void
test_migrate_from_7 (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = open_v7 (&dir);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  OvHealthFacts lumen, harbor;
  OvHealthAssessment assessment;

  g_assert_cmpint (ov_store_get_schema_version (store), ==, ov_store_get_latest_version ());
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM metric_values"), ==, 9);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM meetings"), ==, 4);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM tasks"), ==, 3);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts "
                                     "WHERE health_override IS NOT NULL "
                                     "OR health_override_reason <> '' "
                                     "OR health_override_expires_on IS NOT NULL "
                                     "OR health_override_set_on IS NOT NULL"), ==, 0);
  g_assert_cmpint (query_int (store, "SELECT version FROM accounts WHERE id = 3"), ==, 4);
  g_assert_cmpint (ov_store_get_program_start (store), ==, ov_date_from_ymd (2026, 1, 1));

  g_assert_true (ov_store_get_health_facts (store, 3, TODAY, &lumen, &error));
  g_assert_no_error (error);
  assert_lumen (&lumen);
  g_assert_true (isnan (lumen.override_value));
  g_assert_null (lumen.override_reason);

  /* Computed, since the components are newer than the recorded 55:
   * (35 × 70 + 25 × 200/3 + 20 × 80 + 20 × 75) / 100. */
  g_assert_true (ov_health_assess (&lumen, NULL, TODAY, &assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assessment.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  g_assert_cmpfloat_with_epsilon (assessment.value, 72.0 + 1.0 / 6, 1e-9);
  g_assert_cmpfloat (assessment.score.coverage, ==, 1);

  /* The churned account is read on its own, but left out of the portfolio. */
  g_assert_true (ov_store_get_health_facts (store, 5, TODAY, &harbor, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (harbor.usage, ==, 20);
  g_assert_cmpuint (harbor.tasks, ==, 0);

  /* The deleted account is not there. */
  g_assert_false (ov_store_get_health_facts (store, 9, TODAY, &harbor, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  all = ov_store_list_health_facts (store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  assert_facts_equal (&g_array_index (all, OvHealthFacts, 0), &lumen);
  /* Quarry & Stone: only a recorded 35, newer than its engagement of 80. */
  g_assert_cmpint (g_array_index (all, OvHealthFacts, 1).account_id, ==, 8);
  g_assert_cmpfloat (g_array_index (all, OvHealthFacts, 1).recorded, ==, 35);
  g_assert_cmpfloat (g_array_index (all, OvHealthFacts, 1).engagement, ==, 80);
  g_assert_cmpuint (g_array_index (all, OvHealthFacts, 1).tasks, ==, 0);

  ov_health_facts_clear (&lumen);
  ov_health_facts_clear (&harbor);
  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static gint64
account_version (OvStore *store)
{
  return query_int (store, "SELECT version FROM accounts WHERE id = 3");
}

/* Set with a value, a reason and an expiry, on the account's version;
 * every bad one refused with the field named and nothing stored; a stale
 * copy refused as a conflict; cleared again. */
static void
test_override (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = open_v7 (&dir);
  g_autoptr(OvAccount) account = NULL;
  g_autoptr(OvAccount) stale = NULL;
  g_autoptr(GError) error = NULL;
  OvHealthFacts facts;
  OvHealthAssessment assessment;
  const OvDate june_30 = ov_date_from_ymd (2026, 6, 30);
  const struct
  {
    double      value;
    const char *reason;
    OvDate      expires_on;
    int         code;
    const char *field;
  } bad[] = {
    { 101, "Champion left", ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_OUT_OF_RANGE, "Score" },
    { -1, "Champion left", ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_OUT_OF_RANGE, "Score" },
    { NAN, "Champion left", ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_OUT_OF_RANGE, "Score" },
    { 30, "", ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_INVALID, "Reason" },
    { 30, "   ", ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_INVALID, "Reason" },
    { 30, NULL, ov_date_from_ymd (2026, 6, 30), OV_METRICS_ERROR_INVALID, "Reason" },
    { 30, "Champion left", OV_DATE_NONE, OV_METRICS_ERROR_INVALID, "Holds until" },
    { 30, "Champion left", ov_date_from_ymd (2026, 5, 31), OV_METRICS_ERROR_INVALID, "Holds until" },
  };

  account = ov_store_get_account (store, 3, &error);
  g_assert_no_error (error);
  stale = ov_account_copy (account);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) refused = NULL;

      g_test_message ("bad override %u", i);
      g_assert_false (ov_store_set_health_override (store, account, bad[i].value, bad[i].reason,
                                                    bad[i].expires_on, TODAY, &refused));
      g_assert_error (refused, OV_METRICS_ERROR, bad[i].code);
      g_assert_true (g_str_has_prefix (refused->message, bad[i].field));
      g_assert_cmpint (account_version (store), ==, 4);
      g_assert_cmpint (ov_account_get_version (account), ==, 4);
      g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts "
                                         "WHERE health_override IS NOT NULL"), ==, 0);
    }

  /* Today itself is a valid last day; the reason is kept trimmed. */
  g_assert_true (ov_store_set_health_override (store, account, 30, "  Champion left  ", june_30,
                                               TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_version (account), ==, 5);
  g_assert_cmpint (account_version (store), ==, 5);

  g_assert_true (ov_store_get_health_facts (store, 3, TODAY, &facts, &error));
  g_assert_no_error (error);
  g_assert_cmpfloat (facts.override_value, ==, 30);
  g_assert_cmpstr (facts.override_reason, ==, "Champion left");
  g_assert_cmpint (facts.override_expires_on, ==, june_30);
  g_assert_cmpint (facts.override_set_on, ==, TODAY);
  assert_lumen (&facts);

  g_assert_true (ov_health_assess (&facts, NULL, TODAY, &assessment, &error));
  g_assert_cmpint (assessment.source, ==, OV_HEALTH_SOURCE_OVERRIDE);
  g_assert_cmpfloat (assessment.value, ==, 30);
  g_assert_cmpfloat_with_epsilon (assessment.score.computed, 72.0 + 1.0 / 6, 1e-9);
  /* From the day after its last, the computed score is back. */
  g_assert_true (ov_health_assess (&facts, NULL, june_30 + 1, &assessment, &error));
  g_assert_cmpint (assessment.source, ==, OV_HEALTH_SOURCE_COMPUTED);
  g_assert_true (assessment.override_expired);
  ov_health_facts_clear (&facts);

  /* A copy read before is refused, and changes nothing. */
  g_assert_false (ov_store_set_health_override (store, stale, 90, "All good", june_30, TODAY,
                                                &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ov_store_clear_health_override (store, stale, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (query_int (store, "SELECT health_override FROM accounts WHERE id = 3"), ==, 30);

  /* The account page saves over the new version without a conflict. */
  ov_account_set_notes (account, "Sponsor on leave");
  g_assert_true (ov_store_save_account_on (store, account, TODAY, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (store, "SELECT health_override FROM accounts WHERE id = 3"), ==, 30);

  g_assert_true (ov_store_clear_health_override (store, account, &error));
  g_assert_no_error (error);
  g_assert_true (ov_store_get_health_facts (store, 3, TODAY, &facts, &error));
  g_assert_true (isnan (facts.override_value));
  g_assert_cmpint (facts.override_expires_on, ==, OV_DATE_NONE);
  g_assert_cmpint (query_int (store, "SELECT count(*) FROM accounts "
                                     "WHERE health_override_reason <> '' "
                                     "OR health_override_set_on IS NOT NULL"), ==, 0);
  ov_health_facts_clear (&facts);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Over a generated portfolio with random measurements, meetings and
 * tasks, the bulk read and the reads one account at a time agree, field
 * by field; and the summary counts what the assessments say. */
static void
test_bulk_agrees (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GError) error = NULL;
  static const char *const metrics[] = { "product_usage", "nps", "health_score", "engagement" };
  OvHealthSummary summary;
  guint at_risk = 0, no_data = 0, checked_override = 0;

  g_assert_true (ov_sample_generate (store, 60, 7, TODAY, &error));
  g_assert_no_error (error);

  g_assert_true (ov_store_exec (store, "BEGIN", &error));
  for (gint64 id = 1; id <= 60; id++)
    for (guint k = 0; k < 6; k++)
      {
        g_autofree char *sql = NULL;
        OvDate day = TODAY - g_rand_int_range (rand, -20, 200);
        g_autofree char *iso = ov_date_to_iso (day);
        const char *metric = metrics[g_rand_int_range (rand, 0, G_N_ELEMENTS (metrics))];
        double value = g_str_equal (metric, "nps") ? g_rand_int_range (rand, 0, 11)
                                                   : g_rand_int_range (rand, 0, 101);

        if (g_rand_int_range (rand, 0, 3) == 0)
          sql = g_strdup_printf ("INSERT OR IGNORE INTO meetings (account_id, kind, scheduled_on, "
                                 "attended, created_at, updated_at) VALUES (%" G_GINT64_FORMAT
                                 ", 'other', '%s', %d, '', '')", id, iso,
                                 g_rand_int_range (rand, 0, 2));
        else
          sql = g_strdup_printf ("INSERT OR IGNORE INTO metric_values (account_id, metric, value, "
                                 "measured_on, is_baseline, created_at, updated_at) VALUES (%"
                                 G_GINT64_FORMAT ", '%s', %g, '%s', %d, '', '')", id, metric,
                                 value, iso, g_rand_int_range (rand, 0, 2));
        g_assert_true (ov_store_exec (store, sql, &error));
        g_assert_no_error (error);
      }
  g_assert_true (ov_store_exec (store, "UPDATE accounts SET health_override = 20, "
                                       "health_override_reason = 'Escalation', "
                                       "health_override_expires_on = '2026-07-01', "
                                       "health_override_set_on = '2026-05-01' "
                                       "WHERE id % 7 = 0; COMMIT", &error));
  g_assert_no_error (error);

  all = ov_store_list_health_facts (store, TODAY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (all->len, ==, query_int (store, "SELECT count(*) FROM accounts "
                                                   "WHERE deleted_at IS NULL AND status <> 2"));
  g_assert_cmpuint (all->len, >, 30);

  for (guint i = 0; i < all->len; i++)
    {
      const OvHealthFacts *bulk = &g_array_index (all, OvHealthFacts, i);
      OvHealthFacts one;
      OvHealthAssessment assessment;

      g_assert_true (ov_store_get_health_facts (store, bulk->account_id, TODAY, &one, &error));
      g_assert_no_error (error);
      assert_facts_equal (bulk, &one);
      if (bulk->account_id % 7 == 0)
        {
          g_assert_cmpfloat (one.override_value, ==, 20);
          checked_override++;
        }

      g_assert_true (ov_health_assess (&one, NULL, TODAY, &assessment, &error));
      g_assert_no_error (error);
      if (assessment.source == OV_HEALTH_SOURCE_NONE)
        no_data++;
      else if (assessment.value < 50)
        at_risk++;
      ov_health_facts_clear (&one);
    }
  g_assert_cmpuint (checked_override, >, 0);

  g_assert_true (ov_health_summarize ((const OvHealthFacts *)(gpointer)all->data, all->len,
                                      NULL, TODAY, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.accounts, ==, all->len);
  g_assert_cmpuint (summary.at_risk, ==, at_risk);
  g_assert_cmpuint (summary.no_data, ==, no_data);
  g_assert_cmpuint (summary.at_risk, >=, summary.overridden > 0 ? 1 : 0);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/health/migrate-from-7", test_migrate_from_7);
  g_test_add_func ("/store/health/override", test_override);
  g_test_add_func ("/store/health/bulk-agrees", test_bulk_agrees);

  return g_test_run ();
}
