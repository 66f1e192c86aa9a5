/* ov-account-narrow-row.c — the accounts as rows on a narrow window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where the table's columns do not fit (a phone, a window beside another),
 * the accounts view shows one row per account instead: the name, the
 * stage and owner under it, and the ARR at the end. The rows are the same
 * slots as the table's (OvAccountRow), so a keystroke repoints them rather
 * than building new ones.
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-narrow-row.h"
#include "ov-account-row.h"

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *arr = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "account-narrow-row");
  gtk_widget_add_css_class (name, "heading");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (arr, "numeric");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (arr, GTK_ALIGN_CENTER);

  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), arr);
  gtk_list_item_set_child (item, box);
}

static void
update (GtkListItem *item)
{
  OvAccountRow *row = gtk_list_item_get_item (item);
  OvAccount *account = row != NULL ? ov_account_row_get_account (row) : NULL;
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *name = gtk_widget_get_first_child (texts);
  GtkWidget *detail = gtk_widget_get_next_sibling (name);
  GtkWidget *arr = gtk_widget_get_next_sibling (texts);
  g_autofree char *stage = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *arr_text = NULL;
  g_autofree char *line = NULL;

  if (account != NULL)
    g_object_get (account, "stage-title", &stage, "owner", &owner, "arr-text", &arr_text, NULL);

  if (owner != NULL && owner[0] != '\0')
    /* Translators: under an account's name in the narrow list, "Kickoff · Jane Doe" */
    line = g_strdup_printf (C_("account row", "%s · %s"), stage, owner);

  gtk_label_set_label (GTK_LABEL (name), account != NULL ? ov_account_get_name (account) : "");
  gtk_label_set_label (GTK_LABEL (detail), line != NULL ? line : stage);
  gtk_label_set_label (GTK_LABEL (arr), arr_text);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item)
{
  g_signal_connect_object (gtk_list_item_get_item (item), "notify::account",
                           G_CALLBACK (update), item, G_CONNECT_SWAPPED);
  update (item);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update, item);
}

GtkListItemFactory *
ov_account_narrow_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), NULL);
  return factory;
}
