/* test-revenue.c — ARR at a date, logo churn, NRR and GRR, by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "ov-test-support.h"

#define D(y, m, d) ov_date_from_ymd (y, m, d)

/* The period [A, B) of every test: the year 2025. */
#define FROM D (2025, 1, 1)
#define TO   D (2026, 1, 1)

typedef struct
{
  OvArrPoint expansion[2];
  OvArrPoint contraction[2];
  OvArrPoint late_start[2];
  OvArrPoint boundary[3];
  OvArrPoint corrected[3];
  OvRevenueAccount accounts[11];
} Portfolio;

/* Amounts in cents: 1,000,000 is 10,000.00. */
static void
portfolio_init (Portfolio *p)
{
  *p = (Portfolio) {
    .expansion = { { D (2024, 3, 1), 1000000 }, { D (2025, 6, 1), 1500000 } },
    .contraction = { { D (2025, 9, 1), 1200000 }, { D (2024, 6, 15), 2000000 } },
    .late_start = { { D (2025, 12, 31), 900000 }, { D (2025, 2, 1), 800000 } },
    .boundary = { { D (2024, 12, 31), 1000000 }, { TO, 1400000 }, { D (2026, 2, 1), 5000000 } },
    .corrected = { { D (2024, 12, 1), 600000 }, { D (2024, 12, 1), 650000 },
                   { D (2025, 5, 1), 650000 } },
  };

  p->accounts[0] = (OvRevenueAccount) { /* USD, grows 10,000 → 15,000 in June */
    D (2024, 3, 1), OV_DATE_NONE, "USD", 1000000, p->expansion, 2 };
  p->accounts[1] = (OvRevenueAccount) { /* USD, shrinks 20,000 → 12,000 in September */
    D (2024, 6, 15), OV_DATE_NONE, "USD", 2000000, p->contraction, 2 };
  p->accounts[2] = (OvRevenueAccount) { /* USD, 5,000 from its field, churned in July */
    D (2023, 1, 10), D (2025, 7, 1), "USD", 500000, NULL, 0 };
  p->accounts[3] = (OvRevenueAccount) { /* USD, first measured after A */
    D (2024, 11, 1), OV_DATE_NONE, "USD", 123400, p->late_start, 2 };
  p->accounts[4] = (OvRevenueAccount) { /* USD, a new customer: closed after A */
    D (2025, 3, 1), OV_DATE_NONE, "USD", 9999900, NULL, 0 };
  p->accounts[5] = (OvRevenueAccount) { /* USD, churned the day before A */
    D (2022, 5, 1), D (2024, 12, 31), "USD", 777700, NULL, 0 };
  p->accounts[6] = (OvRevenueAccount) { /* EUR, churns on B itself */
    D (2024, 1, 1), TO, "EUR", 300000, NULL, 0 };
  p->accounts[7] = (OvRevenueAccount) { /* EUR, flat 7,000 */
    D (2024, 2, 2), OV_DATE_NONE, "EUR", 700000, NULL, 0 };
  p->accounts[8] = (OvRevenueAccount) { /* USD, never closed */
    OV_DATE_NONE, OV_DATE_NONE, "USD", 100, NULL, 0 };
  p->accounts[9] = (OvRevenueAccount) { /* "eur", closed the day before A, measured on B */
    D (2024, 12, 31), OV_DATE_NONE, "eur", 1, p->boundary, 3 };
  p->accounts[10] = (OvRevenueAccount) { /* USD, two measurements on one day */
    D (2024, 1, 1), OV_DATE_NONE, "USD", 1, p->corrected, 3 };
}

static void
test_arr_at (void)
{
  Portfolio p;

  portfolio_init (&p);

  /* Latest measurement on or before the date. */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[0], FROM), ==, 1000000);
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[0], D (2025, 5, 31)), ==, 1000000);
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[0], D (2025, 6, 1)), ==, 1500000);
  /* Listed out of date order: still the latest by date. */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[1], TO), ==, 1200000);
  /* Before any measurement: the earliest one (800,000 of Feb 1), not the
   * field (123,400). */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[3], FROM), ==, 800000);
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[3], D (2020, 1, 1)), ==, 800000);
  /* No measurements: the field, up to the day before churn, then 0. */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[2], D (2025, 6, 30)), ==, 500000);
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[2], D (2025, 7, 1)), ==, 0);
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[2], D (2030, 1, 1)), ==, 0);
  /* A measurement on the date counts; one after it does not. */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[9], TO), ==, 1400000);
  /* Two on one day: the one listed later. */
  g_assert_cmpint (ov_revenue_arr_at (&p.accounts[10], FROM), ==, 650000);
}

static void
test_logo_churn (void)
{
  Portfolio p;
  OvLogoChurn churn;

  portfolio_init (&p);

  /* Starting: closed before 2025-01-01 and not churned before it — 0, 1,
   * 2, 3, 6, 7, 9 (closed 2024-12-31), 10: eight. Not 4 (closed after A),
   * 5 (churned 2024-12-31), 8 (no close date). Churned in [A, B): 2 only;
   * 6 churns on B, outside the period. 1/8 = 0.125. */
  g_assert_true (ov_revenue_logo_churn (p.accounts, 11, FROM, TO, &churn, NULL));
  g_assert_cmpuint (churn.n_start, ==, 8);
  g_assert_cmpuint (churn.n_churned, ==, 1);
  g_assert_cmpfloat (churn.rate, ==, 0.125);

  /* A period one day longer takes 6 in as well: 2/8. */
  g_assert_true (ov_revenue_logo_churn (p.accounts, 11, FROM, D (2026, 1, 2), &churn, NULL));
  g_assert_cmpuint (churn.n_churned, ==, 2);

  /* Nobody to start from: no rate. */
  g_assert_true (ov_revenue_logo_churn (p.accounts, 11, D (2020, 1, 1), D (2021, 1, 1),
                                        &churn, NULL));
  g_assert_cmpuint (churn.n_start, ==, 0);
  g_assert_true (isnan (churn.rate));
}

static void
test_retention (void)
{
  Portfolio p;
  g_autoptr(GArray) result = NULL;
  OvRetention *eur, *usd;

  portfolio_init (&p);
  result = ov_revenue_retention (p.accounts, 11, FROM, TO, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->len, ==, 2);
  eur = &g_array_index (result, OvRetention, 0);
  usd = &g_array_index (result, OvRetention, 1);

  /* EUR: 6 (300,000 → 0, it churns on B, so ARR(B) is 0 though its logo
   * did not churn in the period), 7 (700,000 → 700,000), 9 ("eur",
   * 1,000,000 → 1,400,000). Σ ARR(A) = 2,000,000, Σ ARR(B) = 2,100,000,
   * Σ min = 0 + 700,000 + 1,000,000 = 1,700,000: NRR 1.05, GRR 0.85. */
  g_assert_cmpstr (eur->currency, ==, "EUR");
  g_assert_cmpuint (eur->n_accounts, ==, 3);
  g_assert_cmpint (eur->arr_start, ==, 2000000);
  g_assert_cmpint (eur->arr_end, ==, 2100000);
  g_assert_cmpint (eur->arr_kept, ==, 1700000);
  g_assert_cmpfloat_with_epsilon (eur->nrr, 1.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (eur->grr, 0.85, 1e-12);

  /* USD: 0 (1,000,000 → 1,500,000, expansion), 1 (2,000,000 → 1,200,000,
   * contraction), 2 (500,000 → 0, churn), 3 (earliest 800,000 → 900,000),
   * 10 (650,000 → 650,000). Σ ARR(A) = 4,950,000; Σ ARR(B) = 4,250,000;
   * Σ min = 1,000,000 + 1,200,000 + 0 + 800,000 + 650,000 = 3,650,000.
   * NRR = 425/495 = 0.858585…, GRR = 365/495 = 0.737373…; the new
   * customer's 99,999 and the never-closed account are not counted. */
  g_assert_cmpstr (usd->currency, ==, "USD");
  g_assert_cmpuint (usd->n_accounts, ==, 5);
  g_assert_cmpint (usd->arr_start, ==, 4950000);
  g_assert_cmpint (usd->arr_end, ==, 4250000);
  g_assert_cmpint (usd->arr_kept, ==, 3650000);
  g_assert_cmpfloat_with_epsilon (usd->nrr, 425.0 / 495, 1e-12);
  g_assert_cmpfloat_with_epsilon (usd->grr, 365.0 / 495, 1e-12);
}

static void
test_grr_capped (void)
{
  Portfolio p;
  g_autoptr(GArray) result = NULL;
  g_autoptr(GArray) nothing = NULL;
  OvRetention *only;

  portfolio_init (&p);

  /* Expansion alone: NRR 1,500,000 / 1,000,000 = 1.5, GRR min(…) / … = 1,
   * never more. */
  result = ov_revenue_retention (&p.accounts[0], 1, FROM, TO, NULL);
  g_assert_cmpuint (result->len, ==, 1);
  only = &g_array_index (result, OvRetention, 0);
  g_assert_cmpfloat (only->nrr, ==, 1.5);
  g_assert_cmpfloat (only->grr, ==, 1);

  /* Nobody starting: no currency at all. */
  nothing = ov_revenue_retention (&p.accounts[4], 1, FROM, TO, NULL);
  g_assert_cmpuint (nothing->len, ==, 0);
}

/* An ARR nobody knows is never 0 in the figures: ARR at a date is unknown
 * (measurements still count; churn still makes it 0), and NRR and GRR
 * leave out an account whose ARR at A or B is unknown, counting it apart;
 * logo churn counts it like any account. */
static void
test_unknown_arr (void)
{
  Portfolio p;
  OvRevenueAccount all[14];
  OvArrPoint measured[] = { { D (2024, 6, 1), 300000 } };
  g_autoptr(GArray) result = NULL;
  OvLogoChurn base, churn;
  OvRetention *eur, *usd;

  portfolio_init (&p);
  memcpy (all, p.accounts, sizeof p.accounts);
  all[11] = (OvRevenueAccount) { /* USD, nothing known of its ARR */
    D (2024, 4, 1), OV_DATE_NONE, "USD", OV_MONEY_UNKNOWN, NULL, 0 };
  all[12] = (OvRevenueAccount) { /* EUR, unknown, churned in July */
    D (2024, 4, 1), D (2025, 7, 1), "EUR", OV_MONEY_UNKNOWN, NULL, 0 };
  all[13] = (OvRevenueAccount) { /* USD, unknown field but measured: 3,000 */
    D (2024, 4, 1), OV_DATE_NONE, "USD", OV_MONEY_UNKNOWN, measured, 1 };

  g_assert_cmpint (ov_revenue_arr_at (&all[11], FROM), ==, OV_MONEY_UNKNOWN);
  g_assert_cmpint (ov_revenue_arr_at (&all[12], FROM), ==, OV_MONEY_UNKNOWN);
  g_assert_cmpint (ov_revenue_arr_at (&all[12], TO), ==, 0);
  g_assert_cmpint (ov_revenue_arr_at (&all[13], FROM), ==, 300000);

  g_assert_true (ov_revenue_logo_churn (p.accounts, 11, FROM, TO, &base, NULL));
  g_assert_true (ov_revenue_logo_churn (all, 14, FROM, TO, &churn, NULL));
  g_assert_cmpuint (churn.n_start, ==, base.n_start + 3);
  g_assert_cmpuint (churn.n_churned, ==, base.n_churned + 1);

  result = ov_revenue_retention (all, 14, FROM, TO, NULL);
  g_assert_nonnull (result);
  g_assert_cmpuint (result->len, ==, 2);
  eur = &g_array_index (result, OvRetention, 0);
  usd = &g_array_index (result, OvRetention, 1);

  /* EUR as in test_retention: the churned account of unknown ARR is left
   * out, not counted as a loss of 0 (nor of anything). */
  g_assert_cmpuint (eur->n_accounts, ==, 3);
  g_assert_cmpuint (eur->n_without_arr, ==, 1);
  g_assert_cmpint (eur->arr_start, ==, 2000000);
  g_assert_cmpint (eur->arr_end, ==, 2100000);
  g_assert_cmpfloat_with_epsilon (eur->nrr, 1.05, 1e-12);
  g_assert_cmpfloat_with_epsilon (eur->grr, 0.85, 1e-12);

  /* USD: test_retention's five plus 13 (300,000 → 300,000); 11 left out.
   * Σ ARR(A) = 5,250,000, Σ ARR(B) = 4,550,000, Σ min = 3,950,000. */
  g_assert_cmpuint (usd->n_accounts, ==, 6);
  g_assert_cmpuint (usd->n_without_arr, ==, 1);
  g_assert_cmpint (usd->arr_start, ==, 5250000);
  g_assert_cmpint (usd->arr_end, ==, 4550000);
  g_assert_cmpint (usd->arr_kept, ==, 3950000);
  g_assert_cmpfloat_with_epsilon (usd->nrr, 455.0 / 525, 1e-12);
  g_assert_cmpfloat_with_epsilon (usd->grr, 395.0 / 525, 1e-12);
}

static void
test_refused (void)
{
  Portfolio p;
  OvArrPoint negative[] = { { D (2024, 5, 1), -100 } };
  OvLogoChurn churn = { .n_start = 99 };
  g_autoptr(GError) backwards = NULL;
  g_autoptr(GError) no_start = NULL;
  g_autoptr(GError) below_zero = NULL;
  g_autoptr(GArray) result = NULL;

  portfolio_init (&p);

  g_assert_false (ov_revenue_logo_churn (p.accounts, 11, TO, FROM, &churn, &backwards));
  g_assert_error (backwards, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);
  g_assert_cmpuint (churn.n_start, ==, 99);

  result = ov_revenue_retention (p.accounts, 11, OV_DATE_NONE, TO, &no_start);
  g_assert_null (result);
  g_assert_error (no_start, OV_METRICS_ERROR, OV_METRICS_ERROR_INVALID);

  /* A negative measurement of a starting account (the fourth). */
  p.accounts[3].points = negative;
  p.accounts[3].n_points = 1;
  result = ov_revenue_retention (p.accounts, 11, FROM, TO, &below_zero);
  g_assert_null (result);
  g_assert_error (below_zero, OV_METRICS_ERROR, OV_METRICS_ERROR_OUT_OF_RANGE);
  g_assert_nonnull (strstr (below_zero->message, "Account 4 "));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/revenue/arr-at", test_arr_at);
  g_test_add_func ("/revenue/logo-churn", test_logo_churn);
  g_test_add_func ("/revenue/retention", test_retention);
  g_test_add_func ("/revenue/grr-capped", test_grr_capped);
  g_test_add_func ("/revenue/refused", test_refused);
  g_test_add_func ("/revenue/unknown-arr", test_unknown_arr);

  return g_test_run ();
}
