package dev.contractkit.ncp.testsupport;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A small upstream that answers as NCP would if it had drifted from our spec, in three ways: the key list
 * renames {@code isEnabled} to {@code enabled}, the product list carries an unknown {@code subscriptionCode}
 * ({@code SECRET}), and one product answers an undocumented status (418). Every other path is NCP's 404.
 * It notes the headers of every request, so a test can check how the proxy signed them. Bound to a free
 * port on 127.0.0.1 when started.
 */
public final class DriftedNcp implements AutoCloseable {
    /** The key values the drifted list carries (a recording must not hold them). */
    public static final String PRIMARY_KEY = "DRIFTEDPRIMARYKEYVALUE0000000000000000001";
    public static final String SECONDARY_KEY = "DRIFTEDSECONDARYKEYVALUE000000000000000002";
    public static final String ENVELOPE_404 = "{\"error\": {\"errorCode\": \"300\", \"message\": \"Not Found Exception\", \"details\": \"nothing\"}}";
    public static final String KEY_LIST = """
            {"apiKeys": [{"apiKeyId": "abcde12345", "apiKeyName": "web", "apiKeyDescription": "", "primaryKey": "%s",
              "secondaryKey": "%s", "enabled": true, "modTime": "2024-05-08T00:21:31Z", "domainCode": "PUB"}],
             "total": 1, "initialCount": 1}""".formatted(PRIMARY_KEY, SECONDARY_KEY);
    public static final String PRODUCT_LIST = """
            {"productPage": {"content": [{"productId": "prodpub001", "productName": "Weather", "productDescription": "",
              "subscriptionCode": "SECRET", "isPublished": true, "modTime": "2024-05-01T00:00:00Z"}], "total": 1},
             "initialCount": 1}""";
    public static final String TEAPOT = "{\"teapot\": true}";
    /** Drifted answers by path: status and body. */
    private static final Map<String, Object[]> ANSWERS = Map.of(
            "/api/v1/api-keys", new Object[] {200, KEY_LIST},
            "/api/v1/products", new Object[] {200, PRODUCT_LIST},
            "/api/v1/products/prodpub001", new Object[] {418, TEAPOT});

    /** One request as it arrived: method, path and query, and its headers (first values, lower-case names). */
    public record Arrival(String method, String pathAndQuery, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final List<Arrival> arrivals = new CopyOnWriteArrayList<>();

    private DriftedNcp(HttpServer server) {
        this.server = server;
    }

    public static DriftedNcp start() throws IOException {
        DriftedNcp drifted = new DriftedNcp(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        drifted.server.createContext("/", exchange -> {
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
            String query = exchange.getRequestURI().getRawQuery();
            drifted.arrivals.add(new Arrival(exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath() + (query == null ? "" : "?" + query), Map.copyOf(headers)));
            Object[] answer = ANSWERS.getOrDefault(exchange.getRequestURI().getPath(), new Object[] {404, ENVELOPE_404});
            byte[] body = ((String) answer[1]).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders((Integer) answer[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        drifted.server.start();
        return drifted;
    }

    /** {@code http://127.0.0.1:PORT/api/v1}, NCP's base URL form. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    /** Every request so far, in order. */
    public List<Arrival> arrivals() {
        return List.copyOf(arrivals);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
