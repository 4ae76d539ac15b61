package io.azdp.mock.https;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The keystore HTTPS serves with and its certificate. Without a configured keystore, a self-signed certificate for
 * localhost, 127.0.0.1, ::1 (and {@code azdp.mock.https.hostnames}) is generated once with the JDK's {@code keytool}
 * into a private directory ({@code azdp.mock.https.dir}) and reused by every later start, so HTTPS costs nothing at
 * start after the first, and the certificate file SDKs are told to trust stays valid across restarts.
 */
public final class HttpsMaterial {

    static final String KEYSTORE = "azdp-mock-%s.p12";
    static final String PEM = "azdp-mock.pem";
    /** A cached certificate closer than this to its end is replaced. */
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);

    private static volatile String pem;
    private static volatile Path pemFile;

    private HttpsMaterial() {
    }

    /** A keystore and its password. */
    record Keystore(Path file, String password) {
    }

    /** Remembers the served certificate and writes it as PEM beside the keystore and to {@code exportTo}, if set. */
    static void remember(Keystore keystore, Path pemBeside, Optional<Path> exportTo) {
        String text = readPem(keystore);
        try {
            Path target = exportTo.orElse(pemBeside);
            if (target != null) {
                writeAtomically(target, text);
                if (exportTo.isPresent() && pemBeside != null) {
                    writeAtomically(pemBeside, text);
                }
            }
            pemFile = target;
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.https: cannot write the certificate to "
                    + exportTo.orElse(pemBeside) + ": " + e.getMessage(), e);
        }
        pem = text;
    }

    /** The server certificate as PEM, when HTTPS is on. */
    public static Optional<String> certificatePem() {
        return Optional.ofNullable(pem);
    }

    /** The PEM file SDKs and tools can trust, when HTTPS is on. */
    public static Optional<Path> certificateFile() {
        return Optional.ofNullable(pemFile);
    }

    /**
     * The cached self-signed keystore in {@code dir} for {@code hostnames} (besides localhost and the loopback
     * addresses), generated under a file lock when missing or near its end. A {@code dir} that another user owns or
     * that others may read is not used: a fresh private temporary directory is, and nothing is cached.
     */
    static Keystore selfSigned(Path dir, List<String> hostnames) {
        try {
            Path home = privateDirectory(dir);
            String id = fingerprint(hostnames);
            Path file = home.resolve(String.format(KEYSTORE, id));
            Path passwordFile = home.resolve(String.format(KEYSTORE, id) + ".password");
            try (FileChannel channel = FileChannel.open(home.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock lock = channel.lock()) {
                if (Files.isRegularFile(file) && Files.isRegularFile(passwordFile)) {
                    Keystore cached = new Keystore(file, Files.readString(passwordFile, StandardCharsets.UTF_8).trim());
                    if (usable(cached)) {
                        return cached;
                    }
                }
                String password = UUID.randomUUID().toString();
                Path fresh = home.resolve("generating-" + UUID.randomUUID() + ".p12");
                generate(fresh, password, hostnames);
                writeAtomically(passwordFile, password);
                Files.move(fresh, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return new Keystore(file, password);
            }
        } catch (IOException e) {
            throw new IllegalStateException("azdp.mock.https: cannot prepare the certificate in " + dir + ": "
                    + e.getMessage() + "; set azdp.mock.https.dir or azdp.mock.https.key-store-file", e);
        }
    }

    /** {@code dir}, created owner-only; or a fresh owner-only temporary directory when {@code dir} is not private. */
    static Path privateDirectory(Path dir) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        if (!posix) {
            return Files.createDirectories(dir);
        }
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rwx------");
        if (!Files.exists(dir)) {
            try {
                Files.createDirectories(dir.toAbsolutePath().getParent());
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(ownerOnly));
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // made by a concurrent start: checked below like any existing directory
            }
        }
        boolean mine = Files.isDirectory(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && Files.getOwner(dir).getName().equals(System.getProperty("user.name"))
                && Files.getPosixFilePermissions(dir).equals(ownerOnly);
        if (mine) {
            return dir;
        }
        Path fresh = Files.createTempDirectory("azdp-mock-tls", PosixFilePermissions.asFileAttribute(ownerOnly));
        fresh.toFile().deleteOnExit();
        return fresh;
    }

    private static boolean usable(Keystore keystore) {
        try {
            X509Certificate cert = certificate(keystore);
            return cert != null && cert.getNotAfter().toInstant().isAfter(Instant.now().plus(RENEW_BEFORE));
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String fingerprint(List<String> hostnames) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join(",", hostnames.stream()
                    .map(h -> h.trim().toLowerCase(java.util.Locale.ROOT)).filter(h -> !h.isEmpty()).sorted()
                    .distinct().toList()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The subject alternative names of the generated certificate, e.g. {@code dns:localhost,ip:127.0.0.1,...}. */
    static String subjectAlternativeNames(List<String> hostnames) {
        StringBuilder san = new StringBuilder("dns:localhost,ip:127.0.0.1,ip:0:0:0:0:0:0:0:1");
        for (String h : hostnames) {
            String t = h.trim();
            if (t.isEmpty() || t.equalsIgnoreCase("localhost")) {
                continue;
            }
            san.append(t.matches("[0-9.]+|.*:.*") ? ",ip:" : ",dns:").append(t);
        }
        return san.toString();
    }

    private static void generate(Path keystore, String password, List<String> hostnames) throws IOException {
        // a native emulator has no java.home: the JDK's keytool from JAVA_HOME, or the one on the PATH
        String home = System.getProperty("java.home", System.getenv("JAVA_HOME"));
        Path keytool = home == null ? Path.of("keytool") : Path.of(home, "bin", "keytool");
        Path log = keystore.resolveSibling("keytool.log");
        Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "azdp-mock", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "825", "-dname", "CN=localhost, O=azdp-mock",
                "-ext", "SAN=" + subjectAlternativeNames(hostnames), "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", password, "-keypass", password)
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IllegalStateException("azdp.mock.https: keytool could not generate a certificate (see "
                        + log + "); set azdp.mock.https.key-store-file instead");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the HTTPS certificate", e);
        }
    }

    private static void writeAtomically(Path target, String text) throws IOException {
        Path abs = target.toAbsolutePath();
        if (abs.getParent() != null) {
            Files.createDirectories(abs.getParent());
        }
        Path tmp = abs.resolveSibling(abs.getFileName() + "." + UUID.randomUUID() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static X509Certificate certificate(Keystore keystore) {
        try (InputStream in = Files.newInputStream(keystore.file())) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, keystore.password() == null ? null : keystore.password().toCharArray());
            Enumeration<String> aliases = ks.aliases();
            while (aliases.hasMoreElements()) {
                Certificate cert = ks.getCertificate(aliases.nextElement());
                if (cert instanceof X509Certificate x509) {
                    return x509;
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException("azdp.mock.https: cannot read the keystore " + keystore.file() + ": "
                    + e.getMessage(), e);
        }
    }

    private static String readPem(Keystore keystore) {
        X509Certificate cert = certificate(keystore);
        if (cert == null) {
            throw new IllegalStateException("azdp.mock.https: the keystore " + keystore.file() + " has no certificate");
        }
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
