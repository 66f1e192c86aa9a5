/* ov-person.h — someone who plays a part in an account's onboarding
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-types.h"

G_BEGIN_DECLS

#define OV_PERSON_ERROR (ov_person_error_quark ())

typedef enum
{
  OV_PERSON_ERROR_NAME,
  OV_PERSON_ERROR_EMAIL,
  OV_PERSON_ERROR_ROLE,
} OvPersonError;

#define OV_TYPE_PERSON (ov_person_get_type ())

G_DECLARE_FINAL_TYPE (OvPerson, ov_person, OV, PERSON, GObject)

/* Properties (all notify explicitly): "id", "account-id", "name", "email",
 * "side" (OvSide), "roles" (GStrv of role ids in display order), and the
 * read-only "roles-text" (translated titles joined by ", ") and
 * "side-title". */

GQuark              ov_person_error_quark   (void);
OvPerson           *ov_person_new           (gint64       account_id,
                                             OvSide       side,
                                             const char  *name,
                                             const char  *email);
OvPerson           *ov_person_copy          (OvPerson    *self);

/* Name must not be blank; email may be empty but otherwise must look like
 * name@example.org; every role must exist and be on the person's side. The
 * message starts with the field's label ("Email: …"). */
gboolean            ov_person_validate      (OvPerson    *self,
                                             GError     **error);

gint64              ov_person_get_id        (OvPerson    *self);
void                ov_person_set_id        (OvPerson    *self,
                                             gint64       id);
gint64              ov_person_get_version   (OvPerson    *self);
void                ov_person_set_version   (OvPerson    *self,
                                             gint64       version);
gint64              ov_person_get_account_id (OvPerson   *self);
void                ov_person_set_account_id (OvPerson   *self,
                                              gint64      account_id);
const char         *ov_person_get_name      (OvPerson    *self);
void                ov_person_set_name      (OvPerson    *self,
                                             const char  *name);
const char         *ov_person_get_email     (OvPerson    *self);
void                ov_person_set_email     (OvPerson    *self,
                                             const char  *email);
OvSide              ov_person_get_side      (OvPerson    *self);
void                ov_person_set_side      (OvPerson    *self,
                                             OvSide       side);

/* Roles are a set: adding a role twice keeps one; the order is always the
 * display order of ov_role_list_all(). Unknown ids are kept so that
 * ov_person_validate() can name them. */
const char * const *ov_person_get_roles     (OvPerson    *self);
void                ov_person_set_roles     (OvPerson    *self,
                                             const char * const *roles);
gboolean            ov_person_has_role      (OvPerson    *self,
                                             const char  *role);
void                ov_person_add_role      (OvPerson    *self,
                                             const char  *role);
void                ov_person_remove_role   (OvPerson    *self,
                                             const char  *role);
char               *ov_person_dup_roles_text (OvPerson   *self);

G_END_DECLS
