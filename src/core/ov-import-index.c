/* ov-import-index.c — the stored accounts of a re-import, by external id,
 * in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A weekly re-import of a CRM export names mostly accounts that have not
 * changed. Asking SQLite for each of them (the external id's index, then the
 * row) costs more than the rest of the import, so one pass over the table
 * first keeps, per account, a hash of its external id, its row id and a
 * hash of its values. A row whose hashes both match an untouched account
 * is that account, unchanged; every other row asks SQLite as before, so a
 * hash that does not match only costs time.
 *
 * The table is open addressing with linear probing over 16-byte slots: 32
 * bits of the external id's hash (enough to find the slot; the values'
 * hash covers the external id too, so a row is only ever taken for an
 * account whose whole values hash the same), a 32-bit row id and the 64-bit
 * hash of the values. Which accounts earlier rows of the file named is one
 * bit per row id.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <string.h>

#include "ov-import-index.h"

typedef struct
{
  guint32 key;
  guint32 row_id;     /* 0: free */
  guint64 values;
} Slot;

struct _OvImportIndex
{
  Slot    *slots;
  gsize    capacity;
  gsize    n_used;
  guint8  *touched;
  gint64   max_row_id;
};

/* Row ids must fit the slot. */
#define MAX_ROW_ID G_MAXUINT32

OvImportIndex *
ov_import_index_new (gint64 max_row_id,
                     gsize  n_rows)
{
  OvImportIndex *self;

  g_return_val_if_fail (max_row_id >= 0, NULL);

  if (max_row_id > MAX_ROW_ID)
    return NULL;

  self = g_new0 (OvImportIndex, 1);
  /* At most three slots in four used, so probes stay short. */
  self->capacity = MAX (8, n_rows + n_rows / 3 + 1);
  self->slots = g_new0 (Slot, self->capacity);
  self->max_row_id = max_row_id;
  self->touched = g_new0 (guint8, max_row_id / 8 + 1);

  return self;
}

void
ov_import_index_free (OvImportIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->slots);
  g_free (self->touched);
  g_free (self);
}

static inline gsize
home_slot (OvImportIndex *self,
           guint32        key)
{
  return (gsize)(((guint64)key * self->capacity) >> 32);
}

static inline gsize
next_slot (OvImportIndex *self,
           gsize          i)
{
  return i + 1 < self->capacity ? i + 1 : 0;
}

/* FALSE when the row id does not fit or the table is full. */
gboolean
ov_import_index_add (OvImportIndex *self,
                     guint64        key_hash,
                     gint64         row_id,
                     guint64        values_hash)
{
  guint32 key = key_hash >> 32;
  gsize i;

  if (row_id <= 0 || row_id > self->max_row_id || self->n_used + 1 >= self->capacity)
    return FALSE;

  for (i = home_slot (self, key); self->slots[i].row_id != 0; i = next_slot (self, i))
    ;

  self->slots[i] = (Slot) { key, (guint32)row_id, values_hash };
  self->n_used++;
  return TRUE;
}

/* The account whose external id hashes as @key_hash: with @same set when
 * its values hash as @values_hash too. 0 when no stored account has that
 * external id; otherwise a guess, to be checked. */
gint64
ov_import_index_find (OvImportIndex *self,
                      guint64        key_hash,
                      guint64        values_hash,
                      gboolean      *same)
{
  guint32 key = key_hash >> 32;
  gint64 guess = 0;

  *same = FALSE;

  for (gsize i = home_slot (self, key); self->slots[i].row_id != 0; i = next_slot (self, i))
    {
      const Slot *slot = &self->slots[i];

      if (slot->key != key)
        continue;
      if (slot->values == values_hash)
        {
          *same = TRUE;
          return slot->row_id;
        }
      if (guess == 0)
        guess = slot->row_id;
    }

  return guess;
}

/* Remembers that a row of the file named the account @row_id. */
void
ov_import_index_touch (OvImportIndex *self,
                       gint64         row_id)
{
  if (row_id > 0 && row_id <= self->max_row_id)
    self->touched[row_id / 8] |= 1u << (row_id % 8);
}

/* Whether @row_id was stored before the import began and no row of the
 * file has named it yet. */
gboolean
ov_import_index_untouched (OvImportIndex *self,
                           gint64         row_id)
{
  return row_id > 0 && row_id <= self->max_row_id &&
         (self->touched[row_id / 8] & (1u << (row_id % 8))) == 0;
}

/* The rounds and the final mix of xxHash64 and MurmurHash3, over one lane:
 * each step is a bijection of the state for a given input, and of the
 * input for a given state. */
#define PRIME_1 G_GUINT64_CONSTANT (0x9E3779B185EBCA87)
#define PRIME_2 G_GUINT64_CONSTANT (0xC2B2AE3D27D4EB4F)

static inline guint64
hash_round (guint64 state,
            guint64 input)
{
  state += input * PRIME_2;
  state = (state << 31) | (state >> 33);
  return state * PRIME_1;
}

void
ov_import_hash_init (OvImportHash *hash,
                     guint64       seed)
{
  hash->state = seed ^ PRIME_1;
}

/* The length goes first, so that fields cannot run into each other. */
void
ov_import_hash_bytes (OvImportHash *hash,
                      const char   *bytes,
                      gsize         length)
{
  guint64 state = hash_round (hash->state, length);
  guint64 word;

  for (; length >= 8; bytes += 8, length -= 8)
    {
      memcpy (&word, bytes, 8);
      state = hash_round (state, word);
    }

  if (length > 0)
    {
      word = 0;
      memcpy (&word, bytes, length);
      state = hash_round (state, word);
    }

  hash->state = state;
}

void
ov_import_hash_int (OvImportHash *hash,
                    gint64        value)
{
  hash->state = hash_round (hash->state, (guint64)value);
}

guint64
ov_import_hash_end (OvImportHash *hash)
{
  guint64 h = hash->state;

  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xFF51AFD7ED558CCD);
  h ^= h >> 33;
  h *= G_GUINT64_CONSTANT (0xC4CEB9FE1A85EC53);
  h ^= h >> 33;
  return h;
}
