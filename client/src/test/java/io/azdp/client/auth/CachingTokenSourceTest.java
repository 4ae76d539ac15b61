package io.azdp.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.azdp.client.error.AuthenticationException;
import io.azdp.client.testing.MutableClock;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;

class CachingTokenSourceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T18:00:00Z"));
    private final AtomicInteger fetches = new AtomicInteger();

    private CachingTokenSource source(Duration lifetime) {
        return new CachingTokenSource(() -> Uni.createFrom().item(() -> {
            int n = fetches.incrementAndGet();
            return new AccessToken("token-" + n, clock.instant().plus(lifetime), clock.instant());
        }), clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE, "test", null);
    }

    private static String token(TokenSource s) {
        return s.token().await().indefinitely().token();
    }

    @Test
    void cachesUntilFiveMinutesBeforeExpiryThenRefreshes() {
        CachingTokenSource s = source(Duration.ofHours(1));
        assertThat(token(s)).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(54));
        assertThat(token(s)).isEqualTo("token-1");
        clock.advance(Duration.ofMinutes(1));
        assertThat(token(s)).isEqualTo("token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void shortLivedTokensRefreshAtHalfTheirLifetime() {
        CachingTokenSource s = source(Duration.ofSeconds(60));
        assertThat(token(s)).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(29));
        assertThat(token(s)).isEqualTo("token-1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(token(s)).isEqualTo("token-2");
    }

    @Test
    void invalidateAfterA401ForcesANewToken() {
        CachingTokenSource s = source(Duration.ofHours(1));
        AccessToken first = s.token().await().indefinitely();
        assertThat(s.invalidate(new AccessToken("some-older-token", null, null))).isTrue();
        assertThat(token(s)).isEqualTo("token-1");
        assertThat(s.invalidate(first)).isTrue();
        assertThat(token(s)).isEqualTo("token-2");
    }

    @Test
    void concurrentCallersShareOneFetch() {
        List<UniEmitter<? super AccessToken>> pending = new ArrayList<>();
        CachingTokenSource s = new CachingTokenSource(() -> Uni.createFrom().emitter(e -> {
            fetches.incrementAndGet();
            pending.add(e);
        }), clock, CachingTokenSource.DEFAULT_REFRESH_BEFORE, "test", null);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            s.token().subscribe().with(t -> got.add(t.token()));
        }
        assertThat(fetches).hasValue(1);
        pending.get(0).complete(new AccessToken("shared", clock.instant().plusSeconds(3600), clock.instant()));
        assertThat(got).hasSize(100).containsOnly("shared");
        assertThat(token(s)).isEqualTo("shared");
        assertThat(fetches).hasValue(1);
    }

    @Test
    void aFailedFetchIsNotCached() {
        AtomicInteger calls = new AtomicInteger();
        CachingTokenSource s = new CachingTokenSource(() -> calls.incrementAndGet() == 1
                ? Uni.createFrom().failure(new AuthenticationException("token endpoint down"))
                : Uni.createFrom().item(new AccessToken("ok", null, null)), clock, Duration.ofMinutes(5), "t", null);
        assertThatThrownBy(() -> token(s)).isInstanceOf(AuthenticationException.class);
        assertThat(token(s)).isEqualTo("ok");
    }
}
