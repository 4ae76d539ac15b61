package io.azdp.cli.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.azdp.client.error.NoJobToFollowException;
import io.azdp.client.error.PreflightException;
import io.azdp.model.ValidationException;
import org.junit.jupiter.api.Test;

class ErrorHandlerTest {

    @Test
    void valuesOfMistypedSecretOptionsAreMasked() {
        String[] args = {"backup", "--client-secrt", "s3cr3t-value", "--acess-token=eyJhbGciOi.x.y", "-n", "db-1"};
        String message = "Unknown options: '--client-secrt', 's3cr3t-value', '--acess-token=eyJhbGciOi.x.y'";
        String masked = ErrorHandler.maskSecretArguments(message, args);
        assertThat(masked).doesNotContain("s3cr3t-value").doesNotContain("eyJhbGciOi")
                .contains("'--client-secrt'").contains("<redacted>");
    }

    @Test
    void otherArgumentsAreLeftAlone() {
        String[] args = {"backup", "--rule-nam", "BackupWeekly", "--secret-santa"};
        String message = "Unknown option: '--rule-nam'; Unmatched argument: 'BackupWeekly'";
        assertThat(ErrorHandler.maskSecretArguments(message, args)).isEqualTo(message);
    }

    @Test
    void clientFailuresMapToTheDocumentedExitCodes() {
        // an operation that succeeded without a followable job: what --wait-for-job promised is unknown, exit 7
        assertThat(ErrorMapper.exitCode(new NoJobToFollowException("not a job id"))).isEqualTo(ExitCode.OPERATION_FAILED);
        assertThat(ErrorMapper.exitCode(new PreflightException("backupInstance", "stopped", null, null)))
                .isEqualTo(ExitCode.USAGE);
        assertThat(ErrorMapper.exitCode(new ValidationException("--query", "x", "--query: expected x")))
                .isEqualTo(ExitCode.USAGE);
    }

    @Test
    void theTlsHintSaysHowToPassTrustOptionsToTheJvmLauncherAndToTheNativeBinary() {
        assertThat(ErrorMapper.tlsHint(false)).contains("AZDP_JAVA_OPTS='-Djavax.net.ssl.trustStore=trust.p12 ")
                .doesNotContain("native");
        assertThat(ErrorMapper.tlsHint(true)).contains("the native azdp with -Djavax.net.ssl.trustStore=trust.p12 ")
                .contains("before the command").doesNotContain("AZDP_JAVA_OPTS");
        assertThat(ErrorMapper.nativeImage()).as("a JVM test run is not a native image").isFalse();
    }
}
