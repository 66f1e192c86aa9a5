/* ov-measurement-change.c — one account's metric: its baseline, its latest
 * value, and the change between them in words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The account page, the review report and anything else that shows one
 * account's before and after pair its measurements the same way, and
 * write their values the same way, so this lives beside the measurement
 * rather than in any one of them.
 */

#define G_LOG_DOMAIN "ov-measurement"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include "ov-measurement-change.h"
#include "ov-metric-kind.h"
#include "ov-money.h"
#include "ov-number.h"

void
ov_measurement_find_change (GPtrArray      *measurements,
                            const char     *metric,
                            OvMeasurement **baseline,
                            OvMeasurement **latest)
{
  const char *id;
  OvMeasurement *found_baseline = NULL;
  OvMeasurement *found_latest = NULL;

  g_return_if_fail (measurements != NULL);
  g_return_if_fail (metric != NULL);

  id = ov_measurement_metric_id (metric);

  for (guint i = 0; i < measurements->len; i++)
    {
      OvMeasurement *measurement = g_ptr_array_index (measurements, i);

      if (strcmp (ov_measurement_metric_id (ov_measurement_get_metric (measurement)), id) != 0)
        continue;

      if (ov_measurement_get_baseline (measurement))
        {
          /* A later baseline starts the comparison again. */
          found_baseline = measurement;
          found_latest = NULL;
        }
      else if (found_baseline == NULL ||
               ov_measurement_get_measured_on (measurement) >
                 ov_measurement_get_measured_on (found_baseline))
        {
          found_latest = measurement;
        }
    }

  /* Without a baseline, the latest value is still worth showing. */
  if (baseline != NULL)
    *baseline = found_baseline;
  if (latest != NULL)
    *latest = found_latest;
}

gboolean
ov_measurement_parse_value (const char  *text,
                            double      *value,
                            GError     **error)
{
  char plain[OV_NUMBER_PLAIN_SIZE + 1];
  OvNumberStatus status = OV_NUMBER_NOT_A_NUMBER;
  g_autofree char *stripped = NULL;
  const char *p, *end;
  char *parsed_end = NULL;
  gsize size;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  stripped = g_strstrip (g_strdup (text));
  if (stripped[0] == '\0')
    {
      g_set_error_literal (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE,
                           _("Value: a measurement needs a number."));
      return FALSE;
    }

  p = stripped;
  end = stripped + strlen (stripped);
  plain[0] = '\0';
  if (*p == '-' || *p == '+')
    plain[0] = *p++;

  size = ov_number_scan (p, end - p, OV_NUMBER_LONE_GROUP_AMBIGUOUS,
                         plain + (plain[0] != '\0'), &status);
  p += size;
  while (p < end && *p == ' ')
    p++;
  if (p < end && *p == '%')
    p++;
  if (size == 0 || p != end)
    status = OV_NUMBER_NOT_A_NUMBER;

  if (status == OV_NUMBER_OK)
    {
      *value = g_ascii_strtod (plain, &parsed_end);
      if (parsed_end == plain || *parsed_end != '\0' || !isfinite (*value))
        status = OV_NUMBER_NOT_A_NUMBER;
    }

  if (status != OV_NUMBER_OK)
    {
      g_autofree char *message = ov_number_describe (status, stripped, strlen (stripped));

      *value = 0;
      g_set_error (error, OV_MEASUREMENT_ERROR, OV_MEASUREMENT_ERROR_VALUE, _("Value: %s."),
                   message);
      return FALSE;
    }

  return TRUE;
}

char *
ov_measurement_metric_title (const char *metric)
{
  const OvMetricKind *kind;
  char *title;

  g_return_val_if_fail (metric != NULL, NULL);

  kind = ov_metric_kind_find (metric, -1);
  if (kind != NULL)
    return g_strdup (g_dgettext (GETTEXT_PACKAGE, kind->title));

  title = g_strdelimit (g_strdup (metric), "_", ' ');
  title[0] = g_ascii_toupper (title[0]);
  return title;
}

const char *
ov_measurement_metric_unit (const char *metric,
                            const char *currency)
{
  const OvMetricKind *kind;

  g_return_val_if_fail (metric != NULL, NULL);

  kind = ov_metric_kind_find (metric, -1);
  if (kind == NULL)
    return "";
  if (kind->unit == NULL)
    return currency != NULL ? currency : "";

  return kind->unit;
}

/* A number with at most two decimals and none that are 0: "42", "12.5". */
static char *
format_number (double value)
{
  char *text;
  char *end;

  if (fabs (value - round (value)) < 0.005)
    return g_strdup_printf ("%.0f", round (value) + 0.0);

  text = g_strdup_printf ("%.2f", value);
  end = text + strlen (text) - 1;
  while (end > text && *end == '0')
    *end-- = '\0';
  return text;
}

static gboolean
is_money (const char *metric)
{
  const OvMetricKind *kind = ov_metric_kind_find (metric, -1);

  return kind != NULL && kind->money;
}

char *
ov_measurement_format_value (const char *metric,
                             double      value,
                             const char *currency)
{
  g_autofree char *number = NULL;
  const char *unit;

  g_return_val_if_fail (metric != NULL, NULL);

  if (is_money (metric))
    return ov_money_format ((gint64)round (value * 100), currency != NULL ? currency : "");

  number = format_number (value);
  unit = ov_measurement_metric_unit (metric, currency);
  if (unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, "42 %" or "12 h" */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, unit);
}

char *
ov_measurement_describe_change (const char *metric,
                                double      baseline,
                                double      latest,
                                const char *currency)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *delta = NULL;
  double change = latest - baseline;

  g_return_val_if_fail (metric != NULL, NULL);

  from = ov_measurement_format_value (metric, baseline, currency);
  to = ov_measurement_format_value (metric, latest, currency);

  if (is_money (metric))
    {
      g_autofree char *amount = ov_money_format ((gint64)round (fabs (change) * 100),
                                                 currency != NULL ? currency : "");

      delta = g_strdup_printf ("%s%s", change < 0 ? "−" : "+", amount);
    }
  else
    {
      g_autofree char *number = format_number (fabs (change));

      delta = g_strdup_printf ("%s%s", change < 0 ? "−" : "+", number);
    }

  if (fabs (change) < 0.005)
    {
      g_clear_pointer (&delta, g_free);
      /* Translators: the change between a baseline and the latest value, none */
      delta = g_strdup (_("no change"));
    }

  /* Translators: a metric's baseline, its latest value and the change, "42 % → 71 % (+29)" */
  return g_strdup_printf (_("%s → %s (%s)"), from, to, delta);
}
