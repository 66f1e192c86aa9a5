/* ov-ui-journey.h — driving the account page and the stage wizards in the
 * journey tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account-page.h"
#include "ov-field-editor.h"
#include "ov-stage-wizard.h"
#include "ov-ui-test.h"

G_BEGIN_DECLS

/* What the tests take as today (ov_ui_test_init() sets it). */
#define TODAY "2026-11-23"

typedef struct
{
  OvWindow      *window;
  OvStore       *check;       /* a second connection, to read what was stored */
  OvAccountPage *page;
  OvAccount     *account;     /* the page's account (the list's object) */
  gint64         id;
} Journey;

/* A stored account in @stage, entered on @entered (ISO). */
gint64          journey_add_account     (OvStore          *store,
                                         const char       *name,
                                         OvStage           stage,
                                         const char       *entered);
void            journey_click           (GtkWidget        *button);
void            journey_answer          (AdwMessageDialog *dialog,
                                         const char       *label);
gboolean        journey_no_wizard       (gpointer          data);

/* The account page */
void            journey_open_account    (Journey          *j,
                                         gint64            id);
GtkWidget      *journey_page_child      (Journey          *j,
                                         const char       *name);
void            journey_page_shots      (Journey          *j,
                                         const char       *name);

/* The wizards */
OvStageWizard  *journey_continue_wizard (Journey          *j,
                                         OvStage           stage);
OvFieldEditor  *journey_editor          (OvStageWizard    *wizard,
                                         const char       *field_id);
GtkWidget      *journey_input           (OvStageWizard    *wizard,
                                         const char       *field_id);
GtkWidget      *journey_wizard_child    (OvStageWizard    *wizard,
                                         const char       *name);
void            journey_type_text       (OvStageWizard    *wizard,
                                         const char       *field_id,
                                         const char       *text);
char           *journey_shown_text      (OvStageWizard    *wizard,
                                         const char       *field_id);
void            journey_tick            (OvStageWizard    *wizard,
                                         const char       *field_id,
                                         const char       *iso);
void            journey_add_items       (OvStageWizard    *wizard,
                                         const char       *field_id,
                                         ...) G_GNUC_NULL_TERMINATED;
void            journey_expect_step     (OvStageWizard    *wizard,
                                         guint             step,
                                         const char       *progress);
void            journey_next            (OvStageWizard    *wizard);
void            journey_complete        (Journey          *j,
                                         OvStageWizard    *wizard,
                                         const char       *on);

void            journey_shot            (OvStageWizard    *wizard,
                                         const char       *name);
void            journey_dark_shot       (GtkWidget        *widget,
                                         const char       *name);
void            journey_assert_event    (GPtrArray        *events,
                                         guint             index,
                                         OvStage           stage,
                                         OvStage           from,
                                         gboolean          skipped,
                                         const char       *on);

G_END_DECLS
