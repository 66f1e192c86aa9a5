/* ov-store-program.c — the program start date and the health weights, as
 * settings of the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-store"

#include "config.h"

#include <math.h>

#include "ov-store-private.h"
#include "ov-store-program.h"

#define PROGRAM_START_KEY "program-start"

/* One key per component, so a weight added later starts at its default. */
static const char *const weight_keys[OV_HEALTH_N_COMPONENTS] = {
  [OV_HEALTH_USAGE] = "health-weight-usage",
  [OV_HEALTH_ENGAGEMENT] = "health-weight-engagement",
  [OV_HEALTH_NPS] = "health-weight-nps",
  [OV_HEALTH_OVERDUE] = "health-weight-overdue",
};

/**
 * ov_store_get_program_start:
 *
 * Returns: the day the onboarding program started, which splits accounts
 *   into the before and after cohorts; %OV_DATE_NONE when it was never set
 *   (or what is stored is not a date).
 */
OvDate
ov_store_get_program_start (OvStore *self)
{
  g_autofree char *text = NULL;
  OvDate date = OV_DATE_NONE;

  g_return_val_if_fail (OV_IS_STORE (self), OV_DATE_NONE);

  text = ov_store_get_setting (self, PROGRAM_START_KEY);
  if (text == NULL || !ov_date_parse_iso (text, &date, NULL))
    return OV_DATE_NONE;

  return date;
}

/**
 * ov_store_set_program_start:
 * @program_start: the day, or %OV_DATE_NONE to forget it
 */
gboolean
ov_store_set_program_start (OvStore  *self,
                            OvDate    program_start,
                            GError  **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);

  if (program_start != OV_DATE_NONE)
    text = ov_date_to_iso (program_start);
  else
    text = g_strdup ("");

  if (!ov_store_set_setting (self, PROGRAM_START_KEY, text, error))
    return FALSE;

  ov_store_emit_changed (self, "settings");
  return TRUE;
}

/**
 * ov_store_get_health_weights:
 * @weights: (out caller-allocates): %OV_HEALTH_N_COMPONENTS weights
 *
 * Fills @weights with the stored weights, each missing or unreadable one at
 * its default; when the stored set as a whole is not valid, all defaults.
 *
 * Returns: %TRUE when every weight came from the database
 */
gboolean
ov_store_get_health_weights (OvStore *self,
                             double  *weights)
{
  const double *defaults = ov_health_default_weights ();
  gboolean all_stored = TRUE;

  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      g_autofree char *text = ov_store_get_setting (self, weight_keys[c]);
      char *end = NULL;
      double value = text != NULL ? g_ascii_strtod (text, &end) : NAN;

      if (text == NULL || end == text || *end != '\0' || !isfinite (value))
        {
          weights[c] = defaults[c];
          all_stored = FALSE;
        }
      else
        weights[c] = value;
    }

  if (!ov_health_check_weights (weights, NULL))
    {
      memcpy (weights, defaults, sizeof (double) * OV_HEALTH_N_COMPONENTS);
      return FALSE;
    }

  return all_stored;
}

/**
 * ov_store_set_health_weights:
 * @weights: %OV_HEALTH_N_COMPONENTS weights, checked as the score checks them
 *
 * Stores all weights in one transaction, or none.
 */
gboolean
ov_store_set_health_weights (OvStore       *self,
                             const double  *weights,
                             GError       **error)
{
  g_return_val_if_fail (OV_IS_STORE (self), FALSE);
  g_return_val_if_fail (weights != NULL, FALSE);

  if (!ov_health_check_weights (weights, error))
    return FALSE;

  if (!ov_store_transaction_begin (self, error))
    return FALSE;

  for (guint c = 0; c < OV_HEALTH_N_COMPONENTS; c++)
    {
      char text[G_ASCII_DTOSTR_BUF_SIZE];

      g_ascii_dtostr (text, sizeof text, weights[c]);
      if (!ov_store_set_setting (self, weight_keys[c], text, error))
        {
          ov_store_transaction_rollback (self);
          return FALSE;
        }
    }

  if (!ov_store_transaction_commit (self, error))
    return FALSE;

  ov_store_emit_changed (self, "settings");
  return TRUE;
}
