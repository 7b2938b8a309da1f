package dev.contractkit.ncp.server.mock;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the mock answered, for a frontend developer to see what their app really sent (WireMock's request
 * journal): the last {@code ncp.mock.journal-size} requests to {@code /api/} and {@code /mock/} (not those
 * to the journal itself, nor Quarkus's {@code /q/}), oldest first, in bounded memory. Thread-safe: one short
 * lock per answered request.
 */
@Singleton
public class RequestJournal {
    /** Where the request body tap leaves the first {@link #BODY_LIMIT} bytes of the body as read. */
    public static final String BODY_KEY = "ncp.journal.body";
    public static final int BODY_LIMIT = 4096;
    private static final String JOURNAL_PATH = "/mock/requests";

    /** One answered request. {@code errorCode} is null on success; {@code body} is null when none was read. */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
    public record Entry(String time, String method, String path, String accessKey, int status, String errorCode, long durationMs,
            String body) {
    }

    private final int size;
    private final Clock clock;
    private final ArrayDeque<Entry> entries;

    public RequestJournal(NcpMockConfig config, Clock clock) {
        this.size = config.journalSize();
        this.clock = clock;
        this.entries = new ArrayDeque<>(Math.min(size, 1024));
    }

    public boolean enabled() {
        return size > 0;
    }

    /** Runs before every other filter: notes the start, and records the request just before its answer is sent. */
    @RouteFilter(RouteFilter.DEFAULT_PRIORITY + 1000)
    void record(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String path = request.path();
        boolean journaled = enabled() && (path.startsWith("/api/") || path.startsWith("/mock/")) && !path.startsWith(JOURNAL_PATH);
        long started = journaled ? System.nanoTime() : 0;
        Instant at = journaled ? clock.instant() : null;
        context.addHeadersEndHandler(done -> {
            // the internal header never reaches the client, journal on or off
            String errorCode = response.headers().get(NcpErrors.ERROR_CODE_HEADER);
            response.headers().remove(NcpErrors.ERROR_CODE_HEADER);
            if (journaled) {
                // recorded before the status line is written: once a client holds its answer, the journal holds its request
                byte[] body = context.get(BODY_KEY) instanceof java.io.ByteArrayOutputStream tapped ? tapped.toByteArray() : null;
                add(new Entry(at.toString(), request.method().name(), request.uri(), request.getHeader("x-ncp-iam-access-key"),
                        response.getStatusCode(), response.getStatusCode() >= 400 ? errorCode : null,
                        (System.nanoTime() - started) / 1_000_000, body == null ? null : new String(body, StandardCharsets.UTF_8)));
            }
        });
        context.next();
    }

    private void add(Entry entry) {
        synchronized (entries) {
            if (entries.size() == size) {
                entries.removeFirst();
            }
            entries.addLast(entry);
        }
    }

    /** The entries that pass the filter, oldest first. */
    public List<Entry> entries(Predicate<Entry> filter) {
        List<Entry> copy;
        synchronized (entries) {
            copy = new ArrayList<>(entries);
        }
        return copy.stream().filter(filter).toList();
    }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
