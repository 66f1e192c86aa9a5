/* ov-package-services.c — the services a package bundles, named and read
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The five services the onboarding framework names are bits, so a query
 * can ask "packages with a dedicated CSM"; whatever else a package
 * includes is free text beside them. A CSV cell lists both: ids first,
 * then the free text, separated by ';'.
 */

#define G_LOG_DOMAIN "ov-package"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-package-services.h"

typedef struct
{
  OvPackageServices  flag;
  const char        *id;
  const char        *title;
} ServiceInfo;

static const ServiceInfo services[] = {
  { OV_PACKAGE_SERVICE_ONBOARDING, "onboarding", N_("Onboarding services") },
  { OV_PACKAGE_SERVICE_DEDICATED_CSM, "dedicated_csm", N_("Dedicated CSM") },
  { OV_PACKAGE_SERVICE_TRAINING, "training", N_("Training") },
  { OV_PACKAGE_SERVICE_PREMIUM_SUPPORT, "premium_support", N_("Premium support") },
  { OV_PACKAGE_SERVICE_MANAGED_SERVICES, "managed_services", N_("Managed services") },
};

static const ServiceInfo *
find_flag (OvPackageServices service)
{
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    if (services[i].flag == service)
      return &services[i];

  return NULL;
}

const char *
ov_package_service_get_id (OvPackageServices service)
{
  const ServiceInfo *info = find_flag (service);

  return info != NULL ? info->id : NULL;
}

const char *
ov_package_service_get_title (OvPackageServices service)
{
  const ServiceInfo *info = find_flag (service);

  return info != NULL ? g_dgettext (GETTEXT_PACKAGE, info->title) : NULL;
}

/* Letters and digits only, ASCII lower case: "Dedicated CSM",
 * "dedicated-csm" and "dedicated_csm" meet. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));

  return g_string_free (out, FALSE);
}

static OvPackageServices
match_item (const char *item)
{
  g_autofree char *key = squeeze (item);

  if (key[0] == '\0')
    return OV_PACKAGE_SERVICE_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autofree char *id = squeeze (services[i].id);
      g_autofree char *title = squeeze (services[i].title);
      g_autofree char *translated = squeeze (g_dgettext (GETTEXT_PACKAGE, services[i].title));

      if (strcmp (key, id) == 0 || strcmp (key, title) == 0 || strcmp (key, translated) == 0)
        return services[i].flag;
    }

  /* The framework's own words for two of them. */
  if (strcmp (key, "csm") == 0)
    return OV_PACKAGE_SERVICE_DEDICATED_CSM;
  if (strcmp (key, "onboardingservice") == 0)
    return OV_PACKAGE_SERVICE_ONBOARDING;

  return OV_PACKAGE_SERVICE_NONE;
}

void
ov_package_services_parse (const char         *text,
                           OvPackageServices  *flags,
                           char              **other)
{
  g_auto(GStrv) items = NULL;
  g_autoptr(GString) rest = g_string_new (NULL);
  OvPackageServices found = OV_PACKAGE_SERVICE_NONE;

  g_return_if_fail (flags != NULL);
  g_return_if_fail (other != NULL);

  items = g_strsplit_set (text != NULL ? text : "", ";,", -1);
  for (guint i = 0; items[i] != NULL; i++)
    {
      char *item = g_strstrip (items[i]);
      OvPackageServices flag;

      if (item[0] == '\0')
        continue;

      flag = match_item (item);
      if (flag != OV_PACKAGE_SERVICE_NONE)
        {
          found |= flag;
          continue;
        }

      if (rest->len > 0)
        g_string_append (rest, "; ");
      g_string_append (rest, item);
    }

  *flags = found;
  *other = g_string_free (g_steal_pointer (&rest), FALSE);
}

static char *
join (OvPackageServices  flags,
      const char        *other,
      gboolean           titles,
      const char        *separator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      if (!(flags & services[i].flag))
        continue;
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, titles ? g_dgettext (GETTEXT_PACKAGE, services[i].title)
                                   : services[i].id);
    }

  if (other != NULL && other[0] != '\0')
    {
      if (out->len > 0)
        g_string_append (out, separator);
      g_string_append (out, other);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
ov_package_services_format (OvPackageServices  flags,
                            const char        *other)
{
  return join (flags, other, FALSE, ";");
}

char *
ov_package_services_describe (OvPackageServices  flags,
                              const char        *other)
{
  /* Translators: between the services of a package, "Training, Dedicated CSM" */
  return join (flags, other, TRUE, _(", "));
}
