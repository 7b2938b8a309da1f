package dev.contractkit.ncp.server.gateway;

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

    void forward(RoutingContext context, String url, Buffer body, BiConsumer<NcpErrorCode, String> refuse) {
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
