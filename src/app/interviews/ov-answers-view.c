/* ov-answers-view.c — "what did everyone say?": every answer to one
 * question across the portfolio
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pick a question and see its answers, newest interview first, each with
 * its account, person and date; narrow them by words, by the account's
 * segment, package and owner, by the stage at the interview and by date.
 * The answers are read off the main loop (ov_store_query_answers_async());
 * a new filter cancels the reading under way. Above the list, the words
 * the shown answers use most (the little words of the interface's language
 * left out) are chips: clicking one shows only the answers with it, again
 * shows all. Export writes exactly what is shown.
 *
 * The view reads only while it is shown; changes meanwhile (an interview
 * being typed in another window) make it read again when it is next shown,
 * or, shown, after a short pause, so typing does not query per key.
 */

#define G_LOG_DOMAIN "ov-answers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-answer-row.h"
#include "ov-answers-export.h"
#include "ov-answers-view.h"
#include "ov-app-util.h"
#include "ov-date-row.h"
#include "ov-picker.h"
#include "ov-store-interviews.h"
#include "ov-store-questions.h"
#include "ov-term-chips.h"

#define MAX_TERMS 10
#define RELOAD_PAUSE_MS 300

struct _OvAnswersView
{
  OvView          parent_instance;

  OvAccountList  *accounts;
  GPtrArray      *questions;     /* OvQuestion, in the picker's order */
  GPtrArray      *segments;      /* char*, NULL for "any" */
  GPtrArray      *packages;
  GPtrArray      *owners;
  GListStore     *shown;         /* OvInterviewAnswer */
  GPtrArray      *answers;       /* the same, for the export */
  OvAnswerCounts  counts;
  GCancellable   *cancellable;
  guint           reload_id;
  gboolean        filling;
  gboolean        loading;
  gboolean        stale;
  gboolean        loaded;

  /* Template widgets */
  AdwComboRow    *question_row;
  GtkSearchEntry *search_entry;
  GtkMenuButton  *filters_button;
  AdwComboRow    *segment_row;
  AdwComboRow    *package_row;
  AdwComboRow    *owner_row;
  AdwComboRow    *stage_row;
  OvDateRow      *from_row;
  OvDateRow      *to_row;
  GtkWidget      *export_button;
  GtkSpinner     *spinner;
  GtkLabel       *count_label;
  GtkLabel       *filter_label;
  OvTermChips    *term_chips;
  GtkStack       *list_stack;
  GtkListView    *list_view;
  AdwStatusPage  *empty_page;
};

G_DEFINE_FINAL_TYPE (OvAnswersView, ov_answers_view, OV_TYPE_VIEW)

static void load (OvAnswersView *self);

static void
fill_account_pickers (OvAnswersView *self)
{
  self->filling = TRUE;
  ov_picker_fill_account_filters (self->accounts, ov_view_get_store (OV_VIEW (self)),
                                  self->segment_row, self->segments,
                                  self->owner_row, self->owners,
                                  self->package_row, self->packages);
  self->filling = FALSE;
}

/* The questions of the set, then the retired ones, marked so. */
static void
fill_questions (OvAnswersView *self)
{
  OvStore *store = ov_view_get_store (OV_VIEW (self));
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_id = 0;
  guint old = adw_combo_row_get_selected (self->question_row);
  guint position = 0;

  if (store == NULL)
    return;

  if (old != GTK_INVALID_LIST_POSITION && old < self->questions->len)
    old_id = ov_question_get_id (g_ptr_array_index (self->questions, old));

  questions = ov_store_list_questions (store, TRUE, &error);
  if (questions == NULL)
    {
      gtk_label_set_label (self->count_label, error->message);
      return;
    }

  g_ptr_array_set_size (self->questions, 0);
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < questions->len; i++)
      {
        OvQuestion *question = g_ptr_array_index (questions, i);
        g_autofree char *label = NULL;

        if (ov_question_get_retired (question) != (pass == 1))
          continue;

        if (pass == 1)
          /* Translators: a question no longer asked, in the Answers view's picker */
          label = g_strdup_printf (_("%s (retired)"), ov_question_get_text (question));
        else
          label = g_strdup (ov_question_get_text (question));
        if (ov_question_get_id (question) == old_id)
          position = self->questions->len;
        gtk_string_list_append (model, label);
        g_ptr_array_add (self->questions, g_object_ref (question));
      }

  self->filling = TRUE;
  adw_combo_row_set_model (self->question_row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (self->question_row, position);
  self->filling = FALSE;
}

static void
fill_stages (OvAnswersView *self)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);

  gtk_string_list_append (model, _("Any stage"));
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    gtk_string_list_append (model, ov_stage_get_title (stage));
  adw_combo_row_set_model (self->stage_row, G_LIST_MODEL (model));
}

static OvQuestion *
picked_question (OvAnswersView *self)
{
  guint selected = adw_combo_row_get_selected (self->question_row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->questions->len)
    return NULL;
  return g_ptr_array_index (self->questions, selected);
}

static OvAnswerFilter *
read_filter (OvAnswersView *self)
{
  OvAnswerFilter *filter = ov_answer_filter_new ();
  OvQuestion *question = picked_question (self);
  guint stage = adw_combo_row_get_selected (self->stage_row);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  filter->question_id = question != NULL ? ov_question_get_id (question) : 0;
  filter->segment = g_strdup (ov_picker_get (self->segment_row, self->segments));
  filter->package = g_strdup (ov_picker_get (self->package_row, self->packages));
  filter->owner = g_strdup (ov_picker_get (self->owner_row, self->owners));
  filter->stage = stage != GTK_INVALID_LIST_POSITION ? (OvStage)stage : 0;
  filter->from = ov_date_row_get_date (self->from_row);
  filter->to = ov_date_row_get_date (self->to_row);
  filter->search = g_strstrip (g_strdup (search));
  filter->term = g_strdup (ov_term_chips_get_term (self->term_chips));
  return filter;
}

/* "Enterprise · Premium · Owner: Jordan Lee · Adopt · from 1 Jan 2026":
 * the filters set, or nothing. */
static void
show_filter_summary (OvAnswersView        *self,
                     const OvAnswerFilter *filter)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *summary = NULL;

  if (filter->segment != NULL)
    /* Translators: a filter of the Answers view, "Segment: Enterprise" */
    g_ptr_array_add (parts, g_strdup_printf (_("Segment: %s"), filter->segment));
  if (filter->package != NULL)
    g_ptr_array_add (parts, filter->package[0] != '\0'
                              /* Translators: a filter of the Answers view, "Package: Premium" */
                              ? g_strdup_printf (_("Package: %s"), filter->package)
                              : g_strdup (_("No package")));
  if (filter->owner != NULL)
    /* Translators: a filter of the Answers view, "Owner: Jordan Lee" */
    g_ptr_array_add (parts, g_strdup_printf (_("Owner: %s"), filter->owner));
  if (filter->stage != 0)
    /* Translators: a filter of the Answers view, "Stage: Review" */
    g_ptr_array_add (parts, g_strdup_printf (_("Stage: %s"), ov_stage_get_title (filter->stage)));
  if (filter->from != OV_DATE_NONE)
    {
      g_autofree char *date = ov_date_to_display (filter->from);
      /* Translators: a filter of the Answers view, "From 1 Jan 2026" */
      g_ptr_array_add (parts, g_strdup_printf (_("From %s"), date));
    }
  if (filter->to != OV_DATE_NONE)
    {
      g_autofree char *date = ov_date_to_display (filter->to);
      /* Translators: a filter of the Answers view, "To 31 Mar 2026" (included) */
      g_ptr_array_add (parts, g_strdup_printf (_("To %s"), date));
    }

  g_ptr_array_add (parts, NULL);
  summary = g_strjoinv (" · ", (char **)parts->pdata);
  gtk_label_set_label (self->filter_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_label), summary[0] != '\0');
  if (summary[0] != '\0')
    gtk_widget_add_css_class (GTK_WIDGET (self->filters_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filters_button), "suggested-action");
}

static void
set_loading (OvAnswersView *self,
             gboolean       loading)
{
  self->loading = loading;
  gtk_spinner_set_spinning (self->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading);
}

static void
show_answers (OvAnswersView *self)
{
  g_autofree char *answers = NULL;
  g_autofree char *interviews = NULL;
  g_autofree char *accounts = NULL;
  g_autofree char *count = NULL;
  OvQuestion *question = picked_question (self);

  g_list_store_remove_all (self->shown);
  g_list_store_splice (self->shown, 0, 0, self->answers->pdata, self->answers->len);

  /* Translators: the first part of the Answers view's count, "24 answers" */
  answers = g_strdup_printf (ngettext ("%u answer", "%u answers", self->counts.n_answers),
                             self->counts.n_answers);
  /* Translators: the second part of the Answers view's count, "20 interviews" */
  interviews = g_strdup_printf (ngettext ("%u interview", "%u interviews",
                                          self->counts.n_interviews),
                                self->counts.n_interviews);
  /* Translators: the third part of the Answers view's count, "18 accounts" */
  accounts = g_strdup_printf (ngettext ("%u account", "%u accounts", self->counts.n_accounts),
                              self->counts.n_accounts);
  /* Translators: the Answers view's count, "24 answers from 20 interviews at 18 accounts" */
  count = g_strdup_printf (_("%s from %s at %s"), answers, interviews, accounts);
  gtk_label_set_label (self->count_label, self->counts.n_answers > 0 ? count : "");

  if (self->answers->len == 0)
    {
      if (question == NULL)
        adw_status_page_set_description (self->empty_page,
                                         _("Add questions in Preferences to ask them in "
                                           "interviews."));
      else
        adw_status_page_set_description (self->empty_page,
                                         _("No interview shown answers this question yet. "
                                           "Start one from an account’s page, or change the "
                                           "filters."));
    }
  gtk_stack_set_visible_child_name (self->list_stack, self->answers->len > 0 ? "list" : "empty");
  gtk_widget_set_sensitive (self->export_button, self->answers->len > 0);

  ov_term_chips_set_answers (self->term_chips, self->answers, MAX_TERMS);
}

static void
load_cb (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(OvAnswersView) self = user_data;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GError) error = NULL;
  OvAnswerCounts counts = { 0 };

  answers = ov_store_query_answers_finish (OV_STORE (source), result, &counts, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_loading (self, FALSE);
  if (answers == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Could not read the answers: %s"),
                                                  error->message);
      gtk_label_set_label (self->count_label, message);
      return;
    }

  g_clear_pointer (&self->answers, g_ptr_array_unref);
  self->answers = g_steal_pointer (&answers);
  self->counts = counts;
  self->loaded = TRUE;
  show_answers (self);
}

static void
load (OvAnswersView *self)
{
  g_autoptr(OvAnswerFilter) filter = NULL;
  OvStore *store = ov_view_get_store (OV_VIEW (self));

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (store == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->stale = FALSE;

  filter = read_filter (self);
  show_filter_summary (self, filter);
  if (filter->question_id == 0)
    {
      g_ptr_array_set_size (self->answers, 0);
      memset (&self->counts, 0, sizeof self->counts);
      set_loading (self, FALSE);
      show_answers (self);
      return;
    }

  set_loading (self, TRUE);
  ov_store_query_answers_async (store, filter, self->cancellable, load_cb, g_object_ref (self));
}

static gboolean
reload_cb (gpointer data)
{
  OvAnswersView *self = data;

  self->reload_id = 0;
  load (self);
  return G_SOURCE_REMOVE;
}

/* Reads again after a short pause if shown (changes come in bursts, and
 * one per key while an interview is typed), or when next shown. */
static void
queue_load (OvAnswersView *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  if (self->reload_id == 0)
    self->reload_id = g_timeout_add (RELOAD_PAUSE_MS, reload_cb, self);
}

static void
filter_changed_cb (OvAnswersView *self)
{
  if (self->filling)
    return;
  load (self);
}

static void
question_changed_cb (OvAnswersView *self)
{
  if (self->filling)
    return;

  /* A word of one question's answers means little in another's. */
  self->filling = TRUE;
  ov_term_chips_set_term (self->term_chips, NULL);
  self->filling = FALSE;
  load (self);
}

static void
clear_clicked_cb (OvAnswersView *self)
{
  self->filling = TRUE;
  adw_combo_row_set_selected (self->segment_row, 0);
  adw_combo_row_set_selected (self->package_row, 0);
  adw_combo_row_set_selected (self->owner_row, 0);
  adw_combo_row_set_selected (self->stage_row, 0);
  ov_date_row_set_date (self->from_row, OV_DATE_NONE);
  ov_date_row_set_date (self->to_row, OV_DATE_NONE);
  self->filling = FALSE;
  load (self);
}

typedef struct
{
  OvAnswersView *view;
  GFile         *file;
} Export;

static void
export_free (Export *export)
{
  g_object_unref (export->view);
  g_object_unref (export->file);
  g_free (export);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Export, export_free)

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(Export) export = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint64 n_rows = 0;
  OvAnswersView *self = export->view;
  GFile *file = export->file;

  if (!ov_answers_export_write_finish (result, &n_rows, &error))
    /* Translators: a toast, the reason follows */
    message = g_strdup_printf (_("Could not export the answers: %s"), error->message);
  else
    {
      g_autofree char *name = g_file_get_basename (file);

      /* Translators: a toast, "Exported 24 answers to “answers.csv”" */
      message = g_strdup_printf (ngettext ("Exported %u answer to “%s”",
                                           "Exported %u answers to “%s”", (gulong)n_rows),
                                 (guint)n_rows, name);
    }
  ov_app_show_toast (GTK_WIDGET (self), message);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(OvAnswersView) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ov_answers_view_export (self, file);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

static void
export_clicked_cb (OvAnswersView *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *chooser;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  gtk_file_filter_set_name (filter, _("CSV Files"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");

  chooser = gtk_file_chooser_native_new (_("Export Answers"),
                                         GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* Translators: the file name suggested for exported answers */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("answers.csv"));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              OvAnswersView            *self)
{
  gtk_list_item_set_child (item, ov_answer_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             OvAnswersView            *self)
{
  OvQuestion *question = picked_question (self);

  ov_answer_row_set_answer (OV_ANSWER_ROW (gtk_list_item_get_child (item)),
                            gtk_list_item_get_item (item),
                            question != NULL ? ov_question_get_text (question) : NULL);
}

static void
term_changed_cb (OvAnswersView *self)
{
  if (!self->filling)
    load (self);
}

static void
map_cb (OvAnswersView *self)
{
  if (self->stale || !self->loaded)
    load (self);
}

static void
ov_answers_view_store_ready (OvView *view)
{
  OvAnswersView *self = OV_ANSWERS_VIEW (view);

  fill_questions (self);
  fill_account_pickers (self);
  queue_load (self);
}

static void
ov_answers_view_store_changed (OvView     *view,
                               const char *what)
{
  OvAnswersView *self = OV_ANSWERS_VIEW (view);

  if (g_strcmp0 (what, "questions") == 0)
    fill_questions (self);
  if (g_strcmp0 (what, "accounts") == 0 || g_strcmp0 (what, "packages") == 0)
    fill_account_pickers (self);
  queue_load (self);
}

static void
ov_answers_view_dispose (GObject *object)
{
  OvAnswersView *self = OV_ANSWERS_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_handle_id (&self->reload_id, g_source_remove);
  g_clear_object (&self->accounts);
  g_clear_object (&self->shown);

  G_OBJECT_CLASS (ov_answers_view_parent_class)->dispose (object);
}

static void
ov_answers_view_finalize (GObject *object)
{
  OvAnswersView *self = OV_ANSWERS_VIEW (object);

  g_clear_pointer (&self->questions, g_ptr_array_unref);
  g_clear_pointer (&self->segments, g_ptr_array_unref);
  g_clear_pointer (&self->packages, g_ptr_array_unref);
  g_clear_pointer (&self->owners, g_ptr_array_unref);
  g_clear_pointer (&self->answers, g_ptr_array_unref);

  G_OBJECT_CLASS (ov_answers_view_parent_class)->finalize (object);
}

static void
ov_answers_view_class_init (OvAnswersViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_answers_view_dispose;
  object_class->finalize = ov_answers_view_finalize;
  view_class->store_ready = ov_answers_view_store_ready;
  view_class->store_changed = ov_answers_view_store_changed;

  g_type_ensure (OV_TYPE_DATE_ROW);
  g_type_ensure (OV_TYPE_TERM_CHIPS);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-answers-view.ui");
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, question_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, filters_button);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, segment_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, package_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, owner_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, stage_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, from_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, to_row);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, export_button);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, spinner);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, count_label);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, filter_label);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, term_chips);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, list_view);
  gtk_widget_class_bind_template_child (widget_class, OvAnswersView, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, question_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, term_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked_cb);
}

static void
ov_answers_view_init (OvAnswersView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->questions = g_ptr_array_new_with_free_func (g_object_unref);
  self->segments = g_ptr_array_new_with_free_func (g_free);
  self->packages = g_ptr_array_new_with_free_func (g_free);
  self->owners = g_ptr_array_new_with_free_func (g_free);
  self->answers = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown = g_list_store_new (OV_TYPE_INTERVIEW_ANSWER);

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_row_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_row_cb), self, 0);
  gtk_list_view_set_factory (self->list_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->list_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)))));
  gtk_list_view_set_show_separators (self->list_view, TRUE);

  fill_stages (self);
  g_signal_connect (self, "map", G_CALLBACK (map_cb), NULL);
  gtk_widget_set_sensitive (self->export_button, FALSE);
}

/* The window's accounts, for the segment and owner pickers. */
void
ov_answers_view_set_accounts (OvAnswersView *self,
                              OvAccountList *accounts)
{
  g_return_if_fail (OV_IS_ANSWERS_VIEW (self));
  g_return_if_fail (accounts == NULL || OV_IS_ACCOUNT_LIST (accounts));

  if (self->accounts != NULL)
    g_signal_handlers_disconnect_by_data (self->accounts, self);
  if (!g_set_object (&self->accounts, accounts))
    return;

  /* The segments and owners are those of the portfolio once read. */
  if (accounts != NULL)
    g_signal_connect_object (accounts, "notify::n-total", G_CALLBACK (fill_account_pickers),
                             self, G_CONNECT_SWAPPED);
  fill_account_pickers (self);
}

/* Shows the answers to @question_id (a question of the set, retired or
 * not); FALSE when there is no such question. */
gboolean
ov_answers_view_show_question (OvAnswersView *self,
                               gint64         question_id)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), FALSE);

  for (guint i = 0; i < self->questions->len; i++)
    if (ov_question_get_id (g_ptr_array_index (self->questions, i)) == question_id)
      {
        adw_combo_row_set_selected (self->question_row, i);
        return TRUE;
      }
  return FALSE;
}

/* Reads the answers again now, whether shown or not. */
void
ov_answers_view_reload (OvAnswersView *self)
{
  g_return_if_fail (OV_IS_ANSWERS_VIEW (self));

  load (self);
}

gboolean
ov_answers_view_is_loading (OvAnswersView *self)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), FALSE);

  return self->loading || self->reload_id != 0;
}

/* The answers shown (OvInterviewAnswer), in their order. */
GListModel *
ov_answers_view_get_shown (OvAnswersView *self)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), NULL);

  return G_LIST_MODEL (self->shown);
}

const char *
ov_answers_view_get_count_text (OvAnswersView *self)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), NULL);

  return gtk_label_get_label (self->count_label);
}

const char *
ov_answers_view_get_filter_text (OvAnswersView *self)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), NULL);

  return gtk_label_get_label (self->filter_label);
}

/* The word chips, most frequent first: each a GtkToggleButton with its
 * word as data "ov-term". */
GPtrArray *
ov_answers_view_dup_chips (OvAnswersView *self)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), NULL);

  return ov_term_chips_dup_chips (self->term_chips);
}

/* The filter pickers, for the tests: "segment", "package", "owner",
 * "stage", "from", "to" and "search". */
GtkWidget *
ov_answers_view_get_filter_widget (OvAnswersView *self,
                                   const char    *name)
{
  g_return_val_if_fail (OV_IS_ANSWERS_VIEW (self), NULL);

  if (g_str_equal (name, "segment"))
    return GTK_WIDGET (self->segment_row);
  if (g_str_equal (name, "package"))
    return GTK_WIDGET (self->package_row);
  if (g_str_equal (name, "owner"))
    return GTK_WIDGET (self->owner_row);
  if (g_str_equal (name, "stage"))
    return GTK_WIDGET (self->stage_row);
  if (g_str_equal (name, "from"))
    return GTK_WIDGET (self->from_row);
  if (g_str_equal (name, "to"))
    return GTK_WIDGET (self->to_row);
  if (g_str_equal (name, "search"))
    return GTK_WIDGET (self->search_entry);
  return NULL;
}

/* Writes the answers shown to @file as CSV, off the main loop; a toast
 * says how it went. */
void
ov_answers_view_export (OvAnswersView *self,
                        GFile         *file)
{
  g_autoptr(GPtrArray) answers = NULL;
  Export *export;

  g_return_if_fail (OV_IS_ANSWERS_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A copy: a reading that lands meanwhile replaces the view's array. */
  answers = g_ptr_array_new_full (self->answers->len, g_object_unref);
  for (guint i = 0; i < self->answers->len; i++)
    g_ptr_array_add (answers, g_object_ref (g_ptr_array_index (self->answers, i)));

  export = g_new0 (Export, 1);
  export->view = g_object_ref (self);
  export->file = g_object_ref (file);
  ov_answers_export_write_async (answers, file, NULL, export_done_cb, export);
}
