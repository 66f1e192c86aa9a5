/* ov-account-figures.h — the figures of each account that the table can
 * show beside its fields: days in stage, open tasks, health
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "ov-date.h"

G_BEGIN_DECLS

/* One account's figures as of the day they were read. */
typedef struct
{
  gint64  account_id;
  gint32  days_in_stage;   /* since the current stage was entered; -1 if no event says */
  guint32 open_tasks;      /* tasks not done */
  guint32 overdue_tasks;   /* …of them due before the day */
  double  health;          /* the score shown, 0–100; NAN without enough data */
} OvAccountFigure;

#define OV_TYPE_ACCOUNT_FIGURES (ov_account_figures_get_type ())

typedef struct _OvAccountFigures OvAccountFigures;

GType                  ov_account_figures_get_type (void) G_GNUC_CONST;
OvAccountFigures      *ov_account_figures_new      (GArray                 *figures,
                                                    OvDate                  today);
OvAccountFigures      *ov_account_figures_ref      (OvAccountFigures       *self);
void                   ov_account_figures_unref    (OvAccountFigures       *self);
OvDate                 ov_account_figures_get_today (const OvAccountFigures *self);
guint                  ov_account_figures_get_len  (const OvAccountFigures *self);
const OvAccountFigure *ov_account_figures_lookup   (const OvAccountFigures *self,
                                                    gint64                  account_id);

gboolean               ov_account_figure_at_risk   (const OvAccountFigure  *figure);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OvAccountFigures, ov_account_figures_unref)

G_END_DECLS
