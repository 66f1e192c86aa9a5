/* test-account-figures.c — days in stage, open and overdue tasks and
 * health of every account, read in one pass, against a portfolio built
 * by hand
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>

#include "store-test-support.h"

#define TODAY ov_date_from_ymd (2026, 6, 15)

/* 1 Alder, Adopt: entered Embark 2026-01-01, Adopt 2026-05-16 (30 days
 *   ago); no tasks at all; a score of 42 set by hand.
 * 2 Birch, Kickoff: entered today; three tasks, all done (one was due
 *   long ago); a score of 80 set by hand.
 * 3 Cedar, Review: entered Review 2026-03-01, back to Adopt 2026-04-01,
 *   Review again 2026-06-05 (10 days ago); open tasks due yesterday
 *   (overdue by exactly one day), due today (not overdue) and with no due
 *   date, and a done one that was due before.
 * 4 Dogwood, Handoff, churned: no stage event; two open tasks, both past
 *   due; a score set by hand, not shown for a churned account.
 * 5 Elm: deleted, with an open task: not read.
 * 6 Fir, Expand: entered on a day after today (counts as today); the
 *   events of other stages, a skip and an Expand event of another
 *   account do not count. */
static const char portfolio[] =
  "INSERT INTO accounts (id, name, stage, status, created_at, updated_at, deleted_at,"
  "  health_override, health_override_reason, health_override_expires_on,"
  "  health_override_set_on) VALUES"
  "  (1, 'Alder', 4, 0, 'x', 'x', NULL, 42, 'Sponsor left', '2026-12-31', '2026-06-01'),"
  "  (2, 'Birch', 3, 0, 'x', 'x', NULL, 80, 'Renewed early', '2026-12-31', '2026-06-01'),"
  "  (3, 'Cedar', 5, 0, 'x', 'x', NULL, NULL, '', NULL, NULL),"
  "  (4, 'Dogwood', 2, 2, 'x', 'x', NULL, 30, 'Gone', '2026-12-31', '2026-06-01'),"
  "  (5, 'Elm', 3, 0, 'x', 'x', '2026-06-01', NULL, '', NULL, NULL),"
  "  (6, 'Fir', 6, 0, 'x', 'x', NULL, NULL, '', NULL, NULL);"
  "INSERT INTO stage_events (account_id, stage, kind, happened_on, created_at) VALUES"
  "  (1, 1, 'enter', '2026-01-01', 'x'), (1, 4, 'enter', '2026-05-16', 'x'),"
  "  (2, 3, 'enter', '2026-06-15', 'x'),"
  "  (3, 5, 'enter', '2026-03-01', 'x'), (3, 4, 'enter', '2026-04-01', 'x'),"
  "  (3, 5, 'enter', '2026-06-05', 'x'),"
  "  (4, 6, 'enter', '2026-02-01', 'x'),"
  "  (6, 5, 'skip', '2026-06-10', 'x'), (6, 6, 'enter', '2026-06-20', 'x');"
  "INSERT INTO tasks (account_id, stage, title, due_date, done_date, created_at, updated_at)"
  "  VALUES"
  "  (2, 3, 'Agenda', '2026-01-01', '2026-01-02', 'x', 'x'),"
  "  (2, 3, 'Invite', '2026-06-20', '2026-06-10', 'x', 'x'),"
  "  (2, 3, 'Slides', NULL, '2026-06-11', 'x', 'x'),"
  "  (3, 5, 'Review deck', '2026-06-14', NULL, 'x', 'x'),"
  "  (3, 5, 'Outcomes', '2026-06-15', NULL, 'x', 'x'),"
  "  (3, 5, 'Interview', NULL, NULL, 'x', 'x'),"
  "  (3, 4, 'Training', '2026-05-01', '2026-05-02', 'x', 'x'),"
  "  (4, 2, 'Welcome', '2026-01-01', NULL, 'x', 'x'),"
  "  (4, 2, 'Team', '2026-06-01', NULL, 'x', 'x'),"
  "  (5, 3, 'Kickoff', '2026-01-01', NULL, 'x', 'x');";

typedef struct
{
  char    *dir;
  OvStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;

  fixture->dir = ov_test_make_dir ();
  path = g_build_filename (fixture->dir, "figures.db", NULL);
  fixture->store = ov_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (ov_store_get_db (fixture->store), portfolio, NULL, NULL,
                                 &message), ==, SQLITE_OK);
  g_assert_null (message);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static const OvAccountFigure *
lookup (OvAccountFigures *figures,
        gint64            id)
{
  const OvAccountFigure *figure = ov_account_figures_lookup (figures, id);

  g_assert_nonnull (figure);
  g_assert_cmpint (figure->account_id, ==, id);
  return figure;
}

static void
test_read (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(OvAccountFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  const OvAccountFigure *f;

  figures = ov_store_read_account_figures (fixture->store, TODAY, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (figures);
  g_assert_cmpint (ov_account_figures_get_today (figures), ==, TODAY);
  g_assert_cmpuint (ov_account_figures_get_len (figures), ==, 5);
  g_assert_null (ov_account_figures_lookup (figures, 5));
  g_assert_null (ov_account_figures_lookup (figures, 7));
  g_assert_null (ov_account_figures_lookup (figures, 0));

  f = lookup (figures, 1);
  g_assert_cmpint (f->days_in_stage, ==, 30);
  g_assert_cmpuint (f->open_tasks, ==, 0);
  g_assert_cmpuint (f->overdue_tasks, ==, 0);
  g_assert_cmpfloat (f->health, ==, 42);
  g_assert_true (ov_account_figure_at_risk (f));

  f = lookup (figures, 2);
  g_assert_cmpint (f->days_in_stage, ==, 0);
  g_assert_cmpuint (f->open_tasks, ==, 0);
  g_assert_cmpuint (f->overdue_tasks, ==, 0);
  g_assert_cmpfloat (f->health, ==, 80);
  g_assert_false (ov_account_figure_at_risk (f));

  f = lookup (figures, 3);
  g_assert_cmpint (f->days_in_stage, ==, 10);
  g_assert_cmpuint (f->open_tasks, ==, 3);
  g_assert_cmpuint (f->overdue_tasks, ==, 1);

  f = lookup (figures, 4);
  g_assert_cmpint (f->days_in_stage, ==, -1);
  g_assert_cmpuint (f->open_tasks, ==, 2);
  g_assert_cmpuint (f->overdue_tasks, ==, 2);
  g_assert_true (isnan (f->health));
  g_assert_false (ov_account_figure_at_risk (f));

  f = lookup (figures, 6);
  g_assert_cmpint (f->days_in_stage, ==, 0);
  g_assert_cmpuint (f->open_tasks, ==, 0);

  /* A day later: the overdue task of Cedar's due today is overdue too,
   * and every stage is a day older. */
  g_clear_pointer (&figures, ov_account_figures_unref);
  figures = ov_store_read_account_figures (fixture->store, TODAY + 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lookup (figures, 3)->overdue_tasks, ==, 2);
  g_assert_cmpint (lookup (figures, 3)->days_in_stage, ==, 11);
  g_assert_cmpint (lookup (figures, 2)->days_in_stage, ==, 1);
}

/* The health of each account is what the account page shows, read for
 * that account alone. */
static void
test_health_as_account_page (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(OvAccountFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  double weights[OV_HEALTH_N_COMPONENTS];
  guint scored = 0;

  /* Cedar's recorded score and usage, so a computed one is in the mix. */
  g_assert_cmpint (sqlite3_exec (ov_store_get_db (fixture->store),
                                 "INSERT INTO metric_values (account_id, metric, value,"
                                 "  measured_on, created_at, updated_at) VALUES"
                                 "  (3, 'product_usage', 35, '2026-06-01', 'x', 'x'),"
                                 "  (6, 'health_score', 64, '2026-06-01', 'x', 'x');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  figures = ov_store_read_account_figures (fixture->store, TODAY, NULL, &error);
  g_assert_no_error (error);
  ov_store_get_health_weights (fixture->store, weights);

  for (gint64 id = 1; id <= 6; id++)
    {
      OvHealthFacts facts;
      OvHealthAssessment assessment;
      const OvAccountFigure *figure;

      if (id == 4 || id == 5)
        continue;
      figure = lookup (figures, id);
      g_assert_true (ov_store_get_health_facts (fixture->store, id, TODAY, &facts, &error));
      g_assert_no_error (error);
      g_assert_true (ov_health_assess (&facts, weights, TODAY, &assessment, &error));
      g_assert_no_error (error);
      if (assessment.source == OV_HEALTH_SOURCE_NONE)
        g_assert_true (isnan (figure->health));
      else
        {
          g_assert_cmpfloat (figure->health, ==, assessment.value);
          scored++;
        }
      ov_health_facts_clear (&facts);
    }

  g_assert_cmpfloat (lookup (figures, 6)->health, ==, 64);
  g_assert_cmpuint (scored, >=, 3);
}

/* Days in stage are what the account page's summary shows: the current
 * visit, from the journey's timeline of that account alone (Cedar is back
 * in Review since 10 days, after an earlier visit of a month). */
static void
test_days_as_account_page (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(OvAccountFigures) figures = NULL;
  g_autoptr(GError) error = NULL;
  static const gint64 ids[] = { 1, 2, 3, 4, 6 };
  /* their stages, as the accounts hold them */
  static const OvStage stages[] = { OV_STAGE_ADOPT, OV_STAGE_KICKOFF, OV_STAGE_REVIEW,
                                    OV_STAGE_HANDOFF, OV_STAGE_EXPAND };

  figures = ov_store_read_account_figures (fixture->store, TODAY, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      const OvAccountFigure *figure = lookup (figures, ids[i]);
      OvStageTimeline timeline;
      const OvStageSpan *span;
      int days = -1;

      g_assert_true (ov_store_get_stage_timeline (fixture->store, ids[i], TODAY, &timeline,
                                                  &error));
      g_assert_no_error (error);
      /* As ov-account-summary.c reads it. */
      span = &timeline.spans[stages[i] - 1];
      if (span->current && span->since != OV_DATE_NONE)
        days = MAX (0, TODAY - span->since);
      g_assert_cmpint (figure->days_in_stage, ==, days);
    }

  /* Every visit of Cedar's Review, as the journey's timeline counts them. */
  {
    OvStageTimeline timeline;

    g_assert_true (ov_store_get_stage_timeline (fixture->store, 3, TODAY, &timeline, &error));
    g_assert_cmpint (timeline.spans[OV_STAGE_REVIEW - 1].days, ==, 31 + 10);
  }
}

/* A cancelled reading says so and returns nothing. */
static void
test_cancelled (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(OvAccountFigures) figures = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  figures = ov_store_read_account_figures (fixture->store, TODAY, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (figures);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/account-figures/read", Fixture, NULL, fixture_set_up, test_read,
              fixture_tear_down);
  g_test_add ("/account-figures/health-as-account-page", Fixture, NULL, fixture_set_up,
              test_health_as_account_page, fixture_tear_down);
  g_test_add ("/account-figures/days-as-account-page", Fixture, NULL, fixture_set_up,
              test_days_as_account_page, fixture_tear_down);
  g_test_add ("/account-figures/cancelled", Fixture, NULL, fixture_set_up, test_cancelled,
              fixture_tear_down);

  return g_test_run ();
}
