package io.mempool.tests.model;

/**
 * One action of a random run on one thread: what it does, how many handles, and through which cache.
 * {@link #toString()} reads as a line of a shrunk counterexample, e.g. {@code getBulk(5) via user cache}.
 *
 * @param kind the action.
 * @param n    how many handles a bulk get takes, or at most how many of the held handles a bulk put returns
 *             (the most recently got ones, in the order they were got); 1 for single calls, 0 for flush.
 * @param via  the cache the pool is used through.
 */
record Step(Kind kind, int n, Via via) {

    /** What a step does. */
    enum Kind {
        GET_BULK, PUT_BULK, GET, PUT, FLUSH
    }

    /** How the pool under test is used. */
    enum Via {
        /** {@code genericGet}/{@code genericPut} with a cache from {@code createCache}. */
        USER_CACHE("user cache"),
        /** {@code getBulk}/{@code putBulk}/{@code get}/{@code put}: the calling thread's default cache. */
        DEFAULT_CACHE("default cache");

        private final String label;

        Via(final String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    @Override
    public String toString() {
        final String call = switch (kind) {
            case GET_BULK -> "getBulk(" + n + ")";
            case PUT_BULK -> "putBulk(" + n + ")";
            case GET -> "get()";
            case PUT -> "put()";
            case FLUSH -> "flush()";
        };
        return call + " via " + via;
    }
}
