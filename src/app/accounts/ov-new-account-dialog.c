/* ov-new-account-dialog.c — asks for the first facts of a new account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-new-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-date-row.h"
#include "ov-new-account-dialog.h"

struct _OvNewAccountDialog
{
  AdwWindow    parent_instance;

  OvStore     *store;

  GtkWidget   *create_button;
  AdwEntryRow *name_row;
  AdwEntryRow *external_id_row;
  AdwEntryRow *segment_row;
  AdwEntryRow *owner_row;
  OvDateRow   *close_row;
  AdwEntryRow *arr_row;
  GtkWidget   *external_id_error_row;
  GtkWidget   *close_error_row;
  GtkWidget   *arr_error_row;
  GtkLabel    *error_label;
  GtkLabel    *currency_label;
  guint        scroll_tick;
};

G_DEFINE_FINAL_TYPE (OvNewAccountDialog, ov_new_account_dialog, ADW_TYPE_WINDOW)

enum {
  CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
name_changed_cb (OvNewAccountDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));

  gtk_widget_set_sensitive (self->create_button, name[0] != '\0');
}

/* The row under @field that says what is wrong with it, if it has one. */
static GtkWidget *
error_row_of (OvNewAccountDialog *self,
              GtkWidget          *field)
{
  if (field == GTK_WIDGET (self->external_id_row))
    return self->external_id_error_row;
  if (field == GTK_WIDGET (self->close_row))
    return self->close_error_row;
  if (field == GTK_WIDGET (self->arr_row))
    return self->arr_error_row;
  return NULL;
}

/* The field an error is about, or NULL when it is about none of them. */
static GtkWidget *
field_of_error (OvNewAccountDialog *self,
                const GError       *error)
{
  if (g_error_matches (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE) ||
      g_error_matches (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE_ORDER))
    return GTK_WIDGET (self->close_row);
  if (g_error_matches (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_ARR) ||
      g_error_matches (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_CURRENCY))
    return GTK_WIDGET (self->arr_row);
  if (g_error_matches (error, OV_STORE_ERROR, OV_STORE_ERROR_CONSTRAINT) &&
      row_text (self->external_id_row)[0] != '\0')
    return GTK_WIDGET (self->external_id_row);
  return NULL;
}

static void
hide_field_error (OvNewAccountDialog *self,
                  GtkWidget          *field)
{
  GtkWidget *error_row = error_row_of (self, field);

  if (error_row == NULL || !gtk_widget_get_visible (error_row))
    return;

  gtk_widget_set_visible (error_row, FALSE);
  /* The date row marks its own text while it is typed. */
  if (field != GTK_WIDGET (self->close_row))
    gtk_widget_remove_css_class (field, "error");
  gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
}

static void
field_changed_cb (OvNewAccountDialog *self,
                  GtkEditable        *field)
{
  hide_field_error (self, GTK_WIDGET (field));
}

/* Once the message under the field has its place, the page scrolls so
 * that the field and its message are both in sight. */
static gboolean
scroll_to_error_cb (GtkWidget     *widget,
                    GdkFrameClock *clock,
                    gpointer       user_data)
{
  OvNewAccountDialog *self = OV_NEW_ACCOUNT_DIALOG (widget);
  GtkWidget *field = user_data;
  GtkWidget *error_row = error_row_of (self, field);
  GtkWidget *scrolled = gtk_widget_get_ancestor (field, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *content;
  GtkAdjustment *adjustment;
  graphene_rect_t top, bottom;

  if (scrolled == NULL || gtk_widget_get_height (error_row) == 0 ||
      gtk_widget_get_height (scrolled) == 0)
    return G_SOURCE_CONTINUE;

  /* Bounds within what scrolls, not within the part of it on screen. */
  content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled));
  if (GTK_IS_VIEWPORT (content))
    content = gtk_viewport_get_child (GTK_VIEWPORT (content));
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  if (gtk_widget_compute_bounds (field, content, &top) &&
      gtk_widget_compute_bounds (error_row, content, &bottom))
    gtk_adjustment_clamp_page (adjustment, top.origin.y,
                               bottom.origin.y + bottom.size.height);

  self->scroll_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
show_error (OvNewAccountDialog *self,
            const GError       *error)
{
  GtkWidget *field = field_of_error (self, error);
  GtkWidget *error_row = field != NULL ? error_row_of (self, field) : NULL;

  if (error_row == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_label_set_label (GTK_LABEL (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row))),
                       error->message);
  gtk_widget_set_visible (error_row, TRUE);
  gtk_widget_add_css_class (field, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_widget_grab_focus (field);

  if (self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->scroll_tick);
  self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), scroll_to_error_cb,
                                                    field, NULL);
}

static gboolean
fill_account (OvNewAccountDialog  *self,
              OvAccount           *account,
              GError             **error)
{
  g_autofree char *currency = NULL;
  g_autofree char *name = g_strstrip (g_strdup (row_text (self->name_row)));
  g_autoptr(GError) date_error = NULL;
  gint64 cents = 0;
  OvDate close;

  ov_account_set_name (account, name);
  ov_account_set_external_id (account, row_text (self->external_id_row));
  ov_account_set_segment (account, row_text (self->segment_row));
  ov_account_set_owner (account, row_text (self->owner_row));

  if (!ov_date_row_read_text (self->close_row, &close, &date_error))
    {
      g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_DATE, "%s: %s.",
                   ov_account_date_get_title (OV_ACCOUNT_DATE_CLOSE), date_error->message);
      return FALSE;
    }
  ov_account_set_date (account, OV_ACCOUNT_DATE_CLOSE, close);

  /* Revenue typed without a currency is in the default one. */
  ov_account_set_currency (account, gtk_label_get_label (self->currency_label));
  if (row_text (self->arr_row)[0] != '\0')
    {
      g_autoptr(GError) local_error = NULL;

      if (!ov_money_parse (row_text (self->arr_row), &cents, &currency, &local_error))
        {
          g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_ARR, _("ARR: %s."),
                       local_error->message);
          return FALSE;
        }
      ov_account_set_arr_cents (account, cents);
      if (currency != NULL)
        ov_account_set_currency (account, currency);
    }

  return TRUE;
}

static void
create_clicked_cb (OvNewAccountDialog *self)
{
  g_autoptr(OvAccount) account = ov_account_new ();
  g_autoptr(GError) error = NULL;

  if (!gtk_widget_get_sensitive (self->create_button))
    return;

  /* The stage starts where a closed deal is: Handoff; before close, Embark. */
  ov_account_set_stage (account, OV_STAGE_EMBARK);

  if (!fill_account (self, account, &error))
    {
      show_error (self, error);
      return;
    }

  if (ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE) != OV_DATE_NONE &&
      ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE) <= ov_date_today ())
    ov_account_set_stage (account, OV_STAGE_HANDOFF);

  if (!ov_store_save_account (self->store, account, &error))
    {
      show_error (self, error);
      return;
    }

  g_signal_emit (self, signals[CREATED], 0, account);
  gtk_window_close (GTK_WINDOW (self));
}

static void
ov_new_account_dialog_dispose (GObject *object)
{
  OvNewAccountDialog *self = OV_NEW_ACCOUNT_DIALOG (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_new_account_dialog_parent_class)->dispose (object);
}

static void
ov_new_account_dialog_class_init (OvNewAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_new_account_dialog_dispose;

  /**
   * OvNewAccountDialog::created:
   * @account: the account, already stored
   */
  signals[CREATED] = g_signal_new ("created",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, OV_TYPE_ACCOUNT);

  g_type_ensure (OV_TYPE_DATE_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-new-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, create_button);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, external_id_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, owner_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, close_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, arr_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, external_id_error_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, close_error_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, arr_error_row);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, OvNewAccountDialog, currency_label);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, create_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, field_changed_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ov_new_account_dialog_init (OvNewAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* Typing starts in the name: a space typed at once must not land on a
   * button and close the dialog. */
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_row));
}

OvNewAccountDialog *
ov_new_account_dialog_new (GtkWindow *parent,
                           OvStore   *store)
{
  OvNewAccountDialog *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_NEW_ACCOUNT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  return self;
}

void
ov_new_account_dialog_set_currency (OvNewAccountDialog *self,
                                    const char         *currency)
{
  g_autofree char *code = NULL;

  g_return_if_fail (OV_IS_NEW_ACCOUNT_DIALOG (self));
  g_return_if_fail (currency != NULL && currency[0] != '\0');

  code = g_ascii_strup (currency, -1);
  gtk_label_set_label (self->currency_label, code);
}
