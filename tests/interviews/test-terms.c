/* test-terms.c — the most frequent terms of answers, without stop words
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "ov-stop-words.h"
#include "ov-terms.h"

static char *
joined (GStrv words)
{
  return g_strjoinv ("|", words);
}

static void
test_tokenize (void)
{
  struct { const char *text; const char *words; } cases[] = {
    { "Don’t stop—it's fine.", "don't|stop|it's|fine" },
    { "Straße STRASSE strasse", "strasse|strasse|strasse" },
    { "  'quoted' words, (brackets) ", "quoted|words|brackets" },
    { "e-mail 2FA v2.1", "e|mail|2fa|v2|1" },
    { "Übersicht ÜBERSICHT", "übersicht|übersicht" },
    { "Café", "café" },
    { "日本語 テスト", "日本語|テスト" },
    { "🎉 ok", "ok" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) words = ov_terms_tokenize (cases[i].text);
      g_autofree char *text = joined (words);

      g_assert_cmpstr (text, ==, cases[i].words);
    }

  /* "Café" written with a combining accent is the same word. */
  {
    g_auto(GStrv) words = ov_terms_tokenize ("Cafe\xcc\x81");

    g_assert_cmpstr (words[0], ==, "café");
    g_assert_null (words[1]);
  }

  g_assert_true (ov_terms_text_has_term ("We need TRAINING.", "training"));
  g_assert_true (ov_terms_text_has_term ("Die Straße", "STRASSE"));
  g_assert_false (ov_terms_text_has_term ("We need trainings", "training"));
  g_assert_false (ov_terms_text_has_term ("anything", ""));
}

static void
assert_terms (GPtrArray  *terms,
              const char *expected)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < terms->len; i++)
    {
      OvTerm *term = g_ptr_array_index (terms, i);

      g_string_append_printf (text, "%s%s=%u", i ? " " : "", term->term, term->count);
    }
  g_assert_cmpstr (text->str, ==, expected);
}

static void
test_english (void)
{
  const char *texts[] = {
    "The training was great, and the training team helped.",
    "Training? More TRAINING please!",
    "Great onboarding; great people.",
    "We'd like SSO and 2 more seats.",
    NULL,
  };
  g_autoptr(GPtrArray) top = NULL;
  g_autoptr(GPtrArray) all = NULL;

  /* Each text counts a word once; ties in byte order. */
  top = ov_terms_most_frequent (texts, "en", 3);
  assert_terms (top, "great=2 training=2 helped=1");

  all = ov_terms_most_frequent (texts, "en", 100);
  assert_terms (all, "great=2 training=2 helped=1 onboarding=1 people=1 please=1 seats=1 "
                     "sso=1 team=1 we'd=1");
}

static void
test_german (void)
{
  const char *texts[] = {
    "Die Schulung war sehr gut, aber die Schulung kam spät.",
    "Mehr Schulung für Admins und eine bessere Übersicht.",
    "Übersicht fehlt.",
    NULL,
  };
  g_autoptr(GPtrArray) german = NULL;
  g_autoptr(GPtrArray) english = NULL;

  german = ov_terms_most_frequent (texts, "de", 10);
  assert_terms (german, "schulung=2 übersicht=2 admins=1 bessere=1 fehlt=1 kam=1 spät=1");

  /* With English stop words the German little words stay. */
  english = ov_terms_most_frequent (texts, "en", 10);
  g_assert_cmpuint (english->len, ==, 10);
  assert_terms (english, "schulung=2 übersicht=2 aber=1 admins=1 bessere=1 die=1 eine=1 "
                         "fehlt=1 für=1 gut=1");
}

static void
test_stop_words (void)
{
  const char *languages[] = { "en", "de" };

  for (guint l = 0; l < G_N_ELEMENTS (languages); l++)
    {
      gsize n = 0;
      const char * const *words = ov_stop_words_get (languages[l], &n);

      g_assert_cmpuint (n, >, 100);
      for (gsize i = 0; i < n; i++)
        {
          g_auto(GStrv) tokens = ov_terms_tokenize (words[i]);

          /* Sorted, for the binary search; each as the tokenizer gives it. */
          if (i > 0)
            g_assert_cmpint (strcmp (words[i - 1], words[i]), <, 0);
          g_assert_cmpstr (tokens[0], ==, words[i]);
          g_assert_true (ov_terms_is_stop_word (words[i], languages[l]));
        }
    }

  g_assert_true (ov_terms_is_stop_word ("über", "de"));
  g_assert_false (ov_terms_is_stop_word ("über", "en"));
  g_assert_true (ov_terms_is_stop_word ("the", "fr"));
}

/* The Answers view leaves out the little words of every language it has
 * a list for: a German team's customers often answer in English. */
static void
test_any_language (void)
{
  const char *texts[] = {
    "The training was good, and the admins liked it.",
    "Die Schulung war gut, aber die Admins wollten mehr.",
    "We wanted more training for the admins.",
    NULL,
  };
  g_autoptr(GPtrArray) any = ov_terms_most_frequent (texts, OV_STOP_WORDS_ANY, 10);
  g_autoptr(GPtrArray) english = ov_terms_most_frequent (texts, "en", 10);

  assert_terms (any, "admins=3 training=2 good=1 liked=1 schulung=1 wanted=1 wollten=1");
  /* English alone keeps the German little words. */
  g_assert_cmpuint (english->len, ==, 10);
  assert_terms (english, "admins=3 training=2 aber=1 die=1 good=1 gut=1 liked=1 mehr=1 "
                         "schulung=1 wanted=1");

  g_assert_true (ov_terms_is_stop_word ("the", OV_STOP_WORDS_ANY));
  g_assert_true (ov_terms_is_stop_word ("über", OV_STOP_WORDS_ANY));
  g_assert_false (ov_terms_is_stop_word ("schulung", OV_STOP_WORDS_ANY));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/terms/tokenize", test_tokenize);
  g_test_add_func ("/terms/english", test_english);
  g_test_add_func ("/terms/german", test_german);
  g_test_add_func ("/terms/stop-words", test_stop_words);
  g_test_add_func ("/terms/any-language", test_any_language);

  return g_test_run ();
}
