/* ov-stop-words.c — the little words left out of the most frequent terms
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Short lists, written for what people say in an interview: articles,
 * pronouns, auxiliaries, prepositions and fillers. Each list is sorted in
 * byte order (a test checks) so that a lookup is a binary search. Words
 * are case-folded as ov_terms_tokenize() gives them.
 */

#define G_LOG_DOMAIN "ov-terms"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "ov-stop-words.h"

static const char * const english[] = {
  "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and",
  "any", "are", "aren't", "as", "at", "be", "because", "been", "before", "being",
  "below", "between", "both", "but", "by", "can", "can't", "cannot", "could", "couldn't",
  "did", "didn't", "do", "does", "doesn't", "doing", "don't", "down", "during", "each",
  "else", "even", "ever", "every", "few", "for", "from", "further", "get", "got", "had",
  "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "her", "here", "hers",
  "herself", "him", "himself", "his", "how", "i", "i'd", "i'm", "i've", "if", "in",
  "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "like", "lot",
  "me", "more", "most", "much", "must", "my", "myself", "no", "nor", "not", "now", "of",
  "off", "on", "once", "one", "only", "or", "other", "our", "ours", "ourselves", "out",
  "over", "own", "quite", "really", "same", "she", "should", "shouldn't", "so", "some",
  "still", "such", "than", "that", "that's", "the", "their", "theirs", "them",
  "themselves", "then", "there", "there's", "these", "they", "they're", "thing",
  "things", "this", "those", "through", "to", "too", "under", "until", "up", "us",
  "very", "was", "wasn't", "we", "we're", "we've", "well", "were", "weren't", "what",
  "when", "where", "which", "while", "who", "whom", "why", "will", "with", "won't",
  "would", "wouldn't", "yes", "yet", "you", "you're", "your", "yours", "yourself",
};

static const char * const german[] = {
  "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "ander",
  "andere", "anderen", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist", "da",
  "dabei", "dadurch", "damit", "dann", "das", "dass", "dazu", "dein", "dem", "den",
  "denn", "der", "des", "deshalb", "die", "dies", "diese", "diesem", "diesen", "dieser",
  "dieses", "doch", "dort", "du", "durch", "ein", "eine", "einem", "einen", "einer",
  "eines", "einfach", "er", "es", "etwas", "euch", "euer", "für", "gab", "ganz", "gar",
  "gibt", "gut", "hab", "habe", "haben", "hat", "hatte", "hatten", "hier", "hin", "ich",
  "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im", "immer", "in",
  "ins", "ist", "ja", "jede", "jedem", "jeden", "jeder", "jetzt", "kann", "kein",
  "keine", "können", "könnte", "man", "mehr", "mein", "meine", "mich", "mir", "mit",
  "muss", "nach", "nicht", "nichts", "noch", "nun", "nur", "ob", "oder", "ohne", "schon",
  "sehr", "sein", "seine", "sich", "sie", "sind", "so", "sollte", "sondern", "sowie",
  "um", "und", "uns", "unser", "unsere", "unter", "viel", "vom", "von", "vor", "war",
  "waren", "was", "weil", "wenn", "wer", "werden", "wie", "wieder", "wir", "wird", "wo",
  "wurde", "wäre", "zu", "zum", "zur", "zwar", "zwischen", "über",
};

static int
compare_word (const void *key,
              const void *member)
{
  return strcmp (key, *(const char * const *)member);
}

static const char * const *
list_for (const char *language,
          gsize      *n_words)
{
  if (g_strcmp0 (language, "de") == 0)
    {
      *n_words = G_N_ELEMENTS (german);
      return german;
    }

  *n_words = G_N_ELEMENTS (english);
  return english;
}

gboolean
ov_stop_words_contain (const char *language,
                       const char *word)
{
  const char * const *words;
  gsize n_words;

  g_return_val_if_fail (word != NULL, FALSE);

  /* Any language: answers are often in another language than the
   * interface (a German team's English-speaking customers). */
  if (g_strcmp0 (language, OV_STOP_WORDS_ANY) == 0)
    return ov_stop_words_contain ("en", word) || ov_stop_words_contain ("de", word);

  words = list_for (language, &n_words);
  return bsearch (word, words, n_words, sizeof words[0], compare_word) != NULL;
}

const char * const *
ov_stop_words_get (const char *language,
                   gsize      *n_words)
{
  g_return_val_if_fail (n_words != NULL, NULL);
  return list_for (language, n_words);
}
