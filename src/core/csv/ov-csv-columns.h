/* ov-csv-columns.h — the columns of each kind of CSV file, and their aliases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "ov-types.h"

G_BEGIN_DECLS

/* How a column's text is read. */
typedef enum
{
  OV_CSV_VALUE_TEXT,       /* kept as written */
  OV_CSV_VALUE_KEY,        /* an identifier: spaces around it dropped */
  OV_CSV_VALUE_MONEY,      /* "$1,200.50", "1.200,50 €" */
  OV_CSV_VALUE_CURRENCY,   /* ISO 4217 code */
  OV_CSV_VALUE_STAGE,      /* name or number 1–6 */
  OV_CSV_VALUE_STATUS,     /* active, paused, churned */
  OV_CSV_VALUE_DATE,       /* ISO, D/M/Y or M/D/Y */
  OV_CSV_VALUE_BOOLEAN,    /* yes/no, true/false, 1/0 */
  OV_CSV_VALUE_SIDE,       /* internal, customer */
  OV_CSV_VALUE_ROLES,      /* role names separated by ';' */
  OV_CSV_VALUE_ROLE,       /* one role name */
  OV_CSV_VALUE_NUMBER,     /* a decimal number, "12.5", "80 %" */
} OvCsvValueType;

typedef struct
{
  const char          *id;        /* the canonical column name, e.g. "close_date" */
  const char          *title;     /* for people, untranslated: use ov_csv_field_get_title() */
  OvCsvValueType       type;
  const char * const  *aliases;   /* other names CRM exports use */
  gboolean             import_only;
} OvCsvField;

const char        *ov_csv_kind_get_id          (OvCsvKind          kind);
const char        *ov_csv_kind_get_title       (OvCsvKind          kind);
gboolean           ov_csv_kind_parse           (const char        *text,
                                                OvCsvKind         *kind);
gboolean           ov_csv_kind_can_import      (OvCsvKind          kind);
const OvCsvField  *ov_csv_kind_get_fields      (OvCsvKind          kind,
                                                guint             *n_fields);
int                ov_csv_kind_find_field      (OvCsvKind          kind,
                                                const char        *id);
int                ov_csv_kind_match_column    (OvCsvKind          kind,
                                                const char        *header);
const char        *ov_csv_field_get_title      (const OvCsvField  *field);
char              *ov_csv_normalize_header     (const char        *header);

G_END_DECLS
