/* ov-picker.c — the filter pickers views share: any, the values, none
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A combo row whose first item means "any", then the values the
 * portfolio has, then, for packages, "none". The items array beside it
 * keeps what each position stands for, so a filter reads the value, not
 * the label shown.
 */

#define G_LOG_DOMAIN "ov-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-picker.h"

void
ov_picker_fill (AdwComboRow  *row,
                GPtrArray    *items,
                const char   *any,
                char        **values,
                const char   *last)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autofree char *selected = NULL;
  guint position = 0;
  guint old;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (items != NULL);

  old = adw_combo_row_get_selected (row);
  if (old != GTK_INVALID_LIST_POSITION && old < items->len)
    selected = g_strdup (g_ptr_array_index (items, old));

  g_ptr_array_set_size (items, 0);
  gtk_string_list_append (model, any);
  g_ptr_array_add (items, NULL);
  for (guint i = 0; values != NULL && values[i] != NULL; i++)
    {
      gtk_string_list_append (model, values[i]);
      g_ptr_array_add (items, g_strdup (values[i]));
      if (g_strcmp0 (selected, values[i]) == 0)
        position = i + 1;
    }
  if (last != NULL)
    {
      gtk_string_list_append (model, last);
      g_ptr_array_add (items, g_strdup (""));
      if (g_strcmp0 (selected, "") == 0)
        position = items->len - 1;
    }

  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, position);
}

const char *
ov_picker_get (AdwComboRow *row,
               GPtrArray   *items)
{
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), NULL);

  selected = adw_combo_row_get_selected (row);
  if (selected == GTK_INVALID_LIST_POSITION || selected >= items->len)
    return NULL;
  return g_ptr_array_index (items, selected);
}

static char **
dup_package_names (OvStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) packages = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  if (store == NULL)
    return NULL;

  packages = ov_store_list_packages (store, &error);
  if (packages == NULL)
    {
      g_warning ("Could not list the packages: %s", error->message);
      return NULL;
    }
  for (guint i = 0; i < packages->len; i++)
    g_strv_builder_add (names, ov_package_get_name (g_ptr_array_index (packages, i)));
  return g_strv_builder_end (names);
}

void
ov_picker_fill_account_filters (OvAccountList *accounts,
                                OvStore       *store,
                                AdwComboRow   *segment_row,
                                GPtrArray     *segments,
                                AdwComboRow   *owner_row,
                                GPtrArray     *owners,
                                AdwComboRow   *package_row,
                                GPtrArray     *packages)
{
  g_auto(GStrv) segment_names = NULL;
  g_auto(GStrv) owner_names = NULL;
  g_auto(GStrv) package_names = dup_package_names (store);

  if (accounts != NULL)
    {
      segment_names = ov_account_list_dup_segments (accounts);
      owner_names = ov_account_list_dup_owners (accounts);
    }

  ov_picker_fill (segment_row, segments, _("Any segment"), segment_names, NULL);
  ov_picker_fill (owner_row, owners, _("Any owner"), owner_names, NULL);
  ov_picker_fill (package_row, packages, _("Any package"), package_names, _("No package"));
}
