/* ov-date.h — calendar dates as day numbers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* A calendar date as GDate's Julian day number (1 = 0001-01-01); 0 is "no
 * date". Plain integers make "days between" a subtraction and keep 100k
 * accounts compact. */
typedef gint32 OvDate;

#define OV_DATE_NONE 0

#define OV_DATE_ERROR (ov_date_error_quark ())

typedef enum
{
  OV_DATE_ERROR_FORMAT,
  OV_DATE_ERROR_INVALID,
  OV_DATE_ERROR_AMBIGUOUS,
} OvDateError;

GQuark    ov_date_error_quark      (void);
OvDate    ov_date_from_ymd         (int          year,
                                    int          month,
                                    int          day);
gboolean  ov_date_to_ymd           (OvDate       date,
                                    int         *year,
                                    int         *month,
                                    int         *day);
gboolean  ov_date_check_ymd        (int          year,
                                    int          month,
                                    int          day,
                                    GError     **error);
gboolean  ov_date_parse_iso_exact  (const char  *text,
                                    gsize        length,
                                    OvDate      *date);
gboolean  ov_date_parse_iso        (const char  *text,
                                    OvDate      *date,
                                    GError     **error);
void      ov_date_write_iso        (OvDate       date,
                                    char         buffer[11]);
char     *ov_date_to_iso           (OvDate       date);
char     *ov_date_to_display       (OvDate       date);
OvDate    ov_date_today            (void);
OvDate    ov_date_add_days         (OvDate       date,
                                    int          days);
int       ov_date_get_weekday      (OvDate       date);

/* Dates as spreadsheets and CRMs write them: ISO, or day, month and a
 * four-digit year separated by '/', '.' or '-' in either order. */
gboolean     ov_date_parse_with_order (const char  *text,
                                       OvDateOrder  order,
                                       OvDate      *date,
                                       GError     **error);
gboolean     ov_date_is_numeric       (const char  *text);
gboolean     ov_date_check_numeric_time (const char *text,
                                         GError    **error);
OvDateOrder  ov_date_guess_order      (const char  *text);

G_END_DECLS
