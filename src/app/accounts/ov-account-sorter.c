/* ov-account-sorter.c — a column's sort order, read back by the list model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * GtkColumnView keeps the clicked column and direction inside its own
 * sorter, and GTK 4.8 has no call to read them. OvAccountList sorts its
 * arrays itself (GtkSortListModel would create 100,000 row objects), so it
 * needs to know them: ov_account_sorter_read_view() asks the view's sorter
 * to compare two probe objects. The view hands them to the primary column's
 * OvAccountSorter, which notes its key on the probe and answers "smaller";
 * the view inverts that for a descending column.
 */

#define G_LOG_DOMAIN "ov-account-sorter"

#include "config.h"

#include "ov-account-sorter.h"

#define OV_TYPE_SORT_PROBE (ov_sort_probe_get_type ())
G_DECLARE_FINAL_TYPE (OvSortProbe, ov_sort_probe, OV, SORT_PROBE, GObject)

struct _OvSortProbe
{
  GObject          parent_instance;
  OvAccountSortKey key;
  gboolean         seen;
};

G_DEFINE_FINAL_TYPE (OvSortProbe, ov_sort_probe, G_TYPE_OBJECT)

static void
ov_sort_probe_class_init (OvSortProbeClass *klass)
{
}

static void
ov_sort_probe_init (OvSortProbe *self)
{
}

struct _OvAccountSorter
{
  GtkSorter        parent_instance;
  OvAccountSortKey key;
};

G_DEFINE_FINAL_TYPE (OvAccountSorter, ov_account_sorter, GTK_TYPE_SORTER)

enum {
  PROP_0,
  PROP_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkOrdering
ov_account_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  OvAccountSorter *self = OV_ACCOUNT_SORTER (sorter);

  if (OV_IS_SORT_PROBE (item1))
    {
      OV_SORT_PROBE (item1)->key = self->key;
      OV_SORT_PROBE (item1)->seen = TRUE;
      return GTK_ORDERING_SMALLER;
    }

  /* Rows are ordered by OvAccountList; as a plain GtkSorter this one has
   * no opinion, so any other user keeps its own order. */
  return GTK_ORDERING_EQUAL;
}

static GtkSorterOrder
ov_account_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
ov_account_sorter_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  OvAccountSorter *self = OV_ACCOUNT_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_enum (value, self->key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_sorter_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  OvAccountSorter *self = OV_ACCOUNT_SORTER (object);

  switch (prop_id)
    {
    case PROP_KEY:
      self->key = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ov_account_sorter_class_init (OvAccountSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->get_property = ov_account_sorter_get_property;
  object_class->set_property = ov_account_sorter_set_property;

  sorter_class->compare = ov_account_sorter_compare;
  sorter_class->get_order = ov_account_sorter_get_order;

  properties[PROP_KEY] =
    g_param_spec_enum ("key", NULL, NULL, OV_TYPE_ACCOUNT_SORT_KEY, OV_ACCOUNT_SORT_NAME,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ov_account_sorter_init (OvAccountSorter *self)
{
}

OvAccountSortKey
ov_account_sorter_get_key (OvAccountSorter *self)
{
  g_return_val_if_fail (OV_IS_ACCOUNT_SORTER (self), OV_ACCOUNT_SORT_NAME);

  return self->key;
}

/* FALSE when no column is sorted. */
gboolean
ov_account_sorter_read_view (GtkSorter        *view_sorter,
                             OvAccountSortKey *key,
                             gboolean         *descending)
{
  g_autoptr(OvSortProbe) first = g_object_new (OV_TYPE_SORT_PROBE, NULL);
  g_autoptr(OvSortProbe) second = g_object_new (OV_TYPE_SORT_PROBE, NULL);
  GtkOrdering order;

  g_return_val_if_fail (GTK_IS_SORTER (view_sorter), FALSE);

  order = gtk_sorter_compare (view_sorter, first, second);
  if (order == GTK_ORDERING_EQUAL || !first->seen)
    return FALSE;

  *key = first->key;
  *descending = order == GTK_ORDERING_LARGER;
  return TRUE;
}
