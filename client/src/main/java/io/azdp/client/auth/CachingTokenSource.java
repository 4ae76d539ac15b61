package io.azdp.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Caches the token of a fetching source and refreshes it before it expires: when less than
 * {@code min(refreshBefore, half the token's lifetime)} is left. Concurrent callers share one fetch, so 1,000
 * simultaneous requests cause one token request.
 */
final class CachingTokenSource implements TokenSource {
    /** Refresh this long before expiry at most. */
    static final Duration DEFAULT_REFRESH_BEFORE = Duration.ofMinutes(5);
    private static final Duration UNKNOWN_LIFETIME = Duration.ofMinutes(5);

    private final Supplier<Uni<AccessToken>> fetcher;
    private final Clock clock;
    private final Duration refreshBefore;
    private final String description;
    private final Runnable onClose;
    private final Object lock = new Object();
    private volatile AccessToken cached;
    private Uni<AccessToken> inflight;

    CachingTokenSource(Supplier<Uni<AccessToken>> fetcher, Clock clock, Duration refreshBefore,
            String description, Runnable onClose) {
        this.fetcher = fetcher;
        this.clock = clock;
        this.refreshBefore = refreshBefore;
        this.description = description;
        this.onClose = onClose;
    }

    @Override
    public Uni<AccessToken> token() {
        AccessToken t = cached;
        if (t != null && !needsRefresh(t, clock.instant())) {
            return Uni.createFrom().item(t);
        }
        return Uni.createFrom().deferred(this::fetchShared);
    }

    private Uni<AccessToken> fetchShared() {
        synchronized (lock) {
            AccessToken t = cached;
            if (t != null && !needsRefresh(t, clock.instant())) {
                return Uni.createFrom().item(t);
            }
            if (inflight == null) {
                inflight = Uni.createFrom().deferred(() -> fetcher.get())
                        .onItem().transform(this::stamp)
                        .onItem().invoke(fresh -> cached = fresh)
                        .onTermination().invoke(() -> {
                            synchronized (lock) {
                                inflight = null;
                            }
                        })
                        .memoize().indefinitely();
            }
            return inflight;
        }
    }

    private AccessToken stamp(AccessToken t) {
        Instant now = clock.instant();
        Instant obtained = t.obtainedAt() != null ? t.obtainedAt() : now;
        Instant expires = t.expiresAt() != null ? t.expiresAt() : obtained.plus(UNKNOWN_LIFETIME);
        return new AccessToken(t.token(), expires, obtained);
    }

    /** True when the token is expired or inside its refresh window. */
    boolean needsRefresh(AccessToken t, Instant now) {
        if (t.expiresAt() == null) {
            return false;
        }
        Duration lifetime = t.obtainedAt() == null ? refreshBefore.multipliedBy(2)
                : Duration.between(t.obtainedAt(), t.expiresAt());
        Duration window = refreshBefore;
        Duration half = lifetime.dividedBy(2);
        if (half.compareTo(window) < 0) {
            window = half;
        }
        return !now.isBefore(t.expiresAt().minus(window));
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        synchronized (lock) {
            if (cached != null && rejected != null && cached.token().equals(rejected.token())) {
                cached = null;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        if (onClose != null) {
            onClose.run();
        }
    }
}
