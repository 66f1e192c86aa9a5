/* ov-metric-kind.c — the metrics Overture knows, and what their values may be
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The one table of known metrics: the import checks values against it, and
 * anything that shows or edits measurements can list it.
 */

#define G_LOG_DOMAIN "ov-metric-kind"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-metric-kind.h"

G_DEFINE_QUARK (ov-metric-kind-error-quark, ov_metric_kind_error)

static const char * const nps_names[] = { "nps", "netpromoterscore", NULL };
static const char * const health_names[] = { "healthscore", "health", "customerhealth", NULL };
static const char * const usage_names[] = { "productusage", "usage", NULL };
static const char * const engagement_names[] = { "engagement", NULL };
static const char * const hours_names[] = { "internalcost", "internalhours", "hours", NULL };
static const char * const arr_names[] = { "arr", "annualrecurringrevenue", NULL };

static const OvMetricKind kinds[] = {
  { "nps", N_("NPS response"), nps_names, 0, 10, TRUE, FALSE,
    N_("an NPS response is a whole number from 0 to 10, not “%.*s”"), "" },
  { "health_score", N_("Health score"), health_names, 0, 100, FALSE, FALSE,
    N_("a health score is from 0 to 100, not “%.*s”"), "" },
  { "product_usage", N_("Product usage"), usage_names, 0, 100, FALSE, FALSE,
    N_("product usage is a percentage from 0 to 100, not “%.*s”"),
    "%" },
  { "engagement", N_("Engagement"), engagement_names, 0, 100, FALSE, FALSE,
    N_("engagement is a percentage from 0 to 100, not “%.*s”"), "%" },
  { "internal_cost", N_("Internal cost (hours)"), hours_names, 0, INFINITY, FALSE, FALSE,
    N_("hours spent cannot be negative: “%.*s”"),
    "h" },
  { "arr", N_("ARR"), arr_names, 0, INFINITY, FALSE, TRUE,
    N_("annual recurring revenue cannot be negative: “%.*s”"), NULL },
};

const OvMetricKind *
ov_metric_kind_list (guint *n_kinds)
{
  if (n_kinds != NULL)
    *n_kinds = G_N_ELEMENTS (kinds);

  return kinds;
}

/**
 * ov_metric_kind_find:
 * @name: a metric's id or a name a file may give it ("Health score")
 * @length: bytes of @name, or -1 when it ends with a NUL
 *
 * Case, spaces and punctuation do not count.
 *
 * Returns: (nullable): the known metric, or %NULL for any other name
 */
const OvMetricKind *
ov_metric_kind_find (const char *name,
                     gssize      length)
{
  char key[32];
  gsize n = 0;

  g_return_val_if_fail (name != NULL, NULL);

  if (length < 0)
    length = strlen (name);

  for (gssize i = 0; i < length; i++)
    {
      guchar c = name[i];

      if (c >= 0x80)
        return NULL;
      if (!g_ascii_isalnum (c))
        continue;
      if (n + 1 >= sizeof key)
        return NULL;
      key[n++] = g_ascii_tolower (c);
    }
  key[n] = '\0';

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      if (strcmp (key, kinds[i].id) == 0)
        return &kinds[i];
      for (const char * const *alias = kinds[i].names; *alias != NULL; alias++)
        if (strcmp (key, *alias) == 0)
          return &kinds[i];
    }

  return NULL;
}

/* Whether @value (written @text) may be a value of @kind. */
gboolean
ov_metric_kind_check_value (const OvMetricKind  *kind,
                            double               value,
                            const char          *text,
                            int                  length,
                            GError             **error)
{
  g_return_val_if_fail (kind != NULL, FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (value >= kind->min && value <= kind->max && (!kind->whole || value == floor (value)))
    return TRUE;

  /* The formats are the table's own literals, each with one %.*s. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, OV_METRIC_KIND_ERROR, OV_METRIC_KIND_ERROR_RANGE,
               _(kind->out_of_range), length, text);
#pragma GCC diagnostic pop
  return FALSE;
}
