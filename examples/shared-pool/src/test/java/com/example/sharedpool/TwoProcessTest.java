package com.example.sharedpool;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's two commands, as two JVMs with no JVM flag: every number arrives in order, neither JVM
 * warns, and the pool's files go.
 */
class TwoProcessTest {
    @Test
    void theProducerAndTheConsumerShareOnePool(@TempDir final Path dir) throws Exception {
        final Process producer = start(dir, "producer.txt", Producer.class, "200000");
        final Process consumer = start(dir, "consumer.txt", Consumer.class);
        assertTrue(consumer.waitFor(120, TimeUnit.SECONDS), "consumer still running");
        assertTrue(producer.waitFor(60, TimeUnit.SECONDS), "producer still running");
        final String out = Files.readString(dir.resolve("producer.txt")) + Files.readString(dir.resolve("consumer.txt"));
        assertEquals(0, consumer.exitValue(), out);
        assertEquals(0, producer.exitValue(), out);
        assertTrue(out.contains("consumer: received 200000 objects in order"), out);
        assertTrue(out.contains("producer: 200000 objects handed over and all back"), out);
        assertFalse(out.contains("WARNING"), "a JVM warning, with no flag given: " + out);
        try (Stream<Path> files = Files.list(dir.resolve("run"))) {
            assertEquals(List.of(), files.map(p -> p.getFileName().toString()).filter(f -> !f.endsWith(".lock")).toList());
        }
    }

    private static Process start(final Path dir, final String output, final Class<?> main, final String... args)
        throws IOException {
        final List<String> command = new java.util.ArrayList<>(List.of(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(), // no JVM flag
            "-Dmempool.runtime.dir=" + dir.resolve("run"),
            "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(dir.resolve(output).toFile()).start();
    }
}
