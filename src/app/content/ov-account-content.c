/* ov-account-content.c — the content assigned to an account, how far each
 * of its people got, and the account's completion rate
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rate heads the section with the counts it stands on
 * (ov-content-progress.h says who counts). Each item folds out into its
 * learners; ticking one marks their completion for today, unticking sets
 * it back to not started. An item with a web link opens it.
 */

#define G_LOG_DOMAIN "ov-account-content"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ov-account-content.h"
#include "ov-app-util.h"
#include "ov-content-text.h"
#include "ov-store-content.h"

struct _OvAccountContent
{
  OvAccountSection     parent_instance;

  GPtrArray           *rows;      /* widgets added to the group */
  GPtrArray           *items;     /* AdwExpanderRow, each with "ov-item" */
  char                *summary;

  /* Template widgets */
  AdwPreferencesGroup *group;
};

G_DEFINE_FINAL_TYPE (OvAccountContent, ov_account_content, OV_TYPE_ACCOUNT_SECTION)

static void
completed_toggled_cb (GtkCheckButton   *check,
                      OvAccountContent *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  OvContentItem *item = g_object_get_data (G_OBJECT (check), "ov-item");
  gint64 person_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (check), "ov-person"));
  gboolean was = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (check), "ov-completed"));
  gboolean completed = gtk_check_button_get_active (check);
  g_autoptr(GError) error = NULL;

  if (store == NULL || completed == was)
    return;

  if (!ov_store_set_completion (store, ov_content_item_get_id (item), person_id,
                                completed ? OV_COMPLETION_COMPLETED : OV_COMPLETION_NOT_STARTED,
                                -1, completed ? ov_view_get_today (OV_VIEW (self)) : OV_DATE_NONE,
                                &error))
    {
      ov_account_section_refresh (OV_ACCOUNT_SECTION (self));
      ov_app_show_toast (GTK_WIDGET (self), error->message);
    }
}

static void
open_clicked_cb (GtkButton        *button,
                 OvAccountContent *self)
{
  OvContentItem *item = g_object_get_data (G_OBJECT (button), "ov-item");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                ov_content_item_get_location (item), GDK_CURRENT_TIME);
}

static GtkWidget *
new_learner_row (OvAccountContent *self,
                 OvContentItem    *item,
                 const OvLearner  *learner)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();
  g_autofree char *state = ov_content_describe_learner (learner);
  g_autofree char *label = NULL;
  gboolean completed = learner->status == OV_COMPLETION_COMPLETED;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), learner->name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), state);

  /* Translators: the check that marks a person's completion, "Completed by Ana Ruiz" */
  label = g_strdup_printf (_("Completed by %s"), learner->name);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), completed);
  gtk_widget_set_tooltip_text (check, _("Completed"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_object_set_data_full (G_OBJECT (check), "ov-item", g_object_ref (item), g_object_unref);
  g_object_set_data (G_OBJECT (check), "ov-person", GSIZE_TO_POINTER (learner->person_id));
  g_object_set_data (G_OBJECT (check), "ov-completed", GINT_TO_POINTER (completed));
  g_signal_connect_object (check, "toggled", G_CALLBACK (completed_toggled_cb), self, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);

  g_object_set_data (G_OBJECT (row), "ov-check", check);
  g_object_set_data_full (G_OBJECT (row), "ov-name", g_strdup (learner->name), g_free);
  return row;
}

static GtkWidget *
new_item_row (OvAccountContent        *self,
              const OvAssignedContent *content)
{
  GtkWidget *row = adw_expander_row_new ();
  g_autofree char *what = ov_content_describe_item (content->item);
  g_autofree char *rate = ov_content_describe_rate (ov_assigned_content_get_n_completed (content),
                                                    content->learners->len);
  g_autofree char *subtitle = g_strdup_printf ("%s\n%s", what, rate);
  const char *location = ov_content_item_get_location (content->item);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 ov_content_item_get_title (content->item));
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);

  if (ov_assigned_content_summarize (content, NULL, NULL) == OV_COMPLETION_COMPLETED)
    {
      GtkWidget *tick = gtk_image_new_from_icon_name ("emblem-ok-symbolic");

      gtk_widget_add_css_class (tick, "success");
      gtk_widget_set_tooltip_text (tick, _("Everyone completed it"));
      adw_expander_row_add_prefix (ADW_EXPANDER_ROW (row), tick);
    }

  if (g_str_has_prefix (location, "https://") || g_str_has_prefix (location, "http://"))
    {
      GtkWidget *open = gtk_button_new_with_mnemonic (_("_Open"));

      gtk_widget_set_valign (open, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (open, "flat");
      gtk_widget_set_tooltip_text (open, _("Open the Training"));
      g_object_set_data_full (G_OBJECT (open), "ov-item", g_object_ref (content->item),
                              g_object_unref);
      g_signal_connect_object (open, "clicked", G_CALLBACK (open_clicked_cb), self, 0);
      adw_expander_row_add_action (ADW_EXPANDER_ROW (row), open);
    }

  if (content->learners->len == 0)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              ov_app_note_row_new (_("Nobody on the customer's side to take it: "
                                                     "add the account's people first.")));
  for (guint i = 0; i < content->learners->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                              new_learner_row (self, content->item,
                                               &g_array_index (content->learners, OvLearner, i)));

  g_object_set_data_full (G_OBJECT (row), "ov-item", g_object_ref (content->item),
                          g_object_unref);
  return row;
}

static char *
describe_account (GPtrArray *assigned)
{
  guint n_learners, n_completed;
  double rate = ov_content_account_rate (assigned, &n_learners, &n_completed);

  if (assigned->len == 0)
    return g_strdup (_("No training assigned yet. Assign items from the content library."));
  if (isnan (rate))
    return g_strdup (_("Completion: no learners yet"));

  /* Translators: "Completion 38 %: 3 of 8 completed" (person and item pairs) */
  return g_strdup_printf (ngettext ("Completion %.0f %%: %u of %u completed",
                                    "Completion %.0f %%: %u of %u completed", n_learners),
                          round (rate), n_completed, n_learners);
}

static void
ov_account_content_refresh (OvAccountSection *section)
{
  OvAccountContent *self = OV_ACCOUNT_CONTENT (section);
  OvStore *store = ov_view_get_store (OV_VIEW (section));
  OvAccount *account = ov_account_section_get_account (section);
  g_autoptr(GPtrArray) assigned = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->items, 0);

  assigned = ov_store_list_assigned_content (store, ov_account_get_id (account), &error);
  g_free (self->summary);
  if (assigned == NULL)
    {
      self->summary = g_strdup (error->message);
      ov_app_set_plain_text (self->group, "description", error->message);
      return;
    }

  self->summary = describe_account (assigned);
  ov_app_set_plain_text (self->group, "description", self->summary);

  for (guint i = 0; i < assigned->len; i++)
    {
      GtkWidget *row = new_item_row (self, g_ptr_array_index (assigned, i));

      adw_preferences_group_add (self->group, row);
      g_ptr_array_add (self->rows, row);
      g_ptr_array_add (self->items, row);
    }
}

static void
ov_account_content_finalize (GObject *object)
{
  OvAccountContent *self = OV_ACCOUNT_CONTENT (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (ov_account_content_parent_class)->finalize (object);
}

static void
ov_account_content_class_init (OvAccountContentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvAccountSectionClass *section_class = OV_ACCOUNT_SECTION_CLASS (klass);

  object_class->finalize = ov_account_content_finalize;
  section_class->refresh = ov_account_content_refresh;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-content.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountContent, group);
}

static void
ov_account_content_init (OvAccountContent *self)
{
  self->rows = g_ptr_array_new ();
  self->items = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

guint
ov_account_content_get_n_items (OvAccountContent *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_CONTENT (self), 0);

  return self->items->len;
}

const char *
ov_account_content_get_summary (OvAccountContent *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_CONTENT (self), NULL);

  return self->summary;
}

AdwExpanderRow *
ov_account_content_find_item (OvAccountContent *self,
                              const char       *title)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_CONTENT (self), NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      GObject *row = g_ptr_array_index (self->items, i);

      if (g_strcmp0 (ov_content_item_get_title (g_object_get_data (row, "ov-item")), title) == 0)
        return ADW_EXPANDER_ROW (row);
    }

  return NULL;
}

/* Learner rows are the expander's rows that carry a name. */
static AdwActionRow *
find_named (GtkWidget  *widget,
            const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "ov-name"), name) == 0)
        return ADW_ACTION_ROW (child);
      if ((found = find_named (child, name)) != NULL)
        return found;
    }

  return NULL;
}

AdwActionRow *
ov_account_content_find_learner (AdwExpanderRow *item_row,
                                 const char     *name)
{
  g_return_val_if_fail (ADW_IS_EXPANDER_ROW (item_row), NULL);

  return find_named (GTK_WIDGET (item_row), name);
}

GtkCheckButton *
ov_account_content_get_check (AdwActionRow *learner_row)
{
  g_return_val_if_fail (ADW_IS_ACTION_ROW (learner_row), NULL);

  return g_object_get_data (G_OBJECT (learner_row), "ov-check");
}
