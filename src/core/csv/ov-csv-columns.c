/* ov-csv-columns.c — the columns of each kind of CSV file, and their aliases
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Export writes the canonical names; import also knows the names that
 * Salesforce and HubSpot exports use. A header matches when it is equal to
 * a name ignoring case, spaces and punctuation: "Go-live date", "GOLIVE
 * DATE" and "golive_date" are one column.
 */

#define G_LOG_DOMAIN "ov-csv"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-csv-columns.h"

#define ALIASES(...) ((const char * const []) { __VA_ARGS__, NULL })
#define NO_ALIASES ((const char * const []) { NULL })

static const OvCsvField account_fields[] = {
  { "external_id", N_("External ID"), OV_CSV_VALUE_KEY,
    ALIASES ("Account ID", "Record ID", "CRM ID", "Company ID", "ID", "Salesforce ID",
             "HubSpot ID"), FALSE },
  { "name", N_("Name"), OV_CSV_VALUE_TEXT,
    ALIASES ("Account Name", "Company name", "Company", "Account", "Customer",
             "Customer Name", "Organization", "Organisation"), FALSE },
  /* Not "Type" or "Account Type" (Salesforce: Customer, Prospect, Partner)
   * nor "Lifecycle Stage" (HubSpot: lead, customer): they say how far a
   * sale got, not which segment an account belongs to. */
  { "segment", N_("Segment"), OV_CSV_VALUE_TEXT,
    ALIASES ("Customer Segment", "Market Segment", "Segment Name", "Tier"), FALSE },
  { "owner", N_("Owner"), OV_CSV_VALUE_TEXT,
    ALIASES ("Account Owner", "Company owner", "CSM", "Customer Success Manager",
             "Onboarding Manager", "Onboarding Owner"), FALSE },
  { "sales_owner", N_("Sales owner"), OV_CSV_VALUE_TEXT,
    ALIASES ("Account Executive", "AE", "Sales Rep", "Deal Owner", "Opportunity Owner",
             "Salesperson"), FALSE },
  { "arr", N_("ARR"), OV_CSV_VALUE_MONEY,
    ALIASES ("Annual Revenue", "Annual Recurring Revenue", "Amount", "Contract Value"), FALSE },
  { "currency", N_("Currency"), OV_CSV_VALUE_CURRENCY,
    ALIASES ("Account Currency", "Currency Code", "Currency ISO Code"), FALSE },
  { "stage", N_("Stage"), OV_CSV_VALUE_STAGE,
    ALIASES ("Onboarding Stage", "Journey Stage"), FALSE },
  { "status", N_("Status"), OV_CSV_VALUE_STATUS,
    ALIASES ("Account Status", "Customer Status", "Onboarding Status"), FALSE },
  { "close_date", N_("Close date"), OV_CSV_VALUE_DATE,
    ALIASES ("Closed Date", "Closed Won Date", "Contract Date", "Deal Close Date"), FALSE },
  { "kickoff_date", N_("Kickoff date"), OV_CSV_VALUE_DATE,
    ALIASES ("Kickoff", "Kickoff Meeting Date"), FALSE },
  { "golive_date", N_("Go-live date"), OV_CSV_VALUE_DATE,
    ALIASES ("Go-live", "Go Live", "Launch Date", "Live Date"), FALSE },
  { "first_value_date", N_("First-value date"), OV_CSV_VALUE_DATE,
    ALIASES ("First Value", "Date of First Value", "Time to Value Date"), FALSE },
  { "first_value_milestone", N_("First-value milestone"), OV_CSV_VALUE_TEXT,
    ALIASES ("Milestone", "Success Milestone", "Value Milestone"), FALSE },
  { "package", N_("Package"), OV_CSV_VALUE_TEXT,
    ALIASES ("Onboarding Package", "Service Package", "Success Plan", "Plan"), FALSE },
  { "notes", N_("Notes"), OV_CSV_VALUE_TEXT,
    ALIASES ("Note", "Description", "Account Description", "Comments", "About"), FALSE },
  /* Last: files written before it keep their columns where they were. */
  { "churned_on", N_("Churned on"), OV_CSV_VALUE_DATE,
    ALIASES ("Churn Date", "Churned Date", "Cancellation Date", "Cancelled On"), FALSE },
  /* Read, not kept on the account: the day its stage event is dated. */
  { "stage_entered_on", N_("Stage entered on"), OV_CSV_VALUE_DATE,
    ALIASES ("Stage Entered", "Stage Start Date", "Stage Date", "Entered Stage On"), TRUE },
};

#define ACCOUNT_REFERENCE_FIELDS                                                        \
  { "account_external_id", N_("Account external ID"), OV_CSV_VALUE_KEY,                 \
    ALIASES ("Account ID", "Company ID", "Record ID - Company", "Associated Company ID",  \
             "CRM Account ID"), FALSE },                                                \
  { "account", N_("Account"), OV_CSV_VALUE_TEXT,                                        \
    ALIASES ("Account Name", "Company", "Company Name", "Associated Company",             \
             "Organization", "Customer"), FALSE }

static const OvCsvField person_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "name", N_("Name"), OV_CSV_VALUE_TEXT,
    ALIASES ("Full Name", "Contact Name", "Contact", "Person"), FALSE },
  { "first_name", N_("First name"), OV_CSV_VALUE_TEXT,
    ALIASES ("Given Name"), TRUE },
  { "last_name", N_("Last name"), OV_CSV_VALUE_TEXT,
    ALIASES ("Surname", "Family Name"), TRUE },
  { "email", N_("Email"), OV_CSV_VALUE_KEY,
    ALIASES ("E-mail", "Email Address", "Mail"), FALSE },
  { "side", N_("Side"), OV_CSV_VALUE_SIDE,
    ALIASES ("Team"), FALSE },
  { "roles", N_("Roles"), OV_CSV_VALUE_ROLES,
    ALIASES ("Role", "Contact Role", "Contact Roles"), FALSE },
};

static const OvCsvField task_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "stage", N_("Stage"), OV_CSV_VALUE_STAGE,
    ALIASES ("Onboarding Stage"), FALSE },
  { "title", N_("Title"), OV_CSV_VALUE_TEXT,
    ALIASES ("Task", "Task Name", "Subject"), FALSE },
  { "description", N_("Description"), OV_CSV_VALUE_TEXT,
    ALIASES ("Details", "Notes"), FALSE },
  { "role", N_("Role"), OV_CSV_VALUE_ROLE,
    ALIASES ("Owner Role", "Assigned Role"), FALSE },
  { "due_date", N_("Due date"), OV_CSV_VALUE_DATE,
    ALIASES ("Due", "Deadline"), FALSE },
  { "done_date", N_("Done date"), OV_CSV_VALUE_DATE,
    ALIASES ("Done", "Completed", "Completed Date", "Completion Date"), FALSE },
};

static const OvCsvField metric_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "metric", N_("Metric"), OV_CSV_VALUE_KEY,
    ALIASES ("Metric Name", "Measure", "KPI"), FALSE },
  { "value", N_("Value"), OV_CSV_VALUE_NUMBER,
    ALIASES ("Score", "Measurement"), FALSE },
  { "measured_on", N_("Measured on"), OV_CSV_VALUE_DATE,
    ALIASES ("Date", "Measurement Date", "As Of"), FALSE },
  { "baseline", N_("Baseline"), OV_CSV_VALUE_BOOLEAN,
    ALIASES ("Is Baseline"), FALSE },
  { "note", N_("Note"), OV_CSV_VALUE_TEXT,
    ALIASES ("Notes", "Comment"), FALSE },
};

static const OvCsvField meeting_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "scheduled_on", N_("Scheduled on"), OV_CSV_VALUE_DATE,
    ALIASES ("Date", "Meeting Date", "Start Date", "Activity Date"), FALSE },
  { "attended", N_("Attended"), OV_CSV_VALUE_BOOLEAN,
    ALIASES ("Showed Up", "Customer Attended", "Held"), FALSE },
  { "kind", N_("Kind"), OV_CSV_VALUE_KEY,
    ALIASES ("Type", "Meeting Type", "Meeting Kind"), FALSE },
  { "note", N_("Note"), OV_CSV_VALUE_TEXT,
    ALIASES ("Notes", "Comment", "Subject"), FALSE },
};

static const OvCsvField package_fields[] = {
  { "name", N_("Name"), OV_CSV_VALUE_TEXT,
    ALIASES ("Package", "Package Name", "Plan", "Plan Name", "Product"), FALSE },
  { "price", N_("Price"), OV_CSV_VALUE_MONEY,
    ALIASES ("List Price", "Amount", "Fee", "Price USD"), FALSE },
  { "currency", N_("Currency"), OV_CSV_VALUE_CURRENCY,
    ALIASES ("Currency Code", "Currency ISO Code"), FALSE },
  { "services", N_("Services"), OV_CSV_VALUE_TEXT,
    ALIASES ("Included Services", "Includes", "Features"), FALSE },
};

/* One row per answer; rows with the same account, date and interviewee
 * are one interview. */
static const OvCsvField interview_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "interviewed_on", N_("Interviewed on"), OV_CSV_VALUE_DATE,
    ALIASES ("held_on", "Interview Date", "Date", "Date of Interview"), FALSE },
  { "interviewer", N_("Interviewer"), OV_CSV_VALUE_TEXT,
    ALIASES ("Interviewed By", "Asked By", "CSM"), FALSE },
  { "interviewee", N_("Interviewee"), OV_CSV_VALUE_TEXT,
    ALIASES ("Customer Contact", "Respondent", "Contact", "Person"), FALSE },
  { "question", N_("Question"), OV_CSV_VALUE_TEXT,
    ALIASES ("Question Text", "Prompt"), FALSE },
  { "answer", N_("Answer"), OV_CSV_VALUE_TEXT,
    ALIASES ("Response", "Reply", "Answer Text"), FALSE },
};

/* The content library's items, matched by title whatever its case. */
static const OvCsvField content_fields[] = {
  { "title", N_("Title"), OV_CSV_VALUE_TEXT,
    ALIASES ("Name", "Course", "Course Title", "Course Name", "Content", "Content Title",
             "Item"), FALSE },
  { "format", N_("Format"), OV_CSV_VALUE_KEY,
    ALIASES ("Type", "Content Type", "Kind", "Delivery"), FALSE },
  { "role", N_("Audience"), OV_CSV_VALUE_ROLE,
    ALIASES ("Audience Role", "Role", "For Role", "Target Role"), FALSE },
  { "stage", N_("Stage"), OV_CSV_VALUE_STAGE,
    ALIASES ("Onboarding Stage", "Journey Stage"), FALSE },
  { "location", N_("Link or location"), OV_CSV_VALUE_TEXT,
    ALIASES ("Link", "URL", "Location", "Where", "Venue"), FALSE },
  { "duration_minutes", N_("Duration (minutes)"), OV_CSV_VALUE_NUMBER,
    ALIASES ("Duration", "Minutes", "Length", "Length (minutes)", "Duration (min)"), FALSE },
};

/* What a learning platform exports: Skilljar ("User Email", "Course
 * Title", "Completion Status", "Progress %", "Completed At"), Northpass
 * ("Email Address", "Course Name", "Status", "Percent Complete",
 * "Completion Date") and Thought Industries ("Learner Email", "Course",
 * "Course Status", "% Complete", "Date Completed"). Person and account are
 * written for reading and not needed to import. */
static const OvCsvField completion_fields[] = {
  { "email", N_("Email"), OV_CSV_VALUE_KEY,
    ALIASES ("User Email", "Email Address", "Learner Email", "E-mail", "User Email Address",
             "Student Email", "Learner Email Address"), FALSE },
  { "course", N_("Course"), OV_CSV_VALUE_TEXT,
    ALIASES ("Course Title", "Course Name", "Content Title", "Title", "Learning Path",
             "Learning Path Name"), FALSE },
  { "status", N_("Status"), OV_CSV_VALUE_KEY,
    ALIASES ("Completion Status", "Course Status", "Enrollment Status", "Progress Status"),
    FALSE },
  { "progress", N_("Progress"), OV_CSV_VALUE_NUMBER,
    ALIASES ("Progress %", "Percent Complete", "% Complete", "Completion Percentage",
             "Progress (%)", "Percent Completed"), FALSE },
  { "completed_at", N_("Completed at"), OV_CSV_VALUE_DATE,
    ALIASES ("Completion Date", "Date Completed", "Completed On", "Finished At",
             "Completed Date"), FALSE },
  { "person", N_("Person"), OV_CSV_VALUE_TEXT,
    ALIASES ("User Name", "Learner Name", "Full Name"), FALSE },
  { "account", N_("Account"), OV_CSV_VALUE_TEXT,
    ALIASES ("Company", "Organization", "Organisation", "Account Name"), FALSE },
};

static const OvCsvField stage_event_fields[] = {
  ACCOUNT_REFERENCE_FIELDS,
  { "stage", N_("Stage"), OV_CSV_VALUE_STAGE, NO_ALIASES, FALSE },
  { "from_stage", N_("From stage"), OV_CSV_VALUE_STAGE, NO_ALIASES, FALSE },
  { "kind", N_("Kind"), OV_CSV_VALUE_KEY, NO_ALIASES, FALSE },
  { "happened_on", N_("Date"), OV_CSV_VALUE_DATE, NO_ALIASES, FALSE },
  { "note", N_("Note"), OV_CSV_VALUE_TEXT, NO_ALIASES, FALSE },
};

typedef struct
{
  const char       *id;
  const char       *title;
  const OvCsvField *fields;
  guint             n_fields;
} KindInfo;

static const KindInfo kinds[] = {
  [OV_CSV_KIND_ACCOUNTS] = { "accounts", N_("Accounts"),
                             account_fields, G_N_ELEMENTS (account_fields) },
  [OV_CSV_KIND_PEOPLE] = { "people", N_("People"),
                           person_fields, G_N_ELEMENTS (person_fields) },
  [OV_CSV_KIND_TASKS] = { "tasks", N_("Tasks"),
                          task_fields, G_N_ELEMENTS (task_fields) },
  [OV_CSV_KIND_METRICS] = { "metrics", N_("Metrics"),
                            metric_fields, G_N_ELEMENTS (metric_fields) },
  [OV_CSV_KIND_STAGE_EVENTS] = { "stage-events", N_("Stage events"),
                                 stage_event_fields, G_N_ELEMENTS (stage_event_fields) },
  [OV_CSV_KIND_MEETINGS] = { "meetings", N_("Meetings"),
                             meeting_fields, G_N_ELEMENTS (meeting_fields) },
  [OV_CSV_KIND_PACKAGES] = { "packages", N_("Packages"),
                             package_fields, G_N_ELEMENTS (package_fields) },
  [OV_CSV_KIND_INTERVIEWS] = { "interviews", N_("Interviews"),
                               interview_fields, G_N_ELEMENTS (interview_fields) },
  [OV_CSV_KIND_CONTENT] = { "content", N_("Content"),
                            content_fields, G_N_ELEMENTS (content_fields) },
  [OV_CSV_KIND_COMPLETIONS] = { "completions", N_("Completions"),
                                completion_fields, G_N_ELEMENTS (completion_fields) },
};

static gboolean
kind_is_valid (OvCsvKind kind)
{
  return (guint)kind < G_N_ELEMENTS (kinds);
}

/* "accounts", "people", "tasks", "metrics", "stage-events", "meetings",
 * "packages", "interviews", "content", "completions" */
const char *
ov_csv_kind_get_id (OvCsvKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return kinds[kind].id;
}

const char *
ov_csv_kind_get_title (OvCsvKind kind)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  return g_dgettext (GETTEXT_PACKAGE, kinds[kind].title);
}

gboolean
ov_csv_kind_parse (const char *text,
                   OvCsvKind  *kind)
{
  g_return_val_if_fail (kind != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (strcmp (text, kinds[i].id) == 0)
      {
        *kind = i;
        return TRUE;
      }

  return FALSE;
}

/* Stage events are history: they are exported, never imported. */
gboolean
ov_csv_kind_can_import (OvCsvKind kind)
{
  return kind_is_valid (kind) && kind != OV_CSV_KIND_STAGE_EVENTS;
}

/* The columns of @kind, in the order export writes them (fields marked
 * import_only are never written). */
const OvCsvField *
ov_csv_kind_get_fields (OvCsvKind  kind,
                        guint     *n_fields)
{
  g_return_val_if_fail (kind_is_valid (kind), NULL);

  if (n_fields != NULL)
    *n_fields = kinds[kind].n_fields;

  return kinds[kind].fields;
}

/* The index of the field with canonical name @id, or -1. */
int
ov_csv_kind_find_field (OvCsvKind   kind,
                        const char *id)
{
  g_return_val_if_fail (kind_is_valid (kind), -1);

  if (id == NULL)
    return -1;

  for (guint i = 0; i < kinds[kind].n_fields; i++)
    if (strcmp (kinds[kind].fields[i].id, id) == 0)
      return i;

  return -1;
}

const char *
ov_csv_field_get_title (const OvCsvField *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  return g_dgettext (GETTEXT_PACKAGE, field->title);
}

/* Letters and digits only, case-folded: the form headers are compared in. */
char *
ov_csv_normalize_header (const char *header)
{
  g_autofree char *folded = NULL;
  GString *out;

  g_return_val_if_fail (header != NULL, NULL);

  folded = g_utf8_casefold (header, -1);
  out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The names of a kind's fields as headers are compared (normalized), made
 * once: a 63-column export is matched against every field's id, title and
 * aliases, and normalizing each of them again for every column was a tenth
 * of the time of an import preview. In the order of their field. */
typedef struct
{
  char  **ids;
  char  **titles;
  char ***aliases;
} KindKeys;

static const KindKeys *
kind_keys (OvCsvKind kind)
{
  static KindKeys *keys[G_N_ELEMENTS (kinds)];
  const KindInfo *info = &kinds[kind];

  if (g_once_init_enter (&keys[kind]))
    {
      KindKeys *made = g_new0 (KindKeys, 1);

      made->ids = g_new0 (char *, info->n_fields + 1);
      made->titles = g_new0 (char *, info->n_fields + 1);
      made->aliases = g_new0 (char **, info->n_fields + 1);
      for (guint i = 0; i < info->n_fields; i++)
        {
          const OvCsvField *field = &info->fields[i];
          guint n = g_strv_length ((char **)field->aliases);

          made->ids[i] = ov_csv_normalize_header (field->id);
          made->titles[i] = ov_csv_normalize_header (field->title);
          made->aliases[i] = g_new0 (char *, n + 1);
          for (guint a = 0; a < n; a++)
            made->aliases[i][a] = ov_csv_normalize_header (field->aliases[a]);
        }

      /* Kept for the life of the process, like the table it is made from. */
      g_once_init_leave (&keys[kind], made);
    }

  return keys[kind];
}

/* Whether @normalized is the title of @field in the user's language; the
 * English title is compared by the caller. */
static gboolean
matches_translated_title (const char       *normalized,
                          const OvCsvField *field)
{
  const char *title = ov_csv_field_get_title (field);
  g_autofree char *key = NULL;

  if (title == field->title)
    return FALSE;

  key = ov_csv_normalize_header (title);
  return strcmp (normalized, key) == 0;
}

/* The field a column headed @header holds, or -1 when no name fits. The
 * canonical names and their titles win over aliases. */
int
ov_csv_kind_match_column (OvCsvKind   kind,
                          const char *header)
{
  g_autofree char *normalized = NULL;
  const KindInfo *info;
  const KindKeys *keys;

  g_return_val_if_fail (kind_is_valid (kind), -1);
  g_return_val_if_fail (header != NULL, -1);

  normalized = ov_csv_normalize_header (header);
  if (normalized[0] == '\0')
    return -1;

  info = &kinds[kind];
  keys = kind_keys (kind);
  for (guint i = 0; i < info->n_fields; i++)
    if (strcmp (normalized, keys->ids[i]) == 0 || strcmp (normalized, keys->titles[i]) == 0 ||
        matches_translated_title (normalized, &info->fields[i]))
      return i;

  for (guint i = 0; i < info->n_fields; i++)
    for (char **alias = keys->aliases[i]; *alias != NULL; alias++)
      if (strcmp (normalized, *alias) == 0)
        return i;

  return -1;
}
