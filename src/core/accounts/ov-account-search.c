/* ov-account-search.c — which accounts a search text finds
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every account's search key (see ov_account_append_search_key()), in the
 * list's order, NUL-separated in one block, with where each starts: one
 * memchr() pass over contiguous memory finds the accounts a text is in.
 * Owners and segments repeat over the whole portfolio (a few dozen texts
 * for 100,000 accounts): the block holds only each account's name and
 * external id, and a number per account says which owner and which
 * segment it has. A text is looked for in those few owners and segments
 * once, and an account is found by its name, its id or its numbers.
 *
 * A search text is words separated by spaces: an account is found when
 * each word is in one of its fields, in any order and any field ("ashford
 * gmbh" finds "Ashford Logistics GmbH"). The longest word is looked for in
 * every key; the others only in the accounts it found.
 *
 * A person types a word one letter at a time and takes it back the same
 * way. The results of the texts typed on the way stay, each with its text:
 * a text that holds the last one is only looked for in the accounts the
 * last one found (each word of the shorter text is inside a word of the
 * longer one, so every account the longer one finds, the shorter one found
 * too), and only for its words the last one did not have; taking letters
 * back finds the shorter text's result ready. Any change to the accounts
 * or their order forgets all of it.
 */

#define G_LOG_DOMAIN "ov-account-list"

#include "config.h"

#include <string.h>

#include "ov-account-search.h"

typedef struct
{
  char   *needle;
  char  **words;  /* of @needle, without empty ones */
  GArray *rows;   /* guint, ascending */
} Found;

/* Spaces, tabs and line breaks separate the words of a search. */
#define WORD_SEPARATORS " \t\n\r\f\v"

struct _OvAccountSearch
{
  char      *haystack;
  guint     *row_starts;  /* n_rows + 1: the last is the end of the haystack */
  guint      n_rows;
  gboolean   ready;

  /* The owners and segments, case-folded; 0 is none. With more than
   * G_MAXUINT16 of them, they stay in the keys and these are NULL. */
  GPtrArray *shared;
  guint16   *owner_of;
  guint16   *segment_of;

  /* Found: each needle contains the one before it. */
  GPtrArray *found;
};

static void
found_free (Found *found)
{
  g_free (found->needle);
  g_strfreev (found->words);
  g_array_unref (found->rows);
  g_free (found);
}

OvAccountSearch *
ov_account_search_new (void)
{
  OvAccountSearch *self = g_new0 (OvAccountSearch, 1);

  self->found = g_ptr_array_new_with_free_func ((GDestroyNotify)found_free);
  return self;
}

void
ov_account_search_free (OvAccountSearch *self)
{
  if (self == NULL)
    return;

  ov_account_search_invalidate (self);
  g_ptr_array_unref (self->found);
  g_free (self);
}

/* The accounts or their order changed: the keys are built again on the
 * next search. */
void
ov_account_search_invalidate (OvAccountSearch *self)
{
  g_clear_pointer (&self->haystack, g_free);
  g_clear_pointer (&self->row_starts, g_free);
  g_clear_pointer (&self->shared, g_ptr_array_unref);
  g_clear_pointer (&self->owner_of, g_free);
  g_clear_pointer (&self->segment_of, g_free);
  self->n_rows = 0;
  self->ready = FALSE;
  ov_account_search_forget (self);
}

/* Drops the results kept for texts typed before. */
void
ov_account_search_forget (OvAccountSearch *self)
{
  g_ptr_array_set_size (self->found, 0);
}

gboolean
ov_account_search_is_ready (OvAccountSearch *self)
{
  return self->ready;
}

/* The number of @text (interned: one pointer per text) among the shared
 * ones, added when new; FALSE past G_MAXUINT16 of them. */
static gboolean
share (OvAccountSearch *self,
       GHashTable      *numbers,
       const char      *text,
       guint16         *number)
{
  gpointer found;
  GByteArray *folded;

  if (text[0] == '\0')
    {
      *number = 0;
      return TRUE;
    }

  if (g_hash_table_lookup_extended (numbers, text, NULL, &found))
    {
      *number = GPOINTER_TO_UINT (found);
      return TRUE;
    }

  if (self->shared->len > G_MAXUINT16)
    return FALSE;

  folded = g_byte_array_new ();
  ov_account_append_folded (folded, text);
  g_byte_array_append (folded, (const guint8 *)"", 1);
  *number = self->shared->len;
  g_ptr_array_add (self->shared, g_byte_array_free (folded, FALSE));
  g_hash_table_insert (numbers, (gpointer)text, GUINT_TO_POINTER (*number));
  return TRUE;
}

/* Numbers every account's owner and segment; FALSE when there are too many
 * to number. */
static gboolean
number_shared (OvAccountSearch *self,
               GPtrArray       *accounts)
{
  g_autoptr(GHashTable) numbers = g_hash_table_new (NULL, NULL);

  self->shared = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (self->shared, g_strdup (""));
  self->owner_of = g_new (guint16, MAX (accounts->len, 1));
  self->segment_of = g_new (guint16, MAX (accounts->len, 1));

  /* Owners and segments are interned: one pointer per text. */
  for (guint i = 0; i < accounts->len; i++)
    if (!share (self, numbers, ov_account_get_owner (accounts->pdata[i]), &self->owner_of[i]) ||
        !share (self, numbers, ov_account_get_segment (accounts->pdata[i]),
                &self->segment_of[i]))
      {
        g_clear_pointer (&self->shared, g_ptr_array_unref);
        g_clear_pointer (&self->owner_of, g_free);
        g_clear_pointer (&self->segment_of, g_free);
        return FALSE;
      }

  return TRUE;
}

void
ov_account_search_build (OvAccountSearch *self,
                         GPtrArray       *accounts)
{
  GByteArray *keys;
  gboolean numbered;
  gsize size;

  ov_account_search_invalidate (self);
  numbered = number_shared (self, accounts);

  /* Sized for typical keys; what is left over is given back below. */
  keys = g_byte_array_sized_new (accounts->len * (numbered ? 40 : 64) + 1);
  self->row_starts = g_new (guint, accounts->len + 1);
  for (guint i = 0; i < accounts->len; i++)
    {
      OvAccount *account = accounts->pdata[i];

      self->row_starts[i] = keys->len;
      if (numbered)
        {
          /* The key without the owner and the segment. */
          ov_account_append_folded (keys, ov_account_get_name (account));
          g_byte_array_append (keys, (const guint8 *)"\n", 1);
          ov_account_append_folded (keys, ov_account_get_external_id (account));
        }
      else
        {
          ov_account_append_search_key (account, keys);
        }
      g_byte_array_append (keys, (const guint8 *)"", 1);
    }
  self->row_starts[accounts->len] = keys->len;
  self->n_rows = accounts->len;

  size = keys->len;
  self->haystack = g_realloc (g_byte_array_free (keys, FALSE), MAX (size, 1));
  self->ready = TRUE;
}

/* The row whose key holds byte @offset, from row @from on. */
static guint
row_at (OvAccountSearch *self,
        guint            from,
        guint            offset)
{
  guint low = from, high = self->n_rows;

  /* Hits are mostly close together: a few steps forward, else halving. */
  for (guint i = 0; i < 8 && low + 1 < high; i++, low++)
    if (self->row_starts[low + 1] > offset)
      return low;

  while (high - low > 1)
    {
      guint mid = low + (high - low) / 2;

      if (self->row_starts[mid] <= offset)
        low = mid;
      else
        high = mid;
    }

  return low;
}

/* Appends @row to @rows, which holds *@n of them; grows by doubling. */
static inline void
add_row (GArray *rows,
         guint  *n,
         guint   row)
{
  if (*n == rows->len)
    g_array_set_size (rows, MAX (64, rows->len * 2));
  g_array_index (rows, guint, (*n)++) = row;
}

/* Whether @key holds @needle. A key is a few dozen bytes: memchr() to each
 * occurrence of the first byte beats memmem()'s set-up on every key. */
static gboolean
key_contains (const char *key,
              gsize       key_len,
              const char *needle,
              gsize       needle_len)
{
  const char *last;

  if (needle_len > key_len)
    return FALSE;

  last = key + key_len - needle_len;
  for (const char *p = key; p <= last; p++)
    {
      p = memchr (p, needle[0], last - p + 1);
      if (p == NULL)
        return FALSE;
      if (memcmp (p + 1, needle + 1, needle_len - 1) == 0)
        return TRUE;
    }

  return FALSE;
}

/* Which owners and segments hold @needle, by number; NULL when none does
 * (or when they are in the keys). */
static guint8 *
find_shared (OvAccountSearch *self,
             const char      *needle)
{
  guint8 *hits = NULL;

  if (self->shared == NULL)
    return NULL;

  for (guint i = 1; i < self->shared->len; i++)
    if (strstr (g_ptr_array_index (self->shared, i), needle) != NULL)
      {
        if (hits == NULL)
          hits = g_new0 (guint8, self->shared->len);
        hits[i] = 1;
      }

  return hits;
}

/* Whether @row holds @needle: in its key, or by its owner or segment. */
static inline gboolean
row_contains (OvAccountSearch *self,
              guint            row,
              const char      *needle,
              gsize            needle_len,
              const guint8    *shared_hits)
{
  guint start = self->row_starts[row];

  if (shared_hits != NULL &&
      (shared_hits[self->owner_of[row]] || shared_hits[self->segment_of[row]]))
    return TRUE;

  return key_contains (self->haystack + start, self->row_starts[row + 1] - start, needle,
                       needle_len);
}

/* One pass over every key: memchr() to each occurrence of the first byte
 * of @needle, a comparison of the rest there. (memmem() would set itself up
 * again after each hit, and a letter is in most keys.) */
static GArray *
find_all (OvAccountSearch *self,
          const char      *needle,
          gsize            needle_len,
          const guint8    *shared_hits)
{
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  const char *start = self->haystack;
  const char *end = start + self->row_starts[self->n_rows];
  guint row = 0, n = 0;

  /* An owner or a segment holds it: every account is looked at. */
  if (shared_hits != NULL)
    {
      for (row = 0; row < self->n_rows; row++)
        if (row_contains (self, row, needle, needle_len, shared_hits))
          add_row (rows, &n, row);

      g_array_set_size (rows, n);
      return rows;
    }

  for (const char *p = start; p + needle_len <= end; )
    {
      p = memchr (p, needle[0], end - needle_len + 1 - p);
      if (p == NULL)
        break;

      if (memcmp (p + 1, needle + 1, needle_len - 1) != 0)
        {
          p++;
          continue;
        }

      row = row_at (self, row, p - start);
      add_row (rows, &n, row);

      /* On to the next row: one match per row is enough. */
      row++;
      p = start + self->row_starts[row];
    }

  g_array_set_size (rows, n);
  return rows;
}

/* Only the keys of @among. */
static GArray *
find_among (OvAccountSearch *self,
            GArray          *among,
            const char      *needle,
            gsize            needle_len,
            const guint8    *shared_hits)
{
  GArray *rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), among->len);
  guint n = 0;

  g_array_set_size (rows, among->len);
  for (guint i = 0; i < among->len; i++)
    {
      guint row = g_array_index (among, guint, i);

      if (row_contains (self, row, needle, needle_len, shared_hits))
        g_array_index (rows, guint, n++) = row;
    }

  /* Kept while the text is typed on: no larger than what it holds. */
  if (n < among->len / 2)
    {
      GArray *exact = g_array_sized_new (FALSE, FALSE, sizeof (guint), n);

      g_array_append_vals (exact, rows->data, n);
      g_array_unref (rows);
      return exact;
    }

  g_array_set_size (rows, n);
  return rows;
}

/* The words of @needle, without the empty ones between separators. */
static char **
split_words (const char *needle)
{
  char **words = g_strsplit_set (needle, WORD_SEPARATORS, -1);
  guint n = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        words[n++] = words[i];
      else
        g_free (words[i]);
    }
  words[n] = NULL;

  return words;
}

/* Only the keys of @among (NULL: every key) that hold @word. */
static GArray *
find_word (OvAccountSearch *self,
           GArray          *among,
           const char      *word)
{
  g_autofree guint8 *shared_hits = find_shared (self, word);
  gsize len = strlen (word);

  if (among == NULL)
    return find_all (self, word, len, shared_hits);

  return find_among (self, among, word, len, shared_hits);
}

/* Whether @word is one of @words. */
static gboolean
has_word (char       **words,
          const char  *word)
{
  for (guint i = 0; words != NULL && words[i] != NULL; i++)
    if (strcmp (words[i], word) == 0)
      return TRUE;

  return FALSE;
}

/* The position of the longest of @words: it is in the fewest keys. */
static guint
longest_word (char **words)
{
  guint longest = 0;

  for (guint i = 1; words[i] != NULL; i++)
    if (strlen (words[i]) > strlen (words[longest]))
      longest = i;

  return longest;
}

/* The rows that hold every word of @words, among @last's when there is a
 * last text, else among all rows. */
static GArray *
find_words (OvAccountSearch *self,
            char           **words,
            Found           *last)
{
  GArray *rows = NULL;
  guint first = 0;

  if (words[0] == NULL)
    {
      /* Nothing but separators: every account. */
      rows = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->n_rows);
      for (guint row = 0; row < self->n_rows; row++)
        g_array_append_val (rows, row);
      return rows;
    }

  if (last != NULL)
    {
      rows = g_array_ref (last->rows);
    }
  else
    {
      first = longest_word (words);
      rows = find_word (self, NULL, words[first]);
    }

  for (guint i = 0; words[i] != NULL && rows->len > 0; i++)
    {
      GArray *fewer;

      /* The first word's rows, or the last text's, hold it already. */
      if ((last == NULL && i == first) || (last != NULL && has_word (last->words, words[i])))
        continue;

      fewer = find_word (self, rows, words[i]);
      g_array_unref (rows);
      rows = fewer;
    }

  return rows;
}

/**
 * ov_account_search_matches:
 * @account: an account
 * @needle: case-folded text
 *
 * Whether @account is found by @needle: each of its words is in one of
 * the account's fields. For one account; many go through
 * ov_account_search_find().
 */
gboolean
ov_account_search_matches (OvAccount  *account,
                           const char *needle)
{
  g_autofree char *key = ov_account_dup_search_key (account);
  g_auto(GStrv) words = split_words (needle);

  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) == NULL)
      return FALSE;

  return TRUE;
}

/**
 * ov_account_search_find:
 * @accounts: the accounts in the list's order, as built
 * @needle: case-folded text: words separated by spaces
 *
 * Returns: (transfer full): the positions in @accounts of the accounts
 *   whose fields hold every word of @needle, ascending; not to be changed
 */
GArray *
ov_account_search_find (OvAccountSearch *self,
                        GPtrArray       *accounts,
                        const char      *needle)
{
  Found *last = NULL;
  Found *found;

  if (!self->ready || self->n_rows != accounts->len)
    ov_account_search_build (self, accounts);

  /* Back to the last text that this one contains. */
  while (self->found->len > 0)
    {
      last = g_ptr_array_index (self->found, self->found->len - 1);
      if (strstr (needle, last->needle) != NULL)
        break;
      g_ptr_array_set_size (self->found, self->found->len - 1);
      last = NULL;
    }

  if (last != NULL && strcmp (last->needle, needle) == 0)
    return g_array_ref (last->rows);

  found = g_new (Found, 1);
  found->needle = g_strdup (needle);
  found->words = split_words (needle);
  found->rows = find_words (self, found->words, last);
  g_ptr_array_add (self->found, found);

  return g_array_ref (found->rows);
}
