package dev.contractkit.ncp.server.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.contractkit.ncp.server.store.StoreUnavailableException;
import dev.contractkit.ncp.testsupport.FreePort;
import dev.contractkit.ncp.testsupport.RedisServer;
import io.vertx.core.AsyncResult;
import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Future;
import io.vertx.redis.client.RedisConnection;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicLong;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.RedisOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The transport against a real redis-server: calls made together go out together, each answer to its own caller. */
class RedisTransportTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static RedisServer server;
    private static Vertx vertx;
    private static Redis redis;
    /** What the transport's connections were asked to write: one command alone (send) or many at once (batch). */
    private static final AtomicLong writes = new AtomicLong();
    private RedisTransport transport;
    /** The event loop the transport's connection is made on, so that a task there sends before any flush runs. */
    private Context loop;

    @BeforeAll
    static void startRedis() throws Exception {
        server = RedisServer.start();
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString(server.uri()));
    }

    @AfterAll
    static void stopRedis() throws Exception {
        redis.close();
        vertx.closeAndAwait();
        server.close();
    }

    @BeforeEach
    void connectOnOneLoop() throws Exception {
        redis.send(Request.cmd(Command.FLUSHALL)).await().atMost(WAIT);
        redis.send(Request.cmd(Command.CONFIG).arg("RESETSTAT")).await().atMost(WAIT);
        transport = new RedisTransport(new Redis(countingWrites(redis.getDelegate())));
        loop = vertx.getDelegate().getOrCreateContext();
        onTheLoop(t -> List.of(t.send(Request.cmd(Command.PING))));
    }

    @AfterEach
    void close() {
        transport.close();
    }

    @Test
    void callsMadeTogetherGoOutInOneWriteAndEachCallerGetsItsOwnAnswer() throws Exception {
        long before = writes.get();
        List<Response> answers = onTheLoop(t -> {
            List<Uni<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                calls.add(t.send(Request.cmd(Command.ECHO).arg("call-" + i)));
            }
            return calls;
        });
        assertThat(writes.get() - before).isEqualTo(1);
        for (int i = 0; i < 100; i++) {
            assertThat(answers.get(i).toString()).isEqualTo("call-" + i);
        }
    }

    @Test
    void anErrorInABatchFailsEveryCallerOfItWithStoreUnavailableRunsNothingTwiceAndTheConnectionServesOn() throws Exception {
        redis.send(Request.cmd(Command.HSET).arg("a-hash").arg("f").arg("v")).await().atMost(WAIT);
        List<CompletableFuture<Response>> calls = startOnTheLoop(t -> List.of(
                t.send(Request.cmd(Command.INCR).arg("counter")),
                t.send(Request.cmd(Command.INCR).arg("a-hash")),
                t.send(Request.cmd(Command.ECHO).arg("after"))));
        for (CompletableFuture<Response> call : calls) {
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS)).cause().isInstanceOf(StoreUnavailableException.class)
                    .hasMessageContaining("WRONGTYPE");
        }
        assertThat(redis.send(Request.cmd(Command.GET).arg("counter")).await().atMost(WAIT).toInteger()).isEqualTo(1);
        assertThat(transport.send(Request.cmd(Command.ECHO).arg("still here")).await().atMost(WAIT).toString()).isEqualTo("still here");
    }

    @Test
    void aScriptGoesWithItsTextOnceThenByItsSha1AndWithItsTextAgainWhenRedisForgotIt() throws Exception {
        LuaScript script = LuaScript.load("regenerate");
        String[] keys = TenantSlot.keys("t1");
        Function<RedisTransport, Response> regenerateAMissingKey = t -> t.eval(script, keys, "no-such-key", "primaryKey", "v", "me",
                "2026-01-01T00:00:00Z").await().atMost(WAIT);

        assertThat(RedisTransport.text(regenerateAMissingKey.apply(transport))).isEmpty();
        assertThat(RedisTransport.text(regenerateAMissingKey.apply(transport))).isEmpty();
        assertThat(calls("eval")).isEqualTo(1);
        assertThat(calls("evalsha")).isEqualTo(1);

        redis.send(Request.cmd(Command.SCRIPT).arg("FLUSH")).await().atMost(WAIT);
        assertThat(RedisTransport.text(regenerateAMissingKey.apply(transport))).isEmpty();
        assertThat(calls("eval")).isEqualTo(2);
        assertThat(calls("evalsha")).isEqualTo(2);
    }

    @Test
    void aRedisThatCannotBeReachedFailsEveryKindOfCallWithStoreUnavailable() throws Exception {
        Redis nowhere = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:" + FreePort.find()));
        try (RedisTransport unreachable = new RedisTransport(nowhere)) {
            assertThatThrownBy(() -> unreachable.send(Request.cmd(Command.PING)).await().atMost(WAIT))
                    .isInstanceOf(StoreUnavailableException.class);
            assertThatThrownBy(() -> unreachable.eval(LuaScript.load("regenerate"), TenantSlot.keys("t1"), "k", "primaryKey",
                    "v", "me", "2026-01-01T00:00:00Z").await().atMost(WAIT)).isInstanceOf(StoreUnavailableException.class);
        } finally {
            nowhere.close();
        }
    }

    /** Runs the calls in one task of the connection's event loop, and waits for every answer. */
    private List<Response> onTheLoop(Function<RedisTransport, List<Uni<Response>>> calls) throws Exception {
        List<Response> answers = new ArrayList<>();
        for (CompletableFuture<Response> call : startOnTheLoop(calls)) {
            answers.add(call.get(5, TimeUnit.SECONDS));
        }
        return answers;
    }

    private List<CompletableFuture<Response>> startOnTheLoop(Function<RedisTransport, List<Uni<Response>>> calls)
            throws Exception {
        CompletableFuture<List<CompletableFuture<Response>>> started = new CompletableFuture<>();
        loop.runOnContext(ignored -> {
            List<CompletableFuture<Response>> futures = new ArrayList<>();
            for (Uni<Response> call : calls.apply(transport)) {
                futures.add(call.subscribeAsCompletionStage());
            }
            started.complete(futures);
        });
        return started.get(5, TimeUnit.SECONDS);
    }

    /** How many times Redis ran a command since the test began (INFO commandstats). */
    private static long calls(String command) {
        String stats = redis.send(Request.cmd(Command.INFO).arg("commandstats")).await().atMost(WAIT).toString();
        Matcher matcher = Pattern.compile("cmdstat_" + command + ":calls=(\\d+)").matcher(stats);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** The client as it is, but that every connection it makes counts the writes asked of it. */
    private static io.vertx.redis.client.Redis countingWrites(io.vertx.redis.client.Redis client) {
        return (io.vertx.redis.client.Redis) Proxy.newProxyInstance(RedisTransportTest.class.getClassLoader(),
                new Class<?>[] {io.vertx.redis.client.Redis.class}, (proxy, method, arguments) -> {
                    if (method.getName().equals("connect") && arguments != null && arguments.length == 1 && arguments[0] instanceof Handler<?> handler) {
                        // the callback form, which the Mutiny client calls
                        @SuppressWarnings("unchecked")
                        Handler<AsyncResult<RedisConnection>> made = (Handler<AsyncResult<RedisConnection>>) handler;
                        client.connect(connected -> made.handle(connected.map(RedisTransportTest::countingWrites)));
                        return proxy;
                    }
                    Object result = invoke(client, method, arguments);
                    if (method.getName().equals("connect") && result instanceof Future<?> connecting) {
                        return connecting.map(connection -> countingWrites((RedisConnection) connection));
                    }
                    return result;
                });
    }

    private static RedisConnection countingWrites(RedisConnection connection) {
        return (RedisConnection) Proxy.newProxyInstance(RedisTransportTest.class.getClassLoader(), new Class<?>[] {RedisConnection.class},
                (proxy, method, arguments) -> {
                    if (method.getName().equals("send") || method.getName().equals("batch")) {
                        writes.incrementAndGet();
                    }
                    Object result = invoke(connection, method, arguments);
                    // a fluent method answers its own object: the proxy stands for it
                    return result == connection ? proxy : result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
