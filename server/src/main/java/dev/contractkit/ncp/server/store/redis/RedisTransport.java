package dev.contractkit.ncp.server.store.redis;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.server.store.Stores;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Commands to Redis on one pipelined connection ({@link RedisPipeline}): any number of requests in flight
 * with no pool to wait for, those made together written together. A failure to reach Redis becomes
 * {@link StoreUnavailableException}. No timer per request (one cost a quarter of the throughput): answers
 * come back in the order sent, so a watchdog looks every 200 ms at the oldest unanswered request only, and
 * drops the connection when it is older than {@link #TIMEOUT}, which fails every request waiting on it; the
 * next call connects again. {@link #close()} stops the watchdog and closes the connection.
 */
final class RedisTransport implements Stores.Backend {
    /** Under the 2 s within which an API call must answer 503 when Redis is gone. */
    static final Duration TIMEOUT = Duration.ofMillis(1200);

    private final Redis redis;
    private final AtomicReference<Uni<RedisPipeline>> pipeline = new AtomicReference<>();
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
        return unavailableOnFailure(pipeline().chain(open -> open.send(request)));
    }

    /**
     * Runs a script by its SHA1 once this connection ran it with its text (which makes Redis keep it); should
     * Redis have forgotten it all the same ({@code SCRIPT FLUSH}), with its text again.
     */
    Uni<Response> eval(LuaScript script, String[] keys, String... args) {
        return unavailableOnFailure(pipeline().chain(open -> {
            Supplier<Uni<? extends Response>> withText = () -> open.send(script.request(false, keys, args)).invoke(done -> open.learned(script));
            if (!open.knows(script)) {
                return withText.get();
            }
            return open.send(script.request(true, keys, args)).onFailure(RedisTransport::isNoScript).recoverWithUni(withText);
        }));
    }

    /** Every failure, to connect or of a command, as {@link StoreUnavailableException}. */
    private static Uni<Response> unavailableOnFailure(Uni<Response> call) {
        return call.onFailure(failure -> !(failure instanceof StoreUnavailableException))
                .transform(failure -> new StoreUnavailableException("Redis failed: " + failure.getMessage(), failure));
    }

    /** Whether Redis answers a PING: false, never a failure, when it does not. */
    @Override
    public Uni<Boolean> ping() {
        return send(Request.cmd(Command.PING)).map(answer -> "PONG".equals(answer.toString())).onFailure().recoverWithItem(false);
    }

    @Override
    public void close() {
        watchdog.shutdownNow();
        Uni<RedisPipeline> current = pipeline.getAndSet(null);
        if (current != null) {
            current.subscribe().with(open -> open.abandon(new StoreUnavailableException("the store is closed", null)), failure -> { });
        }
    }

    /** Redis's NOSCRIPT answer to this one command (a failed batch has no cause: the error may be another command's). */
    private static boolean isNoScript(Throwable failure) {
        return !(failure instanceof StoreUnavailableException) && String.valueOf(failure.getMessage()).startsWith("NOSCRIPT");
    }

    private Uni<RedisPipeline> pipeline() {
        Uni<RedisPipeline> current = pipeline.get();
        if (current != null) {
            return current;
        }
        AtomicReference<Uni<RedisPipeline>> self = new AtomicReference<>();
        Uni<RedisPipeline> fresh = redis.connect()
                .ifNoItem().after(TIMEOUT).failWith(() -> new StoreUnavailableException("Redis did not accept a connection within "
                        + TIMEOUT.toMillis() + " ms", null))
                .map(connection -> {
                    RedisPipeline made = new RedisPipeline(connection, Vertx.currentContext());
                    connection.exceptionHandler(failure -> drop(self.get()));
                    connection.endHandler(() -> drop(self.get()));
                    return made;
                })
                .onFailure().invoke(failure -> drop(self.get()))
                .memoize().indefinitely();
        self.set(fresh);
        return pipeline.compareAndSet(null, fresh) ? fresh : pipeline();
    }

    private void drop(Uni<RedisPipeline> gone) {
        pipeline.compareAndSet(gone, null);
    }

    private void watch() {
        Uni<RedisPipeline> current = pipeline.get();
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

    /** A bulk string answer, or empty for Redis's nil. */
    static Optional<String> text(Response answer) {
        return answer == null || answer.type() == ResponseType.BULK && answer.toBuffer() == null ? Optional.empty() : Optional.of(answer.toString());
    }
}
