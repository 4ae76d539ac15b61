package io.azdp.client.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.mutiny.Uni;

/**
 * DefaultAzureCredential's chain: tries each credential in order; one that is unavailable here
 * ({@link CredentialUnavailableException}) passes to the next, any other failure ends the search (a configured
 * credential that is refused is reported, not skipped). The first that yields a token is kept for the life of the
 * client and named by {@link #describe()}.
 */
final class ChainedTokenSource implements TokenSource {
    private static final Logger LOG = Logger.getLogger(ChainedTokenSource.class);

    private final List<TokenSource> chain;
    private final String hint;
    private volatile TokenSource chosen;

    ChainedTokenSource(List<TokenSource> chain, String hint) {
        this.chain = List.copyOf(chain);
        this.hint = hint;
    }

    @Override
    public Uni<AccessToken> token() {
        TokenSource c = chosen;
        if (c != null) {
            return c.token();
        }
        return Uni.createFrom().deferred(() -> attempt(0, new ArrayList<>()));
    }

    private Uni<AccessToken> attempt(int i, List<String> reasons) {
        if (i >= chain.size()) {
            return Uni.createFrom().failure(new AuthenticationException("no credential of the default chain worked: "
                    + String.join("; ", reasons) + ". " + hint));
        }
        TokenSource s = chain.get(i);
        return s.token()
                .onItem().invoke(t -> {
                    if (chosen == null) {
                        chosen = s;
                        LOG.debugf("the default credential chain chose %s", s.describe());
                    }
                })
                .onFailure(CredentialUnavailableException.class).recoverWithUni(f -> {
                    LOG.debugf("credential unavailable: %s", f.getMessage());
                    reasons.add(f.getMessage());
                    return attempt(i + 1, reasons);
                });
    }

    @Override
    public boolean invalidate(AccessToken rejected) {
        TokenSource c = chosen;
        return c != null && c.invalidate(rejected);
    }

    @Override
    public String describe() {
        TokenSource c = chosen;
        if (c != null) {
            return c.describe() + ", chosen by the default chain";
        }
        return "the default chain (" + String.join(", ", chain.stream().map(TokenSource::describe).toList())
                + "), none chosen yet";
    }

    @Override
    public Optional<String> defaultSubscription() {
        if (chosen == null) {
            try {
                token().await().atMost(java.time.Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }
        TokenSource c = chosen;
        return c == null ? Optional.empty() : c.defaultSubscription();
    }

    @Override
    public void close() {
        chain.forEach(TokenSource::close);
    }
}
