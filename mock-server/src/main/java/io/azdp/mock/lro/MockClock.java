package io.azdp.mock.lro;

import io.azdp.mock.MockConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulator's only source of time. In {@code real} mode it follows the wall clock; in {@code virtual} mode it
 * stands still until a test advances it (POST /_mock/clock), so no test ever has to sleep.
 */
@ApplicationScoped
public class MockClock {

    private final AtomicLong virtualMillis = new AtomicLong(System.currentTimeMillis());
    private volatile boolean virtual;
    private final AtomicLong offsetMillis = new AtomicLong();

    public MockClock(MockConfig config) {
        this.virtual = "virtual".equalsIgnoreCase(config.clock().mode());
    }

    public Instant now() {
        return Instant.ofEpochMilli(virtual ? virtualMillis.get() : System.currentTimeMillis() + offsetMillis.get());
    }

    public boolean isVirtual() {
        return virtual;
    }

    /** Switches mode; a switch to virtual freezes the clock at the current instant. */
    public void setVirtual(boolean virtual) {
        if (virtual && !this.virtual) {
            virtualMillis.set(now().toEpochMilli());
        }
        if (!virtual && this.virtual) {
            offsetMillis.set(virtualMillis.get() - System.currentTimeMillis());
        }
        this.virtual = virtual;
    }

    /** Moves time forward (both modes: in real mode it adds a permanent offset). */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("duration: expected a non-negative ISO-8601 duration, got " + by);
        }
        if (virtual) {
            virtualMillis.addAndGet(by.toMillis());
        } else {
            offsetMillis.addAndGet(by.toMillis());
        }
        return now();
    }

    /** Back to the wall clock, no offset (used by /_mock/reset when the configured mode is real). */
    public void reset(boolean virtualMode) {
        offsetMillis.set(0);
        virtualMillis.set(System.currentTimeMillis());
        this.virtual = virtualMode;
    }
}
