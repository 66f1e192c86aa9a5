/* ov-account.c — one customer account being onboarded
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ov-account"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ov-account-fields.h"
#include "ov-enum-types.h"
#include "ov-money.h"
#include "ov-stage.h"


G_DEFINE_FINAL_TYPE (OvAccount, ov_account, G_TYPE_OBJECT)

G_STATIC_ASSERT (GLIB_SIZEOF_VOID_P != 8 || sizeof (OvAccount) <= 144);

G_DEFINE_QUARK (ov-account-error-quark, ov_account_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_EXTERNAL_ID,
  PROP_NAME,
  PROP_SEGMENT,
  PROP_OWNER,
  PROP_SALES_OWNER,
  PROP_ARR_CENTS,
  PROP_CURRENCY,
  PROP_STAGE,
  PROP_STATUS,
  PROP_CLOSE_DATE,
  PROP_KICKOFF_DATE,
  PROP_GOLIVE_DATE,
  PROP_FIRST_VALUE_DATE,
  PROP_FIRST_VALUE_MILESTONE,
  PROP_PACKAGE,
  PROP_NOTES,
  PROP_PLAYBOOK_ID,
  PROP_PACKAGE_ID,
  PROP_CHURNED_ON,
  PROP_UPDATED_AT,
  /* Derived, read-only: what list cells show. */
  PROP_STAGE_TITLE,
  PROP_STATUS_TITLE,
  PROP_ARR_TEXT,
  PROP_CLOSE_DATE_TEXT,
  PROP_DAYS_SINCE_CLOSE_TEXT,
  PROP_TTFV_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const int date_props[OV_N_ACCOUNT_DATES] = {
  PROP_CLOSE_DATE, PROP_KICKOFF_DATE, PROP_GOLIVE_DATE, PROP_FIRST_VALUE_DATE,
};

/* The name, or NULL. */
static const char *
name_of (OvAccount *self)
{
  return self->has_name ? self->name_and_id : NULL;
}

/* The external id, or NULL: after the name in the same block. */
static const char *
external_id_of (OvAccount *self)
{
  if (!self->has_external_id)
    return NULL;

  return self->name_and_id + strlen (self->name_and_id) + 1;
}

/* The name and the external id share one allocation, "NAME\0ID\0" (an
 * unset one is empty there): one memory chunk and one pointer per account
 * instead of two. */
void
ov_account_set_name_and_id (OvAccount  *self,
                            const char *name,
                            const char *external_id)
{
  gboolean has_name = name != NULL && name[0] != '\0';
  gboolean has_id = external_id != NULL && external_id[0] != '\0';
  gsize name_size = has_name ? strlen (name) + 1 : 1;
  gsize id_size = has_id ? strlen (external_id) + 1 : 1;
  char *block = NULL;

  /* Copied before the old block goes: either may point into it. */
  if (has_name || has_id)
    {
      block = g_malloc (name_size + id_size);
      memcpy (block, has_name ? name : "", name_size);
      memcpy (block + name_size, has_id ? external_id : "", id_size);
    }

  g_free (self->name_and_id);
  self->name_and_id = block;
  self->has_name = has_name;
  self->has_external_id = has_id;
}

static void
ov_account_finalize (GObject *object)
{
  OvAccount *self = (OvAccount *)object;

  ov_account_set_name_and_id (self, NULL, NULL);
  g_clear_pointer (&self->segment, g_ref_string_release);
  g_clear_pointer (&self->owner, g_ref_string_release);
  g_clear_pointer (&self->sales_owner, g_ref_string_release);
  g_clear_pointer (&self->currency, g_ref_string_release);
  g_clear_pointer (&self->first_value_milestone, g_ref_string_release);
  g_clear_pointer (&self->package, g_ref_string_release);
  g_free (self->notes);

  G_OBJECT_CLASS (ov_account_parent_class)->finalize (object);
}

static void
ov_account_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  OvAccount *self = OV_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_EXTERNAL_ID:
      g_value_set_string (value, external_id_of (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, name_of (self));
      break;
    case PROP_SEGMENT:
      g_value_set_string (value, self->segment);
      break;
    case PROP_OWNER:
      g_value_set_string (value, self->owner);
      break;
    case PROP_SALES_OWNER:
      g_value_set_string (value, self->sales_owner);
      break;
    case PROP_ARR_CENTS:
      g_value_set_int64 (value, self->arr_cents);
      break;
    case PROP_CURRENCY:
      g_value_set_string (value, self->currency);
      break;
    case PROP_STAGE:
      g_value_set_enum (value, self->stage);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CLOSE_DATE:
      g_value_set_int (value, self->dates[OV_ACCOUNT_DATE_CLOSE]);
      break;
    case PROP_KICKOFF_DATE:
      g_value_set_int (value, self->dates[OV_ACCOUNT_DATE_KICKOFF]);
      break;
    case PROP_GOLIVE_DATE:
      g_value_set_int (value, self->dates[OV_ACCOUNT_DATE_GOLIVE]);
      break;
    case PROP_FIRST_VALUE_DATE:
      g_value_set_int (value, self->dates[OV_ACCOUNT_DATE_FIRST_VALUE]);
      break;
    case PROP_FIRST_VALUE_MILESTONE:
      g_value_set_string (value, self->first_value_milestone);
      break;
    case PROP_PACKAGE:
      g_value_set_string (value, self->package);
      break;
    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;
    case PROP_PLAYBOOK_ID:
      g_value_set_int64 (value, self->playbook_id);
      break;
    case PROP_PACKAGE_ID:
      g_value_set_int64 (value, self->package_id);
      break;
    case PROP_CHURNED_ON:
      g_value_set_int (value, self->churned_on);
      break;
    case PROP_UPDATED_AT:
      g_value_set_int64 (value, self->updated_at);
      break;
    case PROP_STAGE_TITLE:
      g_value_set_string (value, ov_stage_get_title (self->stage));
      break;
    case PROP_STATUS_TITLE:
      g_value_set_string (value, ov_account_status_get_title (self->status));
      break;
    case PROP_ARR_TEXT:
      g_value_take_string (value, ov_money_format (self->arr_cents, self->currency));
      break;
    case PROP_CLOSE_DATE_TEXT:
      g_value_take_string (value, ov_date_to_display (self->dates[OV_ACCOUNT_DATE_CLOSE]));
      break;
    case PROP_DAYS_SINCE_CLOSE_TEXT:
      g_value_take_string (value, ov_account_format_days (ov_account_get_days_since_close (self,
                                                                              ov_date_today ())));
      break;
    case PROP_TTFV_TEXT:
      g_value_take_string (value, ov_account_format_days (ov_account_get_ttfv_days (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  OvAccount *self = OV_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ov_account_set_id (self, g_value_get_int64 (value));
      break;
    case PROP_EXTERNAL_ID:
      ov_account_set_external_id (self, g_value_get_string (value));
      break;
    case PROP_NAME:
      ov_account_set_name (self, g_value_get_string (value));
      break;
    case PROP_SEGMENT:
      ov_account_set_segment (self, g_value_get_string (value));
      break;
    case PROP_OWNER:
      ov_account_set_owner (self, g_value_get_string (value));
      break;
    case PROP_SALES_OWNER:
      ov_account_set_sales_owner (self, g_value_get_string (value));
      break;
    case PROP_ARR_CENTS:
      ov_account_set_arr_cents (self, g_value_get_int64 (value));
      break;
    case PROP_CURRENCY:
      ov_account_set_currency (self, g_value_get_string (value));
      break;
    case PROP_STAGE:
      ov_account_set_stage (self, g_value_get_enum (value));
      break;
    case PROP_STATUS:
      ov_account_set_status (self, g_value_get_enum (value));
      break;
    case PROP_CLOSE_DATE:
      ov_account_set_date (self, OV_ACCOUNT_DATE_CLOSE, g_value_get_int (value));
      break;
    case PROP_KICKOFF_DATE:
      ov_account_set_date (self, OV_ACCOUNT_DATE_KICKOFF, g_value_get_int (value));
      break;
    case PROP_GOLIVE_DATE:
      ov_account_set_date (self, OV_ACCOUNT_DATE_GOLIVE, g_value_get_int (value));
      break;
    case PROP_FIRST_VALUE_DATE:
      ov_account_set_date (self, OV_ACCOUNT_DATE_FIRST_VALUE, g_value_get_int (value));
      break;
    case PROP_FIRST_VALUE_MILESTONE:
      ov_account_set_first_value_milestone (self, g_value_get_string (value));
      break;
    case PROP_PACKAGE:
      ov_account_set_package (self, g_value_get_string (value));
      break;
    case PROP_NOTES:
      ov_account_set_notes (self, g_value_get_string (value));
      break;
    case PROP_PLAYBOOK_ID:
      ov_account_set_playbook_id (self, g_value_get_int64 (value));
      break;
    case PROP_PACKAGE_ID:
      ov_account_set_package_id (self, g_value_get_int64 (value));
      break;
    case PROP_CHURNED_ON:
      ov_account_set_churned_on (self, g_value_get_int (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
string_param (const char  *name,
              GParamFlags  extra)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                              G_PARAM_STATIC_STRINGS | extra);
}

static GParamSpec *
date_param (const char *name)
{
  return g_param_spec_int (name, NULL, NULL, 0, G_MAXINT, 0,
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
}

static void
ov_account_class_init (OvAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ov_account_finalize;
  object_class->get_property = ov_account_get_property;
  object_class->set_property = ov_account_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties[PROP_EXTERNAL_ID] = string_param ("external-id", G_PARAM_WRITABLE);
  properties[PROP_NAME] = string_param ("name", G_PARAM_WRITABLE);
  properties[PROP_SEGMENT] = string_param ("segment", G_PARAM_WRITABLE);
  properties[PROP_OWNER] = string_param ("owner", G_PARAM_WRITABLE);
  properties[PROP_SALES_OWNER] = string_param ("sales-owner", G_PARAM_WRITABLE);
  properties[PROP_ARR_CENTS] =
    g_param_spec_int64 ("arr-cents", NULL, NULL, G_MININT64, G_MAXINT64, OV_MONEY_UNKNOWN, rw);
  properties[PROP_CURRENCY] = string_param ("currency", G_PARAM_WRITABLE);
  properties[PROP_STAGE] =
    g_param_spec_enum ("stage", NULL, NULL, OV_TYPE_STAGE, OV_STAGE_EMBARK, rw);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, OV_TYPE_ACCOUNT_STATUS,
                       OV_ACCOUNT_STATUS_ACTIVE, rw);
  properties[PROP_CLOSE_DATE] = date_param ("close-date");
  properties[PROP_KICKOFF_DATE] = date_param ("kickoff-date");
  properties[PROP_GOLIVE_DATE] = date_param ("golive-date");
  properties[PROP_FIRST_VALUE_DATE] = date_param ("first-value-date");
  properties[PROP_FIRST_VALUE_MILESTONE] = string_param ("first-value-milestone",
                                                         G_PARAM_WRITABLE);
  properties[PROP_PACKAGE] = string_param ("package", G_PARAM_WRITABLE);
  properties[PROP_NOTES] = string_param ("notes", G_PARAM_WRITABLE);
  properties[PROP_PLAYBOOK_ID] =
    g_param_spec_int64 ("playbook-id", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_PACKAGE_ID] =
    g_param_spec_int64 ("package-id", NULL, NULL, 0, G_MAXUINT32, 0, rw);
  properties[PROP_CHURNED_ON] =
    g_param_spec_int ("churned-on", NULL, NULL, 0, MAX_CHURNED_ON, 0, rw);
  properties[PROP_UPDATED_AT] =
    g_param_spec_int64 ("updated-at", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STAGE_TITLE] = string_param ("stage-title", 0);
  properties[PROP_STATUS_TITLE] = string_param ("status-title", 0);
  properties[PROP_ARR_TEXT] = string_param ("arr-text", 0);
  properties[PROP_CLOSE_DATE_TEXT] = string_param ("close-date-text", 0);
  properties[PROP_DAYS_SINCE_CLOSE_TEXT] = string_param ("days-since-close-text", 0);
  properties[PROP_TTFV_TEXT] = string_param ("ttfv-text", 0);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_account_init (OvAccount *self)
{
  static char *usd;

  /* One interned "USD" for every new account, rather than a look-up each. */
  if (g_once_init_enter (&usd))
    g_once_init_leave (&usd, g_ref_string_new_intern ("USD"));

  self->arr_cents = OV_MONEY_UNKNOWN;
  self->stage = OV_STAGE_EMBARK;
  self->status = OV_ACCOUNT_STATUS_ACTIVE;
  self->currency = g_ref_string_acquire (usd);
}

OvAccount *
ov_account_new (void)
{
  return g_object_new (OV_TYPE_ACCOUNT, NULL);
}

/* An empty text is no text: FALSE when *@value, so read, is @current. */
static gboolean
text_changes (const char **value,
              const char  *current)
{
  if (*value != NULL && (*value)[0] == '\0')
    *value = NULL;

  return g_strcmp0 (current, *value) != 0;
}

/* @shared: the field holds an interned GRefString (see load_shared_text). */
static gboolean
set_string (OvAccount   *self,
            char       **field,
            const char  *value,
            int          prop_id,
            gboolean     shared)
{
  if (!text_changes (&value, *field))
    return FALSE;

  if (shared)
    {
      g_clear_pointer (field, g_ref_string_release);
      *field = value ? g_ref_string_new_intern (value) : NULL;
    }
  else
    {
      g_free (*field);
      *field = g_strdup (value);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
  return TRUE;
}

#define DEFINE_STRING_ACCESSORS(field, PROP, shared)                                \
  const char *ov_account_get_##field (OvAccount *self)                             \
  {                                                                                \
    g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);                             \
    return self->field ? self->field : "";                                         \
  }                                                                                \
  void ov_account_set_##field (OvAccount *self, const char *value)                 \
  {                                                                                \
    g_return_if_fail (OV_IS_ACCOUNT (self));                                       \
    set_string (self, &self->field, value, PROP, shared);                          \
  }

DEFINE_STRING_ACCESSORS (segment, PROP_SEGMENT, TRUE)
DEFINE_STRING_ACCESSORS (owner, PROP_OWNER, TRUE)
DEFINE_STRING_ACCESSORS (sales_owner, PROP_SALES_OWNER, TRUE)
DEFINE_STRING_ACCESSORS (first_value_milestone, PROP_FIRST_VALUE_MILESTONE, TRUE)
DEFINE_STRING_ACCESSORS (notes, PROP_NOTES, FALSE)

/* The name of the account's package, as it shows it. */
const char *
ov_account_get_package (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  return self->package ? self->package : "";
}

/* A package by its name, whatever its case: the store finds it, or makes
 * it, when the account is saved. Another name than the one the account
 * had also lets go of the package's id. */
void
ov_account_set_package (OvAccount  *self,
                        const char *package)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  if (set_string (self, &self->package, package, PROP_PACKAGE, TRUE))
    ov_account_set_package_id (self, 0);
}

const char *
ov_account_get_external_id (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  return self->has_external_id ? external_id_of (self) : "";
}

void
ov_account_set_external_id (OvAccount  *self,
                            const char *external_id)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  if (!text_changes (&external_id, external_id_of (self)))
    return;

  ov_account_set_name_and_id (self, name_of (self), external_id);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXTERNAL_ID]);
}

const char *
ov_account_get_name (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  return self->has_name ? self->name_and_id : "";
}

void
ov_account_set_name (OvAccount  *self,
                     const char *name)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  if (!text_changes (&name, name_of (self)))
    return;

  ov_account_set_name_and_id (self, name, external_id_of (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

gint64
ov_account_get_id (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->id;
}

void
ov_account_set_id (OvAccount *self,
                   gint64     id)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/* The ARR in cents, or OV_MONEY_UNKNOWN when nobody gave it: a new
 * account's, an empty cell's, a cleared field's. */
gint64
ov_account_get_arr_cents (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), OV_MONEY_UNKNOWN);

  return self->arr_cents;
}

gboolean
ov_account_has_arr (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), FALSE);

  return ov_money_is_known (self->arr_cents);
}

void
ov_account_set_arr_cents (OvAccount *self,
                          gint64     arr_cents)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  if (self->arr_cents == arr_cents)
    return;

  self->arr_cents = arr_cents;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARR_CENTS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARR_TEXT]);
}

const char *
ov_account_get_currency (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), NULL);

  return self->currency ? self->currency : "";
}

void
ov_account_set_currency (OvAccount  *self,
                         const char *currency)
{
  g_autofree char *upper = NULL;

  g_return_if_fail (OV_IS_ACCOUNT (self));

  upper = currency ? g_ascii_strup (currency, -1) : NULL;
  if (set_string (self, &self->currency, upper, PROP_CURRENCY, TRUE))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARR_TEXT]);
}

OvStage
ov_account_get_stage (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), OV_STAGE_EMBARK);

  return self->stage;
}

void
ov_account_set_stage (OvAccount *self,
                      OvStage    stage)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (ov_stage_is_valid (stage));

  if (self->stage == stage)
    return;

  self->stage = stage;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STAGE_TITLE]);
}

OvAccountStatus
ov_account_get_status (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), OV_ACCOUNT_STATUS_ACTIVE);

  return self->status;
}

void
ov_account_set_status (OvAccount       *self,
                       OvAccountStatus  status)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (status < OV_N_ACCOUNT_STATUSES);

  if (self->status == status)
    return;

  self->status = status;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TITLE]);
}

OvDate
ov_account_get_date (OvAccount     *self,
                     OvAccountDate  which)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), OV_DATE_NONE);
  g_return_val_if_fail (which < OV_N_ACCOUNT_DATES, OV_DATE_NONE);

  return self->dates[which];
}

void
ov_account_set_date (OvAccount     *self,
                     OvAccountDate  which,
                     OvDate         date)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (which < OV_N_ACCOUNT_DATES);

  if (self->dates[which] == date)
    return;

  self->dates[which] = date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[date_props[which]]);

  if (which == OV_ACCOUNT_DATE_CLOSE)
    {
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSE_DATE_TEXT]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAYS_SINCE_CLOSE_TEXT]);
    }
  if (which == OV_ACCOUNT_DATE_CLOSE || which == OV_ACCOUNT_DATE_FIRST_VALUE)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TTFV_TEXT]);
}

gint64
ov_account_get_playbook_id (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->playbook_id;
}

void
ov_account_set_playbook_id (OvAccount *self,
                            gint64     playbook_id)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (playbook_id >= 0 && playbook_id <= G_MAXUINT32);

  if (self->playbook_id == playbook_id)
    return;

  self->playbook_id = (guint32)playbook_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PLAYBOOK_ID]);
}

/* The stored package the account has (see ov-store-packages.h); 0 for
 * none, or for a package only named so far (ov_account_set_package()). */
gint64
ov_account_get_package_id (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->package_id;
}

/* Saving an account with a package id gives it that package's name. */
void
ov_account_set_package_id (OvAccount *self,
                           gint64     package_id)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (package_id >= 0 && package_id <= G_MAXUINT32);

  if (self->package_id == package_id)
    return;

  self->package_id = (guint32)package_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PACKAGE_ID]);
}

/* The day the account's status became churned; OV_DATE_NONE unless it is
 * churned. The store keeps it so (ov_store_save_account_on()). */
OvDate
ov_account_get_churned_on (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), OV_DATE_NONE);

  return self->churned_on;
}

void
ov_account_set_churned_on (OvAccount *self,
                           OvDate     churned_on)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));
  g_return_if_fail (churned_on >= 0 && churned_on <= MAX_CHURNED_ON);

  if ((OvDate)self->churned_on == churned_on)
    return;

  self->churned_on = churned_on;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHURNED_ON]);
}

/* The version of the stored row this object holds: writes name it, so a
 * copy older than the row is refused rather than written over it. */
gint64
ov_account_get_version (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->version;
}

void
ov_account_set_version (OvAccount *self,
                        gint64     version)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  self->version = (guint32)CLAMP (version, 0, G_MAXUINT32);
}

/* When the account was first stored: Unix seconds, UTC; 0 before that. */
gint64
ov_account_get_created_at (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->created_at;
}

/* When the account was last stored: Unix seconds, UTC; 0 before that. */
gint64
ov_account_get_updated_at (OvAccount *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT (self), 0);

  return self->updated_at;
}

void
ov_account_set_timestamps (OvAccount *self,
                           gint64     created_at,
                           gint64     updated_at)
{
  g_return_if_fail (OV_IS_ACCOUNT (self));

  created_at = CLAMP (created_at, 0, G_MAXUINT32);
  updated_at = CLAMP (updated_at, 0, G_MAXUINT32);
  self->created_at = (guint32)created_at;
  if (self->updated_at == updated_at)
    return;

  self->updated_at = (guint32)updated_at;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

