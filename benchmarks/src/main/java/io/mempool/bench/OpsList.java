package io.mempool.bench;

import io.mempool.api.MempoolOps;
import io.mempool.core.MempoolOpsRegistry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * The {@code list} command: every registered ops name, its provider class and where that class came
 * from: its module's name on the module path, the artifact it was shaded from inside
 * {@code benchmarks.jar}, or its jar or class directory on the class path.
 */
final class OpsList {
    /** Where the build keeps each dependency's provider list (see the module's pom). */
    private static final String PROVIDER_LISTS = "META-INF/jmempool-providers/";
    private static final String SERVICES = "META-INF/services/" + MempoolOps.class.getName();

    private OpsList() {
    }

    static void print(final PrintStream out) {
        out.println(Tables.pad("ops", 16) + Tables.pad("provider", 44) + "from");
        for (final String name : MempoolOpsRegistry.names()) {
            final Class<?> provider = MempoolOpsRegistry.get(name).getClass();
            out.println(Tables.pad(name, 16) + Tables.pad(provider.getName(), 44) + source(provider));
        }
    }

    /**
     * @param provider a provider class.
     * @return its module, shaded artifact, jar or directory.
     */
    static String source(final Class<?> provider) {
        if (provider.getModule().isNamed()) {
            return "module " + provider.getModule().getName();
        }
        final CodeSource code = provider.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return "unknown";
        }
        final Path path;
        try {
            path = Path.of(code.getLocation().toURI());
        } catch (final URISyntaxException | IllegalArgumentException ex) {
            return code.getLocation().toString();
        }
        if (Files.isDirectory(path)) {
            return path.toString();
        }
        final String artifact = shadedFrom(path, provider.getName());
        return artifact == null ? path.getFileName().toString() : artifact + " (shaded into " + path.getFileName() + ")";
    }

    /** The artifact whose provider list, kept apart in an uber-jar, names the class; null if none does. */
    private static String shadedFrom(final Path jar, final String className) {
        try (JarFile file = new JarFile(jar.toFile())) {
            final Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                final JarEntry entry = entries.nextElement();
                final String name = entry.getName();
                if (name.startsWith(PROVIDER_LISTS) && name.endsWith(SERVICES) && lists(file, entry, className)) {
                    return name.substring(PROVIDER_LISTS.length(), name.length() - SERVICES.length() - 1);
                }
            }
            return null;
        } catch (final IOException ex) {
            throw new UncheckedIOException("cannot read " + jar, ex);
        }
    }

    private static boolean lists(final JarFile file, final JarEntry entry, final String className) throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
            return in.lines().map(line -> line.replaceFirst("#.*", "").trim()).anyMatch(className::equals);
        }
    }
}
