package io.azdp.client.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.azdp.client.lro.Sleeper;
import io.smallrye.mutiny.Uni;

/** Records every requested delay and advances the fake clock by it instead of waiting. */
public final class RecordingSleeper implements Sleeper {
    private final MutableClock clock;
    private final List<Duration> delays = new CopyOnWriteArrayList<>();

    public RecordingSleeper(MutableClock clock) {
        this.clock = clock;
    }

    @Override
    public Uni<Void> sleep(Duration delay) {
        return Uni.createFrom().voidItem().onItem().invoke(() -> {
            delays.add(delay);
            if (clock != null) {
                clock.advance(delay);
            }
        });
    }

    public List<Duration> delays() {
        return List.copyOf(delays);
    }

    public Duration total() {
        return delays.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
