/* ov-preferences-window.c — Overture's preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-health-preferences.h"
#include "ov-preferences-window.h"
#include "ov-questions-preferences.h"

struct _OvPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;

  /* Template widgets */
  AdwActionRow         *notify_row;
  GtkSwitch            *notify_switch;
  AdwEntryRow          *name_row;
  AdwComboRow          *currency_row;
  GtkStringList        *currencies;
};

G_DEFINE_FINAL_TYPE (OvPreferencesWindow, ov_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static gboolean
has_key (GSettings  *settings,
         const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, key);
}

/* The currency new accounts get: the one chosen in Preferences, else the
 * locale's, else USD. */
char *
ov_preferences_default_currency (GSettings *settings)
{
  g_autofree char *chosen = NULL;

  if (settings != NULL && has_key (settings, "default-currency"))
    chosen = g_settings_get_string (settings, "default-currency");
  if (chosen != NULL && chosen[0] != '\0')
    return g_steal_pointer (&chosen);

  return ov_money_locale_currency ();
}

static guint
currency_position (OvPreferencesWindow *self,
                   const char          *code)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->currencies));

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (self->currencies, i), code) == 0)
      return i;

  gtk_string_list_append (self->currencies, code);
  return n;
}

static void
currency_selected_cb (OvPreferencesWindow *self)
{
  guint position = adw_combo_row_get_selected (self->currency_row);

  if (self->settings == NULL || position == GTK_INVALID_LIST_POSITION)
    return;

  g_settings_set_string (self->settings, "default-currency",
                         gtk_string_list_get_string (self->currencies, position));
}

static void
bind_entry_settings (OvPreferencesWindow *self,
                     GSettings           *settings)
{
  g_autofree char *currency = ov_preferences_default_currency (settings);

  if (has_key (settings, "user-name"))
    g_settings_bind (settings, "user-name", self->name_row, "text", G_SETTINGS_BIND_DEFAULT);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);

  /* Shown as it is used until the user picks one: the locale's on the
   * first run. */
  adw_combo_row_set_selected (self->currency_row, currency_position (self, currency));
  if (has_key (settings, "default-currency"))
    g_signal_connect_object (self->currency_row, "notify::selected",
                             G_CALLBACK (currency_selected_cb), self, G_CONNECT_SWAPPED);
  else
    gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), FALSE);
}

GtkWidget *
ov_preferences_window_new (GtkWindow *parent,
                           GSettings *settings)
{
  OvPreferencesWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (OV_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);

  if (settings != NULL && has_key (settings, "notify-overdue"))
    {
      self->settings = g_object_ref (settings);
      g_settings_bind (settings, "notify-overdue", self->notify_switch, "active",
                       G_SETTINGS_BIND_DEFAULT);
      bind_entry_settings (self, settings);
    }
  else
    {
      /* Nowhere to keep the choice, and no reminder is sent either. */
      gtk_switch_set_active (self->notify_switch, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->notify_row), FALSE);
      adw_action_row_set_subtitle (self->notify_row,
                                   _("Unavailable: this installation of Overture cannot "
                                     "keep preferences, so no reminder is sent"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->name_row), FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->currency_row), FALSE);
    }

  return GTK_WIDGET (self);
}

/* Adds the pages of what the portfolio in @store keeps: the program start
 * and the health weights, and the interview's questions. */
void
ov_preferences_window_set_store (OvPreferencesWindow *self,
                                 OvStore             *store)
{
  g_return_if_fail (OV_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (OV_IS_STORE (store));

  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (ov_health_preferences_new (store)));
  adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self),
                              ADW_PREFERENCES_PAGE (ov_questions_preferences_new (store)));
}

static void
ov_preferences_window_dispose (GObject *object)
{
  OvPreferencesWindow *self = OV_PREFERENCES_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->currencies);

  G_OBJECT_CLASS (ov_preferences_window_parent_class)->dispose (object);
}

static void
ov_preferences_window_class_init (OvPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, OvPreferencesWindow, notify_row);
  gtk_widget_class_bind_template_child (widget_class, OvPreferencesWindow, notify_switch);
  gtk_widget_class_bind_template_child (widget_class, OvPreferencesWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvPreferencesWindow, currency_row);
}

static void
ov_preferences_window_init (OvPreferencesWindow *self)
{
  /* The codes Overture writes with a symbol first, then the rest by code. */
  static const char * const codes[] = {
    "USD", "EUR", "GBP", "CHF", "JPY", "CAD", "AUD", "INR",
    "BRL", "CNY", "DKK", "MXN", "NOK", "NZD", "PLN", "SEK", "SGD", "ZAR", NULL,
  };

  gtk_widget_init_template (GTK_WIDGET (self));

  self->currencies = gtk_string_list_new (codes);
  adw_combo_row_set_model (self->currency_row, G_LIST_MODEL (self->currencies));
}
