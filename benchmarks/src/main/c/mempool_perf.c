/*
 * jmempool's DPDK harness: the loop of DPDK's test_mempool_perf (fixed bulks) on rte_mempool, so that
 * `compare` can show DPDK beside the Java figures. Our own code, built by `compare` with gcc against the
 * installed libdpdk and run without hugepages.
 *
 * usage: mempool_perf <EAL args> -- WARMUPS ITERATIONS ITERATION_MS OPS CACHE GET_BULK PUT_BULK N_KEEP THREADS
 *        mempool_perf <EAL args> -- ops OPS
 *   OPS: ring_mp_mc (rte_mempool_create's default) or another registered mempool driver, e.g. bucket
 *   CACHE: default (pool cache 512), none (no cache), user (no pool cache, a user cache of 512 per lcore)
 * prints: RESULT <objects/s of each measurement iteration, summed over lcores as DPDK's rate_persec>
 *   (the second form prints nothing and exits 0 if OPS is registered). Either form, where OPS is not
 *   registered (its shared-library driver not loaded): NO_OPS <ops>: not registered; registered: <names>,
 *   and exit 3.
 *
 * The pool has 2048-byte elements, sized as DPDK's test sizes it: threads x (32768 + 2 x 512) - 1. A get
 * failure aborts. As in every Java cell, each object got is used: one 64-bit store of its slot's index at
 * its start (DPDK's own loop touches nothing).
 *
 * Without hugepages the ring_mp_mc pool asks for RTE_MEMPOOL_F_NO_IOVA_CONTIG: otherwise no object may
 * cross a 4 KiB page, so each takes a page of its own at the same page offset and every store conflicts in
 * the CPU's caches (12 ns an object here instead of 0.3). With the flag the objects are packed as on
 * hugepages. Other ops cannot take that route: see create_on_heap().
 */
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_launch.h>
#include <rte_lcore.h>
#include <rte_malloc.h>
#include <rte_mempool.h>
#include <rte_pause.h>

#define MAX_KEEP 32768
#define CACHE_SIZE 512
#define ELEMENT_SIZE 2048
/* Objects between two clock reads: the Java side's objects per JMH invocation. */
#define CHUNK 32768
#define MAX_ITERATIONS 1000
#define DEFAULT_OPS "ring_mp_mc"
#define HEAP_NAME "jmempool_perf"
/* The page size the external heap declares: a hugepage's, as DPDK's pools are laid out in production. */
#define HEAP_PAGE (2u << 20)
#define NO_OPS_EXIT 3

#ifndef RTE_MEMPOOL_F_NO_IOVA_CONTIG
#define RTE_MEMPOOL_F_NO_IOVA_CONTIG MEMPOOL_F_NO_IOVA_CONTIG /* DPDK before 21.11 */
#endif

enum cache_mode { CACHE_DEFAULT, CACHE_NONE, CACHE_USER };

static struct rte_mempool *pool;
static enum cache_mode mode;
static unsigned int get_bulk, put_bulk, n_keep;
static uint64_t duration_cycles;
static atomic_int started;
static void **tables[RTE_MAX_LCORE];
static uint64_t objects_done[RTE_MAX_LCORE];
static uint64_t cycles_taken[RTE_MAX_LCORE];
/* The external heap's mapping and its 2 MiB-aligned part, or NULL (ring_mp_mc's pool is in EAL's memory). */
static void *heap_mapping, *heap_memory;
static size_t heap_length;

/* One lcore's share of an iteration: rounds of get n_keep in bulks, put them back, until the time is up. */
static int run_lcore(void *arg)
{
	const unsigned int lcore = rte_lcore_id();
	void **const table = tables[lcore];
	struct rte_mempool_cache *cache = NULL;
	uint64_t done = 0;
	uint64_t start, now;
	unsigned int i, j, k;

	(void)arg;
	if (mode == CACHE_DEFAULT)
		cache = rte_mempool_default_cache(pool, lcore);
	else if (mode == CACHE_USER)
		cache = rte_mempool_cache_create(CACHE_SIZE, SOCKET_ID_ANY);
	while (!atomic_load_explicit(&started, memory_order_acquire))
		rte_pause();
	start = rte_rdtsc();
	do {
		for (k = 0; k < CHUNK; k += n_keep) {
			for (i = 0; i < n_keep; i += get_bulk) {
				if (rte_mempool_generic_get(pool, &table[i], get_bulk, cache) < 0) {
					fprintf(stderr, "lcore %u: get of %u failed at slot %u\n", lcore, get_bulk, i);
					return -1;
				}
				for (j = i; j < i + get_bulk; j++)
					*(volatile uint64_t *)table[j] = j;
			}
			for (i = 0; i < n_keep; i += put_bulk)
				rte_mempool_generic_put(pool, &table[i], put_bulk, cache);
		}
		done += CHUNK;
		now = rte_rdtsc();
	} while (now - start < duration_cycles);
	objects_done[lcore] = done;
	cycles_taken[lcore] = now - start;
	if (mode == CACHE_USER) {
		rte_mempool_cache_flush(cache, pool);
		rte_mempool_cache_free(cache);
	}
	return 0;
}

/* One iteration on `threads` lcores (the main one included); returns the summed objects/s, < 0 on failure. */
static double iterate(const unsigned int threads)
{
	unsigned int lcores[RTE_MAX_LCORE];
	unsigned int launched = 0, lcore, i;
	int failed = 0;
	double rate = 0;

	atomic_store_explicit(&started, 0, memory_order_relaxed);
	RTE_LCORE_FOREACH_WORKER(lcore) {
		if (launched + 1 >= threads)
			break;
		if (rte_eal_remote_launch(run_lcore, NULL, lcore) != 0)
			return -1;
		lcores[launched++] = lcore;
	}
	/* release: the workers read the settings written before */
	atomic_store_explicit(&started, 1, memory_order_release);
	failed |= run_lcore(NULL);
	for (i = 0; i < launched; i++)
		failed |= rte_eal_wait_lcore(lcores[i]);
	if (failed)
		return -1;
	lcores[launched++] = rte_get_main_lcore();
	for (i = 0; i < launched; i++)
		rate += (double)objects_done[lcores[i]] * (double)rte_get_tsc_hz() / (double)cycles_taken[lcores[i]];
	return rate;
}

/* Whether ops is a registered mempool driver; if not, says so with the registered ones. */
static int registered(const char *ops)
{
	unsigned int i;

	for (i = 0; i < rte_mempool_ops_table.num_ops; i++)
		if (strcmp(rte_mempool_ops_table.ops[i].name, ops) == 0)
			return 1;
	printf("NO_OPS %s: not registered; registered:", ops);
	for (i = 0; i < rte_mempool_ops_table.num_ops; i++)
		printf(" %s", rte_mempool_ops_table.ops[i].name);
	printf("\n");
	return 0;
}

/*
 * A pool on any other ops, made as test_mempool_perf makes its pools on the default ops: create_empty,
 * set_ops_byname, populate_default. Not with RTE_MEMPOOL_F_NO_IOVA_CONTIG: with it DPDK gives the pool a
 * page size of 0, and bucket sizes its buckets by the page (min(page, 64 KiB)): populate fails with ENOMEM.
 * Without it and without hugepages the page is 4 KiB: one 2112-byte object per bucket, each at the same
 * page offset (113M objects/s with the cache here, against 1.5G for ring_mp_mc). So the pool goes in an
 * external malloc heap over anonymous memory that declares 2 MiB pages: DPDK lays it out as on hugepages,
 * bucket's buckets are its default 64 KiB (31 objects each), and no object crosses a page.
 */
static struct rte_mempool *create_on_heap(const char *ops, const unsigned int size, const unsigned int cache_size,
	const unsigned int threads)
{
	/* the objects with their headers, rings of every object (bucket: one per lcore, its orphan and bucket
	 * rings), and room for the pool's header, caches and stacks; untouched pages cost nothing */
	const size_t rings = (size_t)(threads + 2) * rte_align32pow2(size + 1) * sizeof(void *);
	const size_t need = (size_t)size * (ELEMENT_SIZE + 2 * RTE_CACHE_LINE_SIZE) + rings + (64u << 20);
	struct rte_mempool *mp;
	int socket, rc;

	heap_length = RTE_ALIGN_CEIL(need, HEAP_PAGE);
	heap_mapping = mmap(NULL, heap_length + HEAP_PAGE, PROT_READ | PROT_WRITE,
		MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (heap_mapping == MAP_FAILED)
		rte_exit(EXIT_FAILURE, "mmap of %zu bytes failed\n", heap_length + HEAP_PAGE);
	heap_memory = RTE_PTR_ALIGN_CEIL(heap_mapping, HEAP_PAGE);
	if (rte_malloc_heap_create(HEAP_NAME) != 0
	    || rte_malloc_heap_memory_add(HEAP_NAME, heap_memory, heap_length, NULL, 0, HEAP_PAGE) != 0)
		rte_exit(EXIT_FAILURE, "external heap of %zu bytes: %s\n", heap_length, rte_strerror(rte_errno));
	socket = rte_malloc_heap_get_socket(HEAP_NAME);
	mp = rte_mempool_create_empty("jmempool_perf", size, ELEMENT_SIZE, cache_size, 0, socket, 0);
	if (mp == NULL)
		rte_exit(EXIT_FAILURE, "rte_mempool_create_empty failed: %s\n", rte_strerror(rte_errno));
	rc = rte_mempool_set_ops_byname(mp, ops, NULL);
	if (rc < 0)
		rte_exit(EXIT_FAILURE, "rte_mempool_set_ops_byname(%s) failed: %s\n", ops, rte_strerror(-rc));
	rc = rte_mempool_populate_default(mp);
	if (rc < 0)
		rte_exit(EXIT_FAILURE, "rte_mempool_populate_default (%s) failed: %s\n", ops, rte_strerror(-rc));
	return mp;
}

static unsigned int number(const char *text, const char *what, const unsigned int min)
{
	char *end;
	const unsigned long n = strtoul(text, &end, 10);

	if (*text == '\0' || *end != '\0' || n < min || n > 1000000) {
		fprintf(stderr, "%s: %s (expected: an integer %u..1000000)\n", what, text, min);
		exit(2);
	}
	return (unsigned int)n;
}

int main(int argc, char **argv)
{
	unsigned int warmups, iterations, ms, threads, pool_size, cache_size, lcore, i;
	const char *ops;
	int found;
	double rates[MAX_ITERATIONS];
	const int parsed = rte_eal_init(argc, argv);

	if (parsed < 0)
		rte_exit(EXIT_FAILURE, "rte_eal_init failed\n");
	argc -= parsed;
	argv += parsed;
	if (argc == 3 && strcmp(argv[1], "ops") == 0) {
		found = registered(argv[2]);
		rte_eal_cleanup();
		return found ? 0 : NO_OPS_EXIT;
	}
	if (argc != 10) {
		fprintf(stderr, "usage: mempool_perf <EAL args> -- WARMUPS ITERATIONS ITERATION_MS "
			"OPS default|none|user GET_BULK PUT_BULK N_KEEP THREADS\n"
			"       mempool_perf <EAL args> -- ops OPS\n");
		return 2;
	}
	warmups = number(argv[1], "warmups", 0);
	iterations = number(argv[2], "iterations", 1);
	ms = number(argv[3], "iteration ms", 1);
	ops = argv[4];
	if (strcmp(argv[5], "default") == 0)
		mode = CACHE_DEFAULT;
	else if (strcmp(argv[5], "none") == 0)
		mode = CACHE_NONE;
	else if (strcmp(argv[5], "user") == 0)
		mode = CACHE_USER;
	else {
		fprintf(stderr, "cache: %s (expected: default, none or user)\n", argv[5]);
		return 2;
	}
	get_bulk = number(argv[6], "get bulk", 1);
	put_bulk = number(argv[7], "put bulk", 1);
	n_keep = number(argv[8], "n_keep", 1);
	threads = number(argv[9], "threads", 1);
	if (iterations > MAX_ITERATIONS || n_keep > MAX_KEEP || n_keep % get_bulk != 0 || n_keep % put_bulk != 0
	    || CHUNK % n_keep != 0 || threads > rte_lcore_count()) {
		fprintf(stderr, "unsupported: iterations %u, n_keep %u, bulks %u/%u, threads %u of %u lcores\n",
			iterations, n_keep, get_bulk, put_bulk, threads, rte_lcore_count());
		return 2;
	}

	if (!registered(ops))
		return NO_OPS_EXIT;
	pool_size = threads * (MAX_KEEP + 2 * CACHE_SIZE) - 1;
	cache_size = mode == CACHE_DEFAULT ? CACHE_SIZE : 0;
	if (strcmp(ops, DEFAULT_OPS) == 0)
		pool = rte_mempool_create("jmempool_perf", pool_size, ELEMENT_SIZE, cache_size, 0, NULL, NULL, NULL, NULL,
			SOCKET_ID_ANY, RTE_MEMPOOL_F_NO_IOVA_CONTIG);
	else
		pool = create_on_heap(ops, pool_size, cache_size, threads);
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "rte_mempool_create failed: %s\n", rte_strerror(rte_errno));
	RTE_LCORE_FOREACH(lcore) {
		tables[lcore] = calloc(n_keep, sizeof(void *));
		if (tables[lcore] == NULL)
			rte_exit(EXIT_FAILURE, "out of memory\n");
	}
	duration_cycles = rte_get_tsc_hz() * ms / 1000;
	for (i = 0; i < warmups + iterations; i++) {
		const double rate = iterate(threads);

		if (rate < 0)
			rte_exit(EXIT_FAILURE, "iteration %u failed\n", i);
		if (i >= warmups)
			rates[i - warmups] = rate;
	}
	printf("RESULT");
	for (i = 0; i < iterations; i++)
		printf(" %.0f", rates[i]);
	printf("\n");
	RTE_LCORE_FOREACH(lcore)
		free(tables[lcore]);
	rte_mempool_free(pool);
	if (heap_memory != NULL) {
		rte_malloc_heap_memory_remove(HEAP_NAME, heap_memory, heap_length);
		rte_malloc_heap_destroy(HEAP_NAME);
		munmap(heap_mapping, heap_length + HEAP_PAGE);
	}
	rte_eal_cleanup();
	return 0;
}
