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
 *
 * Two settings keep less from being held in the first place. glibc gives
 * each thread that allocates while another does a heap of its own (up to
 * eight per processor), and each keeps what its burst freed: the workers
 * that read the portfolio, the dashboard and the store's check share two
 * heaps here instead. And a block of 256 KiB or more (the arrays of a
 * search over 100,000 accounts, of a reading in a worker) is always
 * mapped on its own, so freeing it gives it back at once; glibc would
 * otherwise raise that threshold after the first such block is freed and
 * keep the following ones in its heaps.
 */

#define G_LOG_DOMAIN "ov-memory"

#include "config.h"

#if HAVE_MALLOC_TRIM || HAVE_MALLOPT_ARENA_MAX
#include <malloc.h>
#endif

#include "ov-memory.h"

/* Before any thread is started: main() of each program. */
void
ov_memory_set_up (void)
{
#if HAVE_MALLOPT_ARENA_MAX
  mallopt (M_ARENA_MAX, 2);
  mallopt (M_MMAP_THRESHOLD, 256 * 1024);
#endif
}

void
ov_memory_give_back (void)
{
#if HAVE_MALLOC_TRIM
  malloc_trim (0);
#endif
}
