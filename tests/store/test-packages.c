/* test-packages.c — packages: the shipped ones, names unique whatever
 * their case, every bad one refused; an account's link to its package by
 * name, through renames and removals; the day an account churned
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "store-test-support.h"

static OvAccount *
get_account (RecordsFixture *fixture,
             OvStore        *store)
{
  g_autoptr(GError) error = NULL;
  OvAccount *account = ov_store_get_account (store, fixture->account_id, &error);

  g_assert_no_error (error);
  return account;
}

static void
save (OvStore   *store,
      OvAccount *account)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ov_store_save_account (store, account, &error));
  g_assert_no_error (error);
}

static void
test_shipped (RecordsFixture *fixture,
              gconstpointer   data)
{
  static const struct
  {
    const char *name;
    gint64      price_cents;
    const char *services;
  } shipped[] = {
    { "Enterprise", 4000000,
      "onboarding;dedicated_csm;training;premium_support;managed_services;"
      "Executive business reviews" },
    { "Essential", 250000, "onboarding" },
    { "Guided", 750000, "onboarding;training" },
    { "Premium", 1500000, "onboarding;dedicated_csm;training;premium_support" },
  };
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GError) error = NULL;

  packages = ov_store_list_packages (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (packages->len, ==, G_N_ELEMENTS (shipped));
  for (guint i = 0; i < packages->len; i++)
    {
      OvPackage *package = packages->pdata[i];
      g_autofree char *services = ov_package_services_format (
        ov_package_get_services (package), ov_package_get_other_services (package));

      g_assert_cmpstr (ov_package_get_name (package), ==, shipped[i].name);
      g_assert_cmpint (ov_package_get_price_cents (package), ==, shipped[i].price_cents);
      g_assert_cmpstr (ov_package_get_currency (package), ==, "USD");
      g_assert_cmpstr (services, ==, shipped[i].services);
      g_assert_cmpint (ov_package_get_version (package), ==, 1);
    }
}

static void
test_add_update_delete (RecordsFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(OvPackage) package = ov_package_new ("  Onboarding Plus ");
  g_autoptr(OvPackage) read = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *price = NULL;

  ov_package_set_price_cents (package, 990000);
  ov_package_set_currency (package, "eur");
  ov_package_set_services (package, OV_PACKAGE_SERVICE_TRAINING);
  ov_package_set_other_services (package, "On-site day, quarterly reviews");
  g_assert_true (ov_store_add_package (fixture->store, package, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 1);
  g_assert_cmpstr (ov_package_get_name (package), ==, "Onboarding Plus");
  /* Free text as a CSV cell reads it back. */
  g_assert_cmpstr (ov_package_get_other_services (package), ==,
                   "On-site day; quarterly reviews");

  read = ov_store_find_package (fixture->other, "ONBOARDING plus", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ov_package_get_id (read), ==, ov_package_get_id (package));
  g_assert_cmpstr (ov_package_get_currency (read), ==, "EUR");
  g_object_get (read, "price-text", &price, NULL);
  g_assert_cmpstr (price, ==, "€9,900");

  ov_package_set_price_cents (package, 1250000);
  ov_package_set_services (package, OV_PACKAGE_SERVICE_TRAINING |
                                    OV_PACKAGE_SERVICE_PREMIUM_SUPPORT);
  g_assert_true (ov_store_update_package (fixture->store, package, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_package_get_version (package), ==, 2);
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 1);

  g_assert_true (ov_store_delete_package (fixture->store, package, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 1);
  g_clear_object (&read);
  read = ov_store_find_package (fixture->store, "Onboarding Plus", &error);
  g_assert_no_error (error);
  g_assert_null (read);
  read = ov_store_get_package (fixture->store, ov_package_get_id (package), &error);
  g_assert_null (read);
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_NOT_FOUND);
}

static void
test_refusals (RecordsFixture *fixture,
               gconstpointer   data)
{
  const struct
  {
    const char *name;
    gint64      price_cents;
    const char *currency;
    const char *other;
    int         code;
    const char *message;
  } cases[] = {
    { "", 0, "USD", "", OV_PACKAGE_ERROR_NAME, "Name: a package needs a name." },
    { "   ", 0, "USD", "", OV_PACKAGE_ERROR_NAME, "Name: a package needs a name." },
    { "premium", 0, "USD", "", OV_PACKAGE_ERROR_DUPLICATE,
      "Name: there is already a package named “Premium”." },
    { " ESSENTIAL", 0, "USD", "", OV_PACKAGE_ERROR_DUPLICATE,
      "Name: there is already a package named “Essential”." },
    { "Tab\tName", 0, "USD", "", OV_PACKAGE_ERROR_NAME,
      "Name: the text holds the control character U+0009." },
    { "A name far longer than any label on any price list ought to be, surely, by now!!!",
      0, "USD", "", OV_PACKAGE_ERROR_NAME, "Name: a package name has at most 80 characters." },
    { "Cheap", -1, "USD", "", OV_PACKAGE_ERROR_PRICE,
      "Price: a package cannot cost less than nothing." },
    { "Euro", 100, "EURO", "", OV_PACKAGE_ERROR_CURRENCY,
      "Currency: “EURO” is not a three-letter currency code such as USD or EUR." },
    { "Blank", 100, "", "", OV_PACKAGE_ERROR_CURRENCY,
      "Currency: “” is not a three-letter currency code such as USD or EUR." },
    { "Odd", 100, "USD", "line\rbreak", OV_PACKAGE_ERROR_SERVICES,
      "Services: the text holds the control character U+000D." },
  };

  records_take_changes (fixture, "packages");
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(OvPackage) package = ov_package_new (cases[i].name);
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", cases[i].message);
      ov_package_set_price_cents (package, cases[i].price_cents);
      ov_package_set_currency (package, cases[i].currency);
      ov_package_set_other_services (package, cases[i].other);
      g_assert_false (ov_store_add_package (fixture->store, package, &error));
      g_assert_error (error, OV_PACKAGE_ERROR, cases[i].code);
      g_assert_cmpstr (error->message, ==, cases[i].message);
      g_assert_cmpint (ov_package_get_id (package), ==, 0);
    }

  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM packages"), ==, 4);
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 0);
}

/* Renaming onto another package's name is refused; a stale copy too. */
static void
test_update_refused (RecordsFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(OvPackage) mine = ov_store_find_package (fixture->store, "Guided", NULL);
  g_autoptr(OvPackage) theirs = ov_store_find_package (fixture->other, "Guided", NULL);
  g_autoptr(OvPackage) stored = NULL;
  g_autoptr(GError) error = NULL;

  ov_package_set_name (mine, "ENTERPRISE");
  g_assert_false (ov_store_update_package (fixture->store, mine, &error));
  g_assert_error (error, OV_PACKAGE_ERROR, OV_PACKAGE_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Its own name in another case is a rename, not a clash. */
  ov_package_set_name (theirs, "GUIDED");
  g_assert_true (ov_store_update_package (fixture->other, theirs, &error));
  g_assert_no_error (error);

  ov_package_set_name (mine, "Guided");
  ov_package_set_price_cents (mine, 1);
  g_assert_false (ov_store_update_package (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_false (ov_store_delete_package (fixture->store, mine, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  stored = ov_store_find_package (fixture->store, "guided", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ov_package_get_name (stored), ==, "GUIDED");
  g_assert_cmpint (ov_package_get_price_cents (stored), ==, 750000);
}

/* An account names its package; the store finds it whatever its case, or
 * makes it, and keeps the id and the name together. */
static void
test_account_package (RecordsFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(OvAccount) account = get_account (fixture, fixture->store);
  g_autoptr(OvAccount) again = NULL;
  g_autoptr(OvPackage) premium = ov_store_find_package (fixture->store, "Premium", NULL);
  g_autoptr(OvPackage) made = NULL;

  g_assert_cmpstr (ov_account_get_package (account), ==, "");
  g_assert_cmpint (ov_account_get_package_id (account), ==, 0);

  records_take_changes (fixture, "packages");
  ov_account_set_package (account, "premium");
  save (fixture->store, account);
  g_assert_cmpstr (ov_account_get_package (account), ==, "Premium");
  g_assert_cmpint (ov_account_get_package_id (account), ==, ov_package_get_id (premium));
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 0);

  again = get_account (fixture, fixture->other);
  g_assert_cmpstr (ov_account_get_package (again), ==, "Premium");
  g_assert_cmpint (ov_account_get_package_id (again), ==, ov_package_get_id (premium));
  g_clear_object (&again);

  /* A name no package has makes one, priced later. */
  ov_account_set_package (account, "  Founders' Deal ");
  g_assert_cmpint (ov_account_get_package_id (account), ==, 0);
  save (fixture->store, account);
  g_assert_cmpuint (records_take_changes (fixture, "packages"), ==, 1);
  made = ov_store_find_package (fixture->store, "founders' deal", NULL);
  g_assert_nonnull (made);
  g_assert_cmpstr (ov_package_get_name (made), ==, "Founders' Deal");
  g_assert_cmpint (ov_package_get_price_cents (made), ==, 0);
  g_assert_cmpint (ov_account_get_package_id (account), ==, ov_package_get_id (made));
  g_assert_cmpint (ov_store_count_package_accounts (fixture->store, ov_package_get_id (made),
                                                    NULL), ==, 1);

  /* By id alone, the name follows. */
  ov_account_set_package_id (account, ov_package_get_id (premium));
  save (fixture->store, account);
  g_assert_cmpstr (ov_account_get_package (account), ==, "Premium");

  /* No name is no package. */
  ov_account_set_package (account, "");
  save (fixture->store, account);
  g_assert_cmpint (ov_account_get_package_id (account), ==, 0);
  again = get_account (fixture, fixture->store);
  g_assert_cmpstr (ov_account_get_package (again), ==, "");
  g_assert_cmpint (ov_account_get_package_id (again), ==, 0);
}

/* A renamed package is renamed on its accounts; a removed one leaves them
 * without, and a copy of such an account read before is stale. */
static void
test_rename_and_remove (RecordsFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(OvAccount) account = get_account (fixture, fixture->store);
  g_autoptr(OvAccount) stale = NULL;
  g_autoptr(OvAccount) read = NULL;
  g_autoptr(OvPackage) guided = ov_store_find_package (fixture->store, "Guided", NULL);
  g_autoptr(GError) error = NULL;

  ov_account_set_package (account, "Guided");
  save (fixture->store, account);
  stale = get_account (fixture, fixture->other);

  records_take_changes (fixture, "packages");
  ov_package_set_name (guided, "Guided Plus");
  g_assert_true (ov_store_update_package (fixture->store, guided, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "accounts"), ==, 1);
  read = get_account (fixture, fixture->store);
  g_assert_cmpstr (ov_account_get_package (read), ==, "Guided Plus");
  g_assert_cmpint (ov_account_get_version (read), ==, ov_account_get_version (account));

  /* A copy from before the rename still means the same package. */
  ov_account_set_notes (stale, "Renewal in May");
  g_assert_true (ov_store_save_account (fixture->other, stale, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ov_account_get_package (stale), ==, "Guided Plus");
  g_clear_object (&read);

  read = get_account (fixture, fixture->store);
  records_take_changes (fixture, "packages");
  g_assert_true (ov_store_delete_package (fixture->store, guided, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (records_take_changes (fixture, "accounts"), ==, 1);

  g_clear_object (&account);
  account = get_account (fixture, fixture->store);
  g_assert_cmpstr (ov_account_get_package (account), ==, "");
  g_assert_cmpint (ov_account_get_package_id (account), ==, 0);
  g_assert_cmpint (ov_account_get_version (account), ==, ov_account_get_version (read) + 1);

  /* The copy read before knew a package that is gone: it is stale. */
  ov_account_set_owner (read, "Ben");
  g_assert_false (ov_store_save_account (fixture->store, read, &error));
  g_assert_error (error, OV_STORE_ERROR, OV_STORE_ERROR_CONFLICT);
  g_assert_cmpstr (ov_account_get_package (read), ==, "Guided Plus");
}

/* churned_on follows the status, dated by the caller's today. */
static void
test_churned_on (RecordsFixture *fixture,
                 gconstpointer   data)
{
  g_autoptr(OvAccount) account = get_account (fixture, fixture->store);
  g_autoptr(OvAccount) read = NULL;
  g_autoptr(GError) error = NULL;
  OvDate day = records_date ("2026-06-10");

  g_assert_cmpint (ov_account_get_churned_on (account), ==, OV_DATE_NONE);

  ov_account_set_status (account, OV_ACCOUNT_STATUS_CHURNED);
  g_assert_true (ov_store_save_account_on (fixture->store, account, day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_churned_on (account), ==, day);
  read = get_account (fixture, fixture->other);
  g_assert_cmpint (ov_account_get_churned_on (read), ==, day);
  g_clear_object (&read);

  /* Saved again churned, it keeps the day. */
  ov_account_set_notes (account, "Lost to a rival");
  g_assert_true (ov_store_save_account_on (fixture->store, account, day + 3, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_churned_on (account), ==, day);

  /* A day named by hand, not after today. */
  ov_account_set_churned_on (account, day - 30);
  g_assert_true (ov_store_save_account_on (fixture->store, account, day, &error));
  g_assert_no_error (error);
  ov_account_set_churned_on (account, day + 1);
  g_assert_false (ov_store_save_account_on (fixture->store, account, day, &error));
  g_assert_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE);
  g_assert_cmpstr (error->message, ==, "Churned on: 2026-06-11 is after today (2026-06-10).");
  g_clear_error (&error);
  g_assert_cmpint (ov_account_get_churned_on (account), ==, day + 1);
  read = get_account (fixture, fixture->store);
  g_assert_cmpint (ov_account_get_churned_on (read), ==, day - 30);
  g_clear_object (&read);

  /* Back to active: no churn day. Churned again: the day of that. */
  ov_account_set_status (account, OV_ACCOUNT_STATUS_ACTIVE);
  g_assert_true (ov_store_save_account_on (fixture->store, account, day, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ov_account_get_churned_on (account), ==, OV_DATE_NONE);
  g_assert_cmpint (query_int (fixture->store, "SELECT count(*) FROM accounts "
                                              "WHERE churned_on IS NOT NULL"), ==, 0);
  ov_account_set_status (account, OV_ACCOUNT_STATUS_CHURNED);
  save (fixture->store, account);
  g_assert_cmpint (ov_account_get_churned_on (account), ==, ov_date_today ());
}

static void
test_services_text (void)
{
  const struct
  {
    const char        *text;
    OvPackageServices  services;
    const char        *other;
    const char        *written;
  } cases[] = {
    { "", OV_PACKAGE_SERVICE_NONE, "", "" },
    { "Dedicated CSM; training", OV_PACKAGE_SERVICE_DEDICATED_CSM | OV_PACKAGE_SERVICE_TRAINING,
      "", "dedicated_csm;training" },
    { "managed-services,Onboarding services,  On-site day ;", OV_PACKAGE_SERVICE_MANAGED_SERVICES |
      OV_PACKAGE_SERVICE_ONBOARDING, "On-site day", "onboarding;managed_services;On-site day" },
    { "premium support;Quarterly reviews;Hotline", OV_PACKAGE_SERVICE_PREMIUM_SUPPORT,
      "Quarterly reviews; Hotline", "premium_support;Quarterly reviews; Hotline" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *other = NULL;
      g_autofree char *written = NULL;
      g_autofree char *again = NULL;
      OvPackageServices services, services_again;

      ov_package_services_parse (cases[i].text, &services, &other);
      g_assert_cmpint (services, ==, cases[i].services);
      g_assert_cmpstr (other, ==, cases[i].other);
      written = ov_package_services_format (services, other);
      g_assert_cmpstr (written, ==, cases[i].written);

      /* Written and read back, nothing changes. */
      g_free (other);
      ov_package_services_parse (written, &services_again, &other);
      g_assert_cmpint (services_again, ==, services);
      again = ov_package_services_format (services_again, other);
      g_assert_cmpstr (again, ==, written);
    }

  g_assert_cmpstr (ov_package_service_get_title (OV_PACKAGE_SERVICE_DEDICATED_CSM), ==,
                   "Dedicated CSM");
  g_assert_null (ov_package_service_get_id (OV_PACKAGE_SERVICE_ONBOARDING |
                                            OV_PACKAGE_SERVICE_TRAINING));
}

static void
test_name_key (void)
{
  const char * const same[] = { "Überblick", "überblick", " ÜBERBLICK ", "U\xcc\x88" "berblick" };
  g_autofree char *first = ov_package_name_key (same[0]);

  for (guint i = 1; i < G_N_ELEMENTS (same); i++)
    {
      g_autofree char *key = ov_package_name_key (same[i]);

      g_assert_cmpstr (key, ==, first);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, RecordsFixture, NULL, records_fixture_set_up, func, \
              records_fixture_tear_down)

  ADD ("/packages/shipped", test_shipped);
  ADD ("/packages/add-update-delete", test_add_update_delete);
  ADD ("/packages/refusals", test_refusals);
  ADD ("/packages/update-refused", test_update_refused);
  ADD ("/packages/account-package", test_account_package);
  ADD ("/packages/rename-and-remove", test_rename_and_remove);
  ADD ("/packages/churned-on", test_churned_on);
  g_test_add_func ("/packages/services-text", test_services_text);
  g_test_add_func ("/packages/name-key", test_name_key);

  return g_test_run ();
}
