package io.azdp.cli.auth;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link AuthShowCommandTest} against the packaged application (jar, or the native binary with -Dnative). */
@QuarkusMainIntegrationTest
class AuthShowCommandIT extends AuthShowCommandTest {
}
