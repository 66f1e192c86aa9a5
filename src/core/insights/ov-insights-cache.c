/* ov-insights-cache.c — what an Insights load read, kept for the next filter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The view loads again whenever a filter changes. Reading is most of a
 * load (every measurement, whatever the filter), so a store keeps the
 * last read — every account and each metric's source — for as long as its
 * day and period stay the same and the store emits no OvStore::changed.
 * A load with another segment, owner, package or close-date range then
 * picks its accounts here, in memory, exactly as the SQL of
 * ov_store_insights_read_accounts() would.
 */

#define G_LOG_DOMAIN "ov-insights"

#include "config.h"

#include <string.h>

#include "ov-insights-private.h"
#include "ov-package.h"

#define CACHE_KEY "ov-insights-cache"

static OvInsightsCache *
cache_new (const OvInsightsFilter *filter)
{
  OvInsightsCache *cache = g_new0 (OvInsightsCache, 1);

  cache->refs = 1;
  g_mutex_init (&cache->lock);
  cache->today = filter->today;
  cache->from = filter->from;
  cache->to = filter->to;
  cache->strings = g_string_chunk_new (4096);
  return cache;
}

static OvInsightsCache *
cache_ref (OvInsightsCache *cache)
{
  g_atomic_int_inc (&cache->refs);
  return cache;
}

void
ov_insights_cache_unref (OvInsightsCache *cache)
{
  if (cache == NULL || !g_atomic_int_dec_and_test (&cache->refs))
    return;

  for (guint i = 0; cache->sources != NULL && cache->metric_ids[i] != NULL; i++)
    ov_insights_source_free (cache->sources[i]);
  g_free (cache->sources);
  g_strfreev (cache->metric_ids);
  g_clear_pointer (&cache->accounts, g_array_unref);
  g_string_chunk_free (cache->strings);
  g_mutex_clear (&cache->lock);
  g_free (cache);
}

/* Anything changed: the next load reads again. Loads under way keep the
 * cache they hold. */
static void
store_changed (OvStore    *store,
               const char *what,
               gpointer    user_data)
{
  g_object_set_data (G_OBJECT (store), CACHE_KEY, NULL);
}

/**
 * ov_insights_cache_for:
 *
 * The cache @store keeps for @filter's day and period (its dates
 * resolved), a fresh empty one when there is none or the one kept is for
 * other dates. Call from the thread that owns @store.
 *
 * Returns: (transfer full): the cache, for ov_insights_cache_unref()
 */
OvInsightsCache *
ov_insights_cache_for (OvStore                *store,
                       const OvInsightsFilter *filter)
{
  OvInsightsCache *cache = g_object_get_data (G_OBJECT (store), CACHE_KEY);

  if (cache != NULL && cache->today == filter->today && cache->from == filter->from &&
      cache->to == filter->to)
    return cache_ref (cache);

  if (g_object_get_data (G_OBJECT (store), CACHE_KEY "-watched") == NULL)
    {
      g_signal_connect (store, "changed", G_CALLBACK (store_changed), NULL);
      g_object_set_data (G_OBJECT (store), CACHE_KEY "-watched", GINT_TO_POINTER (TRUE));
    }
  cache = cache_new (filter);
  g_object_set_data_full (G_OBJECT (store), CACHE_KEY, cache,
                          (GDestroyNotify)ov_insights_cache_unref);
  return cache_ref (cache);
}

/* Whether @account's package is the one @key names: packages are told
 * apart by their name key; the keys of the few package texts are made once. */
static gboolean
package_matches (GHashTable *keys,
                 const char *package,
                 const char *key)
{
  const char *own = g_hash_table_lookup (keys, package);

  if (own == NULL)
    {
      own = ov_package_name_key (package);
      g_hash_table_insert (keys, (gpointer)package, (gpointer)own);
    }
  return strcmp (own, key) == 0;
}

/**
 * ov_insights_cache_select:
 * @cache: a filled cache
 *
 * The accounts @filter keeps, by id, as ov_store_insights_read_accounts()
 * reads them: segment and owner as given, the package by its name key (""
 * for none), a close date within [closed_from, closed_to] when either is
 * set (an account without one is then left out).
 *
 * Returns: (transfer full) (element-type OvStoreInsightsAccount): the rows;
 *   their texts stay in @cache
 */
GArray *
ov_insights_cache_select (OvInsightsCache        *cache,
                          const OvInsightsFilter *filter)
{
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autofree char *key = NULL;
  const OvStoreInsightsAccount *all = (const OvStoreInsightsAccount *)cache->accounts->data;
  GArray *kept = g_array_sized_new (FALSE, FALSE, sizeof (OvStoreInsightsAccount),
                                    cache->accounts->len);

  if (filter->package != NULL && filter->package[0] != '\0')
    key = ov_package_name_key (filter->package);

  for (guint i = 0; i < cache->accounts->len; i++)
    {
      const OvStoreInsightsAccount *account = &all[i];

      if (filter->segment != NULL && strcmp (account->segment, filter->segment) != 0)
        continue;
      if (filter->owner != NULL && strcmp (account->owner, filter->owner) != 0)
        continue;
      if (filter->package != NULL &&
          (key == NULL ? account->package[0] != '\0'
                       : !package_matches (keys, account->package, key)))
        continue;
      if (filter->closed_from != OV_DATE_NONE &&
          (account->close_date == OV_DATE_NONE || account->close_date < filter->closed_from))
        continue;
      if (filter->closed_to != OV_DATE_NONE &&
          (account->close_date == OV_DATE_NONE || account->close_date > filter->closed_to))
        continue;
      g_array_append_vals (kept, account, 1);
    }
  return kept;
}
