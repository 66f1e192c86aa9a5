/* ov-content-item.h — one item of the content library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-content-format.h"
#include "ov-types.h"

G_BEGIN_DECLS

#define OV_CONTENT_ERROR (ov_content_error_quark ())

typedef enum
{
  OV_CONTENT_ERROR_TITLE,
  OV_CONTENT_ERROR_FORMAT,
  OV_CONTENT_ERROR_ROLE,
  OV_CONTENT_ERROR_STAGE,
  OV_CONTENT_ERROR_LOCATION,
  OV_CONTENT_ERROR_DURATION,
  OV_CONTENT_ERROR_DUPLICATE,
  OV_CONTENT_ERROR_PROGRESS,
  OV_CONTENT_ERROR_UNDONE,
  OV_CONTENT_ERROR_SCOPE,
} OvContentError;

/* A week of training is the longest item there is. */
#define OV_CONTENT_MAX_MINUTES (7 * 24 * 60)

#define OV_TYPE_CONTENT_ITEM (ov_content_item_get_type ())

G_DECLARE_FINAL_TYPE (OvContentItem, ov_content_item, OV, CONTENT_ITEM, GObject)

/* Properties (all notify explicitly): "id", "title", "format"
 * (OvContentFormat), "role" (a customer role id, or "" for everyone),
 * "stage" (OvStage, 0 for any), "location" (a link or where it is held),
 * "duration" (minutes, 0 when not known). */

GQuark           ov_content_error_quark          (void);
OvContentItem   *ov_content_item_new             (const char      *title,
                                                  OvContentFormat  format);
OvContentItem   *ov_content_item_copy            (OvContentItem   *self);

/* The title is there and on one line; the role is a customer role or
 * none; the stage is one of the six or none; the location holds no
 * control characters; the duration is 0 to OV_CONTENT_MAX_MINUTES. The
 * message starts with the field's label. */
gboolean         ov_content_item_validate        (OvContentItem   *self,
                                                  GError         **error);

gint64           ov_content_item_get_id          (OvContentItem   *self);
void             ov_content_item_set_id          (OvContentItem   *self,
                                                  gint64           id);
gint64           ov_content_item_get_version     (OvContentItem   *self);
void             ov_content_item_set_version     (OvContentItem   *self,
                                                  gint64           version);
const char      *ov_content_item_get_title       (OvContentItem   *self);
void             ov_content_item_set_title       (OvContentItem   *self,
                                                  const char      *title);
OvContentFormat  ov_content_item_get_format      (OvContentItem   *self);
void             ov_content_item_set_format      (OvContentItem   *self,
                                                  OvContentFormat  format);
const char      *ov_content_item_get_role        (OvContentItem   *self);
void             ov_content_item_set_role        (OvContentItem   *self,
                                                  const char      *role);
OvStage          ov_content_item_get_stage       (OvContentItem   *self);
void             ov_content_item_set_stage       (OvContentItem   *self,
                                                  OvStage          stage);
const char      *ov_content_item_get_location    (OvContentItem   *self);
void             ov_content_item_set_location    (OvContentItem   *self,
                                                  const char      *location);
guint            ov_content_item_get_duration    (OvContentItem   *self);
void             ov_content_item_set_duration    (OvContentItem   *self,
                                                  guint            minutes);

/* What the library lists beside an item, read by the store: the accounts
 * it is assigned to, and over them its learners and those who completed
 * it (see ov-content-progress.h for who counts). */
void             ov_content_item_set_tally       (OvContentItem   *self,
                                                  guint            n_accounts,
                                                  guint            n_learners,
                                                  guint            n_completed);
guint            ov_content_item_get_n_accounts  (OvContentItem   *self);
guint            ov_content_item_get_n_learners  (OvContentItem   *self);
guint            ov_content_item_get_n_completed (OvContentItem   *self);

G_END_DECLS
