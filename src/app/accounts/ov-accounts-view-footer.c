/* ov-accounts-view-footer.c — under the accounts: how many show, and their
 * ARR
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-accounts-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "ov-account-totals.h"
#include "ov-accounts-view-private.h"

void
ov_accounts_view_update_count (OvAccountsView *self)
{
  g_autofree char *text = NULL;
  guint shown, total;

  if (self->accounts == NULL)
    return;

  shown = g_list_model_get_n_items (G_LIST_MODEL (self->accounts));
  total = ov_account_list_get_n_total (self->accounts);

  if (shown == total)
    text = g_strdup_printf (ngettext ("%u account", "%u accounts", total), total);
  else
    /* Translators: "12 of 200 accounts" */
    text = g_strdup_printf (ngettext ("%u of %u account", "%u of %u accounts", total),
                            shown, total);

  gtk_label_set_label (self->count_label, text);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 || total == 0 ? "list"
                                                                              : "no-results");
}

/* An amount rounded for a glance: "$1.2M", "€300k", "£950". */
static char *
format_short_money (gint64      cents,
                    const char *currency)
{
  const char *symbol = ov_money_symbol (currency);
  double value = fabs ((double)cents / 100.0);
  g_autofree char *number = NULL;
  g_autofree char *scaled = NULL;
  guint scale = 0;
  int digits;

  /* What would round to 1000 goes up a scale: "1.0M", not "1000k". */
  while (scale < 3 && value >= 999.5)
    {
      value /= 1000.0;
      scale++;
    }

  /* One decimal below ten ("1.2M"), none above ("12M", "300k") or where
   * it would be zero ("1M"). */
  digits = scale > 0 && value < 9.95 && fabs (value - round (value)) >= 0.05 ? 1 : 0;
  number = g_strdup_printf ("%.*f", digits, value);
  /* Translators: an amount of money rounded to thousands, millions and
   * billions: "300k", "1.2M", "3.4B" (%s is the number) */
  if (scale == 1)
    scaled = g_strdup_printf (_("%sk"), number);
  else if (scale == 2)
    /* Translators: millions of money, "1.2M" */
    scaled = g_strdup_printf (_("%sM"), number);
  else if (scale == 3)
    /* Translators: billions of money, "3.4B" */
    scaled = g_strdup_printf (_("%sB"), number);

  /* A symbol of letters ("CHF ") would only repeat the code. */
  if (symbol == NULL || strchr (symbol, ' ') != NULL)
    symbol = "";

  return g_strdup_printf ("%s%s%s", cents < 0 ? "-" : "", symbol,
                          scaled != NULL ? scaled : number);
}

/* The ARR of the accounts shown, one total per currency: amounts in
 * different currencies are not added up, and an ARR nobody knows is not
 * added as 0 but counted beside the totals. */
static gboolean
update_totals (gpointer data)
{
  OvAccountsView *self = data;
  g_autoptr(GArray) totals = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) exact = g_string_new (NULL);
  g_autofree char *label = NULL;
  guint n_without_arr = 0;

  self->totals_idle = 0;
  if (self->accounts == NULL)
    return G_SOURCE_REMOVE;

  totals = ov_account_totals_arr (self->accounts, &n_without_arr);
  for (guint i = 0; i < totals->len; i++)
    {
      OvArrTotal *total = &g_array_index (totals, OvArrTotal, i);
      g_autofree char *amount = format_short_money (total->arr_cents, total->currency);
      g_autofree char *full = ov_money_format (total->arr_cents, total->currency);

      if (i > 0)
        {
          g_string_append (text, " · ");
          g_string_append_c (exact, '\n');
        }
      /* Translators: a total of one currency, "$1.2M USD" */
      g_string_append_printf (text, C_("arr total", "%s %s"), amount, total->currency);
      g_string_append (exact, full);
    }

  if (totals->len > 0)
    /* Translators: the ARR of the accounts shown, "ARR $1.2M USD · €300k EUR" */
    label = g_strdup_printf (_("ARR %s"), text->str);
  if (n_without_arr > 0)
    {
      /* Translators: accounts shown whose ARR nobody knows, beside the ARR
       * totals: "ARR $1.2M USD · 12 without ARR" */
      g_autofree char *without = g_strdup_printf (ngettext ("%u without ARR",
                                                            "%u without ARR", n_without_arr),
                                                  n_without_arr);

      if (label != NULL)
        {
          char *both = g_strdup_printf ("%s · %s", label, without);

          g_free (label);
          label = both;
        }
      else
        label = g_steal_pointer (&without);
      if (exact->len > 0)
        g_string_append_c (exact, '\n');
      g_string_append_printf (exact, ngettext ("%u account has no known ARR",
                                               "%u accounts have no known ARR", n_without_arr),
                              n_without_arr);
    }

  gtk_label_set_label (self->arr_label, label != NULL ? label : "");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->arr_label), label != NULL ? exact->str : NULL);

  return G_SOURCE_REMOVE;
}

/* The totals follow the rows shown once typing pauses: adding up 100,000
 * accounts touches each of them, and a keystroke (or the one after it)
 * should not wait for that. */
#define TOTALS_DELAY_MS 250

void
ov_accounts_view_queue_totals (OvAccountsView *self)
{
  g_clear_handle_id (&self->totals_idle, g_source_remove);
  self->totals_idle = g_timeout_add_full (G_PRIORITY_LOW, TOTALS_DELAY_MS, update_totals,
                                          self, NULL);
}
