package io.azdp.mock.gate;

import io.azdp.mock.MockConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** Bounded, thread-safe request journal (oldest entries dropped beyond azdp.mock.journal-size). */
@ApplicationScoped
public class Journal {

    private final ConcurrentLinkedDeque<JournalEntry> entries = new ConcurrentLinkedDeque<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicLong seq = new AtomicLong();
    private final int capacity;

    public Journal(MockConfig config) {
        this.capacity = config.journalSize();
    }

    public boolean enabled() {
        return capacity > 0;
    }

    public long nextSeq() {
        return seq.incrementAndGet();
    }

    public void add(JournalEntry entry) {
        if (capacity <= 0) {
            return;
        }
        entries.addLast(entry);
        if (size.incrementAndGet() > capacity) {
            if (entries.pollFirst() != null) {
                size.decrementAndGet();
            }
        }
    }

    public List<JournalEntry> list(Predicate<JournalEntry> filter) {
        List<JournalEntry> out = new ArrayList<>();
        for (JournalEntry e : entries) {
            if (filter.test(e)) {
                out.add(e);
            }
        }
        out.sort((a, b) -> Long.compare(a.seq(), b.seq()));
        return out;
    }

    public void clear() {
        entries.clear();
        size.set(0);
    }
}
