/* ov-stage-stepper.c — the six stages in a row, showing where an account is
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Stages before the account's stage show a check (or a skip mark), the
 * current one is highlighted, later ones are dimmed. Each step is a button:
 * activating it emits ::stage-activated so the page can open that stage.
 */

#define G_LOG_DOMAIN "ov-stage-stepper"

#include "config.h"

#include <glib/gi18n.h>

#include "ov-stage-stepper.h"

struct _OvStageStepper
{
  GtkWidget  parent_instance;

  GtkWidget *steps[OV_N_STAGES + 1];
  GtkWidget *dots[OV_N_STAGES + 1];
  OvStage    stage;
  guint      skipped;
};

G_DEFINE_FINAL_TYPE (OvStageStepper, ov_stage_stepper, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STAGE,
  N_PROPS
};

enum {
  STAGE_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
update_steps (OvStageStepper *self)
{
  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      GtkWidget *step = self->steps[stage];
      gboolean skipped = (self->skipped & (1u << stage)) != 0;
      g_autofree char *number = g_strdup_printf ("%d", stage);
      g_autofree char *tooltip = NULL;
      const char *state;

      gtk_widget_remove_css_class (step, "done");
      gtk_widget_remove_css_class (step, "current");
      gtk_widget_remove_css_class (step, "upcoming");
      gtk_widget_remove_css_class (step, "skipped");

      if (stage < self->stage)
        {
          state = skipped ? _("skipped") : _("done");
          gtk_widget_add_css_class (step, skipped ? "skipped" : "done");
          gtk_label_set_label (GTK_LABEL (self->dots[stage]), skipped ? "–" : "✓");
        }
      else if (stage == self->stage)
        {
          state = _("current stage");
          gtk_widget_add_css_class (step, "current");
          gtk_label_set_label (GTK_LABEL (self->dots[stage]), number);
        }
      else
        {
          state = _("not started");
          gtk_widget_add_css_class (step, "upcoming");
          gtk_label_set_label (GTK_LABEL (self->dots[stage]), number);
        }

      /* Translators: "Kickoff (current stage): Agree with the customer…" */
      tooltip = g_strdup_printf (_("%s (%s): %s"), ov_stage_get_title (stage), state,
                                 ov_stage_get_summary (stage));
      gtk_widget_set_tooltip_text (step, tooltip);
      gtk_accessible_update_property (GTK_ACCESSIBLE (step),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, tooltip, -1);
    }
}

/* A stage's name under its step. Six steps share a phone's width, where a
 * long name ("Einführung") does not fit on one line: the translation marks
 * with '|' where its words may break, and the label breaks there with a
 * hyphen, never inside a syllable and never with an ellipsis. */
static const char * const step_titles[] = {
  NULL,
  /* Translators: the stage Embark under its step; mark with | where a long
   * word may be hyphenated when the window is narrow ("Auf|bruch") */
  NC_("stage step", "Em|bark"),
  /* Translators: the stage Handoff under its step, | where it may break */
  NC_("stage step", "Hand|off"),
  /* Translators: the stage Kickoff under its step, | where it may break */
  NC_("stage step", "Kick|off"),
  /* Translators: the stage Adopt under its step, | where it may break */
  NC_("stage step", "Adopt"),
  /* Translators: the stage Review under its step, | where it may break */
  NC_("stage step", "Re|view"),
  /* Translators: the stage Expand under its step, | where it may break */
  NC_("stage step", "Ex|pand"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (step_titles) == OV_N_STAGES + 1);

/* The step's title with its break points as soft hyphens (U+00AD). */
static char *
dup_step_title (OvStage stage)
{
  g_auto(GStrv) parts = g_strsplit (g_dpgettext2 (NULL, "stage step", step_titles[stage]), "|", -1);

  return g_strjoinv ("\u00AD", parts);
}

static void
step_clicked_cb (GtkButton      *button,
                 OvStageStepper *self)
{
  OvStage stage = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "stage"));

  g_signal_emit (self, signals[STAGE_ACTIVATED], 0, stage);
}

static void
ov_stage_stepper_dispose (GObject *object)
{
  OvStageStepper *self = OV_STAGE_STEPPER (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  for (guint i = 0; i < G_N_ELEMENTS (self->steps); i++)
    self->steps[i] = self->dots[i] = NULL;

  G_OBJECT_CLASS (ov_stage_stepper_parent_class)->dispose (object);
}

static void
ov_stage_stepper_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  OvStageStepper *self = OV_STAGE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_stage_stepper_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  OvStageStepper *self = OV_STAGE_STEPPER (object);

  switch (prop_id)
    {
    case PROP_STAGE:
      ov_stage_stepper_set_stage (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_stage_stepper_class_init (OvStageStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ov_stage_stepper_dispose;
  object_class->get_property = ov_stage_stepper_get_property;
  object_class->set_property = ov_stage_stepper_set_property;

  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, OV_TYPE_STAGE, OV_STAGE_EMBARK,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * OvStageStepper::stage-activated:
   * @stage: the OvStage whose step was clicked
   */
  signals[STAGE_ACTIVATED] = g_signal_new ("stage-activated",
                                           G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST,
                                           0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 1, OV_TYPE_STAGE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "stagestepper");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_LIST);
}

static void
ov_stage_stepper_init (OvStageStepper *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_homogeneous (GTK_BOX_LAYOUT (layout), TRUE);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 4);

  self->stage = OV_STAGE_EMBARK;

  for (OvStage stage = OV_STAGE_FIRST; stage <= OV_STAGE_LAST; stage++)
    {
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *dot = gtk_label_new (NULL);
      g_autofree char *text = dup_step_title (stage);
      GtkWidget *title = gtk_label_new (text);

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_add_css_class (button, "stage-step");
      gtk_widget_add_css_class (dot, "stage-dot");
      gtk_widget_set_halign (dot, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (title, "caption");
      gtk_label_set_wrap (GTK_LABEL (title), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD);
      gtk_label_set_justify (GTK_LABEL (title), GTK_JUSTIFY_CENTER);
      gtk_label_set_natural_wrap_mode (GTK_LABEL (title), GTK_NATURAL_WRAP_WORD);
      gtk_widget_add_css_class (title, "stage-title");
      gtk_box_append (GTK_BOX (box), dot);
      gtk_box_append (GTK_BOX (box), title);
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_set_parent (button, GTK_WIDGET (self));
      /* The name as read out, without the break points. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, ov_stage_get_title (stage),
                                      -1);

      g_object_set_data (G_OBJECT (button), "stage", GINT_TO_POINTER (stage));
      g_signal_connect (button, "clicked", G_CALLBACK (step_clicked_cb), self);

      self->steps[stage] = button;
      self->dots[stage] = dot;
    }

  update_steps (self);
}

GtkWidget *
ov_stage_stepper_new (void)
{
  return g_object_new (OV_TYPE_STAGE_STEPPER, NULL);
}

OvStage
ov_stage_stepper_get_stage (OvStageStepper *self)
{
  g_return_val_if_fail (OV_IS_STAGE_STEPPER (self), OV_STAGE_EMBARK);

  return self->stage;
}

void
ov_stage_stepper_set_stage (OvStageStepper *self,
                            OvStage         stage)
{
  g_return_if_fail (OV_IS_STAGE_STEPPER (self));
  g_return_if_fail (ov_stage_is_valid (stage));

  if (self->stage == stage)
    return;

  self->stage = stage;
  update_steps (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
}

/* @stage_mask: bit (1 << stage) set for each stage that was skipped. */
void
ov_stage_stepper_set_skipped (OvStageStepper *self,
                              guint           stage_mask)
{
  g_return_if_fail (OV_IS_STAGE_STEPPER (self));

  if (self->skipped == stage_mask)
    return;

  self->skipped = stage_mask;
  update_steps (self);
}

GtkWidget *
ov_stage_stepper_get_step (OvStageStepper *self,
                           OvStage         stage)
{
  g_return_val_if_fail (OV_IS_STAGE_STEPPER (self), NULL);
  g_return_val_if_fail (ov_stage_is_valid (stage), NULL);

  return self->steps[stage];
}
