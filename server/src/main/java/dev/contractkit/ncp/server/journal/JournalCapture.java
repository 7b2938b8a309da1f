package dev.contractkit.ncp.server.journal;

import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.store.Workspace;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * Captures each answered request to {@code /api/} and {@code /mock/} (not those to the journal itself, to
 * {@code /mock/workspaces} or to the console, {@code /mock/console}, nor Quarkus's {@code /q/}) into the {@link RequestJournal}, just before its answer is written: once a client
 * holds its answer, the journal holds its request. The body comes from {@link JournalBodyTap}.
 */
@Singleton
public class JournalCapture {
    /** Where the request body tap leaves the first {@link #BODY_LIMIT} bytes of the body as read. */
    static final String BODY_KEY = "ncp.journal.body";
    static final int BODY_LIMIT = 4096;
    private static final String JOURNAL_PATH = "/mock/requests";
    private static final String WORKSPACES_PATH = "/mock/workspaces";
    private static final String CONSOLE_PATH = "/mock/console";
    /**
     * Set by the gateway on each call it answers: the id of the key the call carried ("" when none was
     * found). The journal records every gateway call, with that id and never the key value.
     */
    public static final String GATEWAY_KEY_ID = "ncp.journal.gateway-key-id";

    private final RequestJournal journal;
    private final Clock clock;

    public JournalCapture(RequestJournal journal, Clock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    /** Leaves the first {@link #BODY_LIMIT} bytes of a body read outside JAX-RS (the gateway's) for the journal. */
    public static void noteBody(RoutingContext context, byte[] body) {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        copy.write(body, 0, Math.min(body.length, BODY_LIMIT));
        context.put(BODY_KEY, copy);
    }

    /** Runs before every other filter: notes the start, and records the request just before its answer is sent. */
    public void capture(RoutingContext context) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        String path = request.path();
        if (!journal.enabled()) {
            context.next();
            return;
        }
        // never the journal itself, nor the workspace routes, whose paths carry workspace ids and whose answers secrets
        boolean management = (path.startsWith("/api/") || path.startsWith("/mock/")) && !path.startsWith(JOURNAL_PATH)
                && !path.startsWith(WORKSPACES_PATH) && !path.startsWith(CONSOLE_PATH);
        long started = System.nanoTime();
        Instant at = clock.instant();
        context.addHeadersEndHandler(done -> {
            String gatewayKeyId = context.get(GATEWAY_KEY_ID);
            if (management || gatewayKeyId != null) {
                String errorCode = context.get(NcpErrors.ERROR_CODE_KEY);
                byte[] body = context.get(BODY_KEY) instanceof ByteArrayOutputStream tapped ? tapped.toByteArray() : null;
                // a workspace's call, by its prefix or by its access key at the usual paths, goes to its own journal
                RequestScope scope = RequestScope.of(context);
                Workspace workspace = scope.workspace();
                String signedPath = scope.prefixed() ? scope.signedPathAndQuery() : null;
                journal.add(new RequestJournal.Entry(at.toString(), request.method().name(), signedPath != null ? signedPath : request.uri(),
                        request.getHeader("x-ncp-iam-access-key"), gatewayKeyId == null || gatewayKeyId.isEmpty() ? null : gatewayKeyId,
                        response.getStatusCode(), response.getStatusCode() >= 400 ? errorCode : null,
                        (System.nanoTime() - started) / 1_000_000, body == null ? null : new String(body, StandardCharsets.UTF_8),
                        workspace == null ? null : workspace.workspaceId()));
            }
        });
        context.next();
    }
}
