/* fuzz-playbook.c — libFuzzer target for playbook files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reads the input as a playbook file (one playbook or several). Whatever
 * the bytes, the reader answers with playbooks or an error, never a crash
 * or a warning; and what it accepts writes back out as a file that reads
 * back the same.
 *
 * Built with -Dfuzzing=true (clang, -fsanitize=fuzzer); the same function
 * runs over tests/fixtures/playbooks and tests/fuzz/playbook-regressions
 * in every build (tests/csv/test-fuzz-inputs.c).
 */

#include "config.h"

#include <stdint.h>

#include "ov-core.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GPtrArray) playbooks = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;
  g_autofree char *json_again = NULL;
  gsize length = 0;

  /* A warning or critical anywhere is a finding too. */
  g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);

  playbooks = ov_playbook_list_new_from_json (size > 0 ? (const char *)data : "", size, &error);
  if (playbooks == NULL)
    {
      g_assert_nonnull (error);
      g_assert_true (g_utf8_validate (error->message, -1, NULL));
      return 0;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (playbooks->len, >, 0);

  json = ov_playbook_list_to_json (playbooks, &length);
  again = ov_playbook_list_new_from_json (json, length, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, playbooks->len);
  json_again = ov_playbook_list_to_json (again, NULL);
  g_assert_cmpstr (json_again, ==, json);

  return 0;
}
