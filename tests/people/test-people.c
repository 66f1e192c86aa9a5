/* test-people.c — people, roles and who holds a role
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "journey-test-support.h"

static void
test_roles (void)
{
  const char * const *internal = ov_role_list (OV_SIDE_INTERNAL);
  const char * const *customer = ov_role_list (OV_SIDE_CUSTOMER);
  const char * const expected_internal[] = {
    "sales", "onboarding", "csm", "support", "training", "services", NULL
  };
  const char * const expected_customer[] = { "sponsor", "champion", "admin", "end_user", NULL };

  /* Each side's list stops at its last role. */
  g_assert_true (g_strv_equal (internal, expected_internal));
  for (guint i = 0; internal[i] != NULL; i++)
    g_assert_true (ov_role_get_side (internal[i]) == OV_SIDE_INTERNAL);
  g_assert_true (g_strv_equal (customer, expected_customer));
  g_assert_cmpuint (g_strv_length ((char **)ov_role_list_all ()), ==, 10);

  g_assert_cmpstr (ov_role_get_title ("onboarding"), ==, "Onboarding specialist");
  g_assert_cmpstr (ov_role_get_title ("services"), ==, "Professional services");
  g_assert_cmpstr (ov_role_get_title ("sponsor"), ==, "Executive sponsor");
  g_assert_cmpstr (ov_role_get_title ("end_user"), ==, "End user");
  g_assert_null (ov_role_get_title ("ceo"));
  g_assert_false (ov_role_is_valid ("Sales"));
  g_assert_false (ov_role_is_valid (""));

  g_assert_cmpstr (ov_role_parse ("Executive Sponsor"), ==, "sponsor");
  g_assert_cmpstr (ov_role_parse ("end-user"), ==, "end_user");
  g_assert_cmpstr (ov_role_parse (" professional services "), ==, "services");
  g_assert_null (ov_role_parse ("janitor"));
  g_assert_null (ov_role_parse (""));
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *count)
{
  (*count)++;
}

static void
test_roles_are_a_set (void)
{
  g_autoptr(OvPerson) person = ov_person_new (1, OV_SIDE_INTERNAL, "Mei Chen", "");
  g_autofree char *text = NULL;
  const char * const expected[] = { "onboarding", "csm", NULL };
  guint notified = 0;

  g_signal_connect (person, "notify::roles", G_CALLBACK (count_notify), &notified);

  ov_person_add_role (person, "csm");
  ov_person_add_role (person, "onboarding");
  ov_person_add_role (person, "csm");
  g_assert_true (g_strv_equal (ov_person_get_roles (person), expected));
  g_assert_cmpuint (notified, ==, 2);
  g_assert_true (ov_person_has_role (person, "csm"));
  g_assert_false (ov_person_has_role (person, "sales"));

  text = ov_person_dup_roles_text (person);
  g_assert_cmpstr (text, ==, "Onboarding specialist, Customer success manager");

  ov_person_remove_role (person, "onboarding");
  g_assert_cmpstr (ov_person_get_roles (person)[0], ==, "csm");
  g_assert_null (ov_person_get_roles (person)[1]);
  g_assert_cmpuint (notified, ==, 3);
}

static void
assert_invalid (OvPerson   *person,
                int         code,
                const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_person_validate (person, &error));
  g_assert_error (error, OV_PERSON_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_validation (void)
{
  g_autoptr(OvPerson) person = ov_person_new (1, OV_SIDE_CUSTOMER, "  ", "");

  assert_invalid (person, OV_PERSON_ERROR_NAME, "Name: a person needs a name.");

  ov_person_set_name (person, "Lena Fischer");
  g_assert_true (ov_person_validate (person, NULL));

  ov_person_set_email (person, "lena.fischer");
  assert_invalid (person, OV_PERSON_ERROR_EMAIL,
                  "Email: “lena.fischer” is not an email address such as name@example.org.");
  ov_person_set_email (person, "lena@fischer");
  assert_invalid (person, OV_PERSON_ERROR_EMAIL,
                  "Email: “lena@fischer” is not an email address such as name@example.org.");
  ov_person_set_email (person, "lena fischer@example.org");
  assert_invalid (person, OV_PERSON_ERROR_EMAIL,
                  "Email: “lena fischer@example.org” is not an email address such as "
                  "name@example.org.");
  ov_person_set_email (person, "lena@@example.org");
  assert_invalid (person, OV_PERSON_ERROR_EMAIL,
                  "Email: “lena@@example.org” is not an email address such as "
                  "name@example.org.");
  ov_person_set_email (person, " lena.fischer@brightwater.example ");
  g_assert_true (ov_person_validate (person, NULL));

  ov_person_add_role (person, "csm");
  assert_invalid (person, OV_PERSON_ERROR_ROLE,
                  "Roles: “Customer success manager” is an internal role, but this person is "
                  "on the customer’s side.");
  ov_person_set_roles (person, (const char *[]) { "champion", "chief", NULL });
  assert_invalid (person, OV_PERSON_ERROR_ROLE, "Roles: “chief” is not a role.");
  ov_person_set_roles (person, (const char *[]) { "admin", "champion", NULL });
  g_assert_true (ov_person_validate (person, NULL));
}

static void
test_store (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Lumen Labs", "SMB", OV_STAGE_KICKOFF,
                                                 jt_date ("2026-10-01"));
  g_autoptr(OvAccount) other = jt_add_account (store, "Granite Bank", "SMB", OV_STAGE_ADOPT,
                                               jt_date ("2026-09-01"));
  gint64 id = ov_account_get_id (account);
  g_autoptr(OvPerson) csm = NULL;
  g_autoptr(OvPerson) sponsor = NULL;
  g_autoptr(OvPerson) bad = NULL;
  g_autoptr(OvPerson) elsewhere = NULL;
  g_autoptr(OvPerson) loaded = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  const char * const csm_roles[] = { "onboarding", "csm", NULL };

  sponsor = jt_add_person (store, id, OV_SIDE_CUSTOMER, "Ana Souza", "ana@lumen.example",
                           "sponsor", NULL);
  csm = jt_add_person (store, id, OV_SIDE_INTERNAL, "  Mei Chen ", "mei@vendor.example",
                       "csm", "onboarding", NULL);
  elsewhere = jt_add_person (store, ov_account_get_id (other), OV_SIDE_INTERNAL, "Tomás Ortega",
                             "", "csm", NULL);

  g_assert_cmpint (ov_person_get_id (csm), >, ov_person_get_id (sponsor));
  /* Stored trimmed, and the object says so. */
  g_assert_cmpstr (ov_person_get_name (csm), ==, "Mei Chen");

  people = ov_store_list_people (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 2);
  /* Internal first, then customers. */
  g_assert_cmpstr (ov_person_get_name (g_ptr_array_index (people, 0)), ==, "Mei Chen");
  g_assert_true (g_strv_equal (ov_person_get_roles (g_ptr_array_index (people, 0)), csm_roles));
  g_assert_cmpstr (ov_person_get_name (g_ptr_array_index (people, 1)), ==, "Ana Souza");
  g_assert_true (ov_person_get_side (g_ptr_array_index (people, 1)) == OV_SIDE_CUSTOMER);

  /* Refused input changes nothing. */
  before = jt_dump (store);
  bad = ov_person_new (id, OV_SIDE_CUSTOMER, "Bob", "bob-at-example");
  g_assert_false (ov_store_add_person (store, bad, &error));
  g_assert_error (error, OV_PERSON_ERROR, OV_PERSON_ERROR_EMAIL);
  g_assert_cmpint (ov_person_get_id (bad), ==, 0);
  g_clear_error (&error);

  ov_person_set_email (bad, "bob@example.org");
  ov_person_set_account_id (bad, 9999);
  g_assert_false (ov_store_add_person (store, bad, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_assert_cmpstr (error->message, ==, "There is no account number 9999.");
  g_assert_cmpint (ov_person_get_id (bad), ==, 0);
  g_clear_error (&error);

  ov_person_set_name (csm, "");
  g_assert_false (ov_store_update_person (store, csm, &error));
  g_assert_error (error, OV_PERSON_ERROR, OV_PERSON_ERROR_NAME);
  g_clear_error (&error);
  after = jt_dump (store);
  g_assert_cmpstr (before, ==, after);

  /* Update name, email and roles. */
  ov_person_set_name (csm, "Mei Chen-Larsen");
  ov_person_set_email (csm, "");
  ov_person_remove_role (csm, "onboarding");
  g_assert_true (ov_store_update_person (store, csm, &error));
  g_assert_no_error (error);
  loaded = ov_store_get_person (store, ov_person_get_id (csm), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_person_get_name (loaded), ==, "Mei Chen-Larsen");
  g_assert_cmpstr (ov_person_get_email (loaded), ==, "");
  g_assert_cmpstr (ov_person_get_roles (loaded)[0], ==, "csm");
  g_assert_null (ov_person_get_roles (loaded)[1]);

  g_assert_true (ov_store_delete_person (store, sponsor, &error));
  g_assert_no_error (error);
  g_assert_false (ov_store_delete_person (store, sponsor, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_clear_pointer (&people, g_ptr_array_unref);
  people = ov_store_list_people (store, id, &error);
  g_assert_cmpuint (people->len, ==, 1);

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

static void
test_resolve_role (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(OvStore) store = ov_test_new_store (&dir);
  g_autoptr(OvAccount) account = jt_add_account (store, "Kestrel Foods", "", OV_STAGE_HANDOFF,
                                                 jt_date ("2026-11-01"));
  g_autoptr(OvAccount) other = jt_add_account (store, "Alder Water", "", OV_STAGE_HANDOFF,
                                               jt_date ("2026-11-01"));
  gint64 id = ov_account_get_id (account);
  g_autoptr(OvPerson) first = NULL;
  g_autoptr(OvPerson) second = NULL;
  g_autoptr(OvPerson) elsewhere = NULL;
  g_autoptr(OvPerson) found = NULL;
  g_autoptr(GError) error = NULL;

  elsewhere = jt_add_person (store, ov_account_get_id (other), OV_SIDE_INTERNAL, "Kenji Sato",
                             "", "support", NULL);
  first = jt_add_person (store, id, OV_SIDE_INTERNAL, "Priya Raman", "", "onboarding", "csm",
                         NULL);
  second = jt_add_person (store, id, OV_SIDE_INTERNAL, "Jonas Weber", "", "csm", "training",
                          NULL);

  /* One person, several roles. */
  found = ov_store_resolve_role (store, id, "onboarding", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_person_get_id (found), ==, ov_person_get_id (first));
  g_clear_object (&found);

  /* Two people with one role: the one added first. */
  found = ov_store_resolve_role (store, id, "csm", &error);
  g_assert_cmpstr (ov_person_get_name (found), ==, "Priya Raman");
  g_clear_object (&found);

  found = ov_store_resolve_role (store, id, "training", &error);
  g_assert_cmpstr (ov_person_get_name (found), ==, "Jonas Weber");
  g_assert_true (ov_person_has_role (found, "csm"));
  g_clear_object (&found);

  /* Nobody holds it here (someone does on another account): none, no error. */
  found = ov_store_resolve_role (store, id, "support", &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Taking the role away moves it to the next holder. */
  ov_person_remove_role (first, "csm");
  g_assert_true (ov_store_update_person (store, first, &error));
  found = ov_store_resolve_role (store, id, "csm", &error);
  g_assert_cmpstr (ov_person_get_name (found), ==, "Jonas Weber");

  g_clear_object (&store);
  ov_test_remove_dir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/people/roles", test_roles);
  g_test_add_func ("/people/roles-are-a-set", test_roles_are_a_set);
  g_test_add_func ("/people/validation", test_validation);
  g_test_add_func ("/people/store", test_store);
  g_test_add_func ("/people/resolve-role", test_resolve_role);

  return g_test_run ();
}
