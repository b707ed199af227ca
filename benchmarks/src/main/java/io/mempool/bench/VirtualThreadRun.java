package io.mempool.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * {@code compare}'s virtual-thread scenario: {@value #THREADS} virtual threads on the default scheduler, each
 * looping over a burst (DPDK's round: get {@value #N_KEEP} objects in bulks of {@value #BULK}, write into each,
 * put them back in bulks of {@value #BULK}) and then {@link Thread#yield()}, as a request gives way when it
 * waits: jmempool (ring_mp_mc and bucket, cache 512), Netty's adaptive allocator, Stormpot 4's virtual-thread-safe tap and a
 * JCTools queue, beside the same loop on as many platform threads as cores. Objects/s is the objects got and
 * put back by all threads of the process, over a fixed time per iteration. Not JMH: JMH runs a fixed set of its
 * own threads; each fork is a child JVM running {@link VirtualThreadMain}. Needs JDK 21+; on an older JDK every
 * cell says why it did not run. Stateless.
 */
final class VirtualThreadRun {
    /** The scenario's id, for {@code --scenarios} and {@code results.json}. */
    static final String ID = "virtual_threads";
    /** Virtual threads per fork. */
    static final int THREADS = 4096;
    /** Objects each thread holds in a burst. */
    static final int N_KEEP = 128;
    /** Objects per get and per put. */
    static final int BULK = 32;
    /** The row, as a target names it. */
    static final String ROW = String.format(Locale.ROOT, "%,d virtual threads, bulk %d, n_keep %d", THREADS, BULK, N_KEEP);
    /** The scenario's title. */
    static final String TITLE = "virtual threads: " + ROW + ", a yield after each burst, beside platform threads";
    /** What it measures, in a few sentences. */
    static final String WHAT = String.format(Locale.ROOT, "%,d virtual threads on the default scheduler (as many carriers as "
        + "cores) each loop: get %d objects in bulks of %d, write a long into each, put them back in bulks of %d, then "
        + "Thread.yield(), as a request gives way while it waits. The platform row runs the same loop on as many platform "
        + "threads as cores, each with its own cache (there Thread.yield() is a sched_yield system call). Objects/s is objects "
        + "got and put back per second by all threads; 2048-byte objects, the pool sized for the cores as DPDK sizes it.",
        THREADS, N_KEEP, BULK, BULK);
    /** The JDK 21+ part that builds the Stormpot 4 cell ({@code src/main/java21}). */
    static final String STORMPOT4_PERF = "io.mempool.bench.Stormpot4Perf";
    /** JVM start, the pool's population and the threads' start, for the time estimate. */
    static final double OVERHEAD_S = 1.5;
    /** How long a fork may take beyond its iterations before it counts as hung. */
    private static final long PATIENCE_NANOS = TimeUnit.SECONDS.toNanos(120);

    /** The scenario's columns: jmempool on virtual and on platform threads, then the peers on virtual threads. */
    enum Column {
        /** jmempool on the virtual threads: they share its striped caches. */
        RING_MP_MC(Alternative.DPDK_OPS, Alternative.DPDK_OPS, Alternative.Kind.JMEMPOOL, true,
            "jmempool ring_mp_mc, cache 512, on the virtual threads: they share its striped caches"),
        /** The same pool and loop on platform threads, one per core. */
        RING_MP_MC_PLATFORM(Alternative.DPDK_OPS + "_platform", Alternative.DPDK_OPS, Alternative.Kind.JMEMPOOL, false,
            "the same pool and loop on as many platform threads as cores, each with its own cache of 512"),
        /** jmempool's bucket store on the virtual threads. */
        BUCKET(Alternative.BUCKET_OPS, Alternative.BUCKET_OPS, Alternative.Kind.JMEMPOOL, true, "jmempool bucket, cache 512, on "
            + "the virtual threads: they share its striped caches, and the store's shared state (its per-thread stacks are "
            + "for platform threads)"),
        /** Netty's adaptive allocator on the virtual threads. */
        NETTY_ADAPTIVE("netty_adaptive", null, Alternative.Kind.PEER, true, "Netty AdaptiveByteBufAllocator (4.2's default), 2048 B "
            + "direct buffers, on the virtual threads: shared magazines picked by thread id (no buffer recycling off event loops)"),
        /** Stormpot 4 through its virtual-thread-safe tap. */
        STORMPOT("stormpot", null, Alternative.Kind.PEER, true, "Stormpot 4 Pool.of(direct ByteBuffers), claimed through its "
            + "virtual-thread-safe tap (128 stripes by thread id, CAS claims), on the virtual threads"),
        /** A JCTools queue of buffers on the virtual threads. */
        JCTOOLS_MPMC("jctools_mpmc", null, Alternative.Kind.PEER, true,
            "JCTools MpmcArrayQueue of direct ByteBuffers, bulks by drain/fill, on the virtual threads");

        private final String column;
        private final String ops;
        private final Alternative.Kind kind;
        private final boolean virtual;
        private final String label;

        Column(final String column, final String ops, final Alternative.Kind kind, final boolean virtual, final String label) {
            this.column = column;
            this.ops = ops;
            this.kind = kind;
            this.virtual = virtual;
            this.label = label;
        }

        /** @return its column name, e.g. {@code ring_mp_mc_platform}. */
        String column() {
            return column;
        }

        /** @return a jmempool column's ops name; null for a peer. */
        String ops() {
            return ops;
        }

        /** @return JMEMPOOL or PEER: how many forks it runs ({@link CompareOptions#forksOf}). */
        Alternative.Kind kind() {
            return kind;
        }

        /** @return whether it runs on virtual threads (else on one platform thread per core). */
        boolean virtual() {
            return virtual;
        }

        /** @return what it is, for the legend. */
        String label() {
            return label;
        }

        /** @return its cell's key in {@link Figures}, {@code results.json} and the page, e.g. {@code virtual_threads|stormpot}. */
        String cellKey() {
            return ID + '|' + column;
        }

        /**
         * @param name a column name.
         * @return that column.
         * @throws IllegalArgumentException if none has the name.
         */
        static Column of(final String name) {
            for (final Column c : values()) {
                if (c.column.equals(name)) {
                    return c;
                }
            }
            throw new IllegalArgumentException("virtual-thread column: " + name);
        }
    }

    private VirtualThreadRun() {
    }

    /**
     * @return why this JVM cannot run the scenario, e.g. {@code JDK 17 has no virtual threads}; null on JDK 21+.
     */
    static String unavailable() {
        final int feature = Runtime.version().feature();
        return feature >= 21 ? null : "JDK " + feature + " has no virtual threads";
    }

    /**
     * @param reason why the scenario did not run.
     * @return the note its cells carry, e.g. {@code not run (JDK 17 has no virtual threads)}.
     */
    static String notRun(final String reason) {
        return "not run (" + reason + ")";
    }

    /**
     * @param note a cell's note.
     * @return the reason inside a {@link #notRun} note, or null if it is another note.
     */
    static String notRunReason(final String note) {
        return note != null && note.startsWith("not run (") && note.endsWith(")")
            ? note.substring("not run (".length(), note.length() - 1) : null;
    }

    /**
     * @param figures a run's figures.
     * @return the peer column with the highest median, or null if none has a figure.
     */
    static Column bestPeer(final Figures figures) {
        Column best = null;
        for (final Column c : Column.values()) {
            final double m = figures.median(c.cellKey());
            if (c.kind() == Alternative.Kind.PEER && !Double.isNaN(m) && (best == null || m > figures.median(best.cellKey()))) {
                best = c;
            }
        }
        return best;
    }

    /**
     * @param figures a run's figures.
     * @return jmempool on virtual threads over its platform figure and over the best peer, e.g.
     *     {@code 0.92x ring_mp_mc_platform, 3.10x jctools_mpmc}, with {@code -} where a figure is missing.
     */
    static String standing(final Figures figures) {
        final double virtual = figures.median(Column.RING_MP_MC.cellKey());
        final Column peer = bestPeer(figures);
        return Tables.ratio(virtual, figures.median(Column.RING_MP_MC_PLATFORM.cellKey())) + " "
            + Column.RING_MP_MC_PLATFORM.column() + ", " + (peer == null ? "- the best peer"
            : Tables.ratio(virtual, figures.median(peer.cellKey())) + " " + peer.column());
    }

    /**
     * Runs one fork of a column: a child JVM, {@code iterations} iterations of {@code iterationMs}.
     *
     * @param column      what to run.
     * @param iterations  iterations, warm-up included.
     * @param iterationMs how long each counts.
     * @param targetDir   {@code benchmarks/target}, where the build put Stormpot 4's jar.
     * @return objects/s of every iteration.
     * @throws IllegalStateException if the fork failed or hung; the message has its output.
     */
    static double[] fork(final Column column, final int iterations, final int iterationMs, final Path targetDir) {
        final List<String> jvmArgs = new ArrayList<>(List.of(PoolPerf.ADD_EXPORTS, PoolPerf.ADD_OPENS, PoolPerf.NETTY_REFLECTION,
            PoolPerf.QUIET_SLF4J));
        if (column == Column.STORMPOT) { // Stormpot 4 as a named module hides the 3.2 the other peers use
            jvmArgs.addAll(List.of("--module-path", stormpot4Jar(targetDir).toString(), "--add-modules", "stormpot"));
        }
        try (ChildJvm child = ChildJvm.start(jvmArgs, VirtualThreadMain.class, column.column(),
            List.of(String.valueOf(iterations), String.valueOf(iterationMs)))) {
            final String line = child.await("iterations",
                TimeUnit.MILLISECONDS.toNanos((long) iterations * iterationMs) + PATIENCE_NANOS);
            child.awaitExit();
            final String[] words = line.split(" ");
            final double[] rates = new double[words.length - 1];
            for (int i = 0; i < rates.length; i++) {
                rates[i] = Double.parseDouble(words[i + 1]);
            }
            return rates;
        } catch (final IOException ex) {
            throw new IllegalStateException(column.column() + ": cannot start its JVM: " + ex.getMessage(), ex);
        } catch (final InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(column.column() + ": interrupted", ex);
        }
    }

    /** @return Stormpot 4's jar, which the build copies beside benchmarks.jar. */
    private static Path stormpot4Jar(final Path targetDir) {
        final Path jar = targetDir.resolve("stormpot4").resolve("stormpot.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("Stormpot 4's jar is missing: " + jar + " (mvn -pl benchmarks -am install copies it)");
        }
        return jar;
    }
}
