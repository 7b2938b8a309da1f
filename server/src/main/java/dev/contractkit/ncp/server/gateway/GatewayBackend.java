package dev.contractkit.ncp.server.gateway;

import dev.contractkit.ncp.server.config.BackendHosts;
import io.vertx.core.net.SocketAddress;
import java.net.InetAddress;
import java.net.URI;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * Forwards an admitted gateway call to its stage's backend: the method, the path below the stage, the query,
 * the headers but the API key (and the hop-by-hop ones), and the body; answers with the backend's status,
 * headers and body. A backend that cannot be reached or fails mid-answer is 503 "500"; one that has not
 * answered within the timeout is 504 "510" (and the request to it is abandoned).
 */
final class GatewayBackend {
    private static final Set<String> NOT_FORWARDED = Set.of(GatewayRoutes.KEY_HEADER, "host", "connection", "keep-alive",
            "transfer-encoding", "te", "trailer", "upgrade", "proxy-authorization", "proxy-connection", "content-length");

    private final Vertx vertx;
    private final HttpClient client;
    private final long timeoutMillis;

    GatewayBackend(Vertx vertx, Duration timeout) {
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis)));
    }

    /** Forwards to a backend the operator configured: its name is resolved and connected to as usual. */
    void forward(RoutingContext context, String url, Buffer body, BiConsumer<NcpErrorCode, String> refuse) {
        send(context, requestTo(context, url), body, refuse);
    }

    /**
     * Forwards to a backend named by an API-made workspace's seed: its host is resolved here, off the event
     * loop, the address checked against {@code hosts}, and the call made to that very address (the name still
     * in {@code Host} and TLS), so a name that resolves inward, now or later, never reaches the mock's network.
     * A refused address is 403 "230".
     */
    void forwardChecked(RoutingContext context, String url, Buffer body, BackendHosts hosts, BiConsumer<NcpErrorCode, String> refuse) {
        RequestOptions options = requestTo(context, url);
        String host = BackendHosts.hostOf(url);
        vertx.<InetAddress>executeBlocking(() -> InetAddress.getAllByName(host)[0], false).onComplete(resolved -> {
            if (resolved.failed()) {
                refuse.accept(NcpErrorCode.ENDPOINT_ERROR, "The backend could not be reached: " + host + " does not resolve.");
                return;
            }
            try {
                hosts.checkAddress(url, resolved.result());
            } catch (IllegalArgumentException refused) {
                refuse.accept(NcpErrorCode.FORBIDDEN, "The gateway does not forward there: " + refused.getMessage() + ".");
                return;
            }
            URI target = URI.create(url);
            int port = target.getPort() > 0 ? target.getPort() : "https".equalsIgnoreCase(target.getScheme()) ? 443 : 80;
            options.setServer(SocketAddress.inetSocketAddress(port, resolved.result().getHostAddress()));
            send(context, options, body, refuse);
        });
    }

    private static RequestOptions requestTo(RoutingContext context, String url) {
        String query = context.request().query();
        RequestOptions options = new RequestOptions().setMethod(context.request().method())
                .setAbsoluteURI(query == null || query.isEmpty() ? url : url + "?" + query);
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        context.request().headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        options.setHeaders(headers);
        return options;
    }

    private void send(RoutingContext context, RequestOptions options, Buffer body, BiConsumer<NcpErrorCode, String> refuse) {
        AtomicBoolean settled = new AtomicBoolean();
        HttpClientRequest[] sent = new HttpClientRequest[1];
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (settled.compareAndSet(false, true)) {
                if (sent[0] != null) {
                    sent[0].reset();
                }
                refuse.accept(NcpErrorCode.ENDPOINT_TIMEOUT, "The backend did not answer within " + timeoutMillis + " ms.");
            }
        });
        client.request(options).compose(request -> {
            sent[0] = request;
            return request.send(body).compose(response -> response.body().map(answer -> {
                if (settled.compareAndSet(false, true)) {
                    vertx.cancelTimer(timer);
                    context.response().setStatusCode(response.statusCode());
                    response.headers().forEach(header -> {
                        if (!NOT_FORWARDED.contains(header.getKey().toLowerCase())) {
                            context.response().headers().add(header.getKey(), header.getValue());
                        }
                    });
                    context.response().end(answer);
                }
                return answer;
            }));
        }).onFailure(failure -> {
            if (settled.compareAndSet(false, true)) {
                vertx.cancelTimer(timer);
                refuse.accept(NcpErrorCode.ENDPOINT_ERROR, "The backend could not be reached: " + failure.getMessage());
            }
        });
    }
}
