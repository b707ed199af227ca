package io.mempool.bench;

import io.mempool.core.Mempool;
import io.mempool.core.Memzone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.SynchronousQueue;

/**
 * A child JVM of the pipeline scenario ({@link PipelineRun}), in one role, told what to do line by line on
 * its standard input and answering on its standard output; between commands it blocks, so an idle child
 * takes no CPU from the variant being measured. Every answer is one line; a failure prints
 * {@code error <message>} and exits 1.
 *
 * <ul>
 *   <li>{@code producer}: creates the shared pool and channel ({@code shared(true)}, {@link Memzone#reserveShared}),
 *   prints {@code ready}. {@code run <epoch>}: produces until the consumer stops the epoch, prints
 *   {@code stopped <objects>}. {@code end}: once every object is back and the consumer has detached,
 *   closes the pool and frees the channel (their files go), prints {@code closed}.</li>
 *   <li>{@code consumer}: attaches to the pool ({@link Mempool#attach}) and the channel, prints
 *   {@code ready}. {@code measure <ms> <epoch>}: prints {@code measured <objects> <nanos>}. {@code end}:
 *   detaches, prints {@code closed}.</li>
 *   <li>{@code local}: both sides in this JVM, on a private pool and a channel in a private memzone, the
 *   producer on a thread of its own; prints {@code ready}. {@code measure <ms> <epoch>}: runs the epoch
 *   on both threads, prints {@code measured <objects> <nanos>}. {@code end}: closes, prints {@code closed}.</li>
 * </ul>
 *
 * <p>The shared roles need the same {@code -Dmempool.runtime.dir} and {@code -Dmempool.file.prefix}. Not
 * thread-safe (one per JVM).
 */
public final class PipelineMain {
    private PipelineMain() {
    }

    /**
     * @param args the role: {@code producer}, {@code consumer} or {@code local}.
     */
    public static void main(final String[] args) {
        final BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            switch (args.length == 1 ? args[0] : "") {
                case "producer" -> producer(in);
                case "consumer" -> consumer(in);
                case "local" -> local(in);
                default -> throw new IllegalArgumentException("role: " + String.join(" ", args)
                    + " (expected: producer, consumer or local)");
            }
        } catch (final IOException | RuntimeException | InterruptedException ex) {
            System.out.println("error " + ex);
            System.exit(1);
        }
    }

    private static void producer(final BufferedReader in) throws IOException {
        final Mempool mp = Pipeline.poolBuilder().shared(true).create();
        final Memzone zone = Memzone.reserveShared(Pipeline.RING_ZONE, Pipeline.zoneBytes(), 128);
        final Pipeline.Producer producer = new Pipeline.Producer(mp, Pipeline.createIn(zone));
        System.out.println("ready");
        for (String[] command = next(in, "run"); command != null; command = next(in, "run")) {
            System.out.println("stopped " + producer.run(Long.parseLong(command[1])));
        }
        final long since = System.nanoTime();
        final long deadline = since + Pipeline.PATIENCE_NANOS;
        while (mp.availCount() != mp.size()) { // the consumer's caches come back when it detaches
            Pipeline.await(deadline, since, "the consumer to return every object; available " + mp.availCount());
        }
        for (;;) {
            try {
                mp.close(); // refused while the consumer is still in the pool's process table
                break;
            } catch (final IllegalStateException attached) {
                Pipeline.await(deadline, since, "the consumer to detach: " + attached.getMessage());
            }
        }
        zone.free(); // the consumer freed its view first: the file goes
        System.out.println("closed");
    }

    private static void consumer(final BufferedReader in) throws IOException {
        final Mempool mp = Mempool.attach(Pipeline.POOL_NAME);
        final Memzone zone = Memzone.lookup(Pipeline.RING_ZONE)
            .orElseThrow(() -> new IllegalStateException("no memzone " + Pipeline.RING_ZONE));
        final Pipeline.Consumer consumer = new Pipeline.Consumer(mp, Pipeline.attach(zone));
        System.out.println("ready");
        for (String[] command = next(in, "measure"); command != null; command = next(in, "measure")) {
            answer(consumer, command);
        }
        mp.close(); // detaches: this process's cache goes back to the shared store
        zone.free();
        System.out.println("closed");
    }

    private static void local(final BufferedReader in) throws IOException, InterruptedException {
        final Mempool mp = Pipeline.poolBuilder().shared(false).create();
        final Memzone zone = Memzone.reserve(Pipeline.RING_ZONE, Pipeline.zoneBytes(), 128);
        final Pipeline pipe = Pipeline.createIn(zone);
        final Pipeline.Consumer consumer = new Pipeline.Consumer(mp, pipe);
        final Pipeline.Producer producer = new Pipeline.Producer(mp, pipe);
        final SynchronousQueue<Long> epochs = new SynchronousQueue<>();
        final Thread producing = new Thread(() -> {
            try {
                for (long epoch = epochs.take(); epoch > 0; epoch = epochs.take()) {
                    producer.run(epoch);
                }
            } catch (final InterruptedException | RuntimeException ex) { // the consumer would only time out
                System.out.println("error " + ex);
                System.exit(1);
            }
        }, "pipeline-producer");
        producing.setDaemon(true);
        producing.start();
        System.out.println("ready");
        for (String[] command = next(in, "measure"); command != null; command = next(in, "measure")) {
            epochs.put(Long.parseLong(command[2]));
            answer(consumer, command);
        }
        epochs.put(0L);
        producing.join(); // its default cache is then a dead thread's, which close() takes back
        mp.close();
        zone.free();
        System.out.println("closed");
    }

    /** {@code measure <ms> <epoch>}: the consumer's window, then its answer. */
    private static void answer(final Pipeline.Consumer consumer, final String[] command) {
        final long[] measured = consumer.measure(Long.parseLong(command[1]) * 1_000_000L, Long.parseLong(command[2]));
        System.out.println("measured " + measured[0] + " " + measured[1]);
    }

    /**
     * @param verb the command this role takes besides {@code end}.
     * @return the next command's words; null at {@code end}, or when the parent closed the pipe (it is gone).
     * @throws IllegalArgumentException if the command is another.
     */
    private static String[] next(final BufferedReader in, final String verb) throws IOException {
        final String line = in.readLine();
        if (line == null || line.equals("end")) {
            return null;
        }
        final String[] words = line.trim().split(" ");
        if (!words[0].equals(verb)) {
            throw new IllegalArgumentException("command: " + line + " (expected: " + verb + " ... or end)");
        }
        return words;
    }
}
