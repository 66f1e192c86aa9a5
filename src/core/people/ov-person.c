/* ov-person.c — someone who plays a part in an account's onboarding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-person"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-enum-types.h"
#include "ov-person.h"
#include "ov-role.h"

struct _OvPerson
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;   /* of the stored row read; 0 until stored */
  gint64   account_id;
  char    *name;
  char    *email;
  char   **roles;      /* NULL-terminated, display order, no duplicates */
  OvSide   side;
};

G_DEFINE_FINAL_TYPE (OvPerson, ov_person, G_TYPE_OBJECT)

G_DEFINE_QUARK (ov-person-error-quark, ov_person_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_ACCOUNT_ID,
  PROP_NAME,
  PROP_EMAIL,
  PROP_SIDE,
  PROP_ROLES,
  PROP_ROLES_TEXT,
  PROP_SIDE_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ov_person_finalize (GObject *object)
{
  OvPerson *self = (OvPerson *)object;

  g_free (self->name);
  g_free (self->email);
  g_strfreev (self->roles);

  G_OBJECT_CLASS (ov_person_parent_class)->finalize (object);
}

static const char *
side_title (OvSide side)
{
  return side == OV_SIDE_CUSTOMER ? _("Customer") : _("Internal");
}

static void
ov_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  OvPerson *self = OV_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ACCOUNT_ID:
      g_value_set_int64 (value, self->account_id);
      break;
    case PROP_NAME:
      g_value_set_string (value, ov_person_get_name (self));
      break;
    case PROP_EMAIL:
      g_value_set_string (value, ov_person_get_email (self));
      break;
    case PROP_SIDE:
      g_value_set_enum (value, self->side);
      break;
    case PROP_ROLES:
      g_value_set_boxed (value, self->roles);
      break;
    case PROP_ROLES_TEXT:
      g_value_take_string (value, ov_person_dup_roles_text (self));
      break;
    case PROP_SIDE_TITLE:
      g_value_set_string (value, side_title (self->side));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  OvPerson *self = OV_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_person_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_ACCOUNT_ID:
      ov_person_set_account_id (self, g_value_get_int64 (value));
      break;
    case PROP_NAME:
      ov_person_set_name (self, g_value_get_string (value));
      break;
    case PROP_EMAIL:
      ov_person_set_email (self, g_value_get_string (value));
      break;
    case PROP_SIDE:
      ov_person_set_side (self, g_value_get_enum (value));
      break;
    case PROP_ROLES:
      ov_person_set_roles (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_person_class_init (OvPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_person_finalize;
  object_class->get_property = ov_person_get_property;
  object_class->set_property = ov_person_set_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_ACCOUNT_ID] =
    g_param_spec_int64 ("account-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", rw);
  properties[PROP_EMAIL] = g_param_spec_string ("email", NULL, NULL, "", rw);
  properties[PROP_SIDE] =
    g_param_spec_enum ("side", NULL, NULL, OV_TYPE_SIDE, OV_SIDE_INTERNAL, rw);
  properties[PROP_ROLES] = g_param_spec_boxed ("roles", NULL, NULL, G_TYPE_STRV, rw);
  properties[PROP_ROLES_TEXT] = g_param_spec_string ("roles-text", NULL, NULL, "", ro);
  properties[PROP_SIDE_TITLE] = g_param_spec_string ("side-title", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_person_init (OvPerson *self)
{
  self->roles = g_new0 (char *, 1);
  self->side = OV_SIDE_INTERNAL;
}

OvPerson *
ov_person_new (gint64      account_id,
               OvSide      side,
               const char *name,
               const char *email)
{
  OvPerson *self = g_object_new (OV_TYPE_PERSON, NULL);

  self->account_id = account_id;
  self->side = side;
  self->name = g_strdup (name);
  self->email = g_strdup (email);
  return self;
}

OvPerson *
ov_person_copy (OvPerson *self)
{
  OvPerson *copy;

  g_return_val_if_fail (OV_IS_PERSON (self), NULL);

  copy = ov_person_new (self->account_id, self->side, self->name, self->email);
  copy->id = self->id;
  copy->version = self->version;
  g_strfreev (copy->roles);
  copy->roles = g_strdupv (self->roles);
  return copy;
}

/* A pragmatic check, not RFC 5322: one "@", something before it, a domain
 * with a dot inside, and no spaces. It catches the typos that matter. */
static gboolean
looks_like_email (const char *email)
{
  const char *at = strchr (email, '@');
  const char *domain;
  const char *dot;

  if (at == NULL || at == email || strchr (at + 1, '@') != NULL)
    return FALSE;

  for (const char *p = email; *p; p++)
    {
      if (g_ascii_isspace (*p) || *p == ',' || *p == ';' || *p == '<' || *p == '>')
        return FALSE;
    }

  domain = at + 1;
  dot = strchr (domain, '.');
  if (dot == NULL || domain[0] == '.' || domain[strlen (domain) - 1] == '.' ||
      strstr (domain, "..") != NULL)
    return FALSE;

  return TRUE;
}

gboolean
ov_person_validate (OvPerson  *self,
                    GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *email = NULL;

  g_return_val_if_fail (OV_IS_PERSON (self), FALSE);

  name = g_strstrip (g_strdup (ov_person_get_name (self)));
  if (name[0] == '\0')
    {
      g_set_error_literal (error, OV_PERSON_ERROR, OV_PERSON_ERROR_NAME,
                           _("Name: a person needs a name."));
      return FALSE;
    }

  email = g_strstrip (g_strdup (ov_person_get_email (self)));
  if (email[0] != '\0' && !looks_like_email (email))
    {
      g_set_error (error, OV_PERSON_ERROR, OV_PERSON_ERROR_EMAIL,
                   _("Email: “%s” is not an email address such as name@example.org."),
                   email);
      return FALSE;
    }

  for (guint i = 0; self->roles[i] != NULL; i++)
    {
      const char *role = self->roles[i];

      if (!ov_role_is_valid (role))
        {
          g_set_error (error, OV_PERSON_ERROR, OV_PERSON_ERROR_ROLE,
                       _("Roles: “%s” is not a role."), role);
          return FALSE;
        }

      if (ov_role_get_side (role) != self->side)
        {
          g_set_error (error, OV_PERSON_ERROR, OV_PERSON_ERROR_ROLE,
                       self->side == OV_SIDE_INTERNAL
                         ? _("Roles: “%s” is a customer role, but this person is on the "
                             "internal team.")
                         : _("Roles: “%s” is an internal role, but this person is on the "
                             "customer’s side."),
                       ov_role_get_title (role));
          return FALSE;
        }
    }

  return TRUE;
}

gint64
ov_person_get_id (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), 0);

  return self->id;
}

void
ov_person_set_id (OvPerson *self,
                  gint64    id)
{
  g_return_if_fail (OV_IS_PERSON (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The version of the stored row this object was read at: a write names it,
 * so a copy older than the row is refused instead of written over it. */
gint64
ov_person_get_version (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), 0);

  return self->version;
}

void
ov_person_set_version (OvPerson *self,
                       gint64    version)
{
  g_return_if_fail (OV_IS_PERSON (self));

  self->version = version;
}

gint64
ov_person_get_account_id (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), 0);

  return self->account_id;
}

void
ov_person_set_account_id (OvPerson *self,
                          gint64    account_id)
{
  g_return_if_fail (OV_IS_PERSON (self));

  if (self->account_id == account_id)
    return;

  self->account_id = account_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_ID]);
}

const char *
ov_person_get_name (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), NULL);

  return self->name ? self->name : "";
}

void
ov_person_set_name (OvPerson   *self,
                    const char *name)
{
  g_return_if_fail (OV_IS_PERSON (self));

  if (g_strcmp0 (ov_person_get_name (self), name ? name : "") == 0)
    return;

  g_free (self->name);
  self->name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

const char *
ov_person_get_email (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), NULL);

  return self->email ? self->email : "";
}

void
ov_person_set_email (OvPerson   *self,
                     const char *email)
{
  g_return_if_fail (OV_IS_PERSON (self));

  if (g_strcmp0 (ov_person_get_email (self), email ? email : "") == 0)
    return;

  g_free (self->email);
  self->email = g_strdup (email);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EMAIL]);
}

OvSide
ov_person_get_side (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), OV_SIDE_INTERNAL);

  return self->side;
}

void
ov_person_set_side (OvPerson *self,
                    OvSide    side)
{
  g_return_if_fail (OV_IS_PERSON (self));
  g_return_if_fail (side == OV_SIDE_INTERNAL || side == OV_SIDE_CUSTOMER);

  if (self->side == side)
    return;

  self->side = side;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIDE_TITLE]);
}

const char * const *
ov_person_get_roles (OvPerson *self)
{
  g_return_val_if_fail (OV_IS_PERSON (self), NULL);

  return (const char * const *)self->roles;
}

static int
compare_roles (gconstpointer a,
               gconstpointer b)
{
  const char *role_a = *(const char * const *)a;
  const char *role_b = *(const char * const *)b;
  int index_a = ov_role_get_index (role_a);
  int index_b = ov_role_get_index (role_b);

  /* Unknown ids go last, so known ones keep their display order. */
  if (index_a < 0)
    index_a = G_MAXINT;
  if (index_b < 0)
    index_b = G_MAXINT;
  if (index_a != index_b)
    return index_a < index_b ? -1 : 1;

  return strcmp (role_a, role_b);
}

/* Sorts and de-duplicates; returns whether the set changed. */
static gboolean
replace_roles (OvPerson           *self,
               const char * const *roles)
{
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func (g_free);
  char **result;

  for (guint i = 0; roles != NULL && roles[i] != NULL; i++)
    {
      gboolean seen = FALSE;

      if (roles[i][0] == '\0')
        continue;
      for (guint j = 0; j < sorted->len && !seen; j++)
        seen = strcmp (g_ptr_array_index (sorted, j), roles[i]) == 0;
      if (!seen)
        g_ptr_array_add (sorted, g_strdup (roles[i]));
    }

  g_ptr_array_sort (sorted, compare_roles);
  g_ptr_array_add (sorted, NULL);
  result = (char **)g_ptr_array_steal (sorted, NULL);

  if (g_strv_equal ((const char * const *)result, (const char * const *)self->roles))
    {
      g_strfreev (result);
      return FALSE;
    }

  g_strfreev (self->roles);
  self->roles = result;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLES_TEXT]);
  return TRUE;
}

void
ov_person_set_roles (OvPerson           *self,
                     const char * const *roles)
{
  g_return_if_fail (OV_IS_PERSON (self));

  replace_roles (self, roles);
}

gboolean
ov_person_has_role (OvPerson   *self,
                    const char *role)
{
  g_return_val_if_fail (OV_IS_PERSON (self), FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  return g_strv_contains ((const char * const *)self->roles, role);
}

void
ov_person_add_role (OvPerson   *self,
                    const char *role)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) roles = NULL;

  g_return_if_fail (OV_IS_PERSON (self));
  g_return_if_fail (role != NULL);

  builder = g_strv_builder_new ();
  g_strv_builder_addv (builder, (const char **)self->roles);
  g_strv_builder_add (builder, role);
  roles = g_strv_builder_end (builder);
  replace_roles (self, (const char * const *)roles);
}

void
ov_person_remove_role (OvPerson   *self,
                       const char *role)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_auto(GStrv) roles = NULL;

  g_return_if_fail (OV_IS_PERSON (self));
  g_return_if_fail (role != NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; self->roles[i] != NULL; i++)
    {
      if (strcmp (self->roles[i], role) != 0)
        g_strv_builder_add (builder, self->roles[i]);
    }
  roles = g_strv_builder_end (builder);
  replace_roles (self, (const char * const *)roles);
}

/* "Onboarding specialist, Customer success manager" */
char *
ov_person_dup_roles_text (OvPerson *self)
{
  GString *text;

  g_return_val_if_fail (OV_IS_PERSON (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; self->roles[i] != NULL; i++)
    {
      const char *title = ov_role_get_title (self->roles[i]);

      if (text->len > 0)
        /* Translators: separates role titles in a list */
        g_string_append (text, _(", "));
      g_string_append (text, title ? title : self->roles[i]);
    }

  return g_string_free (text, FALSE);
}
