package io.azdp.mock.https;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsMaterialTest {

    @TempDir
    Path tmp;

    @Test
    void theGeneratedKeystoreIsReusedByLaterStartsAndItsPemWritten() throws Exception {
        Path dir = tmp.resolve("cache");
        HttpsMaterial.Keystore first = HttpsMaterial.selfSigned(dir, List.of("azdp-mock"));
        long written = Files.getLastModifiedTime(first.file()).toMillis();
        HttpsMaterial.Keystore again = HttpsMaterial.selfSigned(dir, List.of(" AZDP-MOCK "));
        assertThat(again).isEqualTo(first);
        assertThat(Files.getLastModifiedTime(again.file()).toMillis()).isEqualTo(written);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

        Path export = tmp.resolve("out/azdp-mock.pem");
        HttpsMaterial.remember(first, first.file().resolveSibling(HttpsMaterial.PEM), Optional.of(export));
        assertThat(HttpsMaterial.certificateFile()).contains(export);
        assertThat(Files.readString(export)).isEqualTo(HttpsMaterial.certificatePem().orElseThrow())
                .isEqualTo(Files.readString(first.file().resolveSibling(HttpsMaterial.PEM)))
                .startsWith("-----BEGIN CERTIFICATE-----\n");
    }

    @Test
    void aDirectoryOthersCanReadIsNotUsedForTheKey() throws Exception {
        Path shared = Files.createDirectory(tmp.resolve("shared"));
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path used = HttpsMaterial.privateDirectory(shared);
        assertThat(used).isNotEqualTo(shared);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(used))).isEqualTo("rwx------");
        Path fresh = tmp.resolve("fresh");
        assertThat(HttpsMaterial.privateDirectory(fresh)).isEqualTo(fresh);
    }

    @Test
    void extraHostnamesAndAddressesBecomeSubjectAlternativeNames() {
        assertThat(HttpsMaterial.subjectAlternativeNames(List.of("azdp-mock", "10.0.0.7", "", "localhost")))
                .isEqualTo("dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1,dns:azdp-mock,ip:10.0.0.7");
    }
}
