/* ov-chart-card.c — a chart with its title, its sentence, its table and export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A card shows one chart: its title, the chart (or, toggled, a table with
 * the same numbers, for those who cannot see or point at the chart), an
 * optional row of figures in words below it, and the plain-language
 * sentence that says what it shows. The chart exports to PNG or SVG
 * through the core's ov_chart_save(), the same painting as the screen
 * in the light palette that print expects.
 */

#define G_LOG_DOMAIN "ov-chart-card"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-chart-card.h"

/* An exported chart: wide enough for a slide, the proportion of the
 * screen's. */
#define EXPORT_WIDTH  960
#define EXPORT_HEIGHT 540

struct _OvChartCard
{
  GtkBox           parent_instance;

  GtkBox          *header;
  GtkLabel        *title_label;
  GtkToggleButton *table_button;
  GtkMenuButton   *export_button;
  GtkStack        *stack;
  OvChartView     *chart_view;
  GtkGrid         *table;
  GtkBox          *extra_box;
  GtkLabel        *description_label;

  GtkWidget       *extra;
  char            *title;
  GPtrArray       *cells;   /* of GtkLabel, row by row, header first */
  guint            n_columns;
};

G_DEFINE_FINAL_TYPE (OvChartCard, ov_chart_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_CHART,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
clear_table (OvChartCard *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->table))) != NULL)
    gtk_grid_remove (self->table, child);
  g_ptr_array_set_size (self->cells, 0);
  self->n_columns = 0;
}

static void
add_cell (OvChartCard *self,
          const char  *text,
          guint        row,
          guint        column,
          gboolean     header,
          gboolean     number)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), number ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), !header);
  if (header)
    gtk_widget_add_css_class (label, "heading");
  if (number)
    gtk_widget_add_css_class (label, "numeric");
  gtk_grid_attach (self->table, label, column, row, 1, 1);
  g_ptr_array_add (self->cells, label);
}

/* The table holds the core's table of the chart: one header row, then
 * the chart's numbers as text, numbers set right. */
static void
fill_table (OvChartCard *self)
{
  g_autoptr(OvChartTable) table = NULL;
  OvChart *chart = ov_chart_view_get_chart (self->chart_view);
  guint n_rows, n_columns;

  clear_table (self);
  if (chart == NULL)
    return;

  table = ov_chart_to_table (chart);
  n_rows = ov_chart_table_get_n_rows (table);
  n_columns = ov_chart_table_get_n_columns (table);
  self->n_columns = n_columns;

  for (guint c = 0; c < n_columns; c++)
    add_cell (self, ov_chart_table_get_header (table, c), 0, c, TRUE, c > 0);
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const char *text = ov_chart_table_get_text (table, r, c);

        add_cell (self, text ? text : "", r + 1, c, FALSE, c > 0);
      }
}

static void
update_page (OvChartCard *self)
{
  OvChart *chart = ov_chart_view_get_chart (self->chart_view);
  gboolean table = gtk_toggle_button_get_active (self->table_button);

  if (chart == NULL)
    gtk_stack_set_visible_child_name (self->stack, "empty");
  else if (table)
    gtk_stack_set_visible_child_name (self->stack, "table");
  else
    gtk_stack_set_visible_child_name (self->stack, "chart");

  gtk_widget_set_sensitive (GTK_WIDGET (self->table_button), chart != NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), chart != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", chart != NULL);
}

static void
table_toggled_cb (OvChartCard *self)
{
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

static void
update_title (OvChartCard *self)
{
  OvChart *chart = ov_chart_view_get_chart (self->chart_view);
  const char *title = self->title;

  if (title == NULL && chart != NULL)
    title = ov_chart_get_title (chart);

  gtk_label_set_text (self->title_label, title ? title : "");
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(OvChartCard) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  OvChart *chart = ov_chart_view_get_chart (self->chart_view);

  if (response != GTK_RESPONSE_ACCEPT || chart == NULL)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = file ? g_file_get_path (file) : NULL;
  if (path == NULL)
    {
      ov_app_show_toast (GTK_WIDGET (self), _("The chart can only be saved to a local file"));
      goto out;
    }

  if (!ov_chart_save (chart, path, EXPORT_WIDTH, EXPORT_HEIGHT, &error))
    {
      g_autofree char *message = g_strdup_printf (_("Could not export the chart: %s"),
                                                  error->message);
      ov_app_show_toast (GTK_WIDGET (self), message);
    }
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *message = g_strdup_printf (_("Chart saved as “%s”"), name);
      ov_app_show_toast (GTK_WIDGET (self), message);
    }

out:
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* A file name from the title: no slashes, and the format's extension. */
static char *
suggested_name (OvChartCard *self,
                const char  *format)
{
  const char *title = gtk_label_get_text (self->title_label);
  g_autofree char *base = g_strdup (title && *title ? title : _("Chart"));

  g_strdelimit (base, "/\\:", '-');
  return g_strdup_printf ("%s.%s", base, format);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  OvChartCard *self = OV_CHART_CARD (widget);
  const char *format = g_variant_get_string (parameter, NULL);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;
  GtkRoot *root;

  if (ov_chart_view_get_chart (self->chart_view) == NULL)
    return;

  if (g_strcmp0 (format, "svg") == 0)
    {
      gtk_file_filter_set_name (filter, _("SVG Images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
      gtk_file_filter_add_suffix (filter, "svg");
    }
  else
    {
      format = "png";
      gtk_file_filter_set_name (filter, _("PNG Images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
      gtk_file_filter_add_suffix (filter, "png");
    }

  root = gtk_widget_get_root (widget);
  chooser = gtk_file_chooser_native_new (_("Export Chart"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  name = suggested_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
ov_chart_card_dispose (GObject *object)
{
  OvChartCard *self = OV_CHART_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (object), OV_TYPE_CHART_CARD);

  G_OBJECT_CLASS (ov_chart_card_parent_class)->dispose (object);
  self->extra = NULL;
}

static void
ov_chart_card_finalize (GObject *object)
{
  OvChartCard *self = OV_CHART_CARD (object);

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->cells, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_chart_card_parent_class)->finalize (object);
}

static void
ov_chart_card_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvChartCard *self = OV_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, ov_chart_card_get_chart (self));
      break;

    case PROP_TITLE:
      g_value_set_string (value, ov_chart_card_get_title (self));
      break;

    case PROP_DESCRIPTION:
      g_value_set_string (value, ov_chart_card_get_description (self));
      break;

    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, ov_chart_card_get_show_table (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_card_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OvChartCard *self = OV_CHART_CARD (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ov_chart_card_set_chart (self, g_value_get_object (value));
      break;

    case PROP_TITLE:
      ov_chart_card_set_title (self, g_value_get_string (value));
      break;

    case PROP_DESCRIPTION:
      ov_chart_card_set_description (self, g_value_get_string (value));
      break;

    case PROP_SHOW_TABLE:
      ov_chart_card_set_show_table (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_card_class_init (OvChartCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_chart_card_dispose;
  object_class->finalize = ov_chart_card_finalize;
  object_class->get_property = ov_chart_card_get_property;
  object_class->set_property = ov_chart_card_set_property;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         OV_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DESCRIPTION] =
    g_param_spec_string ("description", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (OV_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/overture/Overture/ov-chart-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, header);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, table_button);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, export_button);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, stack);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, chart_view);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, table);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, extra_box);
  gtk_widget_class_bind_template_child (widget_class, OvChartCard, description_label);
  gtk_widget_class_bind_template_callback (widget_class, table_toggled_cb);

  gtk_widget_class_install_action (widget_class, "chart.export", "s", export_action);
}

static void
ov_chart_card_init (OvChartCard *self)
{
  self->cells = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  update_page (self);
}

GtkWidget *
ov_chart_card_new (void)
{
  return g_object_new (OV_TYPE_CHART_CARD, NULL);
}

OvChart *
ov_chart_card_get_chart (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), NULL);

  return ov_chart_view_get_chart (self->chart_view);
}

/**
 * ov_chart_card_set_chart:
 * @self: an #OvChartCard
 * @chart: (nullable): the chart, or %NULL when there is no data
 *
 * Shows @chart and its table; the card's title is the chart's unless one
 * was set. Without a chart the card says there is no data.
 */
void
ov_chart_card_set_chart (OvChartCard *self,
                         OvChart     *chart)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));
  g_return_if_fail (chart == NULL || OV_IS_CHART (chart));

  if (ov_chart_view_get_chart (self->chart_view) == chart)
    return;

  ov_chart_view_set_chart (self->chart_view, chart);
  fill_table (self);
  update_title (self);
  update_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

const char *
ov_chart_card_get_title (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
ov_chart_card_set_title (OvChartCard *self,
                         const char  *title)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));

  if (g_strcmp0 (self->title, title) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (title);
  update_title (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

const char *
ov_chart_card_get_description (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), NULL);

  return gtk_label_get_text (self->description_label);
}

/**
 * ov_chart_card_set_description:
 * @self: an #OvChartCard
 * @description: (nullable): the sentence under the chart
 *
 * The plain-language sentence that says what the chart shows, on how
 * many accounts, and that it is an association.
 */
void
ov_chart_card_set_description (OvChartCard *self,
                               const char  *description)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));

  if (g_strcmp0 (gtk_label_get_text (self->description_label), description ? description : "") == 0)
    return;

  gtk_label_set_text (self->description_label, description ? description : "");
  gtk_widget_set_visible (GTK_WIDGET (self->description_label),
                          description != NULL && *description != '\0');
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DESCRIPTION]);
}

gboolean
ov_chart_card_get_show_table (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), FALSE);

  return gtk_toggle_button_get_active (self->table_button);
}

void
ov_chart_card_set_show_table (OvChartCard *self,
                              gboolean     show_table)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));

  /* The toggle's notify updates the page and notifies. */
  gtk_toggle_button_set_active (self->table_button, show_table);
}

OvChartView *
ov_chart_card_get_chart_view (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), NULL);

  return self->chart_view;
}

/**
 * ov_chart_card_add_header_widget:
 * @self: an #OvChartCard
 * @widget: a widget for the header, such as a picker of what to chart
 *
 * Puts @widget after the title, before the table toggle.
 */
void
ov_chart_card_add_header_widget (OvChartCard *self,
                                 GtkWidget   *widget)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));
  g_return_if_fail (GTK_IS_WIDGET (widget));

  gtk_box_insert_child_after (self->header, widget, GTK_WIDGET (self->title_label));
}

/**
 * ov_chart_card_set_extra:
 * @self: an #OvChartCard
 * @extra: (nullable): figures in words, shown under the chart
 */
void
ov_chart_card_set_extra (OvChartCard *self,
                         GtkWidget   *extra)
{
  g_return_if_fail (OV_IS_CHART_CARD (self));
  g_return_if_fail (extra == NULL || GTK_IS_WIDGET (extra));

  if (self->extra != NULL)
    gtk_box_remove (self->extra_box, self->extra);
  self->extra = extra;
  if (extra != NULL)
    gtk_box_append (self->extra_box, extra);
  gtk_widget_set_visible (GTK_WIDGET (self->extra_box), extra != NULL);
}

/**
 * ov_chart_card_get_n_table_rows:
 * @self: an #OvChartCard
 *
 * Returns: the rows of the table, the header row included
 */
guint
ov_chart_card_get_n_table_rows (OvChartCard *self)
{
  g_return_val_if_fail (OV_IS_CHART_CARD (self), 0);

  return self->n_columns > 0 ? self->cells->len / self->n_columns : 0;
}

/**
 * ov_chart_card_get_table_text:
 * @self: an #OvChartCard
 * @row: a row of the table, 0 the header
 * @column: a column
 *
 * Returns: (nullable): what the table shows in that cell
 */
const char *
ov_chart_card_get_table_text (OvChartCard *self,
                              guint        row,
                              guint        column)
{
  guint index;

  g_return_val_if_fail (OV_IS_CHART_CARD (self), NULL);

  if (column >= self->n_columns)
    return NULL;
  index = row * self->n_columns + column;
  if (index >= self->cells->len)
    return NULL;
  return gtk_label_get_text (g_ptr_array_index (self->cells, index));
}
