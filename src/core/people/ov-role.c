/* ov-role.c — the roles people hold on an account
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-role"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-role.h"

typedef struct
{
  const char *id;
  const char *title;
  OvSide      side;
} RoleInfo;

/* Display order: the internal team as it meets the customer, then the
 * customer from the top down. */
static const RoleInfo roles[] = {
  { "sales", N_("Sales"), OV_SIDE_INTERNAL },
  { "onboarding", N_("Onboarding specialist"), OV_SIDE_INTERNAL },
  { "csm", N_("Customer success manager"), OV_SIDE_INTERNAL },
  { "support", N_("Support"), OV_SIDE_INTERNAL },
  { "training", N_("Training"), OV_SIDE_INTERNAL },
  { "services", N_("Professional services"), OV_SIDE_INTERNAL },
  { "sponsor", N_("Executive sponsor"), OV_SIDE_CUSTOMER },
  { "champion", N_("Champion"), OV_SIDE_CUSTOMER },
  { "admin", N_("Admin"), OV_SIDE_CUSTOMER },
  { "end_user", N_("End user"), OV_SIDE_CUSTOMER },
};

static const char * const all_ids[] = {
  "sales", "onboarding", "csm", "support", "training", "services",
  "sponsor", "champion", "admin", "end_user", NULL
};

/* Each side's list ends where that side's roles end. */
static const char * const internal_ids[] = {
  "sales", "onboarding", "csm", "support", "training", "services", NULL
};

static const char * const customer_ids[] = {
  "sponsor", "champion", "admin", "end_user", NULL
};

G_STATIC_ASSERT (G_N_ELEMENTS (roles) + 1 == G_N_ELEMENTS (all_ids));
G_STATIC_ASSERT (G_N_ELEMENTS (internal_ids) + G_N_ELEMENTS (customer_ids) ==
                 G_N_ELEMENTS (all_ids) + 1);

int
ov_role_get_index (const char *role)
{
  if (role == NULL)
    return -1;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      if (strcmp (roles[i].id, role) == 0)
        return i;
    }

  return -1;
}

gboolean
ov_role_is_valid (const char *role)
{
  return ov_role_get_index (role) >= 0;
}

const char *
ov_role_get_title (const char *role)
{
  int index = ov_role_get_index (role);

  if (index < 0)
    return NULL;

  return g_dgettext (GETTEXT_PACKAGE, roles[index].title);
}

OvSide
ov_role_get_side (const char *role)
{
  int index = ov_role_get_index (role);

  g_return_val_if_fail (index >= 0, OV_SIDE_INTERNAL);

  return roles[index].side;
}

const char * const *
ov_role_list (OvSide side)
{
  return side == OV_SIDE_CUSTOMER ? customer_ids : internal_ids;
}

const char * const *
ov_role_list_all (void)
{
  return all_ids;
}

/* Lower-case ASCII, no spaces, hyphens or underscores: "End-user" and
 * "end_user" meet. Titles are compared casefolded as well. */
static char *
normalize (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_new (NULL);

  for (const char *p = folded; *p; p++)
    {
      if (*p == ' ' || *p == '-' || *p == '_' || *p == '\t')
        continue;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

const char *
ov_role_parse (const char *text)
{
  g_autofree char *key = NULL;

  if (text == NULL)
    return NULL;

  key = normalize (text);
  if (key[0] == '\0')
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *id = normalize (roles[i].id);
      g_autofree char *title = normalize (g_dgettext (GETTEXT_PACKAGE, roles[i].title));
      g_autofree char *english = normalize (roles[i].title);

      if (strcmp (key, id) == 0 || strcmp (key, title) == 0 || strcmp (key, english) == 0)
        return roles[i].id;
    }

  /* Short forms people type in spreadsheets. */
  if (strcmp (key, "executive") == 0)
    return "sponsor";
  if (strcmp (key, "ps") == 0)
    return "services";

  return NULL;
}
