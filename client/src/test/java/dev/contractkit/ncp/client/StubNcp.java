package dev.contractkit.ncp.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/** An in-test HTTP server on 127.0.0.1 that records what the client sends and answers what a test queued. */
public final class StubNcp implements AutoCloseable {
    public record Recorded(String method, String rawPathAndQuery, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** An answer; a held one is sent only once {@link #close()} releases it (a server that never answers in time). */
    public record Answer(int status, String contentType, String body, boolean held) {
    }

    private final HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    public StubNcp() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/v1";
    }

    public StubNcp answer(int status, String json) {
        answers.add(new Answer(status, "application/json", json, false));
        return this;
    }

    public StubNcp answer(int status, String contentType, String body) {
        answers.add(new Answer(status, contentType, body, false));
        return this;
    }

    /** Takes the next request and answers it only when the stub closes: the client's read timeout decides first. */
    public StubNcp answerHeldUntilClose(int status, String json) {
        answers.add(new Answer(status, "application/json", json, true));
        return this;
    }

    public List<Recorded> requests() {
        return requests;
    }

    public Recorded lastRequest() {
        return requests.get(requests.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                Map.copyOf(exchange.getRequestHeaders()), body));
        Answer answer = answers.poll();
        if (answer == null) {
            answer = new Answer(500, "text/plain", "no answer queued", false);
        }
        try {
            if (answer.held()) {
                closing.await();
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
