/* ov-health-preferences.c — the preferences of the program and the health
 * score, kept in the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The program start date and the four weights belong to the portfolio,
 * not to the computer, so they are kept in its file
 * (ov-store-program.h), where the command line and the report read them
 * too. Weights are stored as they change; a set that cannot be (all 0) is
 * refused, said so, and not stored.
 */

#define G_LOG_DOMAIN "ov-health-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-date-row.h"
#include "ov-health-format.h"
#include "ov-health-preferences.h"

struct _OvHealthPreferences
{
  AdwPreferencesPage   parent_instance;

  OvStore             *store;
  GtkSpinButton       *spins[OV_HEALTH_N_COMPONENTS];
  gboolean             syncing;

  /* Template widgets */
  OvDateRow           *start_row;
  AdwPreferencesGroup *weights_group;
  GtkLabel            *error_label;
  GtkWidget           *reset_button;
};

G_DEFINE_FINAL_TYPE (OvHealthPreferences, ov_health_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (OvHealthPreferences *self,
            const char          *message)
{
  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    if (message != NULL)
      gtk_widget_add_css_class (GTK_WIDGET (self->spins[c]), "error");
    else
      gtk_widget_remove_css_class (GTK_WIDGET (self->spins[c]), "error");
}

static void
show_weights (OvHealthPreferences *self,
              const double        *weights)
{
  self->syncing = TRUE;
  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    gtk_spin_button_set_value (self->spins[c], weights[c]);
  self->syncing = FALSE;
}

static void
weight_changed_cb (OvHealthPreferences *self)
{
  double weights[OV_HEALTH_N_COMPONENTS];
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->store == NULL)
    return;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    weights[c] = gtk_spin_button_get_value (self->spins[c]);

  if (!ov_store_set_health_weights (self->store, weights, &error))
    {
      show_error (self, error->message);
      return;
    }

  show_error (self, NULL);
}

static void
reset_clicked_cb (OvHealthPreferences *self)
{
  show_weights (self, ov_health_default_weights ());
  weight_changed_cb (self);
}

static void
start_changed_cb (OvHealthPreferences *self)
{
  g_autoptr(GError) error = NULL;

  if (self->syncing || self->store == NULL)
    return;

  if (!ov_store_set_program_start (self->store, ov_date_row_get_date (self->start_row), &error))
    g_warning ("Could not keep the program start: %s", error->message);
}

static void
add_weight_row (OvHealthPreferences *self,
                OvHealthComponent    component)
{
  static const char *const subtitles[OV_HEALTH_N_COMPONENTS] = {
    [OV_HEALTH_USAGE] = N_("The latest share of licensed users active"),
    [OV_HEALTH_ENGAGEMENT] = N_("Meetings attended of those scheduled"),
    [OV_HEALTH_NPS] = N_("The latest NPS response"),
    [OV_HEALTH_OVERDUE] = N_("Open tasks past their due date, 25 points each"),
  };
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *spin = gtk_spin_button_new_with_range (0, 100, 1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ov_health_component_title (component));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(subtitles[component]));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ov_health_component_title (component), -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (weight_changed_cb), self,
                           G_CONNECT_SWAPPED);

  /* The error label stays last, under the rows. */
  adw_preferences_group_remove (self->weights_group, GTK_WIDGET (self->error_label));
  adw_preferences_group_add (self->weights_group, row);
  adw_preferences_group_add (self->weights_group, GTK_WIDGET (self->error_label));

  self->spins[component] = GTK_SPIN_BUTTON (spin);
}

static void
ov_health_preferences_dispose (GObject *object)
{
  OvHealthPreferences *self = OV_HEALTH_PREFERENCES (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_health_preferences_parent_class)->dispose (object);
}

static void
ov_health_preferences_class_init (OvHealthPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_health_preferences_dispose;

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-health-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, OvHealthPreferences, start_row);
  gtk_widget_class_bind_template_child (widget_class, OvHealthPreferences, weights_group);
  gtk_widget_class_bind_template_child (widget_class, OvHealthPreferences, error_label);
  gtk_widget_class_bind_template_child (widget_class, OvHealthPreferences, reset_button);
  gtk_widget_class_bind_template_callback (widget_class, start_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, reset_clicked_cb);
}

static void
ov_health_preferences_init (OvHealthPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (OvHealthComponent c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    add_weight_row (self, c);
}

/**
 * ov_health_preferences_new:
 * @store: the portfolio whose settings the page shows and keeps
 */
GtkWidget *
ov_health_preferences_new (OvStore *store)
{
  OvHealthPreferences *self;
  double weights[OV_HEALTH_N_COMPONENTS];

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_HEALTH_PREFERENCES, NULL);
  self->store = g_object_ref (store);

  ov_store_get_health_weights (store, weights);
  show_weights (self, weights);

  self->syncing = TRUE;
  ov_date_row_set_date (self->start_row, ov_store_get_program_start (store));
  self->syncing = FALSE;

  if (ov_store_is_read_only (store))
    gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);

  return GTK_WIDGET (self);
}

/* As if typed into @component's spin button (tests use it). */
void
ov_health_preferences_set_weight (OvHealthPreferences *self,
                                  OvHealthComponent    component,
                                  double               weight)
{
  g_return_if_fail (OV_IS_HEALTH_PREFERENCES (self));
  g_return_if_fail (component < OV_HEALTH_N_COMPONENTS);

  gtk_spin_button_set_value (self->spins[component], weight);
}

/* The message of the last refused change, or "" (tests read it). */
const char *
ov_health_preferences_get_error (OvHealthPreferences *self)
{
  g_return_val_if_fail (OV_IS_HEALTH_PREFERENCES (self), NULL);

  return gtk_label_get_label (self->error_label);
}
