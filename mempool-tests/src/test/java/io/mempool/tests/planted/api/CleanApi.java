package io.mempool.tests.planted.api;

import java.util.List;

/** Stands for an api class that uses the JDK only. */
public final class CleanApi {
    private CleanApi() {
    }

    /**
     * @param names some names.
     * @return how many there are.
     */
    public static int count(final List<String> names) {
        return names.size();
    }
}
