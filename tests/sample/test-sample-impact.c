/* test-sample-impact.c — the sample's measurements, meetings, packages,
 * churn and program start: deterministic, valid, and telling the story
 * the Insights charts show (figures computed with the core's own
 * functions, not again here)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "ov-store-program.h"
#include "ov-test-support.h"

#define TODAY_Y 2026
#define TODAY_M 12
#define TODAY_D 3

typedef struct
{
  char      *dir;
  OvStore   *store;
  GPtrArray *accounts;
  OvDate     today;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->today = ov_date_from_ymd (TODAY_Y, TODAY_M, TODAY_D);
  fixture->store = ov_test_new_store (&fixture->dir);
  g_assert_true (ov_sample_generate (fixture->store, OV_SAMPLE_DEFAULT_ACCOUNTS,
                                     OV_SAMPLE_DEFAULT_SEED, fixture->today, &error));
  g_assert_no_error (error);
  fixture->accounts = ov_store_list_accounts (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->accounts->len, ==, OV_SAMPLE_DEFAULT_ACCOUNTS);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->accounts, g_ptr_array_unref);
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static gboolean
has_closed (OvAccount *account,
            OvDate     today)
{
  OvDate close = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);

  return close != OV_DATE_NONE && close <= today;
}

/* Every measurement and meeting of the store, one line each, in order. */
static char *
describe_records (OvStore *store)
{
  g_autoptr(GPtrArray) accounts = ov_store_list_accounts (store, NULL);
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "program start %d\n", ov_store_get_program_start (store));
  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (accounts, i);
      gint64 id = ov_account_get_id (account);
      g_autoptr(GPtrArray) measurements = ov_store_list_measurements (store, id, NULL);
      g_autoptr(GPtrArray) meetings = ov_store_list_meetings (store, id, NULL);

      g_string_append_printf (text, "%s %s %d %" G_GINT64_FORMAT "\n",
                              ov_account_get_external_id (account),
                              ov_account_get_package (account),
                              ov_account_get_churned_on (account),
                              ov_account_get_arr_cents (account));
      for (guint m = 0; m < measurements->len; m++)
        {
          OvMeasurement *measurement = g_ptr_array_index (measurements, m);

          g_string_append_printf (text, " %s %g %d %d\n", ov_measurement_get_metric (measurement),
                                  ov_measurement_get_value (measurement),
                                  ov_measurement_get_measured_on (measurement),
                                  ov_measurement_get_baseline (measurement));
        }
      for (guint m = 0; m < meetings->len; m++)
        {
          OvMeeting *meeting = g_ptr_array_index (meetings, m);

          g_string_append_printf (text, " %s %d %d\n",
                                  ov_meeting_kind_get_id (ov_meeting_get_kind (meeting)),
                                  ov_meeting_get_scheduled_on (meeting),
                                  ov_meeting_get_attended (meeting));
        }
    }

  return g_string_free (text, FALSE);
}

static char *
generate_and_describe (guint32 seed)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  char *text;

  g_assert_true (ov_sample_generate (store, 60, seed, ov_date_from_ymd (TODAY_Y, TODAY_M, TODAY_D),
                                     &error));
  g_assert_no_error (error);
  text = describe_records (store);
  g_clear_object (&store);
  ov_test_remove_dir (dir);
  return text;
}

static void
test_deterministic (void)
{
  g_autofree char *first = generate_and_describe (2026);
  g_autofree char *again = generate_and_describe (2026);
  g_autofree char *other = generate_and_describe (7);

  g_assert_cmpstr (first, ==, again);
  g_assert_cmpstr (first, !=, other);
  /* Not an empty story told twice. */
  g_assert_nonnull (strstr (first, " product_usage "));
  g_assert_nonnull (strstr (first, " kickoff "));
}

/* The program start splits the closed accounts about in half. */
static void
test_program_start (Fixture       *fixture,
                    gconstpointer  data)
{
  OvDate start = ov_store_get_program_start (fixture->store);
  guint before = 0, closed = 0;

  g_assert_cmpint (start, ==, ov_sample_program_start (fixture->today));
  g_assert_cmpint (start, ==, ov_date_from_ymd (2026, 3, 1));

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);

      if (!has_closed (account, fixture->today))
        continue;
      closed++;
      if (ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE) < start)
        before++;
    }

  g_test_message ("%u of %u closed accounts closed before the program start", before, closed);
  g_assert_cmpuint (before * 100, >=, closed * 35);
  g_assert_cmpuint (before * 100, <=, closed * 65);
}

/* A program start the database has is the user's: a sample keeps it. */
static void
test_program_start_kept (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(GError) error = NULL;
  OvDate mine = ov_date_from_ymd (2025, 1, 15);

  g_assert_true (ov_store_set_program_start (store, mine, &error));
  g_assert_true (ov_sample_generate (store, 10, 1, ov_date_from_ymd (TODAY_Y, TODAY_M, TODAY_D),
                                     &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_store_get_program_start (store), ==, mine);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

/* Every closed account has a usage baseline on its close date; none of
 * the others has any measurement. */
static void
test_usage_baselines (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = ov_store_list_metric_points (fixture->store, "usage", &error);
  g_autoptr(GHashTable) baselines = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n_closed = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < points->len; i++)
    {
      OvMeasurementPoint *point = &g_array_index (points, OvMeasurementPoint, i);

      if (point->baseline)
        {
          g_assert_false (g_hash_table_contains (baselines, &point->account_id));
          g_hash_table_insert (baselines, &point->account_id, point);
        }
    }

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      gint64 id = ov_account_get_id (account);
      OvMeasurementPoint *baseline = g_hash_table_lookup (baselines, &id);

      if (!has_closed (account, fixture->today))
        {
          g_autoptr(GPtrArray) none = ov_store_list_measurements (fixture->store, id, NULL);

          g_assert_cmpuint (none->len, ==, 0);
          continue;
        }

      n_closed++;
      g_assert_nonnull (baseline);
      g_assert_cmpint (baseline->measured_on, ==,
                       ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE));
    }

  g_assert_cmpuint (g_hash_table_size (baselines), ==, n_closed);
  g_assert_cmpuint (n_closed, >, 150);
}

/* Each measurement is one the account page would take (its metric's
 * range, not after today), dated from the close on and not after a churn;
 * about ten per closed account. */
static void
test_measurements_valid (Fixture       *fixture,
                         gconstpointer  data)
{
  guint n_measurements = 0, n_closed = 0;
  guint per_metric[6] = { 0 };
  static const char * const metrics[] = {
    "nps", "health_score", "product_usage", "internal_cost", "arr", "engagement",
  };

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      g_autoptr(GPtrArray) measurements = NULL;
      OvDate close = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
      OvDate churned_on = ov_account_get_churned_on (account);
      g_autoptr(GError) error = NULL;

      measurements = ov_store_list_measurements (fixture->store, ov_account_get_id (account),
                                                 &error);
      g_assert_no_error (error);
      if (has_closed (account, fixture->today))
        n_closed++;

      for (guint m = 0; m < measurements->len; m++)
        {
          OvMeasurement *measurement = g_ptr_array_index (measurements, m);
          OvDate when = ov_measurement_get_measured_on (measurement);
          gboolean known = FALSE;

          g_assert_true (ov_measurement_validate (measurement, fixture->today, &error));
          g_assert_no_error (error);
          g_assert_cmpint (when, >=, close);
          g_assert_cmpint (when, <=, fixture->today);
          if (churned_on != OV_DATE_NONE)
            g_assert_cmpint (when, <=, churned_on);

          for (guint k = 0; k < G_N_ELEMENTS (metrics); k++)
            if (g_strcmp0 (ov_measurement_get_metric (measurement), metrics[k]) == 0)
              {
                per_metric[k]++;
                known = TRUE;
              }
          g_assert_true (known);
          n_measurements++;
        }
    }

  g_test_message ("%u measurements on %u closed accounts", n_measurements, n_closed);
  g_assert_cmpuint (n_measurements, >=, n_closed * 7);
  g_assert_cmpuint (n_measurements, <=, n_closed * 14);
  for (guint k = 0; k < 5; k++)
    g_assert_cmpuint (per_metric[k], >=, n_closed);
}

/* Churned accounts have their day, and ARR 0 from then on. */
static void
test_churn (Fixture       *fixture,
            gconstpointer  data)
{
  guint n_churned = 0;

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      OvDate churned_on = ov_account_get_churned_on (account);
      g_autoptr(GPtrArray) measurements = NULL;
      OvMeasurement *last_arr = NULL;

      if (ov_account_get_status (account) != OV_ACCOUNT_STATUS_CHURNED)
        {
          g_assert_cmpint (churned_on, ==, OV_DATE_NONE);
          continue;
        }

      n_churned++;
      g_assert_cmpint (churned_on, >, ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE));
      g_assert_cmpint (churned_on, <=, fixture->today);

      measurements = ov_store_list_measurements (fixture->store, ov_account_get_id (account),
                                                 NULL);
      for (guint m = 0; m < measurements->len; m++)
        if (g_strcmp0 (ov_measurement_get_metric (g_ptr_array_index (measurements, m)), "arr") == 0)
          last_arr = g_ptr_array_index (measurements, m);
      g_assert_nonnull (last_arr);
      g_assert_cmpfloat (ov_measurement_get_value (last_arr), ==, 0);
      g_assert_cmpint (ov_measurement_get_measured_on (last_arr), ==, churned_on);
    }

  g_assert_cmpuint (n_churned, >=, 3);
  g_assert_cmpuint (n_churned, <=, 20);
}

/* The after cohort reaches first value sooner, with overlap: its median
 * is lower, not absurdly so. */
static void
test_ttfv_cohorts (Fixture       *fixture,
                   gconstpointer  data)
{
  OvDate start = ov_store_get_program_start (fixture->store);
  g_autoptr(GArray) before = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) after = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GError) error = NULL;
  OvQuartiles b, a;
  guint open = 0;

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      OvDate close = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
      OvDate value = ov_account_get_date (account, OV_ACCOUNT_DATE_FIRST_VALUE);
      double days = value - close;

      if (!has_closed (account, fixture->today))
        continue;
      if (value == OV_DATE_NONE)
        {
          open++;
          continue;
        }
      g_array_append_val (close < start ? before : after, days);
    }

  g_assert_true (ov_stats_quartiles ((double *)before->data, before->len, &b, &error));
  g_assert_true (ov_stats_quartiles ((double *)after->data, after->len, &a, &error));
  g_assert_no_error (error);

  g_test_message ("TTFV before: n %u, median %g (%g–%g); after: n %u, median %g (%g–%g); "
                  "%u open", b.n, b.median, b.q1, b.q3, a.n, a.median, a.q1, a.q3, open);
  g_assert_cmpfloat (a.median, <, b.median);
  g_assert_cmpfloat (a.median, >=, 0.75 * b.median);
  /* Overlap: the after cohort's slower quarter is slower than the before
   * cohort's faster quarter. */
  g_assert_cmpfloat (a.q3, >, b.q1);
  g_assert_cmpuint (a.n, >=, 30);
  g_assert_cmpuint (open, >=, 10);
}

/* Attended ÷ scheduled: the premium packages' customers come more often
 * than those without a package; the packages are the shipped records. */
static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  guint scheduled[2] = { 0 }, attended[2] = { 0 };
  guint n_premium = 0, n_none = 0;

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      const char *package = ov_account_get_package (account);
      g_autoptr(GPtrArray) meetings = NULL;
      gboolean premium = g_strcmp0 (package, "Premium") == 0 ||
                         g_strcmp0 (package, "Enterprise") == 0;
      int group = premium ? 0 : package[0] == '\0' ? 1 : -1;

      if (package[0] != '\0')
        {
          g_autoptr(OvPackage) record = ov_store_find_package (fixture->store, package, NULL);

          g_assert_nonnull (record);
          g_assert_cmpstr (ov_package_get_name (record), ==, package);
        }
      n_premium += premium;
      n_none += package[0] == '\0';
      if (group < 0)
        continue;

      meetings = ov_store_list_meetings (fixture->store, ov_account_get_id (account), NULL);
      for (guint m = 0; m < meetings->len; m++)
        {
          OvMeeting *meeting = g_ptr_array_index (meetings, m);

          g_assert_true (ov_meeting_validate (meeting, fixture->today, NULL));
          scheduled[group]++;
          attended[group] += ov_meeting_get_attended (meeting);
        }
    }

  g_test_message ("premium %u/%u, no package %u/%u", attended[0], scheduled[0], attended[1],
                  scheduled[1]);
  /* A minority has a premium package; some have none. */
  g_assert_cmpuint (n_premium * 100, <, fixture->accounts->len * 35);
  g_assert_cmpuint (n_none, >, 10);
  g_assert_cmpuint (scheduled[0], >, 50);
  g_assert_cmpuint (scheduled[1], >, 50);
  g_assert_cmpfloat ((double)attended[0] / scheduled[0], >,
                     (double)attended[1] / scheduled[1] + 0.05);
}

/* NRR and GRR of the last twelve months (ov-revenue.h) in the sample's
 * main currency: 100–115 % and 88–95 %. */
static void
test_retention (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) points = ov_store_list_metric_points (fixture->store, "arr", &error);
  g_autoptr(GArray) arr = g_array_new (FALSE, FALSE, sizeof (OvArrPoint));
  g_autofree OvRevenueAccount *revenue = g_new0 (OvRevenueAccount, fixture->accounts->len);
  g_autoptr(GArray) retention = NULL;
  OvDate to = fixture->today;
  OvDate from = to - 365;
  g_autoptr(GHashTable) first = g_hash_table_new (g_int64_hash, g_int64_equal);
  const OvRetention *usd = NULL;

  /* The points come by account: each account's are one run. */
  g_assert_no_error (error);
  for (guint i = 0; i < points->len; i++)
    {
      OvMeasurementPoint *point = &g_array_index (points, OvMeasurementPoint, i);
      OvArrPoint cents = { point->measured_on, (gint64)llround (point->value * 100) };

      g_array_append_val (arr, cents);
      if (!g_hash_table_contains (first, &point->account_id))
        g_hash_table_insert (first, &point->account_id, GUINT_TO_POINTER (i));
    }

  for (guint i = 0; i < fixture->accounts->len; i++)
    {
      OvAccount *account = g_ptr_array_index (fixture->accounts, i);
      OvRevenueAccount *r = &revenue[i];
      gint64 id = ov_account_get_id (account);
      gpointer start;

      r->close_date = ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE);
      r->churned_on = ov_account_get_churned_on (account);
      r->currency = ov_account_get_currency (account);
      r->arr_cents = ov_account_get_arr_cents (account);
      if (g_hash_table_lookup_extended (first, &id, NULL, &start))
        {
          guint at = GPOINTER_TO_UINT (start);

          r->points = &g_array_index (arr, OvArrPoint, at);
          while (at + r->n_points < points->len &&
                 g_array_index (points, OvMeasurementPoint, at + r->n_points).account_id == id)
            r->n_points++;
        }
      /* The ARR field is what the account pays now. */
      if (r->close_date <= fixture->today && r->churned_on == OV_DATE_NONE)
        g_assert_cmpint (ov_revenue_arr_at (r, to), ==, r->arr_cents);
    }

  retention = ov_revenue_retention (revenue, fixture->accounts->len, from, to, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < retention->len; i++)
    {
      const OvRetention *entry = &g_array_index (retention, OvRetention, i);

      g_test_message ("%s: %u accounts, NRR %.3f, GRR %.3f", entry->currency, entry->n_accounts,
                      entry->nrr, entry->grr);
      if (g_strcmp0 (entry->currency, "USD") == 0)
        usd = entry;
    }

  g_assert_nonnull (usd);
  g_assert_cmpuint (usd->n_accounts, >=, 30);
  g_assert_cmpfloat (usd->nrr, >=, 1.00);
  g_assert_cmpfloat (usd->nrr, <=, 1.15);
  g_assert_cmpfloat (usd->grr, >=, 0.88);
  g_assert_cmpfloat (usd->grr, <=, 0.95);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add ("/sample-impact/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/sample-impact/deterministic", test_deterministic);
  g_test_add_func ("/sample-impact/program-start-kept", test_program_start_kept);
  ADD ("program-start", test_program_start);
  ADD ("usage-baselines", test_usage_baselines);
  ADD ("measurements-valid", test_measurements_valid);
  ADD ("churn", test_churn);
  ADD ("ttfv-cohorts", test_ttfv_cohorts);
  ADD ("attendance", test_attendance);
  ADD ("retention", test_retention);

#undef ADD

  return g_test_run ();
}
