/* ov-chart-view.c — a chart of the core's model, painted for the screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The widget owns no drawing of its own: snapshot() hands a cairo context
 * to the core's painter, the one the exports and the PDF use, so what is
 * on screen is what is saved. The series colours come from the core's
 * light or dark palette as the style manager says; text, lines and the
 * background from the widget's style, so the chart sits on its card in
 * either style. The pointer is answered by the core's hit test, which
 * lays the chart out exactly as the painter does. GTK 4.8 exposes no
 * children of a drawing to screen readers, so the widget is one image
 * with the chart's title as label and the core's sentence as description.
 */

#define G_LOG_DOMAIN "ov-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "ov-chart-view.h"

/* A full chart needs room for its title, legend, axes and a readable
 * plot; a compact one (a metric's history beside its figures) less. */
#define MIN_WIDTH            240
#define MIN_HEIGHT           220
#define NATURAL_WIDTH        440
#define NATURAL_HEIGHT       300
#define COMPACT_MIN_WIDTH    160
#define COMPACT_MIN_HEIGHT   120
#define COMPACT_NATURAL      280
#define COMPACT_FONT_SCALE   0.85
/* A funnel draws a name and its n beside each bar: two lines of room. */
#define ROW_HEIGHT           44
#define ROWS_EXTRA           110

struct _OvChartView
{
  GtkWidget  parent_instance;

  OvChart   *chart;
  gulong     chart_notify_id;
  gboolean   compact;
  gboolean   show_title;
};

G_DEFINE_FINAL_TYPE (OvChartView, ov_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_COMPACT,
  PROP_SHOW_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
copy_color (OvChartColor  *dest,
            const GdkRGBA *src)
{
  dest->red = src->red;
  dest->green = src->green;
  dest->blue = src->blue;
  dest->alpha = src->alpha;
}

/* @over laid on @under, as the screen shows it: cards are a translucent
 * white over the window in the dark style. */
static GdkRGBA
composite (const GdkRGBA *over,
           const GdkRGBA *under)
{
  GdkRGBA out;

  out.red = over->red * over->alpha + under->red * (1 - over->alpha);
  out.green = over->green * over->alpha + under->green * (1 - over->alpha);
  out.blue = over->blue * over->alpha + under->blue * (1 - over->alpha);
  out.alpha = 1;
  return out;
}

/**
 * ov_chart_view_get_palette:
 * @self: an #OvChartView
 * @palette: (out caller-allocates): the colours the chart is painted in
 *
 * The core's light or dark palette, as the style manager says, with the
 * text, lines and background taken from the widget's style. The
 * background is opaque: the painter hatches bars and rings markers in it.
 */
void
ov_chart_view_get_palette (OvChartView    *self,
                           OvChartPalette *palette)
{
  GtkStyleContext *style;
  gboolean dark;
  GdkRGBA fg, window_bg, card_bg, bg;

  g_return_if_fail (OV_IS_CHART_VIEW (self));
  g_return_if_fail (palette != NULL);

  dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  *palette = *ov_chart_palette_get (dark ? OV_CHART_STYLE_DARK : OV_CHART_STYLE_LIGHT);

  style = gtk_widget_get_style_context (GTK_WIDGET (self));
  gtk_style_context_get_color (style, &fg);
  fg.alpha = 1;
  copy_color (&palette->foreground, &fg);
  fg.alpha = 0.7;
  copy_color (&palette->dim, &fg);
  fg.alpha = 0.15;
  copy_color (&palette->grid, &fg);

  if (gtk_style_context_lookup_color (style, "window_bg_color", &window_bg))
    {
      window_bg.alpha = 1;
      bg = window_bg;
      if (gtk_style_context_lookup_color (style, "card_bg_color", &card_bg))
        bg = composite (&card_bg, &window_bg);
      copy_color (&palette->background, &bg);
    }
}

/* The painter and the hit test draw the chart's title when it has one;
 * in a card the card shows it, so it is set aside while they run. */
static char *
hide_title (OvChartView *self)
{
  char *title;

  if (self->show_title || ov_chart_get_title (self->chart) == NULL)
    return NULL;

  title = g_strdup (ov_chart_get_title (self->chart));
  g_signal_handler_block (self->chart, self->chart_notify_id);
  ov_chart_set_title (self->chart, NULL);
  return title;
}

static void
restore_title (OvChartView *self,
               char        *title)
{
  if (title == NULL)
    return;

  ov_chart_set_title (self->chart, title);
  g_signal_handler_unblock (self->chart, self->chart_notify_id);
  g_free (title);
}

static PangoContext *
create_pango_context (OvChartView *self)
{
  PangoContext *context = gtk_widget_create_pango_context (GTK_WIDGET (self));

  if (self->compact)
    {
      g_autoptr(PangoFontDescription) font =
        pango_font_description_copy (pango_context_get_font_description (context));
      int size = pango_font_description_get_size (font);

      if (size > 0)
        {
          if (pango_font_description_get_size_is_absolute (font))
            pango_font_description_set_absolute_size (font, size * COMPACT_FONT_SCALE);
          else
            pango_font_description_set_size (font, (int)(size * COMPACT_FONT_SCALE));
        }
      pango_context_set_font_description (context, font);
    }

  return context;
}

static void
ov_chart_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  OvChartView *self = OV_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  OvChartPalette palette;
  PangoContext *context;
  cairo_t *cr;
  char *title;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  ov_chart_view_get_palette (self, &palette);
  context = create_pango_context (self);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));

  title = hide_title (self);
  ov_chart_paint (self->chart, cr, width, height, &palette, context);
  restore_title (self, title);

  cairo_destroy (cr);
  g_object_unref (context);
}

static void
ov_chart_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  OvChartView *self = OV_CHART_VIEW (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->compact ? COMPACT_MIN_WIDTH : MIN_WIDTH;
      *natural = self->compact ? COMPACT_NATURAL : NATURAL_WIDTH;
    }
  else
    {
      *minimum = self->compact ? COMPACT_MIN_HEIGHT : MIN_HEIGHT;
      *natural = self->compact ? COMPACT_MIN_HEIGHT : NATURAL_HEIGHT;
      if (!self->compact && self->chart != NULL &&
          ov_chart_get_kind (self->chart) == OV_CHART_HORIZONTAL_BAR)
        {
          int rows = ROWS_EXTRA + ROW_HEIGHT * (int)ov_chart_get_n_categories (self->chart);

          *minimum = MAX (*minimum, rows);
          *natural = MAX (*natural, rows);
        }
    }
}

/**
 * ov_chart_view_hit_text:
 * @self: an #OvChartView
 * @x: a point in the widget
 * @y: a point in the widget
 *
 * What the tooltip says at (@x, @y): the bar, box or point there and its
 * exact value.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL over nothing
 */
char *
ov_chart_view_hit_text (OvChartView *self,
                        double       x,
                        double       y)
{
  int width, height;
  PangoContext *context;
  OvChartHit hit = { 0 };
  char *text = NULL;
  char *title;

  g_return_val_if_fail (OV_IS_CHART_VIEW (self), NULL);

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  if (self->chart == NULL || width <= 0 || height <= 0)
    return NULL;

  context = create_pango_context (self);
  title = hide_title (self);
  if (ov_chart_hit_test (self->chart, width, height, context, x, y, &hit))
    text = g_steal_pointer (&hit.text);
  restore_title (self, title);
  ov_chart_hit_clear (&hit);
  g_object_unref (context);

  return text;
}

static gboolean
query_tooltip_cb (OvChartView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  g_autofree char *text = NULL;

  if (keyboard)
    return FALSE;

  text = ov_chart_view_hit_text (self, x, y);
  if (text == NULL)
    return FALSE;

  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

/* The label and description follow the chart: its title, and the core's
 * sentence of what it shows. */
static void
update_accessible (OvChartView *self)
{
  g_autofree char *description = NULL;
  const char *title = NULL;

  if (self->chart != NULL)
    {
      title = ov_chart_get_title (self->chart);
      description = ov_chart_describe (self->chart);
    }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description ? description : "",
                                  -1);
}

static void
chart_notify_cb (OvChartView *self)
{
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
ov_chart_view_dispose (GObject *object)
{
  OvChartView *self = OV_CHART_VIEW (object);

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_notify_id, self->chart);
  g_clear_object (&self->chart);

  G_OBJECT_CLASS (ov_chart_view_parent_class)->dispose (object);
}

static void
ov_chart_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  OvChartView *self = OV_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;

    case PROP_COMPACT:
      g_value_set_boolean (value, self->compact);
      break;

    case PROP_SHOW_TITLE:
      g_value_set_boolean (value, self->show_title);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  OvChartView *self = OV_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ov_chart_view_set_chart (self, g_value_get_object (value));
      break;

    case PROP_COMPACT:
      ov_chart_view_set_compact (self, g_value_get_boolean (value));
      break;

    case PROP_SHOW_TITLE:
      ov_chart_view_set_show_title (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_chart_view_class_init (OvChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_chart_view_dispose;
  object_class->get_property = ov_chart_view_get_property;
  object_class->set_property = ov_chart_view_set_property;

  widget_class->snapshot = ov_chart_view_snapshot;
  widget_class->measure = ov_chart_view_measure;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL,
                         OV_TYPE_CHART,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPACT] =
    g_param_spec_boolean ("compact", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_TITLE] =
    g_param_spec_boolean ("show-title", NULL, NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ov_chart_view_init (OvChartView *self)
{
  self->show_title = TRUE;

  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
  update_accessible (self);
}

/**
 * ov_chart_view_new:
 * @chart: (nullable): the chart to show
 *
 * Returns: (transfer full): a new #OvChartView
 */
GtkWidget *
ov_chart_view_new (OvChart *chart)
{
  g_return_val_if_fail (chart == NULL || OV_IS_CHART (chart), NULL);

  return g_object_new (OV_TYPE_CHART_VIEW, "chart", chart, NULL);
}

OvChart *
ov_chart_view_get_chart (OvChartView *self)
{
  g_return_val_if_fail (OV_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * ov_chart_view_set_chart:
 * @self: an #OvChartView
 * @chart: (nullable): the chart to show
 *
 * Shows @chart, and follows its changes.
 */
void
ov_chart_view_set_chart (OvChartView *self,
                         OvChart     *chart)
{
  g_return_if_fail (OV_IS_CHART_VIEW (self));
  g_return_if_fail (chart == NULL || OV_IS_CHART (chart));

  if (self->chart == chart)
    return;

  if (self->chart != NULL)
    g_clear_signal_handler (&self->chart_notify_id, self->chart);
  g_set_object (&self->chart, chart);
  if (chart != NULL)
    self->chart_notify_id = g_signal_connect_object (chart, "notify", G_CALLBACK (chart_notify_cb),
                                                     self, G_CONNECT_SWAPPED);

  update_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

gboolean
ov_chart_view_get_compact (OvChartView *self)
{
  g_return_val_if_fail (OV_IS_CHART_VIEW (self), FALSE);

  return self->compact;
}

/**
 * ov_chart_view_set_compact:
 * @self: an #OvChartView
 * @compact: whether to draw small
 *
 * A compact chart asks for less room and draws in a smaller font: a
 * small chart beside other figures.
 */
void
ov_chart_view_set_compact (OvChartView *self,
                           gboolean     compact)
{
  g_return_if_fail (OV_IS_CHART_VIEW (self));

  compact = !!compact;
  if (self->compact == compact)
    return;

  self->compact = compact;
  if (compact)
    gtk_widget_add_css_class (GTK_WIDGET (self), "compact");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "compact");
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPACT]);
}

gboolean
ov_chart_view_get_show_title (OvChartView *self)
{
  g_return_val_if_fail (OV_IS_CHART_VIEW (self), FALSE);

  return self->show_title;
}

/**
 * ov_chart_view_set_show_title:
 * @self: an #OvChartView
 * @show_title: whether the chart's title is drawn above it
 *
 * Off where something around the chart shows the title (a card).
 */
void
ov_chart_view_set_show_title (OvChartView *self,
                              gboolean     show_title)
{
  g_return_if_fail (OV_IS_CHART_VIEW (self));

  show_title = !!show_title;
  if (self->show_title == show_title)
    return;

  self->show_title = show_title;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TITLE]);
}
