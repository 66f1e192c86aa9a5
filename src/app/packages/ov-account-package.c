/* ov-account-package.c — the account's package: a picker, its price and
 * services
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The picker lists "No package" and the package records. Choosing one
 * saves the account at once, checked against the version the page read:
 * when someone changed the account meanwhile, nothing is saved, the page
 * shows the account as stored and the picker its package, to choose
 * again. The page learns of a save through ::account-saved, so the list
 * of accounts follows. "Edit Packages…" opens the records.
 */

#define G_LOG_DOMAIN "ov-account-package"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-package.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-packages-dialog.h"

struct _OvAccountPackage
{
  OvAccountSection     parent_instance;

  GPtrArray           *packages;    /* positions 1… of the picker */
  gboolean             loading;

  /* Template widgets */
  AdwPreferencesGroup *group;
  AdwComboRow         *package_row;
  GtkWidget           *price_row;
  GtkLabel            *price_label;
  AdwActionRow        *services_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvAccountPackage, ov_account_package, OV_TYPE_ACCOUNT_SECTION)

enum {
  ACCOUNT_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (OvAccountPackage *self,
            const char       *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->package_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->package_row), "error");
}

static OvPackage *
chosen_package (OvAccountPackage *self)
{
  guint selected = adw_combo_row_get_selected (self->package_row);

  if (self->packages == NULL || selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > self->packages->len)
    return NULL;

  return g_ptr_array_index (self->packages, selected - 1);
}

/* The price and services of the package chosen now. */
static void
show_details (OvAccountPackage *self)
{
  OvPackage *package = chosen_package (self);
  g_autofree char *price = NULL;
  g_autofree char *services = NULL;

  gtk_widget_set_visible (self->price_row, package != NULL);
  if (package == NULL)
    {
      adw_action_row_set_subtitle (self->services_row,
                                   _("No package: the onboarding every customer gets."));
      return;
    }

  g_object_get (package, "price-text", &price, "services-text", &services, NULL);
  gtk_label_set_label (self->price_label, price);
  adw_action_row_set_subtitle (self->services_row,
                               services[0] != '\0' ? services : _("No services named"));
}

/* Shows the account's package in the picker. */
static void
show_package (OvAccountPackage *self)
{
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  gint64 package_id = ov_account_get_package_id (account);
  guint selected = 0;

  for (guint i = 0; self->packages != NULL && i < self->packages->len; i++)
    if (ov_package_get_id (g_ptr_array_index (self->packages, i)) == package_id)
      selected = i + 1;

  self->loading = TRUE;
  adw_combo_row_set_selected (self->package_row, selected);
  self->loading = FALSE;
  show_details (self);
}

static void
ov_account_package_refresh (OvAccountSection *section)
{
  OvAccountPackage *self = OV_ACCOUNT_PACKAGE (section);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_clear_pointer (&self->packages, g_ptr_array_unref);
  self->packages = ov_store_list_packages (ov_view_get_store (OV_VIEW (self)), &error);
  if (self->packages == NULL)
    {
      show_error (self, error->message);
      return;
    }

  gtk_string_list_append (names, _("No package"));
  for (guint i = 0; i < self->packages->len; i++)
    gtk_string_list_append (names, ov_package_get_name (g_ptr_array_index (self->packages, i)));

  self->loading = TRUE;
  adw_combo_row_set_model (self->package_row, G_LIST_MODEL (names));
  self->loading = FALSE;
  show_package (self);
}

/* Someone changed the account since the page read it: it shows as it is
 * now, and the message says what happened. */
static void
show_conflict (OvAccountPackage *self,
               const GError     *error)
{
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GString) changes = g_string_new (NULL);
  g_autofree char *message = NULL;

  fresh = ov_store_get_account (ov_view_get_store (OV_VIEW (self)),
                                ov_account_get_id (account), &read_error);
  if (fresh == NULL)
    {
      show_error (self, read_error->message);
      return;
    }

  ov_conflict_add_change (changes, _("Package"), ov_account_get_package (account),
                          ov_account_get_package (fresh));
  ov_account_assign (account, fresh);
  g_signal_emit (self, signals[ACCOUNT_SAVED], 0);
  show_package (self);

  message = ov_conflict_describe (error, OV_CONFLICT_REDO, changes->str);
  gtk_widget_add_css_class (GTK_WIDGET (self->package_row), "error");
  ov_conflict_show (GTK_WIDGET (self), self->error_label, NULL, error, message);
}

static gboolean
save_choice (OvAccountPackage *self)
{
  OvAccount *account = ov_account_section_get_account (OV_ACCOUNT_SECTION (self));
  OvPackage *package = chosen_package (self);
  g_autoptr(OvAccount) draft = NULL;
  g_autoptr(GError) error = NULL;
  gint64 package_id = package != NULL ? ov_package_get_id (package) : 0;

  if (account == NULL || package_id == ov_account_get_package_id (account))
    {
      show_details (self);
      return TRUE;
    }

  /* The name first: setting it lets go of the id. */
  draft = ov_account_copy (account);
  ov_account_set_package (draft, package != NULL ? ov_package_get_name (package) : "");
  ov_account_set_package_id (draft, package_id);

  if (!ov_store_save_account_on (ov_view_get_store (OV_VIEW (self)), draft,
                                 ov_view_get_today (OV_VIEW (self)), &error))
    {
      if (ov_conflict_matches (error))
        show_conflict (self, error);
      else
        {
          show_package (self);
          show_error (self, error->message);
        }
      return FALSE;
    }

  show_error (self, NULL);
  ov_account_assign (account, draft);
  g_signal_emit (self, signals[ACCOUNT_SAVED], 0);
  show_details (self);
  return TRUE;
}

static void
package_selected_cb (OvAccountPackage *self)
{
  if (self->loading || ov_account_section_get_account (OV_ACCOUNT_SECTION (self)) == NULL)
    return;

  save_choice (self);
}

static void
manage_clicked_cb (OvAccountPackage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvPackagesDialog *dialog;

  if (store == NULL)
    return;

  dialog = ov_packages_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ov_account_package_finalize (GObject *object)
{
  OvAccountPackage *self = OV_ACCOUNT_PACKAGE (object);

  g_clear_pointer (&self->packages, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_account_package_parent_class)->finalize (object);
}

static void
ov_account_package_class_init (OvAccountPackageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_package_finalize;
  section_class->refresh = ov_account_package_refresh;

  /**
   * OvAccountPackage::account-saved:
   *
   * The account took another package, or was read again after a
   * conflict: whoever lists it shows it anew.
   */
  signals[ACCOUNT_SAVED] = g_signal_new ("account-saved",
                                         G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-package.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, group);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, package_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, price_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, price_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, services_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPackage, error_label);
  gtk_widget_class_bind_template_callback (widget_class, package_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, manage_clicked_cb);
}

static void
ov_account_package_init (OvAccountPackage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
ov_account_package_choose (OvAccountPackage *self,
                           const char       *name)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PACKAGE (self), FALSE);

  if (name == NULL)
    {
      adw_combo_row_set_selected (self->package_row, 0);
      return gtk_label_get_label (self->error_label)[0] == '\0';
    }

  for (guint i = 0; self->packages != NULL && i < self->packages->len; i++)
    if (g_strcmp0 (ov_package_get_name (g_ptr_array_index (self->packages, i)), name) == 0)
      {
        adw_combo_row_set_selected (self->package_row, i + 1);
        return gtk_label_get_label (self->error_label)[0] == '\0';
      }

  return FALSE;
}

/* The refusal shown, or "". */
const char *
ov_account_package_get_error (OvAccountPackage *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PACKAGE (self), NULL);

  return gtk_label_get_label (self->error_label);
}
