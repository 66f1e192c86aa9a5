/* ov-health-card.c — the dashboard's health card: accounts at risk, by how
 * much data their score rests on
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A score of 40 that rests on one component of four is not the same
 * warning as one that rests on all of them, so the accounts at risk are
 * counted by coverage band, and scores recorded or set by hand apart. The
 * facts of the whole portfolio are read and scored in a worker
 * (ov_store_run_async()), like the dashboard's task lists.
 */

#define G_LOG_DOMAIN "ov-health-card"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-app-util.h"
#include "ov-health-card.h"
#include "ov-view-reader.h"

/* The figures shown, the first the headline. */
typedef enum
{
  FIGURE_AT_RISK,
  FIGURE_FIRM,
  FIGURE_PARTIAL,
  FIGURE_THIN,
  FIGURE_SET,
  N_FIGURES
} Figure;

struct _OvHealthCard
{
  OvView           parent_instance;

  OvViewReader    *reader;
  gboolean         loaded;
  OvHealthSummary  summary;

  GtkLabel        *values[N_FIGURES];
  GtkLabel        *captions[N_FIGURES];

  /* Template widgets */
  GtkLabel        *summary_label;
  GtkFlowBox      *figures;
};

G_DEFINE_FINAL_TYPE (OvHealthCard, ov_health_card, OV_TYPE_VIEW)

typedef struct
{
  OvDate          today;   /* first (ov_view_reader_make_dated()) */
  OvHealthSummary summary;
} Reading;

static void
show_summary (OvHealthCard *self)
{
  const OvHealthSummary *s = &self->summary;
  static const OvHealthBand bands[N_FIGURES] = {
    [FIGURE_FIRM] = OV_HEALTH_BAND_FIRM,
    [FIGURE_PARTIAL] = OV_HEALTH_BAND_PARTIAL,
    [FIGURE_THIN] = OV_HEALTH_BAND_THIN,
    [FIGURE_SET] = OV_HEALTH_BAND_SET,
  };
  g_autofree char *summary = NULL;
  g_autofree char *at_risk_caption = NULL;

  if (s->accounts == 0)
    summary = g_strdup (_("No accounts to score yet."));
  else
    /* Translators: the first %u is "scored", the second all accounts, the third
     * those without enough data: "31 of 40 accounts have a score; 9 have too
     * little data for one. Under 50 is at risk." */
    summary = g_strdup_printf (ngettext ("%u of %u account has a score; %u without enough "
                                         "data. A score under 50 is at risk.",
                                         "%u of %u accounts have a score; %u without enough "
                                         "data. A score under 50 is at risk.",
                                         s->accounts),
                               s->scored, s->accounts, s->no_data);
  gtk_label_set_label (self->summary_label, summary);

  at_risk_caption = g_strdup_printf (ngettext ("account at risk", "accounts at risk", s->at_risk));
  gtk_label_set_label (self->captions[FIGURE_AT_RISK], at_risk_caption);

  for (Figure f = 0; f < N_FIGURES; f++)
    {
      guint n = f == FIGURE_AT_RISK ? s->at_risk : s->at_risk_by_band[bands[f]];
      g_autofree char *value = g_strdup_printf ("%u", n);

      gtk_label_set_label (self->values[f], value);
      if (f == FIGURE_AT_RISK && n > 0)
        gtk_widget_add_css_class (GTK_WIDGET (self->values[f]), "error");
      else if (f == FIGURE_AT_RISK)
        gtk_widget_remove_css_class (GTK_WIDGET (self->values[f]), "error");
    }
}

/* In a worker (ov_store_run_async()). */
static gboolean
read_health (OvStore         *store,
             gpointer         data,
             OvProgressFunc   progress,
             gpointer         progress_data,
             GCancellable    *cancellable,
             GError         **error)
{
  Reading *reading = data;
  g_autoptr(GArray) facts = NULL;
  double weights[OV_HEALTH_N_COMPONENTS];

  facts = ov_store_list_health_facts (store, reading->today, error);
  if (facts == NULL)
    return FALSE;

  ov_store_get_health_weights (store, weights);
  return ov_health_summarize ((const OvHealthFacts *)(gpointer)facts->data, facts->len, weights,
                              reading->today, &reading->summary, error);
}

static gpointer
make_reading (OvView *view)
{
  return ov_view_reader_make_dated (view, sizeof (Reading));
}

static void
show_reading (OvView   *view,
              gpointer  data)
{
  OvHealthCard *self = OV_HEALTH_CARD (view);

  self->summary = ((Reading *)data)->summary;
  self->loaded = TRUE;
  show_summary (self);
}

static void
loading_changed (OvView   *view,
                 gboolean  loading)
{
  OvHealthCard *self = OV_HEALTH_CARD (view);

  gtk_widget_set_opacity (GTK_WIDGET (self->figures), loading && !self->loaded ? 0.5 : 1.0);
}

static const OvViewReaderFuncs reader_funcs = {
  make_reading, g_free, read_health, show_reading, loading_changed, "the portfolio's health",
};

/* Reads the figures again, now when the card is on screen, else when it
 * is shown. */
void
ov_health_card_refresh (OvHealthCard *self)
{
  g_return_if_fail (OV_IS_HEALTH_CARD (self));

  if (ov_view_get_store (OV_VIEW (self)) == NULL)
    return;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ov_view_reader_start (self->reader);
}

gboolean
ov_health_card_is_loading (OvHealthCard *self)
{
  g_return_val_if_fail (OV_IS_HEALTH_CARD (self), FALSE);

  return ov_view_reader_is_loading (self->reader);
}

/* The figures shown (tests read them). */
const OvHealthSummary *
ov_health_card_get_summary (OvHealthCard *self)
{
  g_return_val_if_fail (OV_IS_HEALTH_CARD (self), NULL);

  return &self->summary;
}

static void
ov_health_card_store_changed (OvView     *view,
                              const char *what)
{
  static const char *const relevant[] = {
    "accounts", "measurements", "meetings", "tasks", "settings", NULL,
  };

  if (g_strv_contains (relevant, what))
    ov_health_card_refresh (OV_HEALTH_CARD (view));
}

static void
ov_health_card_store_ready (OvView *view)
{
  ov_health_card_refresh (OV_HEALTH_CARD (view));
}

static void
ov_health_card_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ov_health_card_parent_class)->map (widget);

  ov_health_card_refresh (OV_HEALTH_CARD (widget));
}

static void
ov_health_card_dispose (GObject *object)
{
  OvHealthCard *self = OV_HEALTH_CARD (object);

  ov_view_reader_cancel (self->reader);

  G_OBJECT_CLASS (ov_health_card_parent_class)->dispose (object);
}

static void
ov_health_card_finalize (GObject *object)
{
  OvHealthCard *self = OV_HEALTH_CARD (object);

  g_clear_pointer (&self->reader, ov_view_reader_free);

  G_OBJECT_CLASS (ov_health_card_parent_class)->finalize (object);
}

static void
ov_health_card_class_init (OvHealthCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  OvViewClass *view_class = OV_VIEW_CLASS (klass);

  object_class->dispose = ov_health_card_dispose;
  object_class->finalize = ov_health_card_finalize;
  widget_class->map = ov_health_card_map;
  view_class->store_ready = ov_health_card_store_ready;
  view_class->store_changed = ov_health_card_store_changed;
  view_class->today_changed = ov_health_card_store_ready;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/ov-health-card.ui");
  gtk_widget_class_bind_template_child (widget_class, OvHealthCard, summary_label);
  gtk_widget_class_bind_template_child (widget_class, OvHealthCard, figures);
}

static void
add_figure (OvHealthCard *self,
            Figure        figure,
            const char   *caption)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new ("—");
  GtkWidget *text = gtk_label_new (caption);

  gtk_widget_add_css_class (value, figure == FIGURE_AT_RISK ? "title-1" : "title-3");
  gtk_widget_add_css_class (value, "numeric");
  gtk_widget_add_css_class (text, "caption");
  if (figure != FIGURE_AT_RISK)
    gtk_widget_add_css_class (text, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 18);
  gtk_label_set_width_chars (GTK_LABEL (text), 10);
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (box), value);
  gtk_box_append (GTK_BOX (box), text);
  gtk_flow_box_append (self->figures, box);
  ov_app_flow_box_unfocus (self->figures, FALSE);

  self->values[figure] = GTK_LABEL (value);
  self->captions[figure] = GTK_LABEL (text);
}

static void
ov_health_card_init (OvHealthCard *self)
{
  g_autofree char *firm = NULL;
  g_autofree char *partial = NULL;
  g_autofree char *thin = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->reader = ov_view_reader_new (OV_VIEW (self), &reader_funcs);

  /* Translators: under a count of accounts at risk */
  firm = g_strdup_printf (_("of them on most of the data (coverage %d %% or more)"), 75);
  /* Translators: under a count of accounts at risk */
  partial = g_strdup_printf (_("on part of it (coverage %d %% to %d %%)"), 40, 75);
  /* Translators: under a count of accounts at risk */
  thin = g_strdup_printf (_("on little data (under %d %%): record more before acting"), 40);

  add_figure (self, FIGURE_AT_RISK, _("accounts at risk"));
  add_figure (self, FIGURE_FIRM, firm);
  add_figure (self, FIGURE_PARTIAL, partial);
  add_figure (self, FIGURE_THIN, thin);
  add_figure (self, FIGURE_SET, _("recorded or set by hand"));
  gtk_label_set_label (self->summary_label, _("Scoring the portfolio…"));
}
