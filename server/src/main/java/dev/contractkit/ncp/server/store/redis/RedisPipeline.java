package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Redis connection, the requests not yet written ({@code outbox}) and those not yet answered
 * ({@code waiting}, oldest first: Redis answers in the order asked). The first request put in an empty outbox
 * asks the connection's event loop to flush it; whatever else is put in before that loop runs goes out in the
 * same write. Under load one write, and one read by Redis, carry many commands instead of one each.
 * <p>
 * Redis runs every command of a batch. When one of them answers an error, the client library keeps none of
 * the batch's answers, so every caller of that batch is told that the store failed, and none is sent again
 * (a write that did happen is never made twice). Scripts therefore run by SHA1 only once this connection
 * has run them with their text ({@link #knows}), so that {@code NOSCRIPT} cannot fail a batch of a healthy
 * connection.
 */
final class RedisPipeline {
    /** Most commands in one write; more wait for the next. */
    private static final int MOST_PER_WRITE = 256;

    private final RedisConnection connection;
    private final Context loop;
    private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Waiting> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushAsked = new AtomicBoolean();
    private final Set<String> knownScripts = ConcurrentHashMap.newKeySet();

    /**
     * {@code loop}: the Vert.x context the connection was made on, on whose event loop its answers arrive;
     * null off any context, and then each request goes out at once, alone.
     */
    RedisPipeline(RedisConnection connection, Context loop) {
        this.connection = connection;
        this.loop = loop;
    }

    Uni<Response> send(Request request) {
        return Uni.createFrom().emitter(emitter -> {
            Waiting entry = new Waiting(request, System.nanoTime(), emitter);
            waiting.add(entry);
            outbox.add(entry);
            if (loop == null) {
                flush();
            } else if (flushAsked.compareAndSet(false, true)) {
                loop.runOnContext(ignored -> flush());
            }
        });
    }

    /** Writes what the outbox holds: one command as itself, more as one batch; each answer goes to its caller. */
    private void flush() {
        flushAsked.set(false);
        List<Waiting> batch = new ArrayList<>();
        for (Waiting entry = outbox.poll(); entry != null; entry = outbox.poll()) {
            batch.add(entry);
            if (batch.size() == MOST_PER_WRITE) {
                write(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(batch);
        }
    }

    private void write(List<Waiting> batch) {
        if (batch.size() == 1) {
            Waiting entry = batch.get(0);
            connection.send(entry.request()).subscribe().with(answer -> answered(entry, answer), failure -> failed(entry, failure));
            return;
        }
        List<Request> requests = new ArrayList<>(batch.size());
        batch.forEach(entry -> requests.add(entry.request()));
        connection.batch(requests).subscribe().with(answers -> {
            for (int i = 0; i < batch.size(); i++) {
                answered(batch.get(i), answers.get(i));
            }
        }, failure -> {
            knownScripts.clear();
            // no cause: the error may be another command's, and is not this one's to act on (a NOSCRIPT retry)
            StoreUnavailableException unknown = new StoreUnavailableException("Redis answered an error in a batch of "
                    + batch.size() + " commands, so their answers are unknown: " + failure.getMessage(), null);
            batch.forEach(entry -> failed(entry, unknown));
        });
    }

    private void answered(Waiting entry, Response answer) {
        waiting.remove(entry);
        entry.emitter().complete(answer);
    }

    private void failed(Waiting entry, Throwable failure) {
        waiting.remove(entry);
        entry.emitter().fail(failure);
    }

    /** Whether this connection ran the script with its text already, so that Redis holds it. */
    boolean knows(LuaScript script) {
        return knownScripts.contains(script.sha1);
    }

    void learned(LuaScript script) {
        knownScripts.add(script.sha1);
    }

    long oldestWaitNanos() {
        Waiting oldest = waiting.peek();
        return oldest == null ? 0 : System.nanoTime() - oldest.sentAt();
    }

    /** Fails every request not yet answered, then closes the connection (late answers find no one waiting). */
    void abandon(StoreUnavailableException failure) {
        outbox.clear();
        for (Waiting entry = waiting.poll(); entry != null; entry = waiting.poll()) {
            entry.emitter().fail(failure);
        }
        connection.close().subscribe().with(done -> { }, ignored -> { });
    }

    private record Waiting(Request request, long sentAt, UniEmitter<? super Response> emitter) {
    }
}
