package io.azdp.cli.backup;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** {@link AdhocBackupCommandTest} against the packaged application (jar, or the native binary with -Dnative). */
@QuarkusMainIntegrationTest
class AdhocBackupCommandIT extends AdhocBackupCommandTest {
}
