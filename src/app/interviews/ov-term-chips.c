/* ov-term-chips.c — the words a list of answers uses most, as chips that
 * filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Given the answers shown, the chips are their most frequent words
 * (ov_terms_most_frequent(), the stop words of every language Overture
 * has a list for left out: answers are often in another language than
 * the interface's), each with the number of texts that hold it. Clicking one
 * makes it the "term" (the list then shows only the texts with it);
 * clicking it again clears it. The chip of the term stays while it
 * filters, so it can always be clicked off.
 */

#define G_LOG_DOMAIN "ov-term-chips"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-core.h"
#include "ov-stop-words.h"
#include "ov-term-chips.h"
#include "ov-terms.h"

struct _OvTermChips
{
  AdwBin      parent_instance;

  GtkFlowBox *box;
  char       *term;
  gboolean    filling;
};

G_DEFINE_FINAL_TYPE (OvTermChips, ov_term_chips, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_TERM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
chip_toggled_cb (GtkToggleButton *button,
                 OvTermChips     *self)
{
  if (self->filling)
    return;

  ov_term_chips_set_term (self, gtk_toggle_button_get_active (button)
                                  ? g_object_get_data (G_OBJECT (button), "ov-term") : NULL);
}

static void
add_chip (OvTermChips *self,
          const char  *term,
          guint        count)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  g_autofree char *number = g_strdup_printf ("%u", count);
  GtkWidget *count_label = gtk_label_new (number);
  g_autofree char *tooltip = NULL;
  gboolean active = g_strcmp0 (term, self->term) == 0;

  gtk_widget_add_css_class (count_label, "dim-label");
  gtk_widget_add_css_class (count_label, "numeric");
  gtk_box_append (GTK_BOX (box), gtk_label_new (term));
  gtk_box_append (GTK_BOX (box), count_label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "filter-chip");

  if (active)
    /* Translators: the tooltip of the word chip that filters now */
    tooltip = g_strdup_printf (_("Show every answer again, not only those with “%s”"), term);
  else
    /* Translators: the tooltip of a word chip, "12 answers say “training”: show only them" */
    tooltip = g_strdup_printf (ngettext ("%u answer says “%s”: show only it",
                                         "%u answers say “%s”: show only them", count),
                               count, term);
  gtk_widget_set_tooltip_text (button, tooltip);

  g_object_set_data_full (G_OBJECT (button), "ov-term", g_strdup (term), g_free);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
  g_signal_connect_object (button, "toggled", G_CALLBACK (chip_toggled_cb), self, 0);
  gtk_flow_box_append (self->box, button);
  /* The button takes the focus, not the flow box's child around it. */
  gtk_widget_set_focusable (gtk_widget_get_parent (button), FALSE);
}

static void
ov_term_chips_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvTermChips *self = OV_TERM_CHIPS (object);

  switch (prop_id)
    {
    case PROP_TERM:
      g_value_set_string (value, self->term);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_term_chips_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OvTermChips *self = OV_TERM_CHIPS (object);

  switch (prop_id)
    {
    case PROP_TERM:
      ov_term_chips_set_term (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_term_chips_finalize (GObject *object)
{
  OvTermChips *self = OV_TERM_CHIPS (object);

  g_clear_pointer (&self->term, g_free);

  G_OBJECT_CLASS (ov_term_chips_parent_class)->finalize (object);
}

static void
ov_term_chips_class_init (OvTermChipsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ov_term_chips_finalize;
  object_class->get_property = ov_term_chips_get_property;
  object_class->set_property = ov_term_chips_set_property;

  properties[PROP_TERM] =
    g_param_spec_string ("term", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_term_chips_init (OvTermChips *self)
{
  self->box = GTK_FLOW_BOX (gtk_flow_box_new ());
  gtk_flow_box_set_selection_mode (self->box, GTK_SELECTION_NONE);
  gtk_flow_box_set_activate_on_single_click (self->box, FALSE);
  gtk_flow_box_set_max_children_per_line (self->box, 12);
  gtk_flow_box_set_column_spacing (self->box, 6);
  gtk_flow_box_set_row_spacing (self->box, 6);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Most frequent words"), -1);
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->box));
}

GtkWidget *
ov_term_chips_new (void)
{
  return g_object_new (OV_TYPE_TERM_CHIPS, NULL);
}

/* Chips for the at most @max_terms words @answers (OvInterviewAnswer)
 * use most; hidden when there are none. */
void
ov_term_chips_set_answers (OvTermChips *self,
                           GPtrArray   *answers,
                           guint        max_terms)
{
  g_autoptr(GPtrArray) terms = NULL;
  gboolean has_term = FALSE;
  GtkWidget *child;

  g_return_if_fail (OV_IS_TERM_CHIPS (self));
  g_return_if_fail (answers != NULL);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->box))) != NULL)
    gtk_flow_box_remove (self->box, child);

  terms = ov_terms_most_frequent_in_answers (answers, OV_STOP_WORDS_ANY, max_terms);

  self->filling = TRUE;
  for (guint i = 0; i < terms->len; i++)
    {
      OvTerm *term = g_ptr_array_index (terms, i);

      has_term |= g_strcmp0 (term->term, self->term) == 0;
      add_chip (self, term->term, term->count);
    }
  if (self->term != NULL && !has_term)
    add_chip (self, self->term, answers->len);
  self->filling = FALSE;

  gtk_widget_set_visible (GTK_WIDGET (self), self->term != NULL || terms->len > 0);
}

/* The word the chips filter by, or NULL. */
const char *
ov_term_chips_get_term (OvTermChips *self)
{
  g_return_val_if_fail (OV_IS_TERM_CHIPS (self), NULL);

  return self->term;
}

void
ov_term_chips_set_term (OvTermChips *self,
                        const char  *term)
{
  g_return_if_fail (OV_IS_TERM_CHIPS (self));

  if (g_strcmp0 (term, self->term) == 0)
    return;

  g_free (self->term);
  self->term = g_strdup (term);

  /* One chip is on at most. */
  self->filling = TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *chip = gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child));

      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (chip),
                                    g_strcmp0 (g_object_get_data (G_OBJECT (chip), "ov-term"),
                                               term) == 0);
    }
  self->filling = FALSE;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/* The chips, most frequent word first: each a GtkToggleButton with its
 * word as data "ov-term". */
GPtrArray *
ov_term_chips_dup_chips (OvTermChips *self)
{
  GPtrArray *chips = g_ptr_array_new ();

  g_return_val_if_fail (OV_IS_TERM_CHIPS (self), chips);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->box)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (chips, gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (child)));
  return chips;
}
