package io.azdp.client.auth;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import io.azdp.client.error.AuthenticationException;
import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtSignatureBuilder;

/**
 * A client certificate and its private key, from a PEM file (a {@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or
 * {@code ENCRYPTED PRIVATE KEY} with its password, and one or more {@code CERTIFICATE}s, in any order) or a PFX / PKCS#12 file with its
 * password, as Azure Identity's {@code AZURE_CLIENT_CERTIFICATE_PATH} accepts them. Signs the client assertions Entra
 * ID expects: RS256, header {@code x5t} (the certificate's SHA-1 thumbprint) and, when asked, {@code x5c} (the chain,
 * for subject name / issuer authentication); claims {@code iss} = {@code sub} = the client id, {@code aud} = the token
 * URL, a fresh {@code jti}, ten minutes of validity. Signing uses smallrye-jwt, which quarkus-oidc-client brings.
 */
final class ClientCertificate {
    private static final Pattern PEM = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");
    private static final byte[] RSA_ALGORITHM_ID = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86,
        (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

    private final Path file;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final boolean sendChain;

    private ClientCertificate(Path file, PrivateKey key, List<X509Certificate> chain, boolean sendChain) {
        this.file = file;
        this.key = key;
        this.chain = chain;
        this.sendChain = sendChain;
    }

    String describe() {
        return file + ", thumbprint " + thumbprintHex();
    }

    /** Loads {@code file}; an error names the file and what was expected, never the password. */
    static ClientCertificate load(Path file, String password, boolean sendChain) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new AuthenticationException("client certificate: cannot read " + file + " ("
                    + e.getClass().getSimpleName() + "); check AZURE_CLIENT_CERTIFICATE_PATH");
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (text.contains("-----BEGIN ")) {
            return pem(file, text, password, sendChain);
        }
        return pkcs12(file, bytes, password, sendChain);
    }

    private static ClientCertificate pem(Path file, String text, String password, boolean sendChain) {
        if (text.contains("Proc-Type: 4,ENCRYPTED")) {
            throw new AuthenticationException("client certificate: " + file + " holds a key encrypted in the old"
                    + " OpenSSL format (Proc-Type: 4,ENCRYPTED), which azdp does not read; convert it to PKCS#8 with"
                    + " openssl pkcs8 -topk8 -in key.pem -out key-pkcs8.pem (its ENCRYPTED PRIVATE KEY is read with"
                    + " AZURE_CLIENT_CERTIFICATE_PASSWORD)");
        }
        PrivateKey key = null;
        List<X509Certificate> certs = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            while (m.find()) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2).replaceAll("\\s", ""));
                switch (m.group(1)) {
                    case "CERTIFICATE" -> certs.add((X509Certificate) cf.generateCertificate(
                            new ByteArrayInputStream(der)));
                    case "PRIVATE KEY" -> key = pkcs8(der);
                    case "RSA PRIVATE KEY" -> key = pkcs8(wrapPkcs1(der));
                    case "ENCRYPTED PRIVATE KEY" -> key = decrypt(file, der, password);
                    default -> {
                        // other blocks (parameters, CSRs) are ignored
                    }
                }
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new AuthenticationException("client certificate: " + file + " holds an unreadable key or"
                    + " certificate (" + e.getClass().getSimpleName() + ")");
        }
        if (key == null || certs.isEmpty()) {
            throw new AuthenticationException("client certificate: " + file + " must hold a PRIVATE KEY and its"
                    + " CERTIFICATE in PEM (found " + (key == null ? "no key" : "a key") + " and " + certs.size()
                    + " certificate(s))");
        }
        return new ClientCertificate(file, key, leafFirst(key, certs), sendChain);
    }

    private static ClientCertificate pkcs12(Path file, byte[] bytes, String password, boolean sendChain) {
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, pw);
            for (String alias : Collections.list(ks.aliases())) {
                if (ks.isKeyEntry(alias)) {
                    Key k = ks.getKey(alias, pw);
                    Certificate[] c = ks.getCertificateChain(alias);
                    if (k instanceof PrivateKey pk && c != null && c.length > 0) {
                        List<X509Certificate> certs = new ArrayList<>();
                        for (Certificate x : c) {
                            certs.add((X509Certificate) x);
                        }
                        return new ClientCertificate(file, pk, certs, sendChain);
                    }
                }
            }
            throw new AuthenticationException("client certificate: " + file + " holds no private key with a"
                    + " certificate");
        } catch (IOException | GeneralSecurityException e) {
            boolean badPassword = e.getCause() instanceof java.security.UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password");
            throw new AuthenticationException("client certificate: cannot open " + file + " as PEM or PFX"
                    + (badPassword ? ": wrong or missing password (AZURE_CLIENT_CERTIFICATE_PASSWORD)"
                            : " (" + e.getClass().getSimpleName() + ")"));
        }
    }

    /** A fresh client assertion for {@code clientId} at {@code tokenUrl}. */
    String assertion(String clientId, URI tokenUrl, Instant now) {
        long t = now.getEpochSecond();
        JwtSignatureBuilder jws = Jwt.claims()
                .issuer(clientId)
                .subject(clientId)
                .audience(tokenUrl.toString())
                .claim("jti", UUID.randomUUID().toString())
                .issuedAt(t)
                .claim("nbf", t)
                .expiresAt(t + 600)
                .jws()
                .algorithm(SignatureAlgorithm.RS256)
                .header("x5t", Base64.getUrlEncoder().withoutPadding().encodeToString(digest("SHA-1")));
        if (sendChain) {
            jws = jws.chain(chain);
        }
        return jws.sign(key);
    }

    private String thumbprintHex() {
        StringBuilder b = new StringBuilder();
        for (byte x : digest("SHA-1")) {
            b.append(String.format("%02X", x));
        }
        return b.toString();
    }

    private byte[] digest(String algorithm) {
        try {
            return java.security.MessageDigest.getInstance(algorithm).digest(chain.get(0).getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A PKCS#8 {@code EncryptedPrivateKeyInfo} decrypted with {@code password}, with the JDK's own PBES2 (PBKDF2 with
     * HMAC-SHA1/224/256/384/512, AES-128/256-CBC: what {@code openssl pkcs8 -topk8} and {@code openssl genpkey -aes256}
     * write by default) and PBES1 ciphers. A missing or wrong password is one message naming
     * AZURE_CLIENT_CERTIFICATE_PASSWORD; the password itself is never part of a message.
     */
    static PrivateKey decrypt(Path file, byte[] der, String password) {
        if (password == null || password.isEmpty()) {
            throw new AuthenticationException("client certificate: " + file + " holds an encrypted private key:"
                    + " set its password in AZURE_CLIENT_CERTIFICATE_PASSWORD (azdp.client-certificate-password)");
        }
        EncryptedPrivateKeyInfo info;
        String algorithm;
        try {
            info = new EncryptedPrivateKeyInfo(der);
            AlgorithmParameters params = info.getAlgParameters();
            // PBES2 names its real cipher in its parameters: PBEWithHmacSHA256AndAES_256
            algorithm = "PBES2".equalsIgnoreCase(info.getAlgName()) || info.getAlgName().equals("1.2.840.113549.1.5.13")
                    ? String.valueOf(params) : info.getAlgName();
        } catch (IOException | RuntimeException e) {
            throw new AuthenticationException("client certificate: " + file + " holds an ENCRYPTED PRIVATE KEY azdp"
                    + " cannot parse (" + e.getClass().getSimpleName() + ")");
        }
        Cipher cipher;
        SecretKey secret;
        try {
            secret = SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password.toCharArray()));
            cipher = Cipher.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new AuthenticationException("client certificate: " + file + " is encrypted with " + algorithm
                    + ", which this Java runtime does not support; re-encrypt it with openssl pkcs8 -topk8 -v2 aes256");
        }
        try {
            cipher.init(Cipher.DECRYPT_MODE, secret, info.getAlgParameters());
            return pkcs8(info.getKeySpec(cipher).getEncoded());
        } catch (GeneralSecurityException | RuntimeException e) {
            // bad padding, or (rarely) a padding that passes and a key that does not parse: the password is wrong
            throw new AuthenticationException("client certificate: cannot decrypt the private key in " + file
                    + ": wrong or missing password (AZURE_CLIENT_CERTIFICATE_PASSWORD)");
        }
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        try {
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(der));
        }
    }

    /** PKCS#1 {@code RSAPrivateKey} inside a PKCS#8 {@code PrivateKeyInfo}. */
    static byte[] wrapPkcs1(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(new byte[] {0x02, 0x01, 0x00});
        body.writeBytes(RSA_ALGORITHM_ID);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }

    /** The certificate whose public key matches the key first (the leaf), the rest after it. */
    private static List<X509Certificate> leafFirst(PrivateKey key, List<X509Certificate> certs) {
        if (key instanceof RSAPrivateCrtKey rsa) {
            for (X509Certificate c : certs) {
                if (c.getPublicKey() instanceof RSAPublicKey pub && pub.getModulus().equals(rsa.getModulus())) {
                    List<X509Certificate> out = new ArrayList<>(certs);
                    out.remove(c);
                    out.add(0, c);
                    return out;
                }
            }
        }
        return certs;
    }
}
