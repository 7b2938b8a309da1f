package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Commands to Redis on one pipelined connection: any number of requests in flight with no pool to wait for.
 * A failure to reach Redis becomes {@link StoreUnavailableException}. No timer per request (one cost a
 * quarter of the throughput): answers come back in the order sent, so a watchdog looks every 200 ms at the
 * oldest unanswered request only, and drops the connection when it is older than {@link #TIMEOUT}, which
 * fails every request waiting on it; the next call connects again. {@link #close()} stops the watchdog and
 * closes the connection.
 */
final class RedisTransport implements AutoCloseable {
    /** Under the 2 s within which an API call must answer 503 when Redis is gone. */
    static final Duration TIMEOUT = Duration.ofMillis(1200);

    private final Redis redis;
    private final AtomicReference<Uni<Pipeline>> pipeline = new AtomicReference<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "ncp-redis-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    RedisTransport(Redis redis) {
        this.redis = redis;
        watchdog.scheduleWithFixedDelay(this::watch, 200, 200, TimeUnit.MILLISECONDS);
    }

    Uni<Response> send(Request request) {
        return pipeline().chain(open -> open.send(request))
                .onFailure(failure -> !(failure instanceof StoreUnavailableException))
                .transform(failure -> new StoreUnavailableException("Redis failed: " + failure.getMessage(), failure));
    }

    /** Runs a script by its SHA1 when Redis knows it, else with its text. */
    Uni<Response> eval(LuaScript script, String[] keys, String... args) {
        return send(script.request(true, keys, args))
                .onFailure(RedisTransport::isNoScript).recoverWithUni(() -> send(script.request(false, keys, args)));
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        Uni<Pipeline> current = pipeline.getAndSet(null);
        if (current != null) {
            current.subscribe().with(open -> open.abandon(new StoreUnavailableException("the store is closed", null)), failure -> { });
        }
    }

    private static boolean isNoScript(Throwable failure) {
        Throwable cause = failure instanceof StoreUnavailableException ? failure.getCause() : failure;
        return cause != null && String.valueOf(cause.getMessage()).startsWith("NOSCRIPT");
    }

    private Uni<Pipeline> pipeline() {
        Uni<Pipeline> current = pipeline.get();
        if (current != null) {
            return current;
        }
        AtomicReference<Uni<Pipeline>> self = new AtomicReference<>();
        Uni<Pipeline> fresh = redis.connect()
                .ifNoItem().after(TIMEOUT).failWith(() -> new StoreUnavailableException("Redis did not accept a connection within "
                        + TIMEOUT.toMillis() + " ms", null))
                .map(connection -> {
                    Pipeline made = new Pipeline(connection);
                    connection.exceptionHandler(failure -> drop(self.get()));
                    connection.endHandler(() -> drop(self.get()));
                    return made;
                })
                .onFailure().invoke(failure -> drop(self.get()))
                .memoize().indefinitely();
        self.set(fresh);
        return pipeline.compareAndSet(null, fresh) ? fresh : pipeline();
    }

    private void drop(Uni<Pipeline> gone) {
        pipeline.compareAndSet(gone, null);
    }

    private void watch() {
        Uni<Pipeline> current = pipeline.get();
        if (current == null) {
            return;
        }
        current.subscribe().with(open -> {
            if (open.oldestWaitNanos() > TIMEOUT.toNanos()) {
                drop(current);
                open.abandon(new StoreUnavailableException("Redis did not answer within " + TIMEOUT.toMillis() + " ms", null));
            }
        }, failure -> { });
    }

    /** A connection and its unanswered requests, oldest first (Redis answers in the order asked). */
    private static final class Pipeline {
        private final RedisConnection connection;
        private final ConcurrentLinkedQueue<Waiting> waiting = new ConcurrentLinkedQueue<>();

        Pipeline(RedisConnection connection) {
            this.connection = connection;
        }

        Uni<Response> send(Request request) {
            return Uni.createFrom().emitter(emitter -> {
                Waiting entry = new Waiting(System.nanoTime(), emitter);
                waiting.add(entry);
                connection.send(request).subscribe().with(
                        answer -> {
                            waiting.remove(entry);
                            emitter.complete(answer);
                        },
                        failure -> {
                            waiting.remove(entry);
                            emitter.fail(failure);
                        });
            });
        }

        long oldestWaitNanos() {
            Waiting oldest = waiting.peek();
            return oldest == null ? 0 : System.nanoTime() - oldest.sentAt();
        }

        /** Fails every request still waiting, then closes the connection (late answers find no one waiting). */
        void abandon(StoreUnavailableException failure) {
            for (Waiting entry = waiting.poll(); entry != null; entry = waiting.poll()) {
                entry.emitter().fail(failure);
            }
            connection.close().subscribe().with(done -> { }, ignored -> { });
        }

        private record Waiting(long sentAt, UniEmitter<? super Response> emitter) {
        }
    }

    /** A bulk string answer, or empty for Redis's nil. */
    static Optional<String> text(Response answer) {
        return answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null ? Optional.empty() : Optional.of(answer.toString());
    }
}
