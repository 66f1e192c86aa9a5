/* ov-string-list-editor.c — an editable list of short texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Agenda items, goals, trainings, teams: each item is an entry row that
 * can be edited in place or removed; the last row adds a new one. Text
 * typed into the last row but not yet added still counts as an item, so
 * nothing typed is lost when the wizard moves on.
 */

#define G_LOG_DOMAIN "ov-string-list-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-string-list-editor.h"

struct _OvStringListEditor
{
  AdwBin       parent_instance;

  /* The item rows in order; the list box owns them. */
  GPtrArray   *item_rows;

  /* Template widgets */
  GtkListBox  *list_box;
  AdwEntryRow *add_row;
  GtkWidget   *add_button;
};

G_DEFINE_FINAL_TYPE (OvStringListEditor, ov_string_list_editor, ADW_TYPE_BIN)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    {
      if (!g_unichar_isspace (g_utf8_get_char (text)))
        return FALSE;
    }

  return TRUE;
}

static void
emit_changed (OvStringListEditor *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
update_labels (OvStringListEditor *self)
{
  /* Each row is titled with its number: an entry row without a title
   * sits its text low, and the numbers help with agendas and goals. */
  for (guint i = 0; i < self->item_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->item_rows, i);
      /* Translators: the number of an item in a list, "1." */
      g_autofree char *number = g_strdup_printf (_("%u."), i + 1);
      g_autofree char *label = g_strdup_printf (_("Item %u"), i + 1);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), number);
      gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
    }
}

static void
remove_clicked_cb (GtkButton          *button,
                   OvStringListEditor *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ENTRY_ROW);
  guint index;

  if (row != NULL && g_ptr_array_find (self->item_rows, row, &index))
    ov_string_list_editor_remove_item (self, index);
}

static GtkWidget *
new_item_row (OvStringListEditor *self,
              const char         *text)
{
  GtkWidget *row = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove From the List"));
  gtk_widget_add_css_class (remove, "flat");
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), remove);
  g_signal_connect_object (row, "changed", G_CALLBACK (emit_changed), self, G_CONNECT_SWAPPED);

  return row;
}

static void
append_row (OvStringListEditor *self,
            const char         *text)
{
  GtkWidget *row = new_item_row (self, text);

  /* New items go above the row that adds them. */
  gtk_list_box_insert (self->list_box, row, self->item_rows->len);
  g_ptr_array_add (self->item_rows, row);
  update_labels (self);
}

static void
add_activated_cb (OvStringListEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  g_autofree char *item = NULL;

  if (is_blank (text))
    return;

  item = g_strstrip (g_strdup (text));
  append_row (self, item);
  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->add_row));
  emit_changed (self);
}

static void
add_text_changed_cb (OvStringListEditor *self)
{
  gtk_widget_set_sensitive (self->add_button,
                            !is_blank (gtk_editable_get_text (GTK_EDITABLE (self->add_row))));
  emit_changed (self);
}

static void
ov_string_list_editor_finalize (GObject *object)
{
  OvStringListEditor *self = OV_STRING_LIST_EDITOR (object);

  g_clear_pointer (&self->item_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_string_list_editor_parent_class)->finalize (object);
}

static void
ov_string_list_editor_class_init (OvStringListEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_string_list_editor_finalize;

  /**
   * OvStringListEditor::changed:
   *
   * An item was added, edited or removed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-string-list-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, OvStringListEditor, list_box);
  gtk_widget_class_bind_template_child (widget_class, OvStringListEditor, add_row);
  gtk_widget_class_bind_template_child (widget_class, OvStringListEditor, add_button);
  gtk_widget_class_bind_template_callback (widget_class, add_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, add_text_changed_cb);
}

static void
ov_string_list_editor_init (OvStringListEditor *self)
{
  self->item_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
ov_string_list_editor_new (void)
{
  return g_object_new (OV_TYPE_STRING_LIST_EDITOR, NULL);
}

/* Replaces every item, and empties the row that adds one. */
void
ov_string_list_editor_set_items (OvStringListEditor *self,
                                 const char * const *items)
{
  g_return_if_fail (OV_IS_STRING_LIST_EDITOR (self));

  while (self->item_rows->len > 0)
    {
      GtkWidget *row = g_ptr_array_steal_index (self->item_rows, self->item_rows->len - 1);

      gtk_list_box_remove (self->list_box, row);
    }

  for (guint i = 0; items != NULL && items[i] != NULL; i++)
    append_row (self, items[i]);

  gtk_editable_set_text (GTK_EDITABLE (self->add_row), "");
}

/* The items in order, blank ones left out, with the text waiting in the
 * row that adds an item as the last one. */
char **
ov_string_list_editor_dup_items (OvStringListEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  const char *pending;

  g_return_val_if_fail (OV_IS_STRING_LIST_EDITOR (self), NULL);

  for (guint i = 0; i < self->item_rows->len; i++)
    {
      const char *text = gtk_editable_get_text (g_ptr_array_index (self->item_rows, i));

      if (!is_blank (text))
        g_strv_builder_add (builder, text);
    }

  pending = gtk_editable_get_text (GTK_EDITABLE (self->add_row));
  if (!is_blank (pending))
    g_strv_builder_add (builder, pending);

  return g_strv_builder_end (builder);
}

void
ov_string_list_editor_add_item (OvStringListEditor *self,
                                const char         *text)
{
  g_return_if_fail (OV_IS_STRING_LIST_EDITOR (self));
  g_return_if_fail (text != NULL);

  append_row (self, text);
  emit_changed (self);
}

guint
ov_string_list_editor_get_n_items (OvStringListEditor *self)
{
  g_return_val_if_fail (OV_IS_STRING_LIST_EDITOR (self), 0);

  return self->item_rows->len;
}

GtkWidget *
ov_string_list_editor_get_item_row (OvStringListEditor *self,
                                    guint               index)
{
  g_return_val_if_fail (OV_IS_STRING_LIST_EDITOR (self), NULL);
  g_return_val_if_fail (index < self->item_rows->len, NULL);

  return g_ptr_array_index (self->item_rows, index);
}

void
ov_string_list_editor_remove_item (OvStringListEditor *self,
                                   guint               index)
{
  GtkWidget *row;

  g_return_if_fail (OV_IS_STRING_LIST_EDITOR (self));
  g_return_if_fail (index < self->item_rows->len);

  row = g_ptr_array_steal_index (self->item_rows, index);
  gtk_list_box_remove (self->list_box, row);
  update_labels (self);
  emit_changed (self);
}
