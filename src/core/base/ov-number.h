/* ov-number.h — the digits of a number as people write them
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Room for the plain form of any number worth reading: more digits are
 * refused as too large. */
#define OV_NUMBER_PLAIN_SIZE 48

typedef enum
{
  OV_NUMBER_OK,
  OV_NUMBER_NOT_A_NUMBER,   /* no digits where the number should be */
  OV_NUMBER_BAD_GROUPS,     /* thousands groups not of three digits, or mixed separators */
  OV_NUMBER_AMBIGUOUS,      /* "1,234": a thousands group or three decimal places */
  OV_NUMBER_TOO_LONG,       /* more digits than OV_NUMBER_PLAIN_SIZE holds */
} OvNumberStatus;

typedef enum
{
  /* A lone '.' or ',' before exactly three digits ("1,234") is refused as
   * ambiguous; without this flag it groups thousands. */
  OV_NUMBER_LONE_GROUP_AMBIGUOUS = 1 << 0,
} OvNumberFlags;

gsize           ov_number_scan          (const char     *text,
                                         gsize           length,
                                         OvNumberFlags   flags,
                                         char            plain[OV_NUMBER_PLAIN_SIZE],
                                         OvNumberStatus *status);
char           *ov_number_describe      (OvNumberStatus  status,
                                         const char     *text,
                                         int             length);

G_END_DECLS
