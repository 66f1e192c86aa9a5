/* test-chart-save.c — charts saved as PNG, SVG and PDF, and the files
 * a failed save leaves (none)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "chart-test-support.h"
#include "ov-test-support.h"

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = ov_test_make_dir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  ov_test_remove_dir (fixture->dir);
  g_free (fixture->dir);
}

static void
assert_starts_with (const char *path,
                    const char *magic,
                    gsize       length)
{
  g_autoptr(GBytes) bytes = ov_test_read_file (path);
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 1000);
  g_assert_cmpmem (data, length, magic, length);
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(OvChart) chart = chart_test_step ();
  g_autofree char *png = g_build_filename (fixture->dir, "chart.png", NULL);
  g_autofree char *svg = g_build_filename (fixture->dir, "chart.svg", NULL);
  g_autofree char *pdf = g_build_filename (fixture->dir, "Chart.PDF", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) svg_bytes = NULL;
  cairo_surface_t *image;

  g_assert_true (ov_chart_save (chart, png, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts_with (png, "\x89PNG\r\n\x1a\n", 8);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 400);
  /* Light, whatever the desktop's style. */
  g_assert_true (chart_test_pixel_is (image, 2, 2,
                                      &ov_chart_palette_get (OV_CHART_STYLE_LIGHT)->background));
  cairo_surface_destroy (image);

  g_assert_true (ov_chart_save (chart, svg, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts_with (svg, "<?xml", 5);
  svg_bytes = ov_test_read_file (svg);
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL),
                                  g_bytes_get_size (svg_bytes), "<svg"));
  g_assert_nonnull (g_strstr_len (g_bytes_get_data (svg_bytes, NULL),
                                  g_bytes_get_size (svg_bytes), "width=\"640px\""));

  /* The extension in any case. */
  g_assert_true (ov_chart_save (chart, pdf, 640, 400, &error));
  g_assert_no_error (error);
  assert_starts_with (pdf, "%PDF-", 5);

  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, 3);
  /* Saving again replaces the file, and leaves nothing beside it. */
  g_assert_true (ov_chart_save (chart, png, 300, 200, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, 3);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvChart) chart = chart_test_bar ();
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "chart.png", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (ov_chart_save (chart, path, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  /* The message names the file. */
  g_assert_nonnull (strstr (error->message, path));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, 0);
}

static void
test_unknown_format (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(OvChart) chart = chart_test_bar ();
  g_autofree char *jpeg = g_build_filename (fixture->dir, "chart.jpg", NULL);
  g_autofree char *bare = g_build_filename (fixture->dir, "chart", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  /* A file already there stays as it was. */
  g_assert_true (g_file_set_contents (jpeg, "old", -1, NULL));
  g_assert_false (ov_chart_save (chart, jpeg, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "chart.jpg"));
  g_assert_true (g_file_get_contents (jpeg, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "old");
  g_clear_error (&error);

  g_assert_false (ov_chart_save (chart, bare, 640, 400, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (ov_test_count_files (fixture->dir), ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/chart-save/formats", Fixture, NULL,
              fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/chart-save/missing-folder", Fixture, NULL,
              fixture_set_up, test_missing_folder, fixture_tear_down);
  g_test_add ("/chart-save/unknown-format", Fixture, NULL,
              fixture_set_up, test_unknown_format, fixture_tear_down);

  return chart_test_run ();
}
