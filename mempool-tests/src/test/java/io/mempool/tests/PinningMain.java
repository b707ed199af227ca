package io.mempool.tests;

import io.mempool.api.MempoolFlag;
import io.mempool.core.Mempool;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Run by {@link VirtualThreadsAndChurnTest} in a JDK 22+ child JVM: virtual threads get and put on pools
 * of several shapes (cached, cache-less, DEBUG and STATS, the stacks), once to load the classes and then
 * under a JFR recording of every
 * {@code jdk.VirtualThreadPinned} and {@code jdk.ThreadPark} event; prints how many pinned a carrier and
 * how many parked a virtual thread inside the pool ({@code io.mempool} frames on its stack).
 */
public final class PinningMain {
    private PinningMain() {
    }

    /**
     * @param args the recording's file.
     * @throws Exception if the recording fails.
     */
    public static void main(final String[] args) throws Exception {
        final Path file = Path.of(args[0]);
        // a first run loads the classes: loading a class pins a carrier whatever code asks for it
        runAll("warm", 100, 1);
        try (Recording recording = new Recording()) {
            recording.enable("jdk.VirtualThreadPinned").withThreshold(Duration.ZERO).withStackTrace();
            recording.enable("jdk.ThreadPark").withThreshold(Duration.ZERO).withStackTrace();
            recording.start();
            runAll("pin", 2_000, 5);
            recording.stop();
            recording.dump(file);
        }
        int pinned = 0;
        int parkedInPool = 0;
        for (final RecordedEvent event : RecordingFile.readAllEvents(file)) {
            if (event.getEventType().getName().equals("jdk.VirtualThreadPinned")) {
                pinned++;
                System.out.println("pinned: " + event);
            } else if (isVirtual(event) && inPool(event)) {
                parkedInPool++;
                System.out.println("parked in the pool: " + event);
            }
        }
        Files.deleteIfExists(file);
        System.out.println("pinned=" + pinned + " parkedInPool=" + parkedInPool);
    }

    private static void runAll(final String name, final int threads, final int rounds) throws Exception {
        int pool = 0;
        for (final String ops : List.of("ring_mp_mc", "stack", "lf_stack", "ring_mt_rts", "bucket")) {
            for (final int cache : new int[] {256, 0}) {
                try (Mempool mp = Mempool.builder(name + pool++).size(2047).elementSize(64).cacheSize(cache).ops(ops)
                    .create()) {
                    check(new VirtualWorkload(mp, 5_000).run(threads, rounds));
                }
            }
        }
        try (Mempool mp = Mempool.builder(name + "_debug").size(2047).elementSize(64).cacheSize(64)
            .flags(MempoolFlag.DEBUG, MempoolFlag.STATS).create()) {
            check(new VirtualWorkload(mp, 5_000).run(threads, rounds));
        }
    }

    private static boolean inPool(final RecordedEvent event) {
        if (event.getStackTrace() == null) {
            return false;
        }
        for (final RecordedFrame frame : event.getStackTrace().getFrames()) {
            if (frame.getMethod().getType().getName().startsWith("io.mempool.")
                && !frame.getMethod().getType().getName().startsWith("io.mempool.tests.")) {
                return true;
            }
        }
        return false;
    }

    /** RecordedThread.isVirtual() is JDK 21+ API; this compiles for 17. */
    private static boolean isVirtual(final RecordedEvent event) throws ReflectiveOperationException {
        final Object thread = event.getThread("eventThread");
        return thread != null && (boolean) thread.getClass().getMethod("isVirtual").invoke(thread);
    }

    private static void check(final Throwable failure) {
        if (failure != null) {
            failure.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
