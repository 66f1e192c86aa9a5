/* interviews-test-support.h — what the interviews' tests share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-default-questions.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"
#include "store-test-support.h"

G_BEGIN_DECLS

/* A new database opened twice (the app and overture-cli), today
 * 2026-06-15, three accounts, and the change signals of @store counted:
 *   acme     "Acme Logistics"  A-1  Enterprise  owner Priya  package Premium  Review
 *   borealis "Borealis Foods"  B-2  SMB         owner Jonas  package Essential  Expand
 *   cerro    "Cerro Verde"     C-3  Enterprise  owner Jonas  no package   Adopt
 * Borealis has one person, "Amara Okafor". Built on the records fixture
 * of the store's tests (its account is Acme). */
typedef struct
{
  RecordsFixture  base;
  OvStore        *store;   /* base's, not owned */
  OvStore        *other;   /* base's, not owned */
  gint64      acme;
  gint64      borealis;
  gint64      cerro;
  gint64      amara;
} InterviewsFixture;

void         interviews_fixture_set_up    (InterviewsFixture *fixture,
                                           gconstpointer      data);
void         interviews_fixture_tear_down (InterviewsFixture *fixture,
                                           gconstpointer      data);
/* How often the store said @what changed since the last call, which
 * forgets every change (records_take_changes()). */
guint        interviews_take_changes      (InterviewsFixture *fixture,
                                           const char        *what);

/* Adds an interview (stage: the account's), asserting it worked. */
OvInterview *interviews_add               (InterviewsFixture *fixture,
                                           gint64             account_id,
                                           const char        *held_on,
                                           const char        *interviewer,
                                           const char        *interviewee);
/* Saves one answer, asserting it worked. */
void         interviews_answer            (InterviewsFixture *fixture,
                                           OvInterview       *interview,
                                           gint64             question_id,
                                           const char        *answer);

#define INTERVIEWS_TEST(path, func) \
  g_test_add (path, InterviewsFixture, NULL, interviews_fixture_set_up, func, \
              interviews_fixture_tear_down)

G_END_DECLS
