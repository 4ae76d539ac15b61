package io.azdp.mock;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Fast, non-cryptographic ids (request ids, operation ids) and the opaque operation-id format. */
public final class Ids {

    private Ids() {
    }

    public static String uuid() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        long msb = (r.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
        long lsb = (r.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }

    /** The real service's opaque operation id: base64("<guid>;<guid>") with padding. */
    public static String operationId() {
        return Base64.getEncoder().encodeToString((uuid() + ";" + uuid()).getBytes(StandardCharsets.US_ASCII));
    }
}
