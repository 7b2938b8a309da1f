import dev.contractkit.ncp.server.store.KeyValueGenerator;
import java.security.SecureRandom;

/**
 * What drawing key values costs: the server's generator (one bulk draw from a DRBG) against drawing
 * each character from the JVM's default SecureRandom (NativePRNG on Linux), as the first version did.
 *
 * <pre>java -cp server/target/classes bench/KeyValueBench.java</pre>
 */
public class KeyValueBench {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();
    private static final int KEYS = 200_000;

    public static void main(String[] args) {
        SecureRandom nativePrng = new SecureRandom();
        KeyValueGenerator generator = new KeyValueGenerator();
        for (int round = 1; round <= 5; round++) {
            long started = System.nanoTime();
            for (int i = 0; i < KEYS; i++) {
                perCharacter(nativePrng);
            }
            long perCharacterNanos = (System.nanoTime() - started) / KEYS;
            started = System.nanoTime();
            for (int i = 0; i < KEYS; i++) {
                generator.keyValue();
            }
            long generatorNanos = (System.nanoTime() - started) / KEYS;
            System.out.printf("round %d: default SecureRandom, one draw per character: %5d ns/key; KeyValueGenerator: %5d ns/key%n",
                    round, perCharacterNanos, generatorNanos);
        }
        // under contention, as on the server's event loops: two threads drawing at once
        KeyValueGenerator shared = new KeyValueGenerator(drbg());
        for (int round = 1; round <= 3; round++) {
            System.out.printf("round %d, 2 threads: one shared DRBG %5d ns/key; one DRBG per thread (the server's) %5d ns/key%n",
                    round, contended(shared), contended(generator));
        }
    }

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Wall-clock nanoseconds per key with two threads drawing KEYS keys each. */
    private static long contended(KeyValueGenerator generator) {
        Thread[] threads = new Thread[2];
        long started = System.nanoTime();
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < KEYS; i++) {
                    generator.keyValue();
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return (System.nanoTime() - started) / (2L * KEYS);
    }

    private static String perCharacter(SecureRandom random) {
        char[] chars = new char[40];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(chars);
    }
}
