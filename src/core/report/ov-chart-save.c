/* ov-chart-save.c — a chart as a PNG, SVG or PDF file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file's name chooses the format. The chart is painted in the light
 * palette and the default font into memory first, then written beside
 * the file and renamed over it (ov_csv_replace_begin()), so a failure
 * leaves whatever was there before, and nothing where nothing was.
 */

#define G_LOG_DOMAIN "ov-report"

#include "config.h"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <math.h>

#include "ov-chart-paint.h"
#include "ov-chart-save.h"
#include "ov-csv-writer.h"

typedef enum
{
  FORMAT_NONE,
  FORMAT_PNG,
  FORMAT_SVG,
  FORMAT_PDF,
} Format;

/* A PDF's unit is the point: 96 pixels to the inch become 72 points. */
#define PDF_SCALE 0.75

static Format
format_of (const char *path)
{
  g_autofree char *base = g_path_get_basename (path);
  const char *dot = strrchr (base, '.');

  if (dot == NULL)
    return FORMAT_NONE;
  if (g_ascii_strcasecmp (dot, ".png") == 0)
    return FORMAT_PNG;
  if (g_ascii_strcasecmp (dot, ".svg") == 0)
    return FORMAT_SVG;
  if (g_ascii_strcasecmp (dot, ".pdf") == 0)
    return FORMAT_PDF;
  return FORMAT_NONE;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static cairo_surface_t *
create_surface (Format      format,
                OvChart    *chart,
                GByteArray *bytes,
                double      width,
                double      height)
{
  cairo_surface_t *surface;
  const char *title;

  switch (format)
    {
    case FORMAT_PNG:
      return cairo_image_surface_create (CAIRO_FORMAT_ARGB32,
                                         (int)ceil (width), (int)ceil (height));

    case FORMAT_SVG:
      surface = cairo_svg_surface_create_for_stream (append_cb, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
      return surface;

    case FORMAT_PDF:
      surface = cairo_pdf_surface_create_for_stream (append_cb, bytes, width * PDF_SCALE,
                                                     height * PDF_SCALE);
      title = ov_chart_get_title (chart);
      if (title != NULL && *title != '\0')
        cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Overture");
      return surface;

    case FORMAT_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* Paints @chart into a file of @format, in memory. */
static GBytes *
render (OvChart  *chart,
        Format    format,
        double    width,
        double    height,
        GError  **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  cairo_surface_t *surface = create_surface (format, chart, bytes, width, height);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (format == FORMAT_PDF)
    cairo_scale (cr, PDF_SCALE, PDF_SCALE);
  ov_chart_paint (chart, cr, width, height, NULL, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS && format == FORMAT_PNG)
    status = cairo_surface_write_to_png_stream (surface, append_cb, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   _("Could not draw the chart: %s"), cairo_status_to_string (status));
      return NULL;
    }

  return g_byte_array_free_to_bytes (g_steal_pointer (&bytes));
}

/**
 * ov_chart_save:
 * @path: the file to write: its name ends in .png, .svg or .pdf
 * @width: the chart's width in pixels (a PDF's page is as large at
 *   96 pixels to the inch)
 * @height: its height
 *
 * Writes @chart to @path, in light colours, replacing any file there.
 *
 * Returns: %FALSE with @error set (naming @path) when the format is not
 *   known or the file cannot be written; @path is then as it was
 */
gboolean
ov_chart_save (OvChart     *chart,
               const char  *path,
               double       width,
               double       height,
               GError     **error)
{
  g_autoptr(GOutputStream) stream = NULL;
  g_autoptr(GFile) temporary = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GBytes) bytes = NULL;
  Format format;

  g_return_val_if_fail (OV_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (width >= 1 && height >= 1, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  format = format_of (path);
  if (format == FORMAT_NONE)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("Could not save the chart as “%s”: "
                     "the name must end in .png, .svg or .pdf."),
                   name);
      return FALSE;
    }

  bytes = render (chart, format, width, height, error);
  if (bytes == NULL)
    return FALSE;

  file = g_file_new_for_path (path);
  stream = ov_csv_replace_begin (file, &temporary, NULL, error);
  if (stream == NULL)
    return FALSE;

  if (!g_output_stream_write_all (stream, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                  NULL, NULL, error))
    {
      ov_csv_replace_abandon (stream, temporary);
      return FALSE;
    }

  return ov_csv_replace_commit (stream, temporary, file, NULL, error);
}
