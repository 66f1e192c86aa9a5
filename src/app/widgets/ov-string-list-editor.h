/* ov-string-list-editor.h — an editable list of short texts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define OV_TYPE_STRING_LIST_EDITOR (ov_string_list_editor_get_type ())

G_DECLARE_FINAL_TYPE (OvStringListEditor, ov_string_list_editor, OV, STRING_LIST_EDITOR, AdwBin)

GtkWidget  *ov_string_list_editor_new           (void);
void        ov_string_list_editor_set_items     (OvStringListEditor  *self,
                                                 const char * const  *items);
char      **ov_string_list_editor_dup_items     (OvStringListEditor  *self);
void        ov_string_list_editor_add_item      (OvStringListEditor  *self,
                                                 const char          *text);
guint       ov_string_list_editor_get_n_items   (OvStringListEditor  *self);
GtkWidget  *ov_string_list_editor_get_item_row  (OvStringListEditor  *self,
                                                 guint                index);
void        ov_string_list_editor_remove_item   (OvStringListEditor  *self,
                                                 guint                index);

G_END_DECLS
