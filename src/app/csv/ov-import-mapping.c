/* ov-import-mapping.c — which field each column of a CSV file fills
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One combo row per column of the file, showing the field the core's
 * importer matched it to, or the one the user chose. The columns that fill
 * a field come first; those whose names match none are folded into one
 * expander row ("58 columns not imported"), since a CRM export has dozens.
 * Rows keep their place while the columns stay the same, so a column the
 * user maps from the folded ones stays where it was chosen. The choices
 * made here are kept by column and handed to the next importer; "changed"
 * says the user picked a field, so the dialog reads the file again.
 */

#define G_LOG_DOMAIN "ov-import-mapping"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-import-mapping.h"

struct _OvImportMapping
{
  AdwPreferencesGroup  parent_instance;

  OvCsvKind            kind;
  GtkStringList       *field_names;   /* "Ignore", then the kind's fields */
  GHashTable          *choices;       /* column + 1 → field id, "" to ignore */
  GPtrArray           *rows;          /* AdwComboRow by column, borrowed from the list */
  AdwExpanderRow      *folded;        /* the columns not recognised, or NULL */
  gboolean             syncing;

  /* Template widgets */
  GtkListBox          *list;
};

G_DEFINE_FINAL_TYPE (OvImportMapping, ov_import_mapping, ADW_TYPE_PREFERENCES_GROUP)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkStringList *
make_field_names (OvCsvKind kind)
{
  GtkStringList *names = gtk_string_list_new (NULL);
  const OvCsvField *fields;
  guint n_fields;

  gtk_string_list_append (names, _("Ignore"));
  fields = ov_csv_kind_get_fields (kind, &n_fields);
  for (guint i = 0; i < n_fields; i++)
    gtk_string_list_append (names, ov_csv_field_get_title (&fields[i]));

  return names;
}

static void
remove_rows (OvImportMapping *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);
  g_ptr_array_set_size (self->rows, 0);
  self->folded = NULL;
}

static void
update_row (OvImportMapping *self,
            AdwComboRow     *row,
            const char      *field,
            gboolean         is_set)
{
  GtkImage *icon = g_object_get_data (G_OBJECT (row), "ov-icon");
  const char *subtitle;
  const char *icon_name;
  const char *style;
  int index = field != NULL ? ov_csv_kind_find_field (self->kind, field) : -1;

  if (is_set && index >= 0)
    {
      subtitle = _("Chosen by you");
      icon_name = "document-edit-symbolic";
      style = "accent";
    }
  else if (is_set)
    {
      subtitle = _("Ignored, as you chose");
      icon_name = "action-unavailable-symbolic";
      style = "dim-label";
    }
  else if (index >= 0)
    {
      subtitle = _("Recognised from its name");
      icon_name = "object-select-symbolic";
      style = "success";
    }
  else
    {
      subtitle = _("Not imported: no field has this name");
      icon_name = "action-unavailable-symbolic";
      style = "dim-label";
    }

  self->syncing = TRUE;
  adw_combo_row_set_selected (row, index + 1);
  self->syncing = FALSE;

  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_image_set_from_icon_name (icon, icon_name);
  gtk_widget_set_css_classes (GTK_WIDGET (icon), (const char *[]) { style, NULL });
}

static void
on_row_selected (AdwComboRow     *row,
                 GParamSpec      *pspec,
                 OvImportMapping *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "ov-column"));
  guint selected = adw_combo_row_get_selected (row);
  const OvCsvField *fields;
  const char *field = NULL;
  guint n_fields;

  if (self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  fields = ov_csv_kind_get_fields (self->kind, &n_fields);
  if (selected > 0 && selected <= n_fields)
    field = fields[selected - 1].id;

  g_hash_table_insert (self->choices, GUINT_TO_POINTER (column + 1),
                       g_strdup (field ? field : ""));
  update_row (self, row, field, TRUE);
  g_signal_emit (self, signals[CHANGED], 0);
}

static AdwComboRow *
make_row (OvImportMapping *self,
          guint            column,
          const char      *name)
{
  AdwComboRow *row = ADW_COMBO_ROW (adw_combo_row_new ());
  GtkWidget *icon = gtk_image_new ();
  g_autofree char *title = ov_app_make_valid (name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 title[0] != '\0' ? title : _("(column without a name)"));
  /* No line limit: an ellipsized two-line title as short as "Id" measures
   * narrower than its minimum in GTK 4.8. */
  adw_combo_row_set_model (row, G_LIST_MODEL (self->field_names));
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  g_object_set_data (G_OBJECT (row), "ov-icon", icon);
  g_object_set_data (G_OBJECT (row), "ov-column", GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (row), "ov-name", g_strdup (name), g_free);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_row_selected), self, 0);

  return row;
}

static gboolean
rows_match (OvImportMapping *self,
            OvImportPreview *preview)
{
  guint n_columns = ov_import_preview_get_n_columns (preview);

  if (self->rows->len != n_columns)
    return FALSE;

  for (guint i = 0; i < n_columns; i++)
    if (g_strcmp0 (g_object_get_data (g_ptr_array_index (self->rows, i), "ov-name"),
                   ov_import_preview_get_column_name (preview, i)) != 0)
      return FALSE;

  return TRUE;
}

static void
ov_import_mapping_finalize (GObject *object)
{
  OvImportMapping *self = OV_IMPORT_MAPPING (object);

  g_clear_object (&self->field_names);
  g_clear_pointer (&self->choices, g_hash_table_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_import_mapping_parent_class)->finalize (object);
}

static void
ov_import_mapping_class_init (OvImportMappingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ov_import_mapping_finalize;

  /**
   * OvImportMapping::changed:
   *
   * The user chose a field for a column, or to leave it out.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-import-mapping.ui");
  gtk_widget_class_bind_template_child (widget_class, OvImportMapping, list);
}

static void
ov_import_mapping_init (OvImportMapping *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->kind = OV_CSV_KIND_ACCOUNTS;
  self->field_names = make_field_names (self->kind);
  self->choices = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->rows = g_ptr_array_new ();
}

/* The fields offered are @kind's; choices made for another kind's fields
 * do not carry over. */
void
ov_import_mapping_set_kind (OvImportMapping *self,
                            OvCsvKind        kind)
{
  g_return_if_fail (OV_IS_IMPORT_MAPPING (self));

  if (kind == self->kind)
    return;

  self->kind = kind;
  g_hash_table_remove_all (self->choices);
  g_clear_object (&self->field_names);
  self->field_names = make_field_names (kind);
  remove_rows (self);
}

/* The columns are other ones now (another separator, say): choices made
 * by position no longer fit. */
void
ov_import_mapping_forget_choices (OvImportMapping *self)
{
  g_return_if_fail (OV_IS_IMPORT_MAPPING (self));

  g_hash_table_remove_all (self->choices);
}

/* Hands the user's choices to @importer. */
void
ov_import_mapping_apply (OvImportMapping *self,
                         OvImporter      *importer)
{
  GHashTableIter iter;
  gpointer key, value;

  g_return_if_fail (OV_IS_IMPORT_MAPPING (self));
  g_return_if_fail (OV_IS_IMPORTER (importer));

  g_hash_table_iter_init (&iter, self->choices);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      const char *field = value;

      ov_importer_set_column_field (importer, GPOINTER_TO_UINT (key) - 1,
                                    field[0] != '\0' ? field : NULL);
    }
}

static AdwExpanderRow *
make_folded_row (void)
{
  AdwExpanderRow *row = ADW_EXPANDER_ROW (adw_expander_row_new ());
  GtkWidget *icon = gtk_image_new_from_icon_name ("action-unavailable-symbolic");

  gtk_widget_add_css_class (icon, "dim-label");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_expander_row_set_subtitle (row, _("Their names match no field: open the list to choose "
                                        "one for any of them"));
  adw_expander_row_add_prefix (row, icon);

  return row;
}

/* How many of the folded columns are still left out. */
static void
update_folded_title (OvImportMapping *self,
                     OvImportPreview *preview)
{
  g_autofree char *title = NULL;
  guint n = 0;

  if (self->folded == NULL)
    return;

  for (guint i = 0; i < self->rows->len; i++)
    if (g_object_get_data (g_ptr_array_index (self->rows, i), "ov-folded") != NULL &&
        ov_import_preview_get_column_field (preview, i) == NULL)
      n++;

  title = g_strdup_printf (ngettext ("%u column not imported", "%u columns not imported", n), n);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->folded), title);
}

/* One row per column of @preview, with the field it fills: the recognised
 * columns first, in the file's order, then the others folded into one. */
void
ov_import_mapping_show (OvImportMapping *self,
                        OvImportPreview *preview)
{
  guint n_columns;

  g_return_if_fail (OV_IS_IMPORT_MAPPING (self));
  g_return_if_fail (OV_IS_IMPORT_PREVIEW (preview));

  n_columns = ov_import_preview_get_n_columns (preview);

  /* Same columns as before: keep the rows (and the focus in them). */
  if (!rows_match (self, preview))
    {
      remove_rows (self);

      for (guint i = 0; i < n_columns; i++)
        {
          AdwComboRow *row = make_row (self, i, ov_import_preview_get_column_name (preview, i));

          g_ptr_array_add (self->rows, row);
          if (ov_import_preview_get_column_field (preview, i) != NULL)
            gtk_list_box_append (self->list, GTK_WIDGET (row));
          else
            {
              if (self->folded == NULL)
                self->folded = make_folded_row ();
              g_object_set_data (G_OBJECT (row), "ov-folded", GINT_TO_POINTER (TRUE));
              adw_expander_row_add_row (self->folded, GTK_WIDGET (row));
            }
        }

      if (self->folded != NULL)
        gtk_list_box_append (self->list, GTK_WIDGET (self->folded));
    }

  for (guint i = 0; i < n_columns; i++)
    update_row (self, g_ptr_array_index (self->rows, i),
                ov_import_preview_get_column_field (preview, i),
                ov_import_preview_get_column_is_set (preview, i));
  update_folded_title (self, preview);

  gtk_widget_set_visible (GTK_WIDGET (self->list), n_columns > 0);
}
