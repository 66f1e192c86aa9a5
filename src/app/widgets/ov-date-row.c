/* ov-date-row.c — an entry row for a date, with a calendar
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one date entry of the app. Dates are typed as YYYY-MM-DD, in the
 * numeric form of the locale (27.02.2026 in German, 02/27/2026 in US
 * English; ov_date_parse_local() holds the rules), or picked from a
 * calendar. Text that is not a real date marks the row as an error and says
 * why in its tooltip; the "date" property only ever holds a valid date (or
 * none).
 */

#define G_LOG_DOMAIN "ov-date-row"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-date-row.h"

struct _OvDateRow
{
  AdwEntryRow     parent_instance;

  GtkMenuButton  *calendar_button;
  GtkPopover     *popover;
  GtkCalendar    *calendar;

  OvDate          date;
  gboolean        valid;
  gboolean        syncing;
};

G_DEFINE_FINAL_TYPE (OvDateRow, ov_date_row, ADW_TYPE_ENTRY_ROW)

enum {
  PROP_0,
  PROP_DATE,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_valid (OvDateRow  *self,
           gboolean    valid,
           const char *message)
{
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), message);

  if (valid)
    gtk_widget_remove_css_class (GTK_WIDGET (self), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self), "error");

  if (self->valid != valid)
    {
      self->valid = valid;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

static void
show_date (OvDateRow *self)
{
  g_autofree char *text = ov_date_to_iso (self->date);

  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self), text ? text : "");
  self->syncing = FALSE;
  set_valid (self, TRUE, NULL);
}

static void
take_date (OvDateRow *self,
           OvDate     date)
{
  if (self->date == date)
    return;

  self->date = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static void
changed_cb (OvDateRow *self)
{
  g_autoptr(GError) error = NULL;
  OvDate date;

  if (self->syncing)
    return;

  /* While typing, only say whether it reads as a date; commit on apply. */
  if (ov_date_parse_local (gtk_editable_get_text (GTK_EDITABLE (self)), &date, &error))
    set_valid (self, TRUE, NULL);
  else
    set_valid (self, FALSE, error->message);
}

static void
apply_cb (OvDateRow *self)
{
  g_autoptr(GError) error = NULL;
  OvDate date;

  if (!ov_date_parse_local (gtk_editable_get_text (GTK_EDITABLE (self)), &date, &error))
    {
      set_valid (self, FALSE, error->message);
      return;
    }

  take_date (self, date);
  show_date (self);
}

static void
popover_show_cb (OvDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;
  int year, month, day;

  if (!ov_date_to_ymd (self->date != OV_DATE_NONE ? self->date : ov_date_today (),
                       &year, &month, &day))
    return;

  when = g_date_time_new_local (year, month, day, 12, 0, 0);
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, when);
  self->syncing = FALSE;
}

static void
day_selected_cb (OvDateRow *self)
{
  g_autoptr(GDateTime) when = NULL;

  if (self->syncing)
    return;

  when = gtk_calendar_get_date (self->calendar);
  take_date (self, ov_date_from_ymd (g_date_time_get_year (when),
                                     g_date_time_get_month (when),
                                     g_date_time_get_day_of_month (when)));
  show_date (self);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked_cb (OvDateRow *self)
{
  take_date (self, OV_DATE_NONE);
  show_date (self);
  gtk_popover_popdown (self->popover);
}

static void
ov_date_row_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  OvDateRow *self = OV_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_int (value, self->date);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_date_row_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  OvDateRow *self = OV_DATE_ROW (object);

  switch (prop_id)
    {
    case PROP_DATE:
      ov_date_row_set_date (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_date_row_class_init (OvDateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = ov_date_row_get_property;
  object_class->set_property = ov_date_row_set_property;

  properties[PROP_DATE] =
    g_param_spec_int ("date", NULL, NULL, 0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, TRUE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ov-date-row.ui");
  gtk_widget_class_bind_template_child (widget_class, OvDateRow, calendar_button);
  gtk_widget_class_bind_template_child (widget_class, OvDateRow, popover);
  gtk_widget_class_bind_template_child (widget_class, OvDateRow, calendar);
  gtk_widget_class_bind_template_callback (widget_class, changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
}

static void
ov_date_row_init (OvDateRow *self)
{
  self->valid = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ov_date_row_new (void)
{
  return g_object_new (OV_TYPE_DATE_ROW, NULL);
}

OvDate
ov_date_row_get_date (OvDateRow *self)
{
  g_return_val_if_fail (OV_IS_DATE_ROW (self), OV_DATE_NONE);

  return self->date;
}

/* Shows @date without telling anyone it changed by the user's hand. */
void
ov_date_row_set_date (OvDateRow *self,
                      OvDate     date)
{
  g_return_if_fail (OV_IS_DATE_ROW (self));

  take_date (self, date);
  show_date (self);
}

gboolean
ov_date_row_is_valid (OvDateRow *self)
{
  g_return_val_if_fail (OV_IS_DATE_ROW (self), FALSE);

  return self->valid;
}

/* The date typed now, applied or not, for a form that reads its rows when
 * it is saved: FALSE when the text is no date, with @error saying why;
 * empty text is no date set (OV_DATE_NONE). A date read is shown as the row
 * shows dates, so what is saved is what is seen. */
gboolean
ov_date_row_read_text (OvDateRow  *self,
                       OvDate     *date,
                       GError    **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (OV_IS_DATE_ROW (self), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  *date = OV_DATE_NONE;
  if (!ov_date_parse_local (gtk_editable_get_text (GTK_EDITABLE (self)), date, &local_error))
    {
      set_valid (self, FALSE, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  ov_date_row_set_date (self, *date);
  return TRUE;
}
