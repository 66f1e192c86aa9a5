/* ov-terms.c — the words answers use most, without the little words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "What did everyone say about improvement?" A glance at the words most
 * answers hold tells before any reading. Words are Unicode letters and
 * digits, case-folded, so "Training", "training" and "TRAINING" are one;
 * an apostrophe within a word (typed or typographic) belongs to it.
 */

#define G_LOG_DOMAIN "ov-terms"

#include "config.h"

#include <string.h>

#include "ov-interview-answer.h"
#include "ov-stop-words.h"
#include "ov-terms.h"

gboolean
ov_terms_is_stop_word (const char *word,
                       const char *language)
{
  g_return_val_if_fail (word != NULL, FALSE);
  return ov_stop_words_contain (language, word);
}

static gboolean
is_word_char (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isalnum (c))
    return TRUE;

  type = g_unichar_type (c);
  return type == G_UNICODE_SPACING_MARK || type == G_UNICODE_NON_SPACING_MARK ||
         type == G_UNICODE_ENCLOSING_MARK;
}

static gboolean
is_apostrophe (gunichar c)
{
  return c == '\'' || c == 0x2019;
}

static char *
fold_word (const char *start,
           gsize       length)
{
  g_autofree char *folded = g_utf8_casefold (start, length);
  g_autoptr(GString) plain = g_string_new (NULL);
  g_autofree char *normal = NULL;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      g_string_append_unichar (plain, is_apostrophe (c) ? '\'' : c);
    }

  normal = g_utf8_normalize (plain->str, -1, G_NORMALIZE_DEFAULT_COMPOSE);
  return normal ? g_steal_pointer (&normal) : g_string_free (g_steal_pointer (&plain), FALSE);
}

GStrv
ov_terms_tokenize (const char *text)
{
  g_autoptr(GStrvBuilder) words = g_strv_builder_new ();
  const char *p, *start = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strv_builder_end (words);

  for (p = text;; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean inside = c != 0 && is_word_char (c);

      /* An apostrophe between two word characters: "don't", "geht's". */
      if (c != 0 && start != NULL && is_apostrophe (c))
        {
          const char *next = g_utf8_next_char (p);

          inside = *next != '\0' && is_word_char (g_utf8_get_char (next));
        }

      if (inside && start == NULL)
        start = p;
      else if (!inside && start != NULL)
        {
          g_autofree char *word = fold_word (start, p - start);

          g_strv_builder_add (words, word);
          start = NULL;
        }

      if (c == 0)
        break;
    }

  return g_strv_builder_end (words);
}

gboolean
ov_terms_text_has_term (const char *text,
                        const char *term)
{
  g_auto(GStrv) words = NULL;
  g_auto(GStrv) wanted = NULL;

  if (term == NULL || text == NULL)
    return FALSE;

  wanted = ov_terms_tokenize (term);
  if (wanted[0] == NULL)
    return FALSE;

  words = ov_terms_tokenize (text);
  for (guint i = 0; words[i] != NULL; i++)
    if (strcmp (words[i], wanted[0]) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_number (const char *word)
{
  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isdigit (g_utf8_get_char (p)))
      return FALSE;
  return TRUE;
}

static int
compare_terms (gconstpointer a,
               gconstpointer b)
{
  const OvTerm *x = *(OvTerm * const *)a;
  const OvTerm *y = *(OvTerm * const *)b;

  if (x->count != y->count)
    return x->count > y->count ? -1 : 1;
  return strcmp (x->term, y->term);
}

GPtrArray *
ov_terms_most_frequent (const char * const *texts,
                        const char         *language,
                        guint               max_terms)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify)ov_term_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint t = 0; texts != NULL && texts[t] != NULL; t++)
    {
      g_auto(GStrv) words = ov_terms_tokenize (texts[t]);

      g_hash_table_remove_all (seen);
      for (guint i = 0; words[i] != NULL; i++)
        {
          const char *word = words[i];
          gpointer stored, n;

          if (g_utf8_strlen (word, -1) < 2 || is_number (word) ||
              ov_stop_words_contain (language, word) || g_hash_table_contains (seen, word))
            continue;

          g_hash_table_add (seen, (gpointer)word);
          if (g_hash_table_lookup_extended (counts, word, &stored, &n))
            g_hash_table_insert (counts, g_strdup (word), GUINT_TO_POINTER (GPOINTER_TO_UINT (n) + 1));
          else
            g_hash_table_insert (counts, g_strdup (word), GUINT_TO_POINTER (1));
        }
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      OvTerm *term = g_new0 (OvTerm, 1);

      term->term = g_strdup (key);
      term->count = GPOINTER_TO_UINT (value);
      g_ptr_array_add (terms, term);
    }

  g_ptr_array_sort (terms, compare_terms);
  if (terms->len > max_terms)
    g_ptr_array_set_size (terms, max_terms);
  return g_steal_pointer (&terms);
}

GPtrArray *
ov_terms_most_frequent_in_answers (GPtrArray  *answers,
                                   const char *language,
                                   guint       max_terms)
{
  g_autofree const char **texts = NULL;

  g_return_val_if_fail (answers != NULL, NULL);

  texts = g_new0 (const char *, answers->len + 1);
  for (guint i = 0; i < answers->len; i++)
    texts[i] = ov_interview_answer_get_answer (g_ptr_array_index (answers, i));

  return ov_terms_most_frequent (texts, language, max_terms);
}

void
ov_term_free (OvTerm *term)
{
  if (term == NULL)
    return;

  g_free (term->term);
  g_free (term);
}
