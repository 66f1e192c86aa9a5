/* ov-stage-answers-private.h — what the files of OvStageAnswers share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ov-stage-answers.c  the object: values as stored texts, what the store
 *                     held, conflicts
 * ov-stage-values.c   the typed accessors, each kind of field encoded
 */

#pragma once

#include "ov-stage-answers.h"

G_BEGIN_DECLS

/* The text held for @field, NULL when unset. */
const char *ov_stage_answers_get_encoded  (OvStageAnswers      *self,
                                           const OvWizardField *field);
/* Takes @encoded (NULL clears), marks the answers modified and emits
 * "field-changed" when it differs from what was held. */
void        ov_stage_answers_take_encoded (OvStageAnswers      *self,
                                           const OvWizardField *field,
                                           char                *encoded);

G_END_DECLS
