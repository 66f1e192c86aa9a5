/* ov-review-report-private.h — the review report's pages: blocks of cells
 * laid out down A4 pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "ov-chart.h"
#include "ov-review-report.h"

G_BEGIN_DECLS

/* A4 in points, the PDF's unit. */
#define OV_REPORT_PAGE_WIDTH   595.276
#define OV_REPORT_PAGE_HEIGHT  841.890
#define OV_REPORT_MARGIN       46.0
#define OV_REPORT_FOOTER       30.0   /* room under the content for the footer */
#define OV_REPORT_GAP          12.0   /* between cells side by side */

typedef enum
{
  OV_REPORT_FONT_BODY,
  OV_REPORT_FONT_BOLD,
  OV_REPORT_FONT_SMALL,
  OV_REPORT_FONT_HEADING,
  OV_REPORT_FONT_TITLE,
} OvReportFont;

typedef enum
{
  OV_REPORT_STYLE_PLAIN,
  OV_REPORT_STYLE_DIM,
} OvReportStyle;

typedef struct _OvReportCell OvReportCell;

/* One row of cells side by side, never cut by a page break. */
typedef struct
{
  GPtrArray *cells;          /* OvReportCell */
  double     height;         /* of the tallest cell, once laid out */
  double     space_before;   /* dropped at the top of a page */
  gboolean   keep_with_next; /* a heading stays with what follows it */
  gboolean   shaded;         /* a table's header */
  gboolean   rule_below;     /* a thin line under the row */
  gpointer   header;         /* a table row's header (an OvReportBlock),
                              * repeated atop a page the table runs on to */
  guint      page;           /* where pagination put it: page, 0-based… */
  double     y;              /* …and top */
} OvReportBlock;

typedef struct
{
  OvReportBlock *block;
  guint          page;
  double         y;
} OvReportRepeat;

typedef struct
{
  PangoContext *context;     /* 72 dpi: a font's size is its size in points */
  GPtrArray    *blocks;      /* OvReportBlock */
  guint         n_pages;
  GArray       *repeats;     /* OvReportRepeat: headers repeated on later pages */
  char         *footer;      /* left of the page number */
} OvReportDoc;

/* ov-review-report-layout.c */
OvReportDoc   *ov_report_doc_new          (void);
void           ov_report_doc_free         (OvReportDoc    *doc);
double         ov_report_content_width    (void);
OvReportBlock *ov_report_doc_add_block    (OvReportDoc    *doc,
                                           double          space_before);
void           ov_report_block_add_text   (OvReportDoc    *doc,
                                           OvReportBlock  *block,
                                           double          x,
                                           double          y,
                                           double          width,
                                           const char     *text,
                                           OvReportFont    font,
                                           OvReportStyle   style);
void           ov_report_block_add_chart  (OvReportBlock  *block,
                                           double          x,
                                           double          y,
                                           double          width,
                                           double          height,
                                           OvChart        *chart);
void           ov_report_block_add_meter  (OvReportBlock  *block,
                                           double          x,
                                           double          y,
                                           double          width,
                                           double          fraction);
void           ov_report_doc_paginate     (OvReportDoc    *doc);
void           ov_report_doc_paint_page   (OvReportDoc    *doc,
                                           cairo_t        *cr,
                                           guint           page);

/* ov-review-report-sections.c */
void           ov_review_report_build     (OvReportDoc    *doc,
                                           OvReviewData   *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvReportDoc, ov_report_doc_free)

G_END_DECLS
