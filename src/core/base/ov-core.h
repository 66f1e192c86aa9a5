/* ov-core.h — everything the app and the CLI use of the core library
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ov-account.h"
#include "ov-account-list.h"
#include "ov-date.h"
#include "ov-date-local.h"
#include "ov-enum-types.h"
#include "ov-health.h"
#include "ov-health-account.h"
#include "ov-metric-kind.h"
#include "ov-metrics.h"
#include "ov-money.h"
#include "ov-number.h"
#include "ov-pairwise.h"
#include "ov-portfolio.h"
#include "ov-progress.h"
#include "ov-ranks.h"
#include "ov-revenue.h"
#include "ov-sample.h"
#include "ov-shift.h"
#include "ov-stage.h"
#include "ov-stats.h"
#include "ov-store.h"
#include "ov-store-accounts.h"
#include "ov-store-job.h"
#include "ov-survival.h"
#include "ov-text.h"
#include "ov-types.h"

/* Stage journey: people, tasks, playbooks, wizards */
#include "ov-journey.h"
#include "ov-journey-wizard.h"
#include "ov-person.h"
#include "ov-playbook.h"
#include "ov-plan.h"
#include "ov-playbook-task.h"
#include "ov-role.h"
#include "ov-stage-answers.h"
#include "ov-stage-tasks.h"
#include "ov-store-answers.h"
#include "ov-store-completion.h"
#include "ov-store-journey.h"
#include "ov-store-people.h"
#include "ov-store-playbooks.h"
#include "ov-store-tasks.h"
#include "ov-task.h"
#include "ov-task-filter.h"
#include "ov-wizard.h"

/* Proving the impact: measurements, meetings, packages */
#include "ov-measurement.h"
#include "ov-measurement-change.h"
#include "ov-meeting.h"
#include "ov-meeting-kind.h"
#include "ov-package.h"
#include "ov-package-services.h"
#include "ov-store-measurements.h"
#include "ov-store-meetings.h"
#include "ov-store-packages.h"

/* Health: the facts of each account's score, the program's settings */
#include "ov-store-health.h"
#include "ov-store-program.h"

/* CSV in and out */
#include "ov-csv-columns.h"
#include "ov-csv-problem.h"
#include "ov-csv-reader.h"
#include "ov-csv-writer.h"
#include "ov-exporter.h"
#include "ov-import-batch.h"
#include "ov-import-preview.h"
#include "ov-import-result.h"
#include "ov-importer.h"
