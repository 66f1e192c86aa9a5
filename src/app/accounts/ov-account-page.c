/* ov-account-page.c — one account: where it is in the journey, its facts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every edit is saved when it is applied (Enter, the apply button, a date
 * picked, a choice made): the change goes into a copy of the account, the
 * copy is validated and stored, and only then does the shared account
 * object take the new values, so the list never shows what was not saved.
 */

#define G_LOG_DOMAIN "ov-account-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-account-page.h"
#include "ov-app-util.h"
#include "ov-conflict.h"
#include "ov-account-health.h"
#include "ov-account-measurements.h"
#include "ov-account-interviews.h"
#include "ov-account-content.h"
#include "ov-account-meetings.h"
#include "ov-account-package.h"
#include "ov-account-people.h"
#include "ov-account-plan.h"
#include "ov-account-summary.h"
#include "ov-account-tasks.h"
#include "ov-account-timeline.h"
#include "ov-date-row.h"
#include "ov-review-export.h"
#include "ov-stage-wizard.h"

struct _OvAccountPage
{
  OvView          parent_instance;

  OvAccountList  *accounts;
  OvAccount      *account;
  gboolean        loading;
  /* While showing a row changed elsewhere: the row holding the user's
   * change that could not be saved, left as it is. */
  GtkWidget      *keep;
  gboolean        kept_notes_seen;

  /* Template widgets */
  GtkLabel       *title_label;
  OvStageStepper *stepper;
  GtkLabel       *stage_summary;
  GtkRevealer    *error_revealer;
  GtkLabel       *error_label;
  AdwEntryRow    *name_row;
  AdwEntryRow    *external_id_row;
  AdwEntryRow    *segment_row;
  AdwEntryRow    *owner_row;
  AdwEntryRow    *sales_owner_row;
  AdwComboRow    *stage_row;
  AdwComboRow    *status_row;
  AdwEntryRow    *milestone_row;
  GtkLabel       *ttfv_label;
  OvDateRow      *close_row;
  OvDateRow      *kickoff_row;
  OvDateRow      *golive_row;
  OvDateRow      *first_value_row;
  AdwEntryRow    *arr_row;
  AdwEntryRow    *currency_row;
  GtkTextView    *notes_view;

  /* Stage journey: the wizards, the playbook, timeline, people, tasks. */
  GtkButton         *continue_button;
  AdwComboRow       *playbook_row;
  OvAccountTasks    *tasks_section;
  OvAccountTimeline *timeline_section;
  OvAccountPeople   *people_section;
  OvAccountHealth   *health_section;
  GtkWidget         *measurements_section;
  GtkWidget         *meetings_section;
  GtkWidget         *interviews_section;
  GtkWidget         *content_section;
  GtkWidget         *package_section;
  GtkWidget         *summary_section;
  GtkWidget         *plan_section;
  GPtrArray         *playbooks;          /* positions 1… of playbook_row */
  guint              journey_refresh_id;
  gboolean           account_changed;
  gboolean           playbooks_changed;

  OvReviewExport    *review_export;
};

G_DEFINE_FINAL_TYPE (OvAccountPage, ov_account_page, OV_TYPE_VIEW)

enum {
  BACK,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static OvStore *
store_of (OvAccountPage *self)
{
  return ov_view_get_store (OV_VIEW (self));
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
show_entry (OvAccountPage *self,
            AdwEntryRow   *row,
            const char    *text)
{
  if (GTK_WIDGET (row) != self->keep)
    set_entry (row, text);
}

/* An ARR nobody knows is an empty field, not "0" nor "—". */
static char *
arr_for_editing (OvAccount *account)
{
  if (!ov_account_has_arr (account))
    return g_strdup ("");

  return ov_money_format (ov_account_get_arr_cents (account), "");
}

static void
update_continue_button (OvAccountPage *self)
{
  OvStage stage = ov_account_get_stage (self->account);
  g_autofree char *label = NULL;

  /* Expand has no stage after it: its wizard is kept up to date. */
  if (stage == OV_STAGE_LAST)
    /* Translators: a button opening a stage's wizard, "Open Expand…" */
    label = g_strdup_printf (_("_Open %s…"), ov_stage_get_title (stage));
  else
    /* Translators: a button opening a stage's wizard, "Continue Kickoff…" */
    label = g_strdup_printf (_("_Continue %s…"), ov_stage_get_title (stage));

  gtk_button_set_label (self->continue_button, label);
}

/* Position 0 of the playbook row is the automatic choice; the subtitle
 * names the playbook that choice means for this account. */
static void
show_playbook (OvAccountPage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(OvPlaybook) resolved = NULL;
  gint64 chosen = ov_account_get_playbook_id (self->account);
  guint selected = 0;

  if (store_of (self) == NULL || self->playbooks == NULL)
    return;

  gtk_string_list_append (names, _("Automatic"));
  for (guint i = 0; i < self->playbooks->len; i++)
    {
      OvPlaybook *playbook = g_ptr_array_index (self->playbooks, i);

      gtk_string_list_append (names, ov_playbook_get_name (playbook));
      if (ov_playbook_get_id (playbook) == chosen)
        selected = i + 1;
    }

  adw_combo_row_set_model (self->playbook_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->playbook_row, selected);

  if (selected == 0 &&
      (resolved = ov_store_resolve_playbook (store_of (self), ov_account_get_id (self->account),
                                             NULL)) != NULL)
    {
      /* Translators: the playbook chosen automatically, "Now: Standard Onboarding" */
      g_autofree char *subtitle = g_strdup_printf (_("By segment or the default; now %s"),
                                                   ov_playbook_get_name (resolved));

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->playbook_row), subtitle);
    }
  else
    {
      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->playbook_row),
                                   _("The tasks each new stage brings"));
    }
}

/* Puts the account's stored values into every row. */
static void
show_account (OvAccountPage *self)
{
  OvAccount *account = self->account;
  g_autofree char *arr = NULL;
  g_autofree char *ttfv = NULL;
  int days;

  if (account == NULL)
    return;

  self->loading = TRUE;

  gtk_label_set_label (self->title_label, ov_account_get_name (account));
  ov_stage_stepper_set_stage (self->stepper, ov_account_get_stage (account));
  gtk_label_set_label (self->stage_summary, ov_stage_get_summary (ov_account_get_stage (account)));
  update_continue_button (self);
  show_playbook (self);

  show_entry (self, self->name_row, ov_account_get_name (account));
  show_entry (self, self->external_id_row, ov_account_get_external_id (account));
  show_entry (self, self->segment_row, ov_account_get_segment (account));
  show_entry (self, self->owner_row, ov_account_get_owner (account));
  show_entry (self, self->sales_owner_row, ov_account_get_sales_owner (account));
  show_entry (self, self->milestone_row, ov_account_get_first_value_milestone (account));
  show_entry (self, self->currency_row, ov_account_get_currency (account));
  arr = arr_for_editing (account);
  show_entry (self, self->arr_row, arr);

  if (GTK_WIDGET (self->stage_row) != self->keep)
    adw_combo_row_set_selected (self->stage_row, ov_account_get_stage (account) - 1);
  if (GTK_WIDGET (self->status_row) != self->keep)
    adw_combo_row_set_selected (self->status_row, ov_account_get_status (account));

  if (GTK_WIDGET (self->close_row) != self->keep)
    ov_date_row_set_date (self->close_row, ov_account_get_date (account, OV_ACCOUNT_DATE_CLOSE));
  ov_date_row_set_date (self->kickoff_row,
                        ov_account_get_date (account, OV_ACCOUNT_DATE_KICKOFF));
  if (GTK_WIDGET (self->golive_row) != self->keep)
    ov_date_row_set_date (self->golive_row, ov_account_get_date (account, OV_ACCOUNT_DATE_GOLIVE));
  ov_date_row_set_date (self->first_value_row,
                        ov_account_get_date (account, OV_ACCOUNT_DATE_FIRST_VALUE));

  days = ov_account_get_ttfv_days (account);
  ttfv = days >= 0 ? g_strdup_printf (ngettext ("%d day", "%d days", days), days)
                   : g_strdup (_("Not reached yet"));
  gtk_label_set_label (self->ttfv_label, ttfv);

  if (GTK_WIDGET (self->notes_view) != self->keep)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                              ov_account_get_notes (account), -1);

  self->loading = FALSE;
}

static void
show_error (OvAccountPage *self,
            GtkWidget     *row,
            const GError  *error)
{
  gtk_label_set_label (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), TRUE);
  gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
}

static void
clear_error (OvAccountPage *self,
             GtkWidget     *row)
{
  /* Hidden, not just folded, so it takes no spacing in the page. */
  gtk_revealer_set_reveal_child (self->error_revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_revealer), FALSE);
  gtk_label_set_label (self->error_label, "");
  if (row != NULL)
    gtk_widget_remove_css_class (row, "error");
}

/* What someone else changed in the account's text fields, for the
 * message: "Owner: “Ben”; Segment: “Enterprise”". */
static char *
describe_changes (OvAccount *before,
                  OvAccount *now)
{
  GString *changes = g_string_new (NULL);

  ov_conflict_add_change (changes, _("Name"), ov_account_get_name (before),
                          ov_account_get_name (now));
  ov_conflict_add_change (changes, _("Owner"), ov_account_get_owner (before),
                          ov_account_get_owner (now));
  ov_conflict_add_change (changes, _("Segment"), ov_account_get_segment (before),
                          ov_account_get_segment (now));
  ov_conflict_add_change (changes, _("Sales owner"), ov_account_get_sales_owner (before),
                          ov_account_get_sales_owner (now));
  ov_conflict_add_change (changes, _("Package"), ov_account_get_package (before),
                          ov_account_get_package (now));
  ov_conflict_add_change (changes, _("Notes"), ov_account_get_notes (before),
                          ov_account_get_notes (now));
  return g_string_free (changes, FALSE);
}

/* Someone changed the account since it was read: the page shows it as it
 * is now, except @row, which keeps the change that was not saved, so
 * applying it again saves it over the new version. */
static void
show_conflict (OvAccountPage *self,
               GtkWidget     *row,
               const GError  *error)
{
  g_autoptr(OvAccount) fresh = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autofree char *changes = NULL;
  g_autofree char *message = NULL;

  fresh = ov_store_get_account (store_of (self), ov_account_get_id (self->account), &read_error);
  if (fresh == NULL)
    {
      show_error (self, row, read_error);
      return;
    }

  changes = describe_changes (self->account, fresh);
  ov_account_assign (self->account, fresh);
  if (self->accounts != NULL)
    ov_account_list_update (self->accounts, self->account);

  self->keep = row;
  self->kept_notes_seen = FALSE;
  show_account (self);

  message = ov_conflict_describe (error, OV_CONFLICT_SAVE, changes);
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  ov_conflict_show (GTK_WIDGET (self), self->error_label, self->error_revealer, error, message);
}

/* Stores @draft as the account; on failure the rows keep what the user
 * typed, marked, so it can be corrected. */
static gboolean
save_draft (OvAccountPage *self,
            OvAccount     *draft,
            GtkWidget     *row)
{
  g_autoptr(GError) error = NULL;

  /* A status set to churned is dated by the window's clock. */
  if (!ov_store_save_account_on (store_of (self), draft, ov_view_get_today (OV_VIEW (self)),
                                 &error))
    {
      if (ov_conflict_matches (error))
        show_conflict (self, row, error);
      else
        show_error (self, row, error);
      return FALSE;
    }

  self->keep = NULL;
  clear_error (self, row);
  ov_account_assign (self->account, draft);
  if (self->accounts != NULL)
    ov_account_list_update (self->accounts, self->account);
  show_account (self);

  return TRUE;
}

static gboolean
apply_text (OvAccount   *draft,
            const char  *field,
            const char  *text,
            GError     **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text));

  if (g_strcmp0 (field, "arr") == 0)
    {
      g_autoptr(GError) local_error = NULL;
      g_autofree char *currency = NULL;
      gint64 cents = OV_MONEY_UNKNOWN;

      /* Clearing the field makes the ARR unknown again, never 0. */
      if (stripped[0] != '\0' && !ov_money_parse (stripped, &cents, &currency, &local_error))
        {
          g_set_error (error, OV_ACCOUNT_ERROR, OV_ACCOUNT_ERROR_ARR,
                       _("ARR: %s."), local_error->message);
          return FALSE;
        }

      ov_account_set_arr_cents (draft, cents);
      if (currency != NULL)
        ov_account_set_currency (draft, currency);
      return TRUE;
    }

  g_object_set (draft, field, stripped, NULL);
  return TRUE;
}

static void
entry_applied_cb (OvAccountPage *self,
                  AdwEntryRow   *row)
{
  g_autoptr(OvAccount) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *field = g_object_get_data (G_OBJECT (row), "field");

  if (self->account == NULL || self->loading)
    return;

  draft = ov_account_copy (self->account);
  if (!apply_text (draft, field, gtk_editable_get_text (GTK_EDITABLE (row)), &error))
    {
      show_error (self, GTK_WIDGET (row), error);
      return;
    }

  save_draft (self, draft, GTK_WIDGET (row));
}

static void
date_changed_cb (OvAccountPage *self,
                 GParamSpec    *pspec,
                 OvDateRow     *row)
{
  g_autoptr(OvAccount) draft = NULL;
  OvAccountDate which = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "which"));

  if (self->account == NULL || self->loading)
    return;

  draft = ov_account_copy (self->account);
  ov_account_set_date (draft, which, ov_date_row_get_date (row));
  save_draft (self, draft, GTK_WIDGET (row));
}

static void
combo_changed_cb (OvAccountPage *self,
                  GParamSpec    *pspec,
                  AdwComboRow   *row)
{
  g_autoptr(OvAccount) draft = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (self->account == NULL || self->loading || selected == GTK_INVALID_LIST_POSITION)
    return;

  draft = ov_account_copy (self->account);
  if (row == self->stage_row)
    ov_account_set_stage (draft, selected + 1);
  else
    ov_account_set_status (draft, selected);

  save_draft (self, draft, GTK_WIDGET (row));
}

/* Saves the notes when they were changed; FALSE when they could not be
 * (the page says why and keeps them). */
static gboolean
save_notes (OvAccountPage *self)
{
  g_autoptr(OvAccount) draft = NULL;
  g_autofree char *text = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  if (self->account == NULL || self->loading)
    return TRUE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (g_strcmp0 (text, ov_account_get_notes (self->account)) == 0)
    return TRUE;

  draft = ov_account_copy (self->account);
  ov_account_set_notes (draft, text);
  return save_draft (self, draft, GTK_WIDGET (self->notes_view));
}

static void
notes_focus_leave_cb (OvAccountPage *self)
{
  save_notes (self);
}

/* The playbooks to choose from, read again when they changed. */
static void
ensure_playbooks (OvAccountPage *self)
{
  g_autoptr(GError) error = NULL;

  if (store_of (self) == NULL || (self->playbooks != NULL && !self->playbooks_changed))
    return;

  g_clear_pointer (&self->playbooks, g_ptr_array_unref);
  self->playbooks = ov_store_list_playbooks (store_of (self), &error);
  if (self->playbooks == NULL)
    g_warning ("Could not list the playbooks: %s", error->message);
  self->playbooks_changed = FALSE;
  self->account_changed = TRUE;
}

static void
refresh_journey (OvAccountPage *self)
{
  if (self->account == NULL || store_of (self) == NULL)
    return;

  ensure_playbooks (self);
  if (self->account_changed)
    show_account (self);
  self->account_changed = FALSE;

}

/* The timeline read the account's stages again. */
static void
skipped_mask_cb (OvAccountPage *self)
{
  ov_stage_stepper_set_skipped (self->stepper,
                                ov_account_timeline_get_skipped_mask (self->timeline_section));
}

static gboolean
journey_refresh_cb (gpointer data)
{
  OvAccountPage *self = data;

  self->journey_refresh_id = 0;
  refresh_journey (self);
  return G_SOURCE_REMOVE;
}

/* Changes come in bursts (completing a stage touches accounts, answers and
 * tasks): one refresh after the burst is enough. The sections follow the
 * store themselves. */
static void
ov_account_page_store_changed (OvView     *view,
                               const char *what)
{
  OvAccountPage *self = OV_ACCOUNT_PAGE (view);

  if (g_strcmp0 (what, "accounts") == 0)
    self->account_changed = TRUE;
  else if (g_strcmp0 (what, "playbooks") == 0)
    self->playbooks_changed = TRUE;

  if (self->account != NULL && self->journey_refresh_id == 0)
    self->journey_refresh_id = g_idle_add (journey_refresh_cb, self);
}

/* The store arrived: the playbooks to choose from are read with it. */
static void
ov_account_page_store_ready (OvView *view)
{
  OvAccountPage *self = OV_ACCOUNT_PAGE (view);

  self->playbooks_changed = TRUE;
  refresh_journey (self);
}

static void
open_wizard (OvAccountPage *self,
             OvStage        stage)
{
  if (self->account == NULL || store_of (self) == NULL)
    return;

  ov_stage_wizard_open (GTK_WIDGET (self), store_of (self), self->accounts, self->account, stage);
}

static void
continue_clicked_cb (OvAccountPage *self)
{
  if (self->account != NULL)
    open_wizard (self, ov_account_get_stage (self->account));
}

static void
stage_activated_cb (OvAccountPage *self,
                    OvStage        stage)
{
  open_wizard (self, stage);
}

static void
playbook_changed_cb (OvAccountPage *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->playbook_row);
  gint64 playbook_id = 0;

  if (self->account == NULL || self->loading || self->playbooks == NULL ||
      selected == GTK_INVALID_LIST_POSITION)
    return;

  if (selected > 0 && selected <= self->playbooks->len)
    playbook_id = ov_playbook_get_id (g_ptr_array_index (self->playbooks, selected - 1));

  if (playbook_id == ov_account_get_playbook_id (self->account))
    return;

  if (!ov_store_set_account_playbook (store_of (self), ov_account_get_id (self->account),
                                      playbook_id, &error))
    {
      show_error (self, GTK_WIDGET (self->playbook_row), error);
      return;
    }

  clear_error (self, GTK_WIDGET (self->playbook_row));
  ov_account_set_playbook_id (self->account, playbook_id);
  if (self->accounts != NULL)
    ov_account_list_update (self->accounts, self->account);
}

/* The package section saved the account (or read it again): the list
 * and the rows follow. */
static void
package_saved_cb (OvAccountPage *self)
{
  if (self->accounts != NULL)
    ov_account_list_update (self->accounts, self->account);
  show_account (self);
}

static void
back_clicked_cb (OvAccountPage *self)
{
  g_signal_emit (self, signals[BACK], 0);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  back_clicked_cb (OV_ACCOUNT_PAGE (widget));
}

static void
delete_clicked_cb (OvAccountPage *self)
{
  if (self->account == NULL)
    return;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.delete-account", "x",
                              ov_account_get_id (self->account));
}

static void
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  OvAccountPage *self = OV_ACCOUNT_PAGE (widget);

  if (self->account == NULL || store_of (self) == NULL)
    return;

  if (self->review_export == NULL)
    self->review_export = ov_review_export_new ();
  ov_review_export_start (self->review_export, widget, store_of (self), self->account,
                          ov_view_get_today (OV_VIEW (self)));
}

static void
ov_account_page_dispose (GObject *object)
{
  OvAccountPage *self = OV_ACCOUNT_PAGE (object);

  g_clear_handle_id (&self->journey_refresh_id, g_source_remove);
  g_clear_pointer (&self->playbooks, g_ptr_array_unref);
  g_clear_object (&self->review_export);
  g_clear_object (&self->account);
  g_clear_object (&self->accounts);

  G_OBJECT_CLASS (ov_account_page_parent_class)->dispose (object);
}

static void
ov_account_page_class_init (OvAccountPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_account_page_dispose;
  view_class->store_ready = ov_account_page_store_ready;
  view_class->store_changed = ov_account_page_store_changed;

  /**
   * OvAccountPage::back:
   *
   * The user wants to return to the list.
   */
  signals[BACK] = g_signal_new ("back",
                                G_TYPE_FROM_CLASS (klass),
                                G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL,
                                G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "account.export-report", NULL,
                                   export_report_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "account.export-report", NULL);
  /* Escape leaves the page for the list, as Alt+Left and the back button do. */
  gtk_widget_class_install_action (widget_class, "account.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "account.back", NULL);

  g_type_ensure (OV_TYPE_STAGE_STEPPER);
  g_type_ensure (OV_TYPE_DATE_ROW);
  g_type_ensure (OV_TYPE_ACCOUNT_TASKS);
  g_type_ensure (OV_TYPE_ACCOUNT_TIMELINE);
  g_type_ensure (OV_TYPE_ACCOUNT_PEOPLE);
  g_type_ensure (OV_TYPE_ACCOUNT_HEALTH);
  g_type_ensure (OV_TYPE_ACCOUNT_MEASUREMENTS);
  g_type_ensure (OV_TYPE_ACCOUNT_MEETINGS);
  g_type_ensure (OV_TYPE_ACCOUNT_INTERVIEWS);
  g_type_ensure (OV_TYPE_ACCOUNT_CONTENT);
  g_type_ensure (OV_TYPE_ACCOUNT_PACKAGE);
  g_type_ensure (OV_TYPE_ACCOUNT_SUMMARY);
  g_type_ensure (OV_TYPE_ACCOUNT_PLAN);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-account-page.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, stepper);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, stage_summary);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, name_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, external_id_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, owner_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, sales_owner_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, stage_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, status_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, milestone_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, ttfv_label);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, close_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, kickoff_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, golive_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, first_value_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, arr_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, currency_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, notes_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_applied_cb);
  gtk_widget_class_bind_template_callback (widget_class, date_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, combo_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, delete_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, continue_button);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, playbook_row);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, tasks_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, timeline_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, people_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, health_section);
  gtk_widget_class_bind_template_callback (widget_class, continue_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, stage_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, playbook_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, skipped_mask_cb);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, measurements_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, meetings_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, interviews_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, content_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, package_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, summary_section);
  gtk_widget_class_bind_template_child (widget_class, OvAccountPage, plan_section);
  gtk_widget_class_bind_template_callback (widget_class, package_saved_cb);
}

static void
ov_account_page_init (OvAccountPage *self)
{
  g_autoptr(GtkStringList) stages = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_set_data (G_OBJECT (self->name_row), "field", (gpointer)"name");
  g_object_set_data (G_OBJECT (self->external_id_row), "field", (gpointer)"external-id");
  g_object_set_data (G_OBJECT (self->segment_row), "field", (gpointer)"segment");
  g_object_set_data (G_OBJECT (self->owner_row), "field", (gpointer)"owner");
  g_object_set_data (G_OBJECT (self->sales_owner_row), "field", (gpointer)"sales-owner");
  g_object_set_data (G_OBJECT (self->milestone_row), "field", (gpointer)"first-value-milestone");
  g_object_set_data (G_OBJECT (self->arr_row), "field", (gpointer)"arr");
  g_object_set_data (G_OBJECT (self->currency_row), "field", (gpointer)"currency");

  g_object_set_data (G_OBJECT (self->close_row), "which",
                     GINT_TO_POINTER (OV_ACCOUNT_DATE_CLOSE));
  g_object_set_data (G_OBJECT (self->kickoff_row), "which",
                     GINT_TO_POINTER (OV_ACCOUNT_DATE_KICKOFF));
  g_object_set_data (G_OBJECT (self->golive_row), "which",
                     GINT_TO_POINTER (OV_ACCOUNT_DATE_GOLIVE));
  g_object_set_data (G_OBJECT (self->first_value_row), "which",
                     GINT_TO_POINTER (OV_ACCOUNT_DATE_FIRST_VALUE));

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (stages, ov_stage_get_title (stage));
  for (guint status = 0; status < OV_N_ACCOUNT_STATUSES; status++)
    gtk_string_list_append (statuses, ov_account_status_get_title (status));

  self->loading = TRUE;
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (stages));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  self->loading = FALSE;

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (notes_focus_leave_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->notes_view), focus);
}

void
ov_account_page_set_accounts (OvAccountPage *self,
                              OvAccountList *accounts)
{
  g_return_if_fail (OV_IS_ACCOUNT_PAGE (self));

  g_set_object (&self->accounts, accounts);
}

OvAccount *
ov_account_page_get_account (OvAccountPage *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PAGE (self), NULL);

  return self->account;
}

/* Before the page shows another account: saves notes typed and not yet
 * saved. FALSE when they could not be saved, e.g. because someone changed
 * the account meanwhile: the page then says so and keeps them, and the
 * caller should stay on it, or the notes would be lost. */
gboolean
ov_account_page_save_pending (OvAccountPage *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PAGE (self), FALSE);

  /* Notes kept from a conflict (met as the focus left them on the way
   * out) are saved over the new version only when the user leaves again,
   * having seen the message. */
  if (self->keep == GTK_WIDGET (self->notes_view) && !self->kept_notes_seen)
    {
      self->kept_notes_seen = TRUE;
      return FALSE;
    }

  if (save_notes (self))
    return TRUE;

  /* The message is on screen now: leaving again saves over. */
  self->kept_notes_seen = TRUE;
  return FALSE;
}

void
ov_account_page_set_account (OvAccountPage *self,
                             OvAccount     *account)
{
  g_return_if_fail (OV_IS_ACCOUNT_PAGE (self));

  /* Notes typed but not yet saved belong to the account being left. */
  notes_focus_leave_cb (self);

  self->keep = NULL;
  g_set_object (&self->account, account);
  clear_error (self, NULL);
  ensure_playbooks (self);
  show_account (self);
  self->account_changed = FALSE;

  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->tasks_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->timeline_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->people_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->health_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->measurements_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->meetings_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->interviews_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->content_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->package_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->summary_section), account);
  ov_account_section_set_account (OV_ACCOUNT_SECTION (self->plan_section), account);
}

OvStageStepper *
ov_account_page_get_stepper (OvAccountPage *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PAGE (self), NULL);

  return self->stepper;
}

/* The message of the last failed save, or "" (tests read it). */
const char *
ov_account_page_get_error (OvAccountPage *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_PAGE (self), NULL);

  return gtk_label_get_label (self->error_label);
}
