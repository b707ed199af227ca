package io.mempool.bench;

import io.netty.util.concurrent.DefaultThreadFactory;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * JMH's benchmark threads for the Netty cells ({@code -Djmh.executor=CUSTOM}): Netty's own
 * {@code FastThreadLocalThread}s, as its event loops are. Netty 4.2 keeps its object pools (the
 * {@code Recycler} behind every pooled {@code ByteBuf}) and its fast thread-local caches only on such
 * threads; on any other thread each allocation makes a new buffer object, which is not Netty at its best.
 */
public final class FastThreadExecutor extends ThreadPoolExecutor {
    /**
     * The constructor JMH's {@code CUSTOM} executor calls.
     *
     * @param maxThreads the benchmark's threads.
     * @param prefix     their name's prefix.
     */
    public FastThreadExecutor(final int maxThreads, final String prefix) {
        super(maxThreads, maxThreads, 1, TimeUnit.DAYS, new LinkedBlockingQueue<>(), new DefaultThreadFactory(prefix, true));
    }
}
