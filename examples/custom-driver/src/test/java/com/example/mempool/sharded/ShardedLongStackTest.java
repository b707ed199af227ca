package com.example.mempool.sharded;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.LongStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * What the conformance suite cannot see from outside: bulks that span shards (through the
 * package-private calls that take an explicit home shard), the home shard's LIFO order, the shard
 * count, and all-or-nothing bulks across shards under concurrency.
 */
class ShardedLongStackTest {
    private static final long BASE = 0x0000_7f00_0000_0000L;
    private static final long SENTINEL = 0x5e5e_5e5e_5e5e_5e5eL;

    private static long handle(final int i) {
        return BASE + 64L * i;
    }

    private static long[] handles(final int from, final int n) {
        return LongStream.range(from, from + n).map(i -> handle((int) i)).toArray();
    }

    private static long[] sorted(final long[] objs) {
        final long[] copy = objs.clone();
        Arrays.sort(copy);
        return copy;
    }

    @Test
    void aBulkPopTakesFromEveryShardOrFromNone() {
        final ShardedLongStack store = new ShardedLongStack(12, 4);
        assertEquals(3, store.slotsPerShard(), "slots per shard");
        for (int shard = 0; shard < 4; shard++) {
            assertTrue(store.push(handles(3 * shard, 3), 0, 3, shard), "push of 3 into shard " + shard);
        }
        final long[] table = new long[14];
        Arrays.fill(table, SENTINEL);
        assertFalse(store.pop(table, 1, 13, 2), "pop of 13 from a store of 12 succeeded");
        assertTrue(Arrays.stream(table).allMatch(h -> h == SENTINEL), "a refused pop wrote the table");
        for (int shard = 0; shard < 4; shard++) {
            assertEquals(3, store.shardLength(shard), "shard " + shard + " after a refused pop");
        }

        assertTrue(store.pop(table, 1, 12, 2), "pop of 12 spanning the four shards");
        assertArrayEquals(handles(0, 12), sorted(Arrays.copyOfRange(table, 1, 13)), "handles taken");
        assertEquals(SENTINEL, table[0], "slot before the range");
        assertEquals(SENTINEL, table[13], "slot after the range");
        assertEquals(0, store.count(), "count after taking all");
        for (int shard = 0; shard < 4; shard++) {
            assertEquals(0, store.shardLength(shard), "shard " + shard + " after taking all");
        }
    }

    @Test
    void aBulkPushSpillsPastAFullHomeShard() {
        final ShardedLongStack store = new ShardedLongStack(12, 4);
        assertTrue(store.push(handles(0, 10), 0, 10, 1), "push of 10 from home shard 1");
        assertEquals(3, store.shardLength(1), "home shard");
        assertEquals(3, store.shardLength(2), "next shard");
        assertEquals(3, store.shardLength(3), "shard after that");
        assertEquals(1, store.shardLength(0), "wrapped around to shard 0");
        assertFalse(store.push(handles(100, 3), 0, 3, 0), "push of 3 with room for 2 succeeded");
        assertEquals(10, store.count(), "count after a refused push");
        assertTrue(store.push(handles(100, 2), 0, 2, 0), "push of 2 with room for 2");
        assertEquals(12, store.count(), "count once full");
    }

    @Test
    void theHomeShardGivesBackItsOwnHandlesNewestFirst() {
        final ShardedLongStack store = new ShardedLongStack(16, 2);
        assertTrue(store.push(handles(0, 3), 0, 3, 0), "push into shard 0");
        assertTrue(store.push(handles(10, 3), 0, 3, 1), "push into shard 1");
        final long[] out = new long[4];
        assertTrue(store.pop(out, 0, 4, 1), "pop of 4 from home shard 1");
        assertArrayEquals(new long[] {handle(12), handle(11), handle(10), handle(2)}, out,
            "shard 1 newest first, then shard 0 newest first");
    }

    @Test
    void shardsAreNeverMoreThanTheCapacity() {
        assertEquals(3, new ShardedLongStack(3, 8).shardCount(), "shards of a store of 3");
        assertEquals(8, new ShardedLongStack(1000, 8).shardCount(), "shards of a store of 1000");
        assertEquals(125, new ShardedLongStack(1000, 8).slotsPerShard(), "slots per shard");
        assertEquals(1, new ShardedLongStack(1, 1).capacity(), "capacity");
        assertThrows(IllegalArgumentException.class, () -> new ShardedLongStack(0, 1), "capacity 0");
        assertThrows(IllegalArgumentException.class, () -> new ShardedLongStack(8, 0), "0 shards");
        assertThrows(IllegalArgumentException.class,
            () -> new ShardedLongStack(8, ShardedLongStack.MAX_SHARDS + 1), "too many shards");
    }

    /**
     * Four threads pop bulks of 1..100 from a store of 256 in four shards of 64 (so most bulks span
     * shards, and many are refused), mark each handle in a table as taken (a handle taken twice at
     * once fails), and push it back, for at most half a second; afterwards every handle is in the
     * store exactly once.
     */
    @Test
    void crossShardBulksConserveEveryHandle() throws InterruptedException {
        final int capacity = 256;
        final ShardedLongStack store = new ShardedLongStack(capacity, 4);
        assertTrue(store.push(handles(0, capacity), 0, capacity, 0), "fill");
        final AtomicIntegerArray out = new AtomicIntegerArray(capacity);
        final Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        final long deadline = System.nanoTime() + Duration.ofMillis(500).toNanos();
        final List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            final long seed = t;
            final Thread worker = new Thread(() -> {
                try {
                    churn(store, out, new SplittableRandom(seed), deadline);
                } catch (final Throwable ex) {
                    failures.add(ex);
                }
            }, "churn-" + t);
            // daemon: a livelocked store must fail this test, not hang the build
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (final Thread worker : workers) {
            worker.join(Duration.ofSeconds(10).toMillis());
            if (worker.isAlive()) {
                fail(worker.getName() + " did not stop within 10 s of its deadline");
            }
        }
        if (!failures.isEmpty()) {
            final AssertionError error = new AssertionError("a worker failed", failures.peek());
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
        assertEquals(capacity, store.count(), "count once every worker has stopped");
        final long[] all = new long[capacity];
        assertTrue(store.pop(all, 0, capacity), "pop of every handle");
        assertArrayEquals(handles(0, capacity), sorted(all), "every handle exactly once");
    }

    private static void churn(final ShardedLongStack store, final AtomicIntegerArray out,
                              final SplittableRandom random, final long deadline) {
        final long[] table = new long[100];
        while (System.nanoTime() < deadline) {
            final int n = 1 + random.nextInt(table.length);
            final int home = random.nextInt(store.shardCount());
            Arrays.fill(table, SENTINEL);
            if (!store.pop(table, 0, n, home)) {
                for (int i = 0; i < n; i++) {
                    assertEquals(SENTINEL, table[i], "a refused pop of " + n + " wrote slot " + i);
                }
                continue;
            }
            for (int i = 0; i < n; i++) {
                final int index = (int) ((table[i] - BASE) / 64);
                assertEquals(0, out.getAndSet(index, 1), "handle " + index + " handed out twice at once");
            }
            for (int i = 0; i < n; i++) {
                out.set((int) ((table[i] - BASE) / 64), 0);
            }
            assertTrue(store.push(table, 0, n, random.nextInt(store.shardCount())),
                "push of " + n + " handles just taken was refused");
        }
    }
}
