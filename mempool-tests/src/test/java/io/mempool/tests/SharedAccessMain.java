package io.mempool.tests;

import io.mempool.core.Mempool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

/**
 * The other processes of {@link SharedAccessTest}, often another user's. One line per result.
 *
 * <ul>
 *   <li>{@code modes <pool> <dir>}: creates a shared pool, prints {@code dir <mode>} for {@code dir} and
 *   {@code file <name> <mode>} for each file in it, closes the pool.</li>
 *   <li>{@code read <file>} / {@code write <file>}: prints {@code read ok}/{@code wrote ok} or
 *   {@code denied <exception>}.</li>
 *   <li>{@code attach <pool>}: attaches, gets and puts, prints {@code attached} or {@code refused <message>}.</li>
 * </ul>
 */
public final class SharedAccessMain {
    private SharedAccessMain() {
    }

    /**
     * @param args the role and its arguments.
     * @throws IOException if listing the directory fails.
     */
    public static void main(final String[] args) throws IOException {
        switch (args[0]) {
            case "modes" -> {
                try (Mempool mp = Mempool.builder(args[1]).size(63).elementSize(64).privateDataSize(8).shared(true).create()) {
                    final Path dir = Path.of(args[2]);
                    System.out.println("dir " + PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
                    try (Stream<Path> files = Files.list(dir)) {
                        files.forEach(file -> {
                            try {
                                System.out.println("file " + file.getFileName() + " "
                                    + PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
                            } catch (final IOException ex) {
                                System.out.println("file " + file.getFileName() + " unreadable " + ex);
                            }
                        });
                    }
                    System.out.println("size " + mp.size());
                }
            }
            case "read" -> {
                try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.READ)) {
                    channel.read(ByteBuffer.allocate(8));
                    System.out.println("read ok");
                } catch (final IOException | SecurityException ex) {
                    System.out.println("denied " + ex);
                }
            }
            case "write" -> {
                try (FileChannel channel = FileChannel.open(Path.of(args[1]), StandardOpenOption.WRITE)) {
                    channel.write(ByteBuffer.allocate(8), 0);
                    System.out.println("wrote ok");
                } catch (final IOException | SecurityException ex) {
                    System.out.println("denied " + ex);
                }
            }
            case "attach" -> {
                try (Mempool mp = Mempool.attach(args[1])) {
                    final long obj = mp.get();
                    mp.put(obj);
                    System.out.println("attached " + mp.size());
                } catch (final RuntimeException refused) {
                    System.out.println("refused " + refused.getMessage());
                }
            }
            default -> throw new IllegalArgumentException("role: " + args[0]);
        }
        System.out.println("done");
    }
}
