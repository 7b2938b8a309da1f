package dev.contractkit.ncp.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service on the test machine's loopback that no gateway call should reach unless the operator allowed it:
 * it answers every request with one fixed body and counts the calls. With {@link #forwarderSeed}, the seed of a
 * workspace whose one product's stage forwards to a given backend.
 */
public final class PrivateService implements AutoCloseable {
    /** The primary key of the seed's one key. */
    public static final String SEED_KEY = "FORWARDPRIMARYKEY000000000000000000000001";
    /** The seed's gateway path below a workspace's prefix: invoke id, API and stage. */
    public static final String GATEWAY = "/gateway/fwd0000001/meta/latest";

    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();

    private PrivateService(String body) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] answer = body.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> {
            calls.incrementAndGet();
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    /** Started on a free port of 127.0.0.1, answering {@code body}. */
    public static PrivateService answering(String body) {
        return new PrivateService(body);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public int calls() {
        return calls.get();
    }

    /** {@code {"seed": ...}} of a workspace whose stage forwards to {@code backendUrl}, and whose one key is {@link #SEED_KEY}. */
    public static String forwarderSeed(String backendUrl) {
        return """
                {"seed": {"apiKeys": [{"apiKeyId": "fwdkey0001", "apiKeyName": "fwd", "primaryKey": "%s"}],
                  "products": [{"productId": "fwdprod001", "productName": "Forwarder", "subscriptionCode": "PUBLIC", "invokeId": "fwd0000001",
                    "apis": [{"apiId": "fwdapi0001", "apiName": "meta", "stages": [{"stageId": "fwdstage01", "stageName": "latest",
                      "endpointDomain": "%s", "usagePlans": [{"usagePlanId": "fwdplan001", "usagePlanName": "Open"}]}]}]}]}}
                """.formatted(SEED_KEY, backendUrl);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
