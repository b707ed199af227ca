package io.mempool.tests;

import io.mempool.api.MempoolOps;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * Caches for every thread, each in a child JVM: virtual threads (on the newest JDK 21+ installed, whatever
 * JDK runs this test) conserve every object of every bundled ops but {@code agrona_*}, and the pool's path
 * neither pins a carrier nor parks a virtual thread (JFR, JDK 22+); platform-thread churn leaves no heap
 * behind in a pool of any producer (a ring, and bucket with its per-thread slots), and no more than what
 * the dead caches held in a single-producer one.
 */
class VirtualThreadsAndChurnTest {
    private static final Pattern HEAP = Pattern.compile("heap left behind: (-?\\d+) KiB");

    @Test
    void tenThousandVirtualThreadsOnEveryOpsGiveEveryObjectBackOnce(@TempDir final Path dir) throws Exception {
        final Path jdk = virtualThreadJdk(21);
        final List<String> args = new ArrayList<>(List.of(Jdks.java(jdk), "-cp", System.getProperty("java.class.path"),
            VirtualConservationMain.class.getName()));
        FoundOps.usableWithoutAFlag().map(MempoolOps::name).sorted().forEach(args::add);
        final ChildJvm.Result result = ChildJvm.runCommand(dir, args, 300);
        ChildJvm.assertSucceeded(result, args);
        assertTrue(result.output().lines().anyMatch("done"::equals), result.output());
    }

    @Test
    void thePoolsPathNeitherPinsACarrierNorParksAVirtualThread(@TempDir final Path dir) throws Exception {
        final Path jdk = virtualThreadJdk(22);
        final List<String> args = List.of(Jdks.java(jdk), "-cp", System.getProperty("java.class.path"),
            PinningMain.class.getName(), dir.resolve("pinning.jfr").toString());
        final ChildJvm.Result result = ChildJvm.runCommand(dir, args, 120);
        ChildJvm.assertSucceeded(result, args);
        assertTrue(result.output().lines().anyMatch("pinned=0 parkedInPool=0"::equals), result.output());
    }

    @Test
    void fiveThousandShortLivedThreadsLeaveNoHeapBehind(@TempDir final Path dir) throws Exception {
        final long kib = churn(dir, "ring_mp_mc", 700_000);
        assertTrue(kib < 4 * 1024, "the dead threads' objects went back to the store: " + kib + " KiB left behind");
    }

    @Test
    void aBucketPoolGetsEveryObjectBackFromItsDeadThreadsAndTheirBuckets(@TempDir final Path dir) throws Exception {
        final long kib = churn(dir, "bucket", 700_000);
        assertTrue(kib < 4 * 1024, "the dead threads' objects and thread slots went back: " + kib + " KiB left behind");
    }

    @Test
    void aSingleProducerPoolKeepsNoMoreThanWhatTheDeadCachesHeld(@TempDir final Path dir) throws Exception {
        final int size = 700_000;
        final long kib = churn(dir, "ring_sp_mc", size);
        // the orphans are exact copies of what the caches held, at most every object once: 8 bytes each
        assertTrue(kib < (8L * size + (1 << 20)) / 1024, "held apart in memory bounded by the objects: " + kib + " KiB");
    }

    private static long churn(final Path dir, final String ops, final int size) throws Exception {
        final List<String> args = List.of(ChildJvm.javaLauncher(), "-cp", System.getProperty("java.class.path"),
            ChurnMain.class.getName(), ops, Integer.toString(size), "5000");
        final ChildJvm.Result result = ChildJvm.runCommand(dir, args, 180);
        ChildJvm.assertSucceeded(result, args);
        assertTrue(result.output().contains("every object back: true"), result.output());
        final Matcher heap = HEAP.matcher(result.output());
        assertTrue(heap.find(), result.output());
        return Long.parseLong(heap.group(1));
    }

    private static Path virtualThreadJdk(final int feature) {
        final Optional<Path> jdk = Jdks.newest(feature);
        if (jdk.isEmpty()) {
            abort("no JDK " + feature + "+ in " + Jdks.directory() + " (JDK 17 has no virtual threads)");
        }
        return jdk.get();
    }
}
