package dev.contractkit.ncp.server.store;

import java.security.SecureRandom;

/** Draws API-key IDs and key values from a {@link SecureRandom}. Framework-free and thread-safe. */
public final class KeyValueGenerator {
    static final int ID_LENGTH = 10;
    static final int KEY_LENGTH = 40;
    private static final char[] ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final char[] KEY_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random;

    public KeyValueGenerator(SecureRandom random) {
        this.random = random;
    }

    public KeyValueGenerator() {
        this(new SecureRandom());
    }

    /** A new API-key ID: 10 lower-case letters and digits, like NCP's. */
    public String apiKeyId() {
        return draw(ID_ALPHABET, ID_LENGTH);
    }

    /** A new primary or secondary key value: 40 letters and digits (about 238 bits). */
    public String keyValue() {
        return draw(KEY_ALPHABET, KEY_LENGTH);
    }

    private String draw(char[] alphabet, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = alphabet[random.nextInt(alphabet.length)];
        }
        return new String(chars);
    }
}
