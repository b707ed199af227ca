package io.mempool.testkit;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * The kit's handles on a raw store that places its objects itself (its {@code calcMemSize} gives a need):
 * such a store takes back only the objects it placed, so the SPI rules' handles are mapped one to one onto
 * them. A kit handle is mapped to a free placed object when it is enqueued and unmapped when the store hands
 * that object out again; with no free object left, an enqueue has no room (the store has exactly its own
 * objects). What the store hands out that is in it under no kit handle is left as it is, so the rule that
 * looks at it fails naming the value.
 *
 * <p>Not thread-safe: the SPI rules run on one thread.
 */
final class PlacedHandles {
    private final Map<Long, Long> kitToPlaced = new HashMap<>();
    private final Map<Long, Long> placedToKit = new HashMap<>();
    private final ArrayDeque<Long> free = new ArrayDeque<>();

    /** @param placed every object the store placed, none of them in the store. */
    PlacedHandles(final long[] placed) {
        for (final long obj : placed) {
            free.add(obj);
        }
    }

    /**
     * @return a copy of {@code objs} with {@code [offset, offset + n)} mapped onto free placed objects, or
     *     null (nothing mapped) if fewer than {@code n} are free.
     */
    long[] map(final long[] objs, final int offset, final int n) {
        if (free.size() < n) {
            return null;
        }
        final long[] mapped = objs.clone();
        for (int i = offset; i < offset + n; i++) {
            if (kitToPlaced.containsKey(objs[i])) {
                throw new AssertionError("the kit enqueued 0x" + Long.toHexString(objs[i]) + " while it is in the store");
            }
            final long obj = free.poll();
            kitToPlaced.put(objs[i], obj);
            placedToKit.put(obj, objs[i]);
            mapped[i] = obj;
        }
        return mapped;
    }

    /** Undoes {@link #map} of {@code mapped[offset, offset + n)}, which the store did not take. */
    void unmap(final long[] mapped, final int offset, final int n) {
        for (int i = offset; i < offset + n; i++) {
            kitToPlaced.remove(placedToKit.remove(mapped[i]));
            free.add(mapped[i]);
        }
    }

    /**
     * The store handed out {@code obj}.
     *
     * @return the kit handle it was in the store as, now free again; or {@code obj} itself if it was in the
     *     store under no kit handle.
     */
    long handedOut(final long obj) {
        final Long kit = placedToKit.remove(obj);
        if (kit == null) {
            return obj;
        }
        kitToPlaced.remove(kit);
        free.add(obj);
        return kit;
    }

    /** @return whether {@code obj} is a placed object now in the store under a kit handle. */
    boolean inStore(final long obj) {
        return placedToKit.containsKey(obj);
    }
}
