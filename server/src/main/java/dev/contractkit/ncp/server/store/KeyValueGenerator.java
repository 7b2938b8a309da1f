package dev.contractkit.ncp.server.store;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.function.Supplier;

/** Draws API-key IDs and key values from a {@link SecureRandom}. Framework-free and thread-safe. */
public final class KeyValueGenerator {
    private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(KeyValueGenerator::strongDrbg);

    static final int ID_LENGTH = 10;
    static final int KEY_LENGTH = 40;
    private static final char[] ACCESS_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray();
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Supplier<SecureRandom> random;

    /** Every draw from this one generator (shared by all threads; {@link SecureRandom} is thread-safe). */
    public KeyValueGenerator(SecureRandom random) {
        this.random = () -> random;
    }

    /**
     * One DRBG per thread, each seeded by the JDK from the system's entropy: on Linux the default NativePRNG
     * reads /dev/urandom and hashes under one global lock on every call (it was the hottest spot of the
     * regenerate call under load), and one shared DRBG serialises callers too ({@code generateAlgorithm} is
     * synchronized). Per thread, the event loops share no lock.
     */
    public KeyValueGenerator() {
        this.random = PER_THREAD::get;
    }

    private static SecureRandom strongDrbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /**
     * A repeatable generator ({@code ncp.mock.random-seed}): SHA1PRNG seeded before its first draw gives the
     * same sequence every time, so the same requests get the same IDs and key values. Shared by all threads.
     */
    public static KeyValueGenerator seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(ByteBuffer.allocate(Long.BYTES).putLong(seed).array());
            return new KeyValueGenerator(random);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every JDK", e);
        }
    }

    /** A new API-key ID: 10 lower-case letters and digits, like NCP's. */
    public String apiKeyId() {
        return draw(ID_ALPHABET, ID_LENGTH);
    }

    /** A new primary or secondary key value: 40 letters and digits (about 238 bits). */
    public String keyValue() {
        return draw(KEY_ALPHABET, KEY_LENGTH);
    }

    /** A new access key: "WS" and 18 upper-case letters and digits, 20 characters like NCP's. */
    public String accessKey() {
        return "WS" + draw(ACCESS_ALPHABET, 18);
    }

    /** One draw of random bytes per value; bytes past the largest multiple of the alphabet are skipped, so no bias. */
    private String draw(char[] alphabet, int length) {
        int unbiasedBound = 256 - 256 % alphabet.length;
        char[] chars = new char[length];
        byte[] bytes = new byte[length + length / 2];
        int filled = 0;
        SecureRandom source = random.get();
        while (filled < length) {
            source.nextBytes(bytes);
            for (int i = 0; i < bytes.length && filled < length; i++) {
                int value = bytes[i] & 0xff;
                if (value < unbiasedBound) {
                    chars[filled++] = alphabet[value % alphabet.length];
                }
            }
        }
        return new String(chars);
    }
}
