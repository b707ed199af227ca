package io.mempool.testkit;

/**
 * Every rule {@link MempoolOpsConformance} proves, one method per rule, grouped as the suite runs
 * them: the implementer's hooks ({@link Validate}), the driver SPI on a raw store ({@link Spi}), a store
 * in a memzone ({@link Memzone}), a store that places its objects ({@link Placement}), the pool built on
 * the driver, per cache mode ({@link PoolBasic}) and otherwise ({@link Pool}, {@link Events}), and
 * conservation under concurrency ({@link Concurrency}).
 *
 * <p>Each rule says what it proves and ends with what to check if it fails. {@code dpdk} rules port
 * a check of DPDK's {@code app/test/test_mempool.c}; their section numbers are those of
 * DPDK-FACTS §4.1.
 */
public interface MempoolOpsConformanceRules {

    /** Rules on the implementer's hooks: a wrong hook would make other rules prove the wrong thing. */
    interface Validate {
        /**
         * {@code opsName()} names an ops that {@code MempoolOpsRegistry} (ServiceLoader) found.
         * If this test fails, check: the driver jar's {@code META-INF/services/io.mempool.api.MempoolOps}
         * file or its module-info {@code provides} clause, and the spelling of {@code name()}.
         */
        void required_validate_opsNameIsRegistered();

        /**
         * {@code singleProducerOnly()} is true when the ops' {@code requiredFlags()} contain
         * {@code SP_PUT}; a hook may add a promise the ops lack but never drop one, or the concurrency
         * rules would put from several threads at once.
         * If this test fails, check: the override of {@code singleProducerOnly()}.
         */
        void required_validate_singleProducerOnlyKeepsRequiredFlags();

        /**
         * {@code singleConsumerOnly()} is true when the ops' {@code requiredFlags()} contain {@code SC_GET}.
         * If this test fails, check: the override of {@code singleConsumerOnly()}.
         */
        void required_validate_singleConsumerOnlyKeepsRequiredFlags();

        /**
         * {@code concurrencyBudget()} is positive and at most 10 s, so every concurrency rule stops by
         * itself in reasonable time.
         * If this test fails, check: the override of {@code concurrencyBudget()} and the system
         * property {@code mempool.testkit.budget.ms}.
         */
        void required_validate_concurrencyBudgetIsBounded();

        /**
         * {@code ruleTimeout()} exceeds {@code concurrencyBudget()} and is at most 10 minutes, so a rule
         * that hangs fails in reasonable time and no concurrency rule is cut short.
         * If this test fails, check: the override of {@code ruleTimeout()} and the system property
         * {@code mempool.testkit.timeout.ms}.
         */
        void required_validate_ruleTimeoutIsBounded();

        /**
         * {@code handles(n)} returns exactly {@code n} distinct handles, none {@code 0L}, for n of 1, 11,
         * 64 and 4096; the SPI rules count and compare on that.
         * If this test fails, check: the override of {@code handles(int)}.
         */
        void required_validate_handlesAreDistinctAndNonZero();
    }

    /** The {@code MempoolOps} contract, checked on a raw store from {@code alloc}. */
    interface Spi {
        /**
         * {@code name()} matches {@code [a-z0-9_]{1,31}} and is the name the registry knows it by.
         * If this test fails, check: {@code name()} (no capitals, dashes or dots).
         */
        void required_spi_nameIsWellFormed();

        /**
         * {@code requiredFlags()} is non-null, the same on every call, and holds only single-thread
         * promises: a subset of {@code {SP_PUT, SC_GET}}.
         * If this test fails, check: {@code requiredFlags()} (no {@code DEBUG}, {@code STATS} or layout
         * flags: the pool, not the store, owns those).
         */
        void required_spi_requiredFlagsAreSingleThreadPromises();

        /**
         * A new store counts 0 and a dequeue of 1 from it fails.
         * If this test fails, check: {@code alloc} (no leftover state shared between stores) and
         * {@code count}.
         */
        void required_spi_allocGivesAnEmptyStore();

        /**
         * A store takes at least {@code config.capacity()} handles, one by one, counting each; it may
         * take more (e.g. rounded to a power of two); drained, it gives back exactly what it took.
         * If this test fails, check: the slot array size computed in {@code alloc}, the full test of
         * {@code enqueue}, and index wrap-around.
         *
         * @param capacity the capacity the store is allocated with.
         */
        void required_spi_holdsAtLeastCapacity(int capacity);

        /**
         * An {@code enqueue} with too little room returns false and adds none of its handles; the
         * count is unchanged and a smaller enqueue that fits still succeeds. A store that never refuses
         * within four times its capacity must then have added every handle of every enqueue.
         * If this test fails, check: that {@code enqueue} reserves all {@code n} slots before it
         * writes any, that a failed reservation is not published, and that an enqueue returning true
         * drops nothing.
         */
        void required_spi_enqueueIsAllOrNothing();

        /**
         * A {@code dequeue} of more than the store holds returns false, takes nothing and does not
         * write the caller's table (filled with a sentinel beforehand); a dequeue that fits writes
         * exactly {@code objs[offset .. offset + n)}.
         * If this test fails, check: that {@code dequeue} reserves all {@code n} before copying out,
         * and that it never copies into the table before the reservation succeeded.
         */
        void required_spi_dequeueIsAllOrNothing();

        /**
         * After every call of a seeded random sequence of enqueues and dequeues (bulks 0..16),
         * {@code count} equals a model's count; a dequeue of no more than the model holds succeeds.
         * If this test fails, check: {@code count} (head/tail arithmetic, wrap at 2^32) and the
         * emptiness test of {@code dequeue}.
         */
        void required_spi_countIsExactWhenQuiescent();

        /**
         * Handles enqueued in random bulks at random table offsets come back in random bulks each
         * exactly once, and the store is empty afterwards.
         * If this test fails, check: slot indexing with offsets, and that a dequeue clears or skips
         * slots it has consumed.
         */
        void required_spi_everyHandleReturnedExactlyOnce();

        /**
         * 64 of the kit's handles come back bit for bit; by default these span the whole positive
         * {@code long} range (1, 8, 2^32 - 8, 2^32, typical addresses, {@code Long.MAX_VALUE}).
         * If this test fails, check: narrowing to {@code int}, offset translation (a translating driver
         * overrides {@code handles(int)} with handles of real pool memory), and use of a sentinel value
         * other than {@code 0L} for empty slots.
         */
        void required_spi_handlesRoundTripUnchanged();

        /**
         * {@code enqueue} and {@code dequeue} with {@code n == 0} return true and change nothing, on
         * an empty and on a full store, also with {@code offset == objs.length} and an empty table.
         * If this test fails, check: a special case for {@code n == 0} placed before or after the
         * argument checks.
         */
        void required_spi_zeroLengthCallsChangeNothing();

        /**
         * {@code enqueue} rejects a bad table argument (see {@link BadTable}) with one of the accepted
         * exceptions ({@code NullPointerException} or {@code IllegalArgumentException} for a null table;
         * {@code IndexOutOfBoundsException} or {@code IllegalArgumentException} for a bad count or range),
         * and the store's count and contents are unchanged.
         * If this test fails, check: that the store checks its arguments before it changes anything
         * ({@code Checks.checkTable(objs, offset, n)}, or {@code Objects.requireNonNull} and
         * {@code Objects.checkFromIndexSize}), also when {@code n == 0}.
         *
         * @param bad the bad argument.
         */
        void required_spi_enqueueRejectsBadArguments(BadTable bad);

        /**
         * {@code dequeue} rejects a bad table argument with one of the accepted exceptions (as for
         * enqueue); the store's count and contents and the caller's table are unchanged.
         * If this test fails, check: that the store checks its arguments before it takes or copies
         * anything, also when {@code n == 0}.
         *
         * @param bad the bad argument.
         */
        void required_spi_dequeueRejectsBadArguments(BadTable bad);

        /**
         * Two stores of the same ops share nothing: handles enqueued to one are not visible in the
         * other.
         * If this test fails, check: static (per-provider) state that should live in the store.
         */
        void required_spi_storesAreIndependent();

        /**
         * {@code free} accepts a store that still holds handles (a pool's store holds them all when
         * the pool closes).
         * If this test fails, check: {@code free} (it must not require an empty store).
         */
        void required_spi_freeAcceptsAStoreWithHandles();

        /**
         * A store whose {@code contigBlockSize} is 0 throws {@code UnsupportedOperationException} from
         * {@code dequeueContigBlocks} and keeps its count. Skipped, naming {@code contigBlockSize()},
         * when the store has blocks (then {@code optional_spi_contigBlocksAreWhole} applies).
         * If this test fails, check: an override of {@code dequeueContigBlocks} without an override
         * of {@code contigBlockSize}.
         */
        void optional_spi_noContigBlocksMeansUnsupported();

        /**
         * A store with contiguous blocks ({@code contigBlockSize() > 0}) hands out whole blocks: each
         * block taken lowers the count by the block size and its first handle is one that was
         * enqueued. Skipped, with the reason, when {@code contigBlockSize()} returned 0.
         * If this test fails, check: the block bookkeeping of {@code dequeueContigBlocks}.
         */
        void optional_spi_contigBlocksAreWhole();
    }

    /**
     * DPDK's {@code test_mempool_basic} (§4.1 check 8), run once per cache mode: no cache, the
     * calling thread's default cache (pool cache 512), and a user cache of 512 on a pool without one.
     */
    interface PoolBasic {
        /**
         * 8.1: a get of one object succeeds and returns a handle of the pool.
         * If this test fails, check: population (every object enqueued once) and the store's dequeue.
         */
        void required_dpdk_testMempoolBasic_getOne();

        /**
         * 8.2: after one get, {@code availCount() == size - 1} and {@code inUseCount() == 1}.
         * jmempool counts user caches in {@code availCount} (DPDK adds the user cache's length
         * instead), so the two forms agree.
         * If this test fails, check: the store's {@code count} and the pool's sum over caches.
         */
        void required_dpdk_testMempoolBasic_availCountAfterGetOne();

        /**
         * 8.5: an object put back can be got again; two further gets return two distinct objects;
         * with both put back the pool is full.
         * If this test fails, check: the store's enqueue of single objects.
         */
        void required_dpdk_testMempoolBasic_putBackThenGetTwo();

        /**
         * 8.6: gets succeed until the pool is empty, and then a get returns {@code NULL}. With one
         * thread and no other cache of this pool, every object is got: exactly {@code size}.
         * If this test fails, check: objects lost by the store (count vs. dequeue) or left in a cache.
         */
        void required_dpdk_testMempoolBasic_getUntilEmpty();

        /**
         * 8.7: every object got has an index below {@code size}, is distinct, and still holds what
         * {@code objectInit} wrote: its index in bytes 0..3 and zeroes in bytes 4..elementSize — the
         * pool and the store never touch object data.
         * If this test fails, check: a store that keeps its own data in the objects it holds.
         */
        void required_dpdk_testMempoolBasic_objectBytesUntouched();

        /**
         * 8.8: with every object put back, flushing the cache leaves it empty, the pool is full, and
         * the pool closes without complaint.
         * If this test fails, check: the store's count after bulk enqueues.
         */
        void required_dpdk_testMempoolBasic_putAllBackAndFlush();
    }

    /** The pool on the driver: creation, iteration, registry and the remaining test_mempool.c checks. */
    interface Pool {
        /**
         * §4.1 check 1: a pool with cache 0 is created on the ops under test, populated and full.
         * If this test fails, check: {@code alloc} with the pool's config and the enqueue of single
         * objects at populate.
         */
        void required_dpdk_testMempool_createWithoutCache();

        /**
         * §4.1 check 1: a pool with cache 512 is created, full, with a default cache of size 512.
         * If this test fails, check: as for {@code createWithoutCache}.
         */
        void required_dpdk_testMempool_createWithMaxCache();

        /**
         * §4.1 checks 2 and 4: {@code createEmpty} + {@code setOps(opsName())} + {@code populateDefault}
         * returns {@code size}, runs {@code objectInit} once per object, and fills the pool; a second
         * populate and a later {@code setOps} are refused with {@code IllegalStateException}.
         * If this test fails, check: {@code alloc} when called late, after {@code setOps}.
         */
        void required_dpdk_testMempool_createEmptySetOpsPopulate();

        /**
         * §4.1 check 3: {@code objIter} visits {@code size} distinct objects in populate order with
         * the pool, and each holds the index {@code objectInit} wrote for that position.
         * If this test fails, check: the pool's element list.
         */
        void required_dpdk_testMempool_objIterVisitsEveryObject();

        /**
         * §4.1 check 3: {@code memIter} visits at least one chunk with the pool, and every object
         * lies inside a chunk.
         * If this test fails, check: the pool's chunk list.
         */
        void required_dpdk_testMempool_memIterCoversEveryObject();

        /**
         * §4.1 check 6: objects are 64-byte aligned, or 8-byte with {@code NO_CACHE_ALIGN}; a pool
         * of one 8-byte object with {@code NO_CACHE_ALIGN} has one chunk.
         * If this test fails, check: the element layout.
         */
        void required_dpdk_testMempool_objectAlignment();

        /**
         * §4.1 check 7: {@code lookup} returns the same instance, {@code walk} visits it once,
         * {@code dump} and {@code listDump} name it, {@code audit} passes; after close it is gone.
         * If this test fails, check: the live-pool registry.
         */
        void required_dpdk_testMempool_lookupWalkAndListDump();

        /**
         * §4.1 check 9 ({@code test_mempool_basic_ex}, no cache): full; {@code size} single gets
         * succeed and one more fails; empty; all put back; full.
         * If this test fails, check: the store's count and its emptiness test.
         */
        void required_dpdk_testMempoolBasicEx();

        /**
         * §4.1 check 10: a pool with {@code NO_CACHE_ALIGN, SP_PUT, SC_GET} and cache 0 on the ops
         * under test runs {@code poolInit} once with itself, is found by {@code lookup}, and keeps
         * its flags and 8-byte alignment.
         * If this test fails, check: {@code alloc} with the SP/SC flags.
         */
        void required_dpdk_testMempoolSpSc_poolInitAndLookup();

        /**
         * §4.1 check 10: on that pool one thread gets while another puts, handing objects over a
         * lock-guarded table of 16 slots, for half the concurrency budget; every object put belongs
         * to the pool, and afterwards the pool is full.
         * If this test fails, check: the single-producer / single-consumer paths of the store
         * (publication of slots before the tail moves).
         *
         * @throws InterruptedException if the test thread is interrupted while it waits for the workers.
         */
        void required_dpdk_testMempoolSpSc_oneGetterOnePutter() throws InterruptedException;

        /**
         * §4.1 check 11: a cache size of 512 + 32 is refused with {@code IllegalArgumentException}
         * and nothing is created.
         * If this test fails, check: the builder's validation (a core matter, not the driver's).
         */
        void required_dpdk_testMempool_cacheAboveMaxRejected();

        /**
         * §4.1 check 11: a second pool with a live pool's name is refused with
         * {@code IllegalArgumentException}; the first stays usable.
         * If this test fails, check: the live-pool registry, and that a refused create frees the
         * store it allocated.
         */
        void required_dpdk_testMempool_duplicateNameRejected();

        /**
         * Without contiguous blocks, {@code getContigBlocks} throws
         * {@code UnsupportedOperationException}. Skipped, naming {@code contigBlockSize()}, when the
         * store has blocks.
         * If this test fails, check: {@code contigBlockSize} and {@code dequeueContigBlocks}.
         */
        void optional_pool_noContigBlocksMeansUnsupported();

        /**
         * With contiguous blocks, {@code getContigBlocks} hands out whole blocks: each block's
         * objects (first + k x stride) belong to the pool, are distinct, and lower
         * {@code availCount} by the block size; put back, the pool is full. Skipped, with the
         * reason, when {@code contigBlockSize()} returned 0.
         * If this test fails, check: the block bookkeeping of {@code dequeueContigBlocks}.
         */
        void optional_pool_contigBlocksAreWhole();

        /**
         * With DEBUG and STATS, {@code getContigBlocks} marks every object of every block handed out (so each
         * goes back once with {@code putBulk}, and a second put is a double put), counts one bulk and the
         * blocks got ({@code get_success_blks}), and a call for more blocks than the pool has returns false,
         * writes nothing, changes no count but the failures ({@code get_fail_blks}). Skipped when
         * {@code contigBlockSize()} returned 0.
         * If this test fails, check: {@code dequeueContigBlocks} returning false without taking anything.
         */
        void optional_pool_contigBlocksAreCheckedAndCounted();
    }

    /** §4.1 checks 12 and 13: pool events, on pools of the ops under test. */
    interface Events {
        /**
         * 12.1: three distinct listeners are added (true each) and removed (true each).
         * If this test fails, check: the listener list (a core matter).
         */
        void required_dpdk_testMempoolEvents_addThreeListeners();

        /**
         * 12.2: removing a listener that was never added returns false.
         * If this test fails, check: the listener list (a core matter).
         */
        void required_dpdk_testMempoolEvents_removeUnknownFails();

        /**
         * 12.3: {@code createEmpty} fires nothing.
         * If this test fails, check: when READY is fired.
         */
        void required_dpdk_testMempoolEvents_createEmptyFiresNothing();

        /**
         * 12.4: {@code populateDefault} returns {@code size}, and each listener gets READY once with
         * the pool being populated.
         * If this test fails, check: when READY is fired and with which pool.
         */
        void required_dpdk_testMempoolEvents_populateFiresReadyOnce();

        /**
         * 12.4 for the one-step path: {@code create()} fires READY once per listener, with the pool.
         * If this test fails, check: when READY is fired and with which pool.
         */
        void required_dpdk_testMempoolEvents_createFiresReadyOnce();

        /**
         * 12.5: a removed listener sees nothing more (no DESTROY).
         * If this test fails, check: the listener list is read at each event.
         */
        void required_dpdk_testMempoolEvents_removedListenerSeesNothingMore();

        /**
         * 12.6: {@code close} gives each listener DESTROY once, with the pool being closed.
         * If this test fails, check: when DESTROY is fired and with which pool.
         */
        void required_dpdk_testMempoolEvents_closeFiresDestroy();

        /**
         * 13: a listener that removes itself during READY gets true and is not called again.
         * If this test fails, check: iteration over a snapshot of the listener list.
         */
        void required_dpdk_testMempoolEventSafety_removeSelfDuringReady();

        /**
         * 13: a listener added during READY (true) misses that READY but gets DESTROY.
         * If this test fails, check: iteration over a snapshot of the listener list.
         */
        void required_dpdk_testMempoolEventSafety_addAnotherDuringReady();

        /**
         * 13: adding the same listener twice returns false the second time (DPDK's -EEXIST).
         * If this test fails, check: the duplicate test of {@code addEventListener}.
         */
        void required_dpdk_testMempoolEventSafety_addSameListenerTwiceFails();
    }

    /** Conservation under concurrency, bounded by {@code concurrencyBudget()}. */
    interface Concurrency {
        /**
         * Getters, putters (and, for a store without single-producer/consumer promises, mixed
         * threads) run on one pool for the budget with random bulks of 1..64, handing objects over a
         * lock-guarded queue; a handle handed out twice at once is caught by a CAS mark in its memory.
         * Afterwards every handle is present exactly once (a BitSet of {@code indexOf}) and the pool
         * is full. A store promising a single producer gets exactly one putting thread, one promising
         * a single consumer exactly one getting thread (getters only get and putters only put, so a
         * default cache's flush and refill keep the promise too).
         * If this test fails, check: the store's multi-producer / multi-consumer paths (a CAS on the
         * head, an in-order tail publish, ABA), and the happens-before from enqueue to dequeue.
         *
         * @param cacheSize the pool's cache size, 0 and 256.
         * @throws InterruptedException if the test thread is interrupted while it waits for the workers.
         */
        void required_concurrency_everyHandlePresentExactlyOnce(int cacheSize) throws InterruptedException;
    }

    /**
     * A store in a memzone (docs/architecture.md: the store SPI, shared pools): {@code allocIn} in a raw zeroed region of exactly
     * {@code memzoneBytes} bytes, followed by a guard that must stay untouched; {@code attach} from the same
     * range. Every rule but the first skips, naming {@code memzoneBytes()}, when it returned a negative value.
     */
    interface Memzone {
        /**
         * A store that cannot live in a memzone ({@code memzoneBytes < 0}) throws
         * {@code UnsupportedOperationException} from {@code allocIn} and {@code attach}. Skipped when it can.
         * If this test fails, check: an override of {@code allocIn} or {@code attach} without one of
         * {@code memzoneBytes}.
         */
        void optional_memzone_noMemzoneMeansUnsupported();

        /**
         * Every {@code required_spi_*} rule, with every argument, passes with each store made by
         * {@code allocIn} in its own region of exactly {@code memzoneBytes} bytes; no store writes past it.
         * If this test fails, check: the rule named in the failure, {@code memzoneBytes} (too small), and
         * state kept on the Java heap instead of in the range.
         */
        void optional_memzone_storeInAMemzoneKeepsTheSpiContract();

        /**
         * Views from {@code attach} share the store made by {@code allocIn}: handles enqueued through one are
         * counted and taken through the others, each exactly once.
         * If this test fails, check: counters, heads or tails kept in Java fields (each view then has its own)
         * and the header {@code attach} reads.
         */
        void optional_memzone_attachSeesTheSameStore();

        /**
         * Getters and putters on two views run for the concurrency budget (one thread on a side the ops
         * promise single, across both views); no handle is handed out twice, and afterwards every handle is
         * in the store exactly once.
         * If this test fails, check: synchronisation kept in a Java object (a lock or an atomic field) per
         * view instead of in the range.
         *
         * @throws InterruptedException if the test thread is interrupted while it waits for the workers.
         */
        void optional_memzone_viewsWorkConcurrently() throws InterruptedException;

        /**
         * {@code attach} refuses zeroed memory and random bytes, and {@code attach} and {@code allocIn} refuse a
         * length short of {@code memzoneBytes}, each with {@code IllegalArgumentException} or
         * {@code IllegalStateException} (naming the length when that is what is wrong); a refused
         * {@code allocIn} writes nothing.
         * If this test fails, check: that {@code attach} checks a magic and layout version before trusting the
         * header, and that both check the length before touching memory.
         */
        void optional_memzone_attachRefusesWhatIsNoStore();

        /**
         * {@code free} of an attached view leaves the creator's view working, and {@code free} of every view
         * leaves the store in the range for a later {@code attach}: the memory is the caller's.
         * If this test fails, check: a {@code free} that clears, unmaps or releases the range.
         */
        void optional_memzone_freeOfOneViewKeepsTheOthers();
    }

    /**
     * A store that places its objects itself (DPDK's {@code calc_mem_size} and {@code populate}, as the bucket
     * driver): raw stores populated with a 64-byte header and a 192-byte stride in regions of what
     * {@code calcMemSize} asks, and a pool on the ops. Every rule but the first skips, naming
     * {@code calcMemSize()}, when it returned null. (The SPI rules run on such a store too: it is populated
     * first and the kit's handles are mapped onto its objects.)
     */
    interface Placement {
        /**
         * A store whose {@code calcMemSize} gives no need leaves the layout to the pool: {@code populate}
         * returns -1 and calls back nothing. Skipped when it gives a need.
         * If this test fails, check: an override of {@code populate} without one of {@code calcMemSize}.
         */
        void optional_placement_noNeedMeansThePoolsLayout();

        /**
         * For 1, 2, 3, 64 and 1055 objects the need is the same on every call, at least as many bytes as
         * that many elements, never less than for fewer objects, and its smallest chunk holds an element.
         * If this test fails, check: the arithmetic of {@code calcMemSize} (rounding to whole units).
         */
        void optional_placement_needIsSoundForEveryCount();

        /**
         * {@code populate} of 1055 objects into a region of exactly the need's bytes, aligned as asked, places
         * all of them, calling back once per object: each element whole inside the region, aligned, in runs
         * of equal length one distance apart (the rule of {@code PopulateCallback}); the store then holds
         * exactly them.
         * If this test fails, check: the start of the first unit (aligned up from the region's address), the
         * last unit's end, and that a unit's bookkeeping is ready before its objects are called back.
         */
        void optional_placement_populatePlacesEveryObjectInItsRegionInRuns();

        /**
         * {@code populate} places no more than {@code maxObjects} (and at least one where there is room), and
         * a second region of what {@code calcMemSize} asks for the rest places exactly the rest; the store
         * holds the objects of both regions.
         * If this test fails, check: the count of objects already placed, kept across populates (one per
         * chunk of the pool).
         */
        void optional_placement_populateKeepsToMaxObjectsAndTheNeedOfTheRest();

        /**
         * A region of {@code minChunkBytes}, aligned as asked, holds at least one object.
         * If this test fails, check: {@code minChunkBytes} (one whole unit).
         */
        void optional_placement_theSmallestChunkHoldsAnObject();

        /**
         * When the callback throws (the pool refusing an object, or {@code objectInit} failing),
         * {@code populate} throws that very exception and calls back no more.
         * If this test fails, check: a catch around the callback.
         */
        void optional_placement_populatePassesTheCallbacksFailureOn();

        /**
         * A pool on the ops (with DEBUG) has its objects where the store placed them: {@code objectAt}
         * gives the object {@code objectInit} saw at each index, {@code indexOf} inverts it, every object
         * lies in a chunk of {@code memIter}, {@code audit} passes, and a get of every object gives each once.
         * If this test fails, check: the rule named in the message, then the placement rules above.
         */
        void optional_placement_poolObjectsAreWhereTheStorePlacedThem();

        /**
         * On a populated store holding all its objects, whole blocks can be taken until none is left, each
         * of {@code contigBlockSize()} objects one stride apart that were all in the store (no block shares
         * an object with another); the count falls by a block each time, and the objects go back one by one.
         * Skipped too when {@code contigBlockSize()} returned 0.
         * If this test fails, check: which objects {@code dequeueContigBlocks} takes for a block, and that
         * it removes them from the store.
         */
        void optional_placement_contigBlocksAreRunsOfPlacedObjects();
    }

    /** Bad input to every public method of the pool and its caches: the right exception, a clear message, nothing changed. */
    interface BadInput {
        /**
         * The builder rejects a malformed or too long name, sizes out of range, null flags and params and an
         * unknown ops name, each with {@code name: value (expected: range)}, and a rejected create registers
         * nothing. If this test fails, check: the builder's checks and their order (before any allocation).
         */
        void required_badInput_builderRejectsValuesOutOfRange();

        /**
         * {@code getBulk} and {@code genericGet}, in every cache mode, reject a null table, a negative n, n past
         * the table and an offset past the table, and neither write the table nor change the counts.
         * If this test fails, check: that the arguments are checked before the cache or the store is touched.
         */
        void required_badInput_getsRejectBadTables();

        /**
         * {@code putBulk} and {@code genericPut}, in every cache mode, reject bad tables with nothing enqueued.
         * If this test fails, check: the argument checks on the put paths.
         */
        void required_badInput_putsRejectBadTables();

        /**
         * Every put rejects NULL, another pool's handle, and addresses inside or beyond the pool's elements with
         * {@code IllegalArgumentException}, and enqueues nothing of the call.
         * If this test fails, check: the handle check runs over the whole table before anything is enqueued.
         */
        void required_badInput_putsRejectForeignHandles();

        /**
         * {@code genericGet}/{@code genericPut} reject another pool's cache and a closed cache; a closed cache
         * refuses {@code flush}. If this test fails, check: the cache ownership and state checks.
         */
        void required_badInput_cachesMustBeOwnAndOpen();

        /**
         * {@code createCache} accepts sizes 1..512 only. If this test fails, check: the cache size check.
         */
        void required_badInput_createCacheRejectsSizesOutOfRange();

        /**
         * A thread's default cache cannot be closed by hand (it lives with its thread and pool) and keeps its
         * objects when asked to. If this test fails, check: {@code MempoolCache.close} for default caches.
         */
        void required_badInput_defaultCacheIsNotClosedByHand();

        /**
         * {@code indexOf}, {@code address} and {@code byteBuffer} reject a handle that is not one of the
         * pool's objects. If this test fails, check: the handle check.
         */
        void required_badInput_handleQueriesRejectForeignHandles();

        /**
         * {@code setOps} rejects an unknown name and null params, and once populated refuses with
         * {@code IllegalStateException}, as does a second {@code populateDefault}. If this test fails, check:
         * the ops freeze.
         */
        void required_badInput_setOpsRejectsUnknownNamesAndPopulatedPools();

        /**
         * Null visitors, sinks, actions, names and listeners are rejected with {@code IllegalArgumentException}.
         * If this test fails, check: the null checks of the iteration, dump, registry and event methods.
         */
        void required_badInput_nullCallbacksAndSinksAreRejected();

        /**
         * {@code getContigBlocks} checks its table before it asks the store for contiguous blocks.
         * If this test fails, check: the order of checks in {@code getContigBlocks}.
         */
        void required_badInput_contigBlocksRejectBadTablesFirst();

        /**
         * After {@code close()} every call but the configuration getters throws {@code IllegalStateException}
         * ("pool X is closed"), so nothing touches freed memory. If this test fails, check: the closed-state
         * check at the top of each method.
         */
        void required_badInput_closedPoolRefusesEveryCall();
    }
}
