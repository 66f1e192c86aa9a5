/* ov-questions-preferences.c — the listening interview's question set, a
 * page of Preferences
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The set belongs to the portfolio (it is kept in its file), like the
 * program start. Each question is an entry row: applying it rewords the
 * question, which past answers do not follow (they keep the text as it was
 * asked). Up and down move it in the set; retiring takes it out of new
 * interviews without touching an answer. Every change is stored at once,
 * and the page reads the set again after each, so it always shows what
 * the store holds.
 */

#define G_LOG_DOMAIN "ov-questions-preferences"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-questions-preferences.h"
#include "ov-store-questions.h"

struct _OvQuestionsPreferences
{
  AdwPreferencesPage   parent_instance;

  OvStore             *store;
  GPtrArray           *rows;          /* rows shown, in both groups */
  char                *error;

  /* Template widgets */
  AdwPreferencesGroup *current_group;
  AdwPreferencesGroup *retired_group;
  AdwEntryRow         *add_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (OvQuestionsPreferences, ov_questions_preferences, ADW_TYPE_PREFERENCES_PAGE)

static void reload (OvQuestionsPreferences *self);

static OvQuestion *
row_question (gpointer widget)
{
  return g_object_get_data (G_OBJECT (widget), "ov-question");
}

/* Shows what the store refused (NULL clears it) and reads the set again. */
static void
finish (OvQuestionsPreferences *self,
        const GError           *error)
{
  g_clear_pointer (&self->error, g_free);
  if (error != NULL)
    self->error = g_strdup (error->message);

  gtk_label_set_label (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
  reload (self);
}

static void
add_applied_cb (OvQuestionsPreferences *self)
{
  g_autoptr(OvQuestion) question = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  question = ov_question_new (gtk_editable_get_text (GTK_EDITABLE (self->add_row)));
  if (ov_store_add_question (self->store, question, &error))
    gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  finish (self, error);
}

static void
reword_response_cb (AdwMessageDialog       *dialog,
                    const char             *response,
                    OvQuestionsPreferences *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *entry = adw_message_dialog_get_extra_child (dialog);

  if (g_strcmp0 (response, "reword") != 0 || self->store == NULL)
    return;

  ov_store_reword_question (self->store, row_question (dialog),
                            gtk_editable_get_text (GTK_EDITABLE (entry)), &error);
  finish (self, error);
}

/* Rewording asks in a dialog, which says what it does to past answers. */
static void
reword_clicked_cb (GtkButton              *button,
                   OvQuestionsPreferences *self)
{
  OvQuestion *question = row_question (button);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *entry = gtk_entry_new ();
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Reword Question"),
                                   _("Answers already given keep the words they were asked "
                                     "in; interviews from now on ask the new wording."));
  gtk_editable_set_text (GTK_EDITABLE (entry), ov_question_get_text (question));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Question"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "reword", _("_Reword"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "reword",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "reword");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "ov-question", g_object_ref (question),
                          g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (reword_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_clicked_cb (GtkButton              *button,
                 OvQuestionsPreferences *self)
{
  g_autoptr(GError) error = NULL;
  guint to = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "ov-to"));

  ov_store_move_question (self->store, row_question (button), to, &error);
  finish (self, error);
}

static void
retire_clicked_cb (GtkButton              *button,
                   OvQuestionsPreferences *self)
{
  g_autoptr(GError) error = NULL;
  OvQuestion *question = g_object_get_data (G_OBJECT (button), "ov-question");

  ov_store_retire_question (self->store, question, !ov_question_get_retired (question), &error);
  finish (self, error);
}

static GtkWidget *
new_button (OvQuestionsPreferences *self,
            OvQuestion             *question,
            const char             *icon,
            const char             *tooltip,
            GCallback               callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, tooltip);
  g_object_set_data_full (G_OBJECT (button), "ov-question", g_object_ref (question),
                          g_object_unref);
  g_signal_connect_object (button, "clicked", callback, self, 0);
  return button;
}

/* @before and @after: the questions asked just before and after this one
 * (NULL at the ends); moving takes the neighbour's position, which counts
 * retired questions too. */
/* @before and @after: the questions asked just before and after this one
 * (NULL at the ends); moving takes the neighbour's position, which counts
 * retired questions too. */
static GtkWidget *
new_current_row (OvQuestionsPreferences *self,
                 OvQuestion             *question,
                 guint                   index,
                 OvQuestion             *before,
                 OvQuestion             *after)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *number = g_strdup_printf ("%u", index + 1);
  GtkWidget *number_label = gtk_label_new (number);
  GtkWidget *reword, *up, *down, *retire;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_question_get_text (question));
  gtk_widget_add_css_class (number_label, "dim-label");
  gtk_widget_add_css_class (number_label, "numeric");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), number_label);
  g_object_set_data_full (G_OBJECT (row), "ov-question", g_object_ref (question),
                          g_object_unref);

  reword = new_button (self, question, "document-edit-symbolic", _("Reword Question…"),
                       G_CALLBACK (reword_clicked_cb));
  up = new_button (self, question, "go-up-symbolic", _("Move Up"),
                   G_CALLBACK (move_clicked_cb));
  if (before != NULL)
    g_object_set_data (G_OBJECT (up), "ov-to", GUINT_TO_POINTER (ov_question_get_position (before)));
  gtk_widget_set_sensitive (up, before != NULL);
  down = new_button (self, question, "go-down-symbolic", _("Move Down"),
                     G_CALLBACK (move_clicked_cb));
  if (after != NULL)
    g_object_set_data (G_OBJECT (down), "ov-to", GUINT_TO_POINTER (ov_question_get_position (after)));
  gtk_widget_set_sensitive (down, after != NULL);
  retire = new_button (self, question, "list-remove-symbolic",
                       _("Retire Question: no longer asked, its answers stay"),
                       G_CALLBACK (retire_clicked_cb));

  adw_action_row_add_suffix (ADW_ACTION_ROW (row), reword);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), up);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), down);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), retire);
  g_object_set_data (G_OBJECT (row), "ov-reword", reword);
  g_object_set_data (G_OBJECT (row), "ov-up", up);
  g_object_set_data (G_OBJECT (row), "ov-down", down);
  g_object_set_data (G_OBJECT (row), "ov-retire", retire);
  return row;
}

static GtkWidget *
new_retired_row (OvQuestionsPreferences *self,
                 OvQuestion             *question)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *restore = new_button (self, question, "edit-undo-symbolic", _("Restore Question"),
                                   G_CALLBACK (retire_clicked_cb));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ov_question_get_text (question));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), restore);
  g_object_set_data_full (G_OBJECT (row), "ov-question", g_object_ref (question),
                          g_object_unref);
  g_object_set_data (G_OBJECT (row), "ov-retire", restore);
  return row;
}

static void
reload (OvQuestionsPreferences *self)
{
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  guint n_retired = 0;

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);

  if (self->store == NULL)
    return;

  questions = ov_store_list_questions (self->store, TRUE, &error);
  if (questions == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  for (guint i = 0; i < questions->len; i++)
    if (!ov_question_get_retired (g_ptr_array_index (questions, i)))
      g_ptr_array_add (current, g_ptr_array_index (questions, i));

  /* The add row stays last of the current ones. */
  adw_preferences_group_remove (self->current_group, GTK_WIDGET (self->add_row));
  for (guint i = 0; i < current->len; i++)
    {
      GtkWidget *row = new_current_row (self, g_ptr_array_index (current, i), i,
                                        i > 0 ? g_ptr_array_index (current, i - 1) : NULL,
                                        i + 1 < current->len ? g_ptr_array_index (current, i + 1)
                                                             : NULL);

      adw_preferences_group_add (self->current_group, row);
      g_ptr_array_add (self->rows, row);
    }
  for (guint i = 0; i < questions->len; i++)
    {
      OvQuestion *question = g_ptr_array_index (questions, i);
      GtkWidget *row;

      if (!ov_question_get_retired (question))
        continue;
      row = new_retired_row (self, question);
      adw_preferences_group_add (self->retired_group, row);
      g_ptr_array_add (self->rows, row);
      n_retired++;
    }
  adw_preferences_group_add (self->current_group, GTK_WIDGET (self->add_row));
  gtk_widget_set_visible (GTK_WIDGET (self->retired_group), n_retired > 0);
}

static void
ov_questions_preferences_dispose (GObject *object)
{
  OvQuestionsPreferences *self = OV_QUESTIONS_PREFERENCES (object);

  g_clear_object (&self->store);

  G_OBJECT_CLASS (ov_questions_preferences_parent_class)->dispose (object);
}

static void
ov_questions_preferences_finalize (GObject *object)
{
  OvQuestionsPreferences *self = OV_QUESTIONS_PREFERENCES (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->error, g_free);

  G_OBJECT_CLASS (ov_questions_preferences_parent_class)->finalize (object);
}

static void
ov_questions_preferences_class_init (OvQuestionsPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_questions_preferences_dispose;
  object_class->finalize = ov_questions_preferences_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-questions-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, OvQuestionsPreferences, current_group);
  gtk_widget_class_bind_template_child (widget_class, OvQuestionsPreferences, retired_group);
  gtk_widget_class_bind_template_child (widget_class, OvQuestionsPreferences, add_row);
  gtk_widget_class_bind_template_child (widget_class, OvQuestionsPreferences, error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_applied_cb);
}

static void
ov_questions_preferences_init (OvQuestionsPreferences *self)
{
  self->rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ov_questions_preferences_new (OvStore *store)
{
  OvQuestionsPreferences *self;

  g_return_val_if_fail (OV_IS_STORE (store), NULL);

  self = g_object_new (OV_TYPE_QUESTIONS_PREFERENCES, NULL);
  self->store = g_object_ref (store);
  reload (self);
  return GTK_WIDGET (self);
}

/* The row of the question at @index of the current set (from 0), or of the
 * retired ones with @retired. */
GtkWidget *
ov_questions_preferences_get_row (OvQuestionsPreferences *self,
                                  gboolean                retired,
                                  guint                   index)
{
  g_return_val_if_fail (OV_IS_QUESTIONS_PREFERENCES (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      OvQuestion *question = g_object_get_data (G_OBJECT (row), "ov-question");

      if (ov_question_get_retired (question) != retired)
        continue;
      if (index-- == 0)
        return row;
    }

  return NULL;
}

AdwEntryRow *
ov_questions_preferences_get_add_row (OvQuestionsPreferences *self)
{
  g_return_val_if_fail (OV_IS_QUESTIONS_PREFERENCES (self), NULL);

  return self->add_row;
}

/* What the store last refused, or NULL. */
const char *
ov_questions_preferences_get_error (OvQuestionsPreferences *self)
{
  g_return_val_if_fail (OV_IS_QUESTIONS_PREFERENCES (self), NULL);

  return self->error;
}
