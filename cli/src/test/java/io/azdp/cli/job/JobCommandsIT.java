package io.azdp.cli.job;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link JobCommandsTest} against the packaged application (jar, or the native binary with -Dnative). */
@QuarkusMainIntegrationTest
class JobCommandsIT extends JobCommandsTest {
}
