/* ov-window-private.h — what the window's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-window.c          the window: loading the portfolio, its states
 * ov-window-actions.c  its actions (win.*)
 * ov-window-views.c    the views built when first shown
 */

#pragma once

#include "ov-accounts-view.h"
#include "ov-answers-view.h"
#include "ov-dashboard-view.h"
#include "ov-frame-wait.h"
#include "ov-content-view.h"
#include "ov-insights-view.h"
#include "ov-playbooks-view.h"
#include "ov-tasks-view.h"
#include "ov-window.h"

G_BEGIN_DECLS

struct _OvWindow
{
  AdwApplicationWindow  parent_instance;

  char                 *db_path;
  OvWindowState         state;
  OvContext            *context;
  OvAccountList        *accounts;
  GCancellable         *cancellable;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkStack             *main_stack;
  GtkSpinner           *spinner;
  GtkLabel             *loading_label;
  AdwStatusPage        *error_page;
  AdwStatusPage        *empty_page;
  GtkWidget            *sample_button;
  AdwViewStack         *view_stack;
  OvAccountsView       *accounts_view;
  OvDashboardView      *dashboard_view;
  GtkWidget            *new_account_button;

  /* OVERTURE_EXIT_WHEN_LOADED (benchmarks): when the window started. */
  gint64                created_at;
  gint64                first_frame_at;
  gulong                after_paint_id;
  guint                 switcher_sync_id;

  /* While another program holds the file (a command-line import): the
   * next attempt to open it. */
  guint                 retry_id;
  /* Accounts deleted before this (the app's start) are purged on opening. */
  gint64                purge_before;
  /* The load, until its check begins after the next frame. */
  GAsyncResult         *settle_result;
  OvFrameWait           settle_wait;
  /* The check of the file, finished after the portfolio was shown, failed. */
  gboolean              damaged;
};

void ov_window_set_state          (OvWindow      *self,
                                   OvWindowState  state);
void ov_window_update_state       (OvWindow      *self);
void ov_window_class_init_actions (GtkWidgetClass *widget_class);
void ov_window_init_views         (OvWindow       *self);

G_END_DECLS
