package io.mempool.bench;

import io.mempool.api.OpsConfig;
import io.mempool.core.MempoolOpsRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code compare}'s "shared pool, two JVMs" scenario: the {@link Pipeline} between two JVMs on a shared pool,
 * beside the same pipeline on two threads of one JVM, in objects/s (objects the consumer read and put back per
 * second). Not JMH: two processes are not one benchmark. Three child JVMs ({@link PipelineMain}) start once, a
 * producer and a consumer for one variant and one with both sides for the other; the variants' iterations
 * alternate (ABBA: each goes first every other time), so a noisy stretch of the machine hits both alike, and
 * the idle children block. The shared files go to a fresh runtime directory, deleted at the end; a file other
 * than the lock still there after a clean close is reported as a failure. Not thread-safe.
 */
final class PipelineRun {
    /** The scenario's id, for {@code --scenarios} and {@code results.json}. */
    static final String ID = "shared_pipeline";
    /** The scenario's title. */
    static final String TITLE = "shared pool, two JVMs: a pipeline through the pool, beside the same in one JVM";
    /** What it measures, in a sentence or two. */
    static final String WHAT = "A producer gets " + Pipeline.BULK + " objects, writes a long into each and hands their indices "
        + "through a LongRing to a consumer, which maps them to its own handles, reads each and puts them back; objects/s is "
        + "objects the consumer put back per second. ring_mp_mc, cache " + Rounds.CACHE_SIZE + ", " + Pipeline.POOL_SIZE
        + " objects of " + Rounds.ELEMENT_SIZE + " B, a ring of " + Pipeline.RING_CAPACITY + " indices.";
    /** The note of bucket's place in the scenario, where the run has bucket ({@link #bucketNote()}). */
    static final String BUCKET_KEY = ID + '|' + Alternative.BUCKET_OPS;
    /** The progress line's column: both variants' medians follow. */
    static final String PROGRESS_COLUMNS = "two_jvms/one_jvm";
    /**
     * The least warm-up per variant: three fresh JVMs compile their loops while sharing the cores with each
     * other; on 2 shared cores the figures settled after 5 to 8 iterations of 100 ms.
     */
    static final int MIN_WARMUP_MS = 1000;
    /** JVM start-ups and teardown, for the time estimate. */
    static final double OVERHEAD_S = 3.0;
    private static final long START_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String LOCK_SUFFIX = ".lock";
    /** Every other iteration's order: each variant goes first as often as the other (ABBA). */
    private static final Variant[] REVERSED = {Variant.ONE_JVM, Variant.TWO_JVMS};

    /** The two sides of the comparison. */
    enum Variant {
        /** The pipeline between two processes. */
        TWO_JVMS("two_jvms", "producer and consumer in two JVMs: a shared pool (shared(true) / Mempool.attach), "
            + "indices through a LongRing in a shared memzone"),
        /** The same code on two threads of one process. */
        ONE_JVM("one_jvm", "the same two loops on two threads of one JVM: a private pool, the LongRing in a private memzone");

        private final String column;
        private final String label;

        Variant(final String column, final String label) {
            this.column = column;
            this.label = label;
        }

        /** @return its column name, e.g. {@code two_jvms}. */
        String column() {
            return column;
        }

        /** @return what it is, for the legend. */
        String label() {
            return label;
        }

        /** @return its cell's key in {@link Figures}, {@code results.json} and the page, e.g. {@code shared_pipeline|two_jvms}. */
        String cellKey() {
            return ID + '|' + column;
        }
    }

    private PipelineRun() {
    }

    /**
     * @param figures a run's figures.
     * @return the two-JVM median over the one-JVM one and both, e.g. {@code 0.82x (28.1M vs 34.2M)}, or {@code -}.
     */
    static String twoOverOne(final Figures figures) {
        final double two = figures.median(Variant.TWO_JVMS.cellKey());
        final double one = figures.median(Variant.ONE_JVM.cellKey());
        return Double.isNaN(two) || Double.isNaN(one) ? "-"
            : Tables.ratio(two, one) + " (" + Tables.rate(two) + " vs " + Tables.rate(one) + ")";
    }

    /**
     * Why the scenario has no bucket figure, from the bucket ops' own answer: a shared pool's store lives in a
     * memzone, and core refuses ops whose {@code memzoneBytes} is negative (as it refuses ops that place their
     * objects); bucket's state is per process, on the heap, as DPDK's bucket's is.
     *
     * @return the note of {@link #BUCKET_KEY}, e.g. {@code not run (a shared pool refuses bucket: ...)}.
     */
    static String bucketNote() {
        final OpsConfig config = new OpsConfig(Pipeline.POOL_NAME, Pipeline.POOL_SIZE, Set.of(), Map.of());
        return MempoolOpsRegistry.get(Alternative.BUCKET_OPS).memzoneBytes(config) < 0
            ? "not run (a shared pool refuses bucket: its store cannot live in shared memory, memzoneBytes() < 0; "
                + "its state is per process, as DPDK's bucket's is)"
            : "not run (this scenario runs ring_mp_mc only)";
    }

    /** @return where runtime directories go: {@code /dev/shm} (shared memory) where it exists, else the temp directory. */
    static Path defaultRoot() {
        final Path shm = Path.of("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
    }

    /**
     * @param warmups     the warm-up iterations of the other cells.
     * @param iterationMs how long each counts.
     * @return as many, or enough for {@link #MIN_WARMUP_MS}.
     */
    static int warmups(final int warmups, final int iterationMs) {
        return Math.max(warmups, (MIN_WARMUP_MS + iterationMs - 1) / iterationMs);
    }

    /**
     * @param warmups     iterations per variant before measuring.
     * @param iterations  measured iterations per variant.
     * @param iterationMs how long each counts.
     * @return the estimate of {@link #run}'s seconds.
     */
    static double estimateSeconds(final int warmups, final int iterations, final int iterationMs) {
        return 2.0 * (warmups + iterations) * iterationMs / 1000 + OVERHEAD_S;
    }

    /**
     * Runs both variants.
     *
     * @param warmups     iterations per variant before measuring.
     * @param iterations  measured iterations per variant, {@code >= 1}.
     * @param iterationMs how long each counts.
     * @param root        where the run's runtime directory is made (and deleted).
     * @return objects/s of every measured iteration, per variant.
     * @throws IOException           if the directory cannot be made or listed.
     * @throws IllegalStateException if a child fails, hangs, or leaves files behind; the message has its output.
     * @throws InterruptedException  if interrupted while waiting for a child.
     */
    static Map<Variant, double[]> run(final int warmups, final int iterations, final int iterationMs, final Path root)
        throws IOException, InterruptedException {
        final Path dir = Files.createTempDirectory(root, "jmempool-pipeline-");
        final List<ChildJvm> children = new CopyOnWriteArrayList<>();
        final Thread onExit = new Thread(() -> cleanUp(children, dir), "pipeline-cleanup"); // e.g. Ctrl-C mid-run
        Runtime.getRuntime().addShutdownHook(onExit);
        try {
            final ChildJvm producer = ChildJvm.start(PipelineMain.class, "producer", dir, children);
            final ChildJvm local = ChildJvm.start(PipelineMain.class, "local", dir, children);
            producer.await("ready", START_NANOS); // the consumer attaches to the pool the producer made
            final ChildJvm consumer = ChildJvm.start(PipelineMain.class, "consumer", dir, children);
            consumer.await("ready", START_NANOS);
            local.await("ready", START_NANOS);
            final Processes processes = new Processes(producer, consumer, local,
                TimeUnit.MILLISECONDS.toNanos(iterationMs) + Pipeline.PATIENCE_NANOS);
            final Map<Variant, double[]> scores = new EnumMap<>(Variant.class);
            scores.put(Variant.TWO_JVMS, new double[iterations]);
            scores.put(Variant.ONE_JVM, new double[iterations]);
            for (int i = 0; i < warmups + iterations; i++) {
                for (final Variant variant : i % 2 == 0 ? Variant.values() : REVERSED) {
                    final double rate = processes.iteration(variant, iterationMs, i + 1);
                    if (i >= warmups) {
                        scores.get(variant)[i - warmups] = rate;
                    }
                }
            }
            for (final ChildJvm child : List.of(consumer, producer, local)) { // the consumer detaches before the creator closes
                child.send("end");
                child.await("closed", Pipeline.PATIENCE_NANOS);
                child.awaitExit();
            }
            final List<String> left = leftBehind(dir);
            if (!left.isEmpty()) {
                throw new IllegalStateException("the pipeline left files behind after a clean close: " + left);
            }
            return scores;
        } finally {
            cleanUp(children, dir);
            try {
                Runtime.getRuntime().removeShutdownHook(onExit);
            } catch (final IllegalStateException shuttingDown) {
                // the hook is running or has run: nothing left to remove
            }
        }
    }

    /** The three children: a producer and a consumer JVM, and one JVM with both; and how long an answer may take. */
    private record Processes(ChildJvm producer, ChildJvm consumer, ChildJvm local, long patienceNanos) {
        /** @return objects/s of the consumer's window in one iteration of {@code variant}, epoch {@code epoch}. */
        double iteration(final Variant variant, final int iterationMs, final long epoch) throws InterruptedException {
            final ChildJvm measurer = variant == Variant.TWO_JVMS ? consumer : local;
            if (variant == Variant.TWO_JVMS) {
                producer.send("run " + epoch);
            }
            measurer.send("measure " + iterationMs + " " + epoch);
            final String[] measured = measurer.await("measured", patienceNanos).split(" ");
            if (variant == Variant.TWO_JVMS) {
                producer.await("stopped", patienceNanos); // done before the next iteration starts
            }
            return Long.parseLong(measured[1]) / (Long.parseLong(measured[2]) / 1e9);
        }
    }

    /** @return the files in {@code dir} but the zone directory's lock, by name. */
    private static List<String> leftBehind(final Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(name -> !name.endsWith(LOCK_SUFFIX)).sorted().toList();
        }
    }

    /** Kills what still runs and deletes the directory, best effort: it runs in finally blocks and at JVM exit. */
    private static void cleanUp(final List<ChildJvm> children, final Path dir) {
        children.forEach(ChildJvm::close);
        try (Stream<Path> files = Files.walk(dir)) {
            for (final Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (final IOException | UncheckedIOException ex) {
            // already gone (the hook and the finally block both ran), or a file nobody can delete: nothing to do here
        }
    }
}
