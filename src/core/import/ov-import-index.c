/* ov-import-index.c — the stored accounts of a re-import, by external id,
 * in memory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A weekly re-import of a CRM export names mostly accounts that have not
 * changed. Asking SQLite for each of them (the external id's index, then the
 * row) costs more than the rest of the import, so one pass over the table
 * first keeps, per account, a hash of its external id and a hash of its
 * values. A row whose hashes both match an account no earlier row named is
 * that account, unchanged; every other row asks SQLite as before, so a hash
 * that does not match only costs time.
 *
 * The hashes are kept by row id, in the order the pass reads them. A CRM
 * exports its records in the same order each week, which is the order the
 * first import gave them their ids: each row is first tried as the account
 * after the one the previous row was, so that the whole file reads the
 * index in order. Only when that fails is a hash table from external ids
 * to row ids made (open addressing, linear probing, 8-byte slots), once.
 *
 * 32 bits of the external id's hash are enough to find an account: the
 * values' hash covers the external id too, so a row is only taken for an
 * account whose values hash the same, external id included.
 */

#define G_LOG_DOMAIN "ov-import"

#include "config.h"

#include <string.h>

#include "ov-import-index.h"

typedef struct
{
  guint32 key;
  guint32 row_id;     /* 0: free */
} Slot;

struct _OvImportIndex
{
  /* By row id, 0 to max_row_id */
  guint32 *keys;
  guint64 *values;
  guint8  *present;
  guint8  *touched;
  gint64   max_row_id;

  gint64   last;        /* the account the previous row was */

  Slot    *slots;       /* NULL until a row is not where expected */
  gsize    capacity;
};

/* Row ids must fit the slot. */
#define MAX_ROW_ID G_MAXUINT32

#define BIT_SET(bits, i) (((bits)[(i) / 8] & (1u << ((i) % 8))) != 0)

OvImportIndex *
ov_import_index_new (gint64 max_row_id)
{
  OvImportIndex *self;

  g_return_val_if_fail (max_row_id >= 0, NULL);

  if (max_row_id > MAX_ROW_ID)
    return NULL;

  self = g_new0 (OvImportIndex, 1);
  self->max_row_id = max_row_id;
  self->keys = g_new0 (guint32, max_row_id + 1);
  self->values = g_new0 (guint64, max_row_id + 1);
  self->present = g_new0 (guint8, max_row_id / 8 + 1);
  self->touched = g_new0 (guint8, max_row_id / 8 + 1);

  return self;
}

void
ov_import_index_free (OvImportIndex *self)
{
  if (self == NULL)
    return;

  g_free (self->keys);
  g_free (self->values);
  g_free (self->present);
  g_free (self->touched);
  g_free (self->slots);
  g_free (self);
}

/* FALSE when the row id is out of range, or was added before. Threads may
 * add rows at once when their row ids are in separate ranges that split
 * at multiples of 8 (the bits of one byte stay with one thread). */
gboolean
ov_import_index_add (OvImportIndex *self,
                     guint64        key_hash,
                     gint64         row_id,
                     guint64        values_hash)
{
  if (row_id <= 0 || row_id > self->max_row_id || BIT_SET (self->present, row_id))
    return FALSE;

  self->keys[row_id] = key_hash >> 32;
  self->values[row_id] = values_hash;
  self->present[row_id / 8] |= 1u << (row_id % 8);
  return TRUE;
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

static void
make_slots (OvImportIndex *self)
{
  gsize n_rows = 0;

  for (gint64 i = 0; i <= self->max_row_id / 8; i++)
    n_rows += __builtin_popcount (self->present[i]);

  /* At most three slots in four used, so that probes stay short. */
  self->capacity = MAX (8, n_rows + n_rows / 3 + 1);
  self->slots = g_new0 (Slot, self->capacity);

  for (gint64 row_id = 1; row_id <= self->max_row_id; row_id++)
    {
      gsize i;

      if (!BIT_SET (self->present, row_id))
        continue;

      for (i = home_slot (self, self->keys[row_id]); self->slots[i].row_id != 0;
           i = next_slot (self, i))
        ;
      self->slots[i] = (Slot) { self->keys[row_id], (guint32)row_id };
    }
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
  gint64 next = self->last + 1;
  gint64 guess = 0;

  *same = FALSE;

  if (next <= self->max_row_id && BIT_SET (self->present, next) && self->keys[next] == key)
    {
      self->last = next;
      *same = self->values[next] == values_hash;
      return next;
    }

  if (self->slots == NULL)
    make_slots (self);

  for (gsize i = home_slot (self, key); self->slots[i].row_id != 0; i = next_slot (self, i))
    {
      const Slot *slot = &self->slots[i];

      if (slot->key != key)
        continue;
      if (self->values[slot->row_id] == values_hash)
        {
          *same = TRUE;
          guess = slot->row_id;
          break;
        }
      if (guess == 0)
        guess = slot->row_id;
    }

  if (guess != 0)
    self->last = guess;
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
  return row_id > 0 && row_id <= self->max_row_id && BIT_SET (self->present, row_id) &&
         !BIT_SET (self->touched, row_id);
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
