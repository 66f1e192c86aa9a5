/* test-charts.c — the chart widget and card on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bar chart of 10, 20 and 40 is drawn by the widget in a real window
 * and read back from the rendered texture: painted, in the series colour
 * of the style in use, with bars 1 : 2 : 4 tall. The widget is an image
 * to screen readers, labelled with the title and described by the core's
 * sentence; the card's table holds the same numbers as the chart.
 */

#include "config.h"

#include <string.h>

#include "ov-chart-card.h"
#include "ov-chart-view.h"
#include "ov-ui-test.h"

#define WIDTH  600
#define HEIGHT 360

static OvChart *
make_bars (void)
{
  OvChart *chart = ov_chart_new (OV_CHART_BAR);

  ov_chart_set_title (chart, "Accounts by plan");
  ov_chart_set_axis (chart, OV_CHART_AXIS_X, "Plan", NULL);
  ov_chart_set_axis (chart, OV_CHART_AXIS_Y, "Accounts", NULL);
  ov_chart_set_show_legend (chart, FALSE);
  ov_chart_add_series (chart, "Accounts");
  ov_chart_add_category (chart, "Basic");
  ov_chart_add_category (chart, "Plus");
  ov_chart_add_category (chart, "Premium");
  ov_chart_set_value (chart, 0, 0, 10, -1);
  ov_chart_set_value (chart, 0, 1, 20, -1);
  ov_chart_set_value (chart, 0, 2, 40, -1);
  return chart;
}

static GtkWindow *
show_in_window (GtkWidget *child)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, WIDTH, HEIGHT);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gtk_test_widget_wait_for_draw (child);
  ov_ui_test_settle ();
  return window;
}

/* What @widget shows, as BGRA bytes (premultiplied, as cairo's). */
static guchar *
render (GtkWidget *widget,
        int       *width,
        int       *height)
{
  g_autoptr(GdkTexture) texture = ov_ui_test_render (widget);
  guchar *data;

  *width = gdk_texture_get_width (texture);
  *height = gdk_texture_get_height (texture);
  g_assert_cmpint (*width, >, 200);
  g_assert_cmpint (*height, >, 200);

  data = g_malloc ((gsize)*width * *height * 4);
  gdk_texture_download (texture, data, (gsize)*width * 4);
  return data;
}

static gboolean
pixel_is (const guchar       *data,
          int                 width,
          int                 x,
          int                 y,
          const OvChartColor *color)
{
  const guchar *p = data + ((gsize)y * width + x) * 4;

  return p[3] == 255 &&
         ABS (p[2] - (int)(color->red * 255 + 0.5)) <= 2 &&
         ABS (p[1] - (int)(color->green * 255 + 0.5)) <= 2 &&
         ABS (p[0] - (int)(color->blue * 255 + 0.5)) <= 2;
}

static guint
count_in_column (const guchar       *data,
                 int                 width,
                 int                 height,
                 int                 x,
                 const OvChartColor *color)
{
  guint count = 0;

  for (int y = 0; y < height; y++)
    count += pixel_is (data, width, x, y, color);
  return count;
}

/* From the top to the bottom of @color down column @x: a bar's height,
 * with the value printed inside it or not. */
static guint
extent_in_column (const guchar       *data,
                  int                 width,
                  int                 height,
                  int                 x,
                  const OvChartColor *color)
{
  int top = -1, bottom = -1;

  for (int y = 0; y < height; y++)
    if (pixel_is (data, width, x, y, color))
      {
        if (top < 0)
          top = y;
        bottom = y;
      }
  return top < 0 ? 0 : (guint)(bottom - top + 1);
}

/* The heights of the bars of @color from left to right, measured down
 * the middle column of each. */
static guint
bar_heights (const guchar       *data,
             int                 width,
             int                 height,
             const OvChartColor *color,
             guint              *heights,
             guint               max_bars)
{
  guint bars = 0;
  int run_start = -1;

  for (int x = 0; x <= width; x++)
    {
      gboolean in_bar = x < width && count_in_column (data, width, height, x, color) > 0;

      if (in_bar && run_start < 0)
        run_start = x;
      else if (!in_bar && run_start >= 0)
        {
          g_assert_cmpuint (bars, <, max_bars);
          g_assert_cmpint (x - run_start, >, 20);
          heights[bars++] = extent_in_column (data, width, height, (run_start + x) / 2, color);
          run_start = -1;
        }
    }
  return bars;
}

static void
assert_bars (OvChartStyle style)
{
  g_autoptr(OvChart) chart = make_bars ();
  GtkWidget *view = ov_chart_view_new (chart);
  GtkWindow *window = show_in_window (view);
  const OvChartColor *color = ov_chart_palette_series_color (ov_chart_palette_get (style), 0);
  OvChartPalette palette;
  g_autofree guchar *data = NULL;
  guint heights[3] = { 0 };
  guint painted = 0;
  int width, height;

  /* The series colour is the core's palette of the style in use; the
   * background the card's colour of the theme, opaque. */
  ov_chart_view_get_palette (OV_CHART_VIEW (view), &palette);
  g_assert_cmpfloat (palette.series[0].blue, ==, color->blue);
  g_assert_cmpfloat (palette.background.alpha, ==, 1.0);
  if (style == OV_CHART_STYLE_DARK)
    g_assert_cmpfloat (palette.background.red, <, 0.3);
  else
    g_assert_cmpfloat (palette.background.red, >, 0.9);

  ov_ui_test_screenshot (view, style == OV_CHART_STYLE_DARK ? "chart-view-dark" : "chart-view");
  data = render (view, &width, &height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      painted += !pixel_is (data, width, x, y, &palette.background);
  g_assert_cmpuint (painted, >, (guint)(width * height / 50));
  g_assert_cmpuint (painted, <, (guint)(width * height * 3 / 4));

  g_assert_cmpuint (bar_heights (data, width, height, color, heights, 3), ==, 3);
  g_assert_cmpuint (heights[2], >, 120);
  g_assert_cmpfloat_with_epsilon ((double)heights[1] / heights[0], 2.0, 0.05);
  g_assert_cmpfloat_with_epsilon ((double)heights[2] / heights[0], 4.0, 0.1);

  gtk_window_destroy (window);
}

static void
test_bars_light (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  ov_ui_test_settle ();
  assert_bars (OV_CHART_STYLE_LIGHT);
}

static void
test_bars_dark (void)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  ov_ui_test_settle ();
  assert_bars (OV_CHART_STYLE_DARK);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  ov_ui_test_settle ();
}

/* The tooltip names the bar under the pointer and its exact value; off
 * the plot there is none. */
static void
test_tooltip (void)
{
  g_autoptr(OvChart) chart = make_bars ();
  GtkWidget *view = ov_chart_view_new (chart);
  GtkWindow *window = show_in_window (view);
  const OvChartColor *color =
    ov_chart_palette_series_color (ov_chart_palette_get (OV_CHART_STYLE_LIGHT), 0);
  g_autofree guchar *data = NULL;
  g_autofree char *text = NULL;
  g_autofree char *none = NULL;
  int width, height, x, y;

  data = render (view, &width, &height);
  /* The middle of the last bar: the rightmost column of its colour. */
  for (x = width - 1; x > 0 && count_in_column (data, width, height, x, color) == 0; x--)
    ;
  x -= 10;
  for (y = height - 1; y > 0 && !pixel_is (data, width, x, y, color); y--)
    ;
  y -= 5;
  g_assert_true (pixel_is (data, width, x, y, color));

  text = ov_chart_view_hit_text (OV_CHART_VIEW (view), x, y);
  g_assert_nonnull (text);
  g_assert_nonnull (strstr (text, "Premium"));
  g_assert_nonnull (strstr (text, "40"));

  none = ov_chart_view_hit_text (OV_CHART_VIEW (view), 1, 1);
  g_assert_null (none);

  gtk_window_destroy (window);
}

static void
test_accessible (void)
{
  g_autoptr(OvChart) chart = make_bars ();
  g_autofree char *description = ov_chart_describe (chart);
  GtkWidget *view = ov_chart_view_new (chart);
  GtkWindow *window = show_in_window (view);

  g_assert_cmpstr (description, ==,
                   "Bar chart “Accounts by plan”: Basic 10, Plus 20, Premium 40.");
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Accounts by plan");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);

  /* Another chart, another sentence. */
  g_clear_object (&chart);
  chart = make_bars ();
  ov_chart_set_value (chart, 0, 1, 25, -1);
  ov_chart_view_set_chart (OV_CHART_VIEW (view), chart);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       "Bar chart “Accounts by plan”: Basic 10, Plus 25, Premium 40.");

  gtk_window_destroy (window);
}

/* Show as Table swaps the chart for a table of the same numbers; the
 * card's title is the chart's, drawn once (the chart leaves it out). */
static void
test_card_table (void)
{
  g_autoptr(OvChart) chart = make_bars ();
  OvChartCard *card = OV_CHART_CARD (ov_chart_card_new ());
  GtkWindow *window;
  GtkWidget *stack;

  ov_chart_card_set_chart (card, chart);
  ov_chart_card_set_description (card, "Premium plans hold most accounts.");
  window = show_in_window (GTK_WIDGET (card));
  stack = ov_ui_test_child (card, OV_TYPE_CHART_CARD, "stack");

  g_assert_cmpstr (ov_chart_card_get_title (card), ==, "Accounts by plan");
  g_assert_false (ov_chart_view_get_show_title (ov_chart_card_get_chart_view (card)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (card), "Premium plans hold"));
  ov_ui_test_screenshot (GTK_WIDGET (card), "chart-card");

  ov_chart_card_set_show_table (card, TRUE);
  ov_ui_test_settle ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "table");
  g_assert_true (gtk_widget_get_mapped (
    GTK_WIDGET (ov_ui_test_child (card, OV_TYPE_CHART_CARD, "table"))));
  ov_ui_test_screenshot (GTK_WIDGET (card), "chart-card-table");

  g_assert_cmpuint (ov_chart_card_get_n_table_rows (card), ==, 4);
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 0, 0), ==, "Plan");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 0, 1), ==, "Accounts");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 1, 0), ==, "Basic");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 1, 1), ==, "10");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 2, 1), ==, "20");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 3, 0), ==, "Premium");
  g_assert_cmpstr (ov_chart_card_get_table_text (card, 3, 1), ==, "40");
  g_assert_nonnull (ov_ui_test_find_label (GTK_WIDGET (card), "Premium"));

  /* Back to the chart; without one the card says there is no data. */
  ov_chart_card_set_show_table (card, FALSE);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "chart");
  ov_chart_card_set_chart (card, NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "empty");
  g_assert_cmpuint (ov_chart_card_get_n_table_rows (card), ==, 0);

  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  /* The test suite turns accessibility off; GTK's test backend records
   * the roles and properties a screen reader would be given. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  ov_ui_test_init (&argc, &argv);

  g_test_add_func ("/charts/bars-light", test_bars_light);
  g_test_add_func ("/charts/bars-dark", test_bars_dark);
  g_test_add_func ("/charts/tooltip", test_tooltip);
  g_test_add_func ("/charts/accessible", test_accessible);
  g_test_add_func ("/charts/card-table", test_card_table);

  return g_test_run ();
}
