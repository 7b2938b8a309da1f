package dev.contractkit.ncp.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;

/**
 * The zero-downtime rotation of an API key, as the README documents it, rehearsed against a running gateway:
 * a client keeps calling with the key value it was told to use while the key is rotated (switch to the
 * secondary, regenerate the primary, switch back, regenerate the secondary). The client must see no refused
 * call, and each regenerated value must be refused from the first call after its PATCH answered.
 */
public final class RotationRehearsal {

    /** One gateway call with a key value; answers the status. */
    public interface Gateway {
        int call(String keyValue) throws Exception;
    }

    /** Regenerates one of the key's values; answers the new value. */
    public interface Regenerate {
        String regenerate(String keyType) throws Exception;
    }

    private RotationRehearsal() {
    }

    /** Runs the rotation; answers how many calls the client made (all of them admitted). */
    public static int run(String primary, String secondary, Gateway client, Gateway checker, Regenerate regenerate) throws Exception {
        AtomicReference<String> inUse = new AtomicReference<>(primary);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        List<String> refused = new ArrayList<>();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> clientLoop = pool.submit(() -> {
                while (running.get()) {
                    String value = inUse.get();
                    int status = client.call(value);
                    calls.incrementAndGet();
                    if (status != 200) {
                        synchronized (refused) {
                            refused.add(status + " with " + (value.equals(inUse.get()) ? "the key in use" : "a key just switched from"));
                        }
                    }
                }
                return null;
            });
            awaitMoreCalls(calls, 5);

            inUse.set(secondary); // 1. clients move to the secondary key
            awaitMoreCalls(calls, 5);
            String newPrimary = regenerate.regenerate("PRIMARY"); // 2. the primary is regenerated
            assertThat(checker.call(primary)).as("the regenerated-away primary, at the very next call").isEqualTo(401);
            assertThat(checker.call(newPrimary)).as("the new primary, at once").isEqualTo(200);
            awaitMoreCalls(calls, 5);

            inUse.set(newPrimary); // 3. clients move back to the new primary
            awaitMoreCalls(calls, 5);
            String newSecondary = regenerate.regenerate("SECONDARY"); // 4. the secondary is regenerated too
            assertThat(checker.call(secondary)).as("the regenerated-away secondary, at the very next call").isEqualTo(401);
            assertThat(checker.call(newSecondary)).isEqualTo(200);
            awaitMoreCalls(calls, 5);

            running.set(false);
            clientLoop.get();
        } finally {
            running.set(false);
            pool.shutdownNow();
        }
        assertThat(refused).as("calls the well-behaved client saw refused").isEmpty();
        return calls.get();
    }

    private static void awaitMoreCalls(AtomicInteger calls, int more) {
        int target = calls.get() + more;
        Awaitility.await().until(() -> calls.get() >= target);
    }
}
