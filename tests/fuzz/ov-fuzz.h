/* ov-fuzz.h — what the fuzz targets share with their replay test
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

/* How many inputs went through the code under test rather than being
 * turned away by the target itself (too short, say). The replay test
 * (tests/import/test-fuzz-inputs.c) asserts that every stored input did. */
extern unsigned int ov_fuzz_n_run;
