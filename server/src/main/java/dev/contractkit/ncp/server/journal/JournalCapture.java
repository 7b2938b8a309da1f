package dev.contractkit.ncp.server.journal;

import dev.contractkit.ncp.server.error.NcpErrors;
import io.quarkus.vertx.web.RouteFilter;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Captures each answered request to {@code /api/} and {@code /mock/} (not those to the journal itself, nor
 * Quarkus's {@code /q/}) into the {@link RequestJournal}, just before its answer is written: once a client
 * holds its answer, the journal holds its request. The body comes from {@link JournalBodyTap}.
 */
public class JournalCapture {
    /** Where the request body tap leaves the first {@link #BODY_LIMIT} bytes of the body as read. */
    static final String BODY_KEY = "ncp.journal.body";
    static final int BODY_LIMIT = 4096;
    private static final String JOURNAL_PATH = "/mock/requests";

    private final RequestJournal journal;
    private final Clock clock;

    public JournalCapture(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Runs before every other filter: notes the start, and records the request just before its answer is sent. */
    @RouteFilter(RouteFilter.DEFAULT_PRIORITY + 1000)
    void capture(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String path = request.path();
        boolean journaled = journal.enabled() && (path.startsWith("/api/") || path.startsWith("/mock/")) && !path.startsWith(JOURNAL_PATH);
        long started = journaled ? System.nanoTime() : 0;
        Instant at = journaled ? clock.instant() : null;
        context.addHeadersEndHandler(done -> {
            if (journaled) {
                String errorCode = context.get(NcpErrors.ERROR_CODE_KEY);
                byte[] body = context.get(BODY_KEY) instanceof ByteArrayOutputStream tapped ? tapped.toByteArray() : null;
                journal.add(new RequestJournal.Entry(at.toString(), request.method().name(), request.uri(),
                        request.getHeader("x-ncp-iam-access-key"), response.getStatusCode(), response.getStatusCode() >= 400 ? errorCode : null,
                        (System.nanoTime() - started) / 1_000_000, body == null ? null : new String(body, StandardCharsets.UTF_8)));
            }
        });
        context.next();
    }
}
