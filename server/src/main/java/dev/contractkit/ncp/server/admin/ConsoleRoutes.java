package dev.contractkit.ncp.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import io.quarkus.vertx.web.Body;
import io.quarkus.vertx.web.Route;
import io.quarkus.vertx.web.Route.HttpMethod;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mock's web console, {@code /mock/console}: one page (no build step, nothing fetched from elsewhere) and
 * the routes it reads. Guarded like every {@code /mock/*} route (the admin token, which a browser sends as a
 * Basic password); never journaled. The page changes keys and subscriptions through the management API
 * itself, signed here with the tenant's credentials, so its calls are answered, journaled and counted as a
 * frontend's are, and the credentials never reach the browser.
 * <ul>
 *   <li>{@code GET /mock/console}: the page;</li>
 *   <li>{@code GET /mock/console/tenants}: the picker: the configured tenants and the live workspaces;</li>
 *   <li>{@code GET /mock/console/state?tenant=}: one tenant's keys (masked), products, subscriptions, gateway
 *       usage per minute, journal and (in proxy mode) drift;</li>
 *   <li>{@code GET /mock/console/events?tenant=}: the same state as server-sent events, sent again whenever
 *       it changes (checked every second, so the replicas of a shared mock show each other's calls);</li>
 *   <li>{@code POST /mock/console/sign}: {@code {"tenant", "method", "path"}} to NCP's three signature headers.</li>
 * </ul>
 */
@Singleton
public class ConsoleRoutes {
    static final long CHECK_MILLIS = 1000;
    static final long HEARTBEAT_MILLIS = 15_000;

    private final ConsoleState state;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final byte[] page;

    public ConsoleRoutes(ConsoleState state, ObjectMapper mapper, Vertx vertx) {
        this.state = state;
        this.mapper = mapper;
        this.vertx = vertx;
        try (InputStream in = ConsoleRoutes.class.getResourceAsStream("/console/console.html")) {
            this.page = in.readAllBytes();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the console page is part of the server's resources", e);
        }
    }

    @Route(path = "/mock/console", methods = HttpMethod.GET)
    void page(RoutingContext context) {
        context.response().putHeader("Content-Type", "text/html; charset=utf-8").putHeader("Cache-Control", "no-store")
                .putHeader("Content-Security-Policy", "default-src 'self'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src 'self' data:")
                .putHeader("X-Frame-Options", "DENY")
                .end(Buffer.buffer(page));
    }

    @Route(path = "/mock/console/tenants", methods = HttpMethod.GET)
    void tenants(RoutingContext context) {
        answer(context, state.tenants());
    }

    @Route(path = "/mock/console/state", methods = HttpMethod.GET)
    void state(RoutingContext context) {
        answer(context, state.of(context.request().getParam("tenant")));
    }

    @Route(path = "/mock/console/sign", methods = HttpMethod.POST)
    void sign(RoutingContext context, @Body Buffer body) {
        JsonNode request;
        try {
            request = body == null || body.length() == 0 ? null : mapper.readTree(body.getBytes());
        } catch (IOException notJson) {
            request = null;
        }
        if (request == null || !request.path("method").isTextual() || !request.path("path").isTextual()) {
            fail(context, new NcpException(NcpErrorCode.BAD_REQUEST, "Send {\"tenant\", \"method\", \"path\"}: the call to sign."));
            return;
        }
        answer(context, state.sign(request.path("tenant").asText(null), request.path("method").asText(), request.path("path").asText()));
    }

    /**
     * The tenant's state, now and each time it changes. A refusal (an unknown tenant) is answered as usual,
     * before the stream starts; a store outage while it runs is an {@code error} event, and the next check tries again.
     */
    @Route(path = "/mock/console/events", methods = HttpMethod.GET)
    void events(RoutingContext context) {
        String tenant = context.request().getParam("tenant");
        state.of(tenant).subscribe().with(first -> {
            HttpServerResponse response = context.response();
            response.setChunked(true).putHeader("Content-Type", "text/event-stream; charset=utf-8").putHeader("Cache-Control", "no-store")
                    .putHeader("X-Accel-Buffering", "no"); // nginx passes each event on at once
            AtomicReference<String> last = new AtomicReference<>(first);
            AtomicLong lastSent = new AtomicLong(System.nanoTime());
            AtomicBoolean busy = new AtomicBoolean();
            response.write("retry: 2000\nevent: state\ndata: " + first + "\n\n");
            long timer = vertx.setPeriodic(CHECK_MILLIS, id -> {
                if (response.closed() || !busy.compareAndSet(false, true)) {
                    return;
                }
                state.of(tenant).subscribe().with(next -> {
                    busy.set(false);
                    if (response.closed()) {
                        return;
                    }
                    if (!next.equals(last.getAndSet(next))) {
                        response.write("event: state\ndata: " + next + "\n\n");
                        lastSent.set(System.nanoTime());
                    } else if (System.nanoTime() - lastSent.get() > HEARTBEAT_MILLIS * 1_000_000) {
                        response.write(": still here\n\n");
                        lastSent.set(System.nanoTime());
                    }
                }, failure -> {
                    busy.set(false);
                    if (!response.closed()) {
                        response.write("event: failure\ndata: " + mapper.getNodeFactory().textNode(failureText(failure)) + "\n\n");
                    }
                });
            });
            response.closeHandler(closed -> vertx.cancelTimer(timer));
            response.exceptionHandler(broken -> vertx.cancelTimer(timer));
        }, failure -> fail(context, failure));
    }

    private static String failureText(Throwable failure) {
        return failure instanceof NcpException ncp ? ncp.getMessage() : "The store could not be read: " + failure.getClass().getSimpleName();
    }

    private void answer(RoutingContext context, Uni<String> step) {
        step.subscribe().with(json -> context.response().putHeader("Content-Type", "application/json").putHeader("Cache-Control", "no-store")
                .end(json), failure -> fail(context, failure));
    }

    private void fail(RoutingContext context, Throwable failure) {
        NcpErrors.fail(context, mapper, failure);
    }
}
