/* ov-memory.c — memory given back after a burst of work
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The C library keeps what a burst of work frees for the next one: in
 * holes between blocks still in use, and on the heap of each thread that
 * worked. Loading 100,000 accounts in a worker (SQLite's page caches, the
 * sort's arrays) or typing a search leaves megabytes the process no longer
 * uses but still holds. Where the C library can (glibc's malloc_trim()),
 * they go back to the system after such a burst.
 */

#define G_LOG_DOMAIN "ov-memory"

#include "config.h"

#if HAVE_MALLOC_TRIM
#include <malloc.h>
#endif

#include "ov-memory.h"

void
ov_memory_give_back (void)
{
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}
