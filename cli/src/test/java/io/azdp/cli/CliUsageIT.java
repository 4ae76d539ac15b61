package io.azdp.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link CliUsageTest} against the packaged application (jar, or the native binary with -Dnative). */
@QuarkusMainIntegrationTest
class CliUsageIT extends CliUsageTest {
}
