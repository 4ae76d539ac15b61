package io.azdp.mock.store;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * One kind of entry the emulator holds for clients (operations or jobs), at most {@code cap} of them. Lookups are
 * lock-free and mark the entry used; admission and eviction run under the store's lock. An entry can be evicted only
 * once it is finished ({@code doneAt}) and idle (not created, read or polled within the window); among those the
 * oldest goes first, in the order entries were created or last passed over as still in use (a CLOCK sweep).
 */
final class Retained<T> {

    /** One held entry. {@code partner} links an operation and the job it started. */
    static final class Slot<T> {
        final String key;
        final T value;
        volatile long usedAt;
        volatile boolean evicted;
        Slot<?> partner;

        Slot(String key, T value, long now) {
            this.key = key;
            this.value = value;
            this.usedAt = now;
        }

        void use(long now) {
            if (now > usedAt) {
                usedAt = now;
            }
        }
    }

    private final ConcurrentHashMap<String, Slot<T>> byKey = new ConcurrentHashMap<>();
    /** Eviction order; guarded by the store lock. */
    private final ArrayDeque<Slot<T>> order = new ArrayDeque<>();
    private final EvictedIds evictedIds;
    private final int cap;
    private final long windowMillis;
    /** Epoch millis (emulator clock) when the entry is finished, or {@link Long#MAX_VALUE} while unknown. */
    private final ToLongFunction<Slot<T>> doneAt;
    /** Guarded by the store lock: no entry can become evictable before this instant (emulator clock millis). */
    private long blockedUntil = Long.MIN_VALUE;
    private long evicted;

    Retained(int cap, long windowMillis, ToLongFunction<Slot<T>> doneAt) {
        this.cap = cap;
        this.windowMillis = windowMillis;
        this.doneAt = doneAt;
        this.evictedIds = new EvictedIds(Math.max(1024, cap));
    }

    Slot<T> get(String key) {
        return byKey.get(key);
    }

    Collection<Slot<T>> slots() {
        return byKey.values();
    }

    int size() {
        return byKey.size();
    }

    boolean full() {
        return byKey.size() >= cap;
    }

    /** Under the store lock. */
    void add(Slot<T> slot) {
        byKey.put(slot.key, slot);
        order.addLast(slot);
    }

    /** When the entry may be evicted: finished and idle for the window (emulator clock millis). */
    long evictableAt(Slot<T> slot) {
        return Math.max(doneAt.applyAsLong(slot), saturatedAdd(slot.usedAt, windowMillis));
    }

    /**
     * Under the store lock: takes the oldest evictable entry out of the eviction order, or answers null when none is
     * evictable now; {@link #blockedUntil()} then says when one may be. The caller evicts it or puts it back.
     */
    Slot<T> takeVictim(long now) {
        if (now < blockedUntil) {
            return null;
        }
        // an entry that finishes later (a poll-counted operation) is used then, so evictable a window later at least
        long earliest = saturatedAdd(now, windowMillis);
        for (int i = order.size(); i > 0; i--) {
            Slot<T> slot = order.pollFirst();
            long at = evictableAt(slot);
            if (at <= now) {
                return slot;
            }
            order.addLast(slot);
            earliest = Math.min(earliest, at);
        }
        blockedUntil = earliest;
        return null;
    }

    /** Under the store lock: the victim stays after all (the other kind could not make room). */
    void putBack(Slot<T> slot) {
        order.addFirst(slot);
    }

    /** Under the store lock. */
    void evict(Slot<T> slot, long now) {
        byKey.remove(slot.key, slot);
        slot.evicted = true;
        evictedIds.add(slot.key, now);
        evicted++;
    }

    long blockedUntil() {
        return blockedUntil;
    }

    /** Under the store lock. */
    long evictedCount() {
        return evicted;
    }

    /** Epoch millis when {@code key} was evicted, or -1 when it is not among the evictions remembered. */
    long evictedAt(String key) {
        return evictedIds.evictedAt(key);
    }

    /** Whether evictions happened that are no longer remembered one by one. */
    boolean forgotEvictions() {
        return evictedIds.overflowed();
    }

    int rememberedEvictions() {
        return evictedIds.capacity();
    }

    static long saturatedAdd(long a, long b) {
        long r = a + b;
        return ((a ^ r) & (b ^ r)) < 0 ? (a < 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : r;
    }

    /**
     * The ids evicted lately, as 64-bit hashes in a ring (16 bytes each, no strings kept), so a 404 can tell an
     * evicted id from one that never existed or was forgotten on reset.
     */
    static final class EvictedIds {
        private final long[] hashes;
        private final long[] times;
        private int next;
        private long total;

        EvictedIds(int capacity) {
            hashes = new long[capacity];
            times = new long[capacity];
        }

        synchronized void add(String key, long at) {
            hashes[next] = hash(key);
            times[next] = at;
            next = (next + 1) % hashes.length;
            total++;
        }

        synchronized long evictedAt(String key) {
            long h = hash(key);
            int n = (int) Math.min(total, hashes.length);
            for (int i = 0; i < n; i++) {
                if (hashes[i] == h) {
                    return times[i];
                }
            }
            return -1;
        }

        synchronized boolean overflowed() {
            return total > hashes.length;
        }

        int capacity() {
            return hashes.length;
        }

        /** FNV-1a, 64 bit: collisions among a few ten thousand ids are vanishingly rare. */
        static long hash(String s) {
            long h = 0xcbf29ce484222325L;
            for (int i = 0; i < s.length(); i++) {
                h ^= s.charAt(i);
                h *= 0x100000001b3L;
            }
            return h;
        }
    }
}
