/* test-meetings.c — meetings with the customer: listed per account, every
 * bad one refused with nothing stored, stale copies refused
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-support.h"

static OvMeeting *
add (RecordsFixture *fixture,
     OvMeetingKind   kind,
     const char     *scheduled_on,
     gboolean        attended)
{
  g_autoptr(OvMeeting) meeting = ov_meeting_new (fixture->account_id, kind,
                                                 records_date (scheduled_on));
  g_autoptr(GError) error = NULL;

  ov_meeting_set_attended (meeting, attended);
  g_assert_true (ov_store_add_meeting (fixture->store, meeting, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&meeting);
}

static void
test_add_list (RecordsFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(OvMeeting) review = add (fixture, OV_MEETING_KIND_REVIEW, "2026-06-01", TRUE);
  g_autoptr(OvMeeting) kickoff = add (fixture, OV_MEETING_KIND_KICKOFF, "2026-02-01", TRUE);
  g_autoptr(OvMeeting) planned = add (fixture, OV_MEETING_KIND_TRAINING, "2027-03-01", FALSE);
  g_autoptr(OvMeeting) same_day = add (fixture, OV_MEETING_KIND_TRAINING, "2026-06-01", FALSE);
  g_autoptr(OvMeeting) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (records_take_changes (fixture, "meetings"), ==, 4);
  g_assert_cmpint (ov_meeting_get_version (review), ==, 1);

  list = ov_store_list_meetings (fixture->store, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (ov_meeting_get_kind (list->pdata[0]), ==, OV_MEETING_KIND_KICKOFF);
  g_assert_cmpint (ov_meeting_get_id (list->pdata[1]), ==, ov_meeting_get_id (review));
  g_assert_cmpint (ov_meeting_get_id (list->pdata[2]), ==, ov_meeting_get_id (same_day));
  g_assert_cmpint (ov_meeting_get_kind (list->pdata[3]), ==, OV_MEETING_KIND_TRAINING);
  g_assert_false (ov_meeting_get_attended (list->pdata[3]));

  read = ov_store_get_meeting (fixture->other, ov_meeting_get_id (review), &error);
  g_assert_no_error (error);
  g_assert_true (ov_meeting_get_attended (read));
  g_assert_cmpint (ov_meeting_get_scheduled_on (read), ==, records_date ("2026-06-01"));
  g_assert_cmpstr (ov_meeting_kind_get_id (ov_meeting_get_kind (read)), ==, "review");
  g_clear_object (&read);

  read = ov_store_get_meeting (fixture->store, 999, &error);
  g_assert_null (read);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
test_update_delete (RecordsFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(OvMeeting) meeting = add (fixture, OV_MEETING_KIND_OTHER, "2026-05-20", FALSE);
  g_autoptr(OvMeeting) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;

  records_take_changes (fixture, "meetings");
  ov_meeting_set_kind (meeting, OV_MEETING_KIND_TRAINING);
  ov_meeting_set_attended (meeting, TRUE);
  ov_meeting_set_note (meeting, " Admins trained\tall of them ");
  g_assert_true (ov_store_update_meeting (fixture->store, meeting, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_meeting_get_version (meeting), ==, 2);
  g_assert_cmpuint (records_take_changes (fixture, "meetings"), ==, 1);

  read = ov_store_get_meeting (fixture->store, ov_meeting_get_id (meeting), &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_meeting_get_kind (read), ==, OV_MEETING_KIND_TRAINING);
  g_assert_true (ov_meeting_get_attended (read));
  g_assert_cmpstr (ov_meeting_get_note (read), ==, "Admins trained\tall of them");

  g_assert_true (ov_store_delete_meeting (fixture->store, read, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "meetings"), ==, 1);
  list = ov_store_list_meetings (fixture->store, fixture->account_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_refusals (RecordsFixture *fixture,
               gconstpointer   data)
{
  const struct
  {
    OvMeetingKind  kind;
    const char    *date;
    gboolean       attended;
    const char    *note;
    int            code;
    const char    *message;
  } cases[] = {
    { OV_MEETING_KIND_REVIEW, NULL, FALSE, "", OV_MEETING_ERROR_DATE,
      "Scheduled on: a meeting needs a date." },
    { OV_MEETING_KIND_REVIEW, "1899-12-31", FALSE, "", OV_MEETING_ERROR_DATE,
      "Scheduled on: 1899-12-31 is not a date a meeting can have." },
    { OV_MEETING_KIND_REVIEW, "2028-06-15", FALSE, "", OV_MEETING_ERROR_DATE,
      "Scheduled on: 2028-06-15 is more than two years ahead." },
    { OV_MEETING_KIND_REVIEW, "2026-06-16", TRUE, "", OV_MEETING_ERROR_ATTENDED,
      "Attended: the meeting on 2026-06-16 has not taken place yet." },
    { OV_MEETING_KIND_OTHER, "2026-06-01", FALSE, "esc\033[2J", OV_MEETING_ERROR_NOTE,
      "Note: the text holds the control character U+001B." },
  };

  records_take_changes (fixture, "meetings");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvMeeting) meeting = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].message);
      meeting = ov_meeting_new (fixture->account_id, cases[i].kind,
                                cases[i].date ? records_date (cases[i].date) : OV_DATE_NONE);
      g_object_set (meeting, "attended", cases[i].attended, "note", cases[i].note, NULL);

      g_assert_false (ov_store_add_meeting (fixture->store, meeting, &error));
      g_assert_error (error, OV_MEETING_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (ov_meeting_get_id (meeting), ==, 0);
    }

  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM meetings"), ==, 0);
  g_assert_cmpuint (records_take_changes (fixture, "meetings"), ==, 0);
}

static void
test_refused_by_the_store (RecordsFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(OvMeeting) nowhere = ov_meeting_new (42, OV_MEETING_KIND_REVIEW,
                                                 records_date ("2026-05-01"));
  g_autoptr(OvMeeting) first = add (fixture, OV_MEETING_KIND_TRAINING, "2026-05-01", TRUE);
  g_autoptr(OvMeeting) twin = ov_meeting_new (fixture->account_id, OV_MEETING_KIND_TRAINING,
                                              records_date ("2026-05-01"));
  g_autoptr(OvMeeting) other_kind = add (fixture, OV_MEETING_KIND_REVIEW, "2026-05-01", FALSE);
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_store_add_meeting (fixture->store, nowhere, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Account: there is no account number 42"));
  g_clear_error (&error);

  g_assert_false (ov_store_add_meeting (fixture->store, twin, &error));
  g_assert_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DUPLICATE);
  g_assert_cmpstr (error->message, ==,
                   "Scheduled on: the account already has a meeting (Training) on 2026-05-01.");
  g_clear_error (&error);

  ov_meeting_set_kind (other_kind, OV_MEETING_KIND_TRAINING);
  g_assert_false (ov_store_update_meeting (fixture->store, other_kind, &error));
  g_assert_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_DUPLICATE);
  g_clear_error (&error);

  ov_meeting_set_scheduled_on (first, records_date ("2026-07-01"));
  g_assert_false (ov_store_update_meeting (fixture->store, first, &error));
  g_assert_error (error, OV_MEETING_ERROR, OV_MEETING_ERROR_ATTENDED);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM meetings "
                                              "WHERE scheduled_on = '2026-05-01'"), ==, 2);
}

static void
test_conflicts (RecordsFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(OvMeeting) mine = add (fixture, OV_MEETING_KIND_KICKOFF, "2026-04-01", FALSE);
  g_autoptr(OvMeeting) theirs = NULL;
  g_autoptr(GError) error = NULL;

  theirs = ov_store_get_meeting (fixture->other, ov_meeting_get_id (mine), &error);
  g_assert_no_error (error);
  ov_meeting_set_attended (theirs, TRUE);
  g_assert_true (ov_store_update_meeting (fixture->other, theirs, &error));
  g_assert_no_error (error);

  ov_meeting_set_note (mine, "Rescheduled");
  g_assert_false (ov_store_update_meeting (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ov_store_delete_meeting (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (ov_store_delete_meeting (fixture->store, theirs, &error));
  g_assert_no_error (error);
  g_assert_false (ov_store_update_meeting (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
test_kinds (void)
{
  const struct
  {
    const char    *text;
    OvMeetingKind  kind;
  } good[] = {
    { "kickoff", OV_MEETING_KIND_KICKOFF },
    { "Kick-off", OV_MEETING_KIND_KICKOFF },
    { "TRAINING", OV_MEETING_KIND_TRAINING },
    { " review ", OV_MEETING_KIND_REVIEW },
    { "Other", OV_MEETING_KIND_OTHER },
  };
  OvMeetingKind kind;

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_assert_true (ov_meeting_kind_parse (good[i].text, -1, &kind));
      g_assert_cmpint (kind, ==, good[i].kind);
    }
  g_assert_false (ov_meeting_kind_parse ("workshop", -1, &kind));
  g_assert_false (ov_meeting_kind_parse ("", -1, &kind));
  g_assert_true (ov_meeting_kind_parse ("reviewer", 6, &kind));
  g_assert_cmpint (kind, ==, OV_MEETING_KIND_REVIEW);
  g_assert_null (ov_meeting_kind_get_id (OV_N_MEETING_KINDS));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, RecordsFixture, NULL, records_fixture_set_up, func, \
              records_fixture_tear_down)

  ADD ("/meetings/add-list", test_add_list);
  ADD ("/meetings/update-delete", test_update_delete);
  ADD ("/meetings/refusals", test_refusals);
  ADD ("/meetings/refused-by-the-store", test_refused_by_the_store);
  ADD ("/meetings/conflicts", test_conflicts);
  g_test_add_func ("/meetings/kinds", test_kinds);

  return g_test_run ();
}
