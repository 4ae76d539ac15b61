package io.azdp.cli.hostile;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link HostileServiceTest} against the packaged application (jar, or the native binary with -Dnative). */
@QuarkusMainIntegrationTest
class HostileServiceIT extends HostileServiceTest {
}
