package dev.contractkit.ncp.server.proxy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.journal.JournalCapture;
import dev.contractkit.ncp.server.upstream.DriftLog;
import dev.contractkit.ncp.server.upstream.Exchange;
import dev.contractkit.ncp.server.upstream.Recorder;
import dev.contractkit.ncp.server.upstream.Upstream;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.signature.Verification;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Proxy mode ({@code ncp.mock.upstream}): every {@code /api/v1} call, once its signature passes the mock's own
 * check (the one the management API uses, {@link RequestScope#verifySignature}), goes to the upstream re-signed with the real credentials, and its answer comes back unchanged (but
 * the hop-by-hop headers, and CORS, which stays the mock's). After the answer is sent, the exchange is
 * checked against the spec ({@link DriftLog}, {@code GET /mock/drift}) and, with {@code ncp.mock.record-dir},
 * recorded: neither can delay or change an answer. An upstream that cannot be reached is 503 "500"; one that
 * has not answered within {@code ncp.mock.upstream-timeout} (30 s), 504 "510". A workspace's credentials, under
 * its prefix or at the usual paths, are refused 401 "200" by design: the upstream is one real account, and a
 * proxy forwards only the calls of the client pair it was started with.
 */
@ApplicationScoped
public class ProxyRoutes {
    private static final Logger LOG = Logger.getLogger(ProxyRoutes.class);
    static final int BACKLOG = 10_000;
    /** The methods that change the upstream account: refused unless {@code ncp.mock.upstream-allow-writes}. */
    static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Set<String> NOT_FORWARDED = Set.of("host", "connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-authorization", "proxy-connection", "content-length", NcpHeaders.TIMESTAMP, NcpHeaders.ACCESS_KEY,
            NcpHeaders.SIGNATURE);
    private static final Set<String> NOT_RETURNED = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer", "upgrade",
            "proxy-connection", "content-length");

    private final Upstream upstream;
    private final DriftLog drift;
    private final Recorder recorder;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final long timeoutMillis;
    private final boolean allowWrites;
    /**
     * One client per event loop, made on that loop: its connections are that loop's, so a proxied call is read,
     * forwarded, answered and sent back on the one thread that took it. (A client shared by every loop lends a
     * call whichever loop's pooled connection is free: two thread wake-ups more for about half the calls.)
     */
    private final Map<Thread, HttpClient> clients = new ConcurrentHashMap<>();
    private Vertx vertx;
    private HttpClientOptions clientOptions;
    /**
     * The spec checks and the recording, one exchange after another on one thread of their own, so that they
     * keep the answers' order and never take more than one core from the answers; past {@value #BACKLOG}
     * waiting exchanges, an exchange goes unchecked (and is counted) rather than held in memory.
     */
    private final ThreadPoolExecutor checks = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(BACKLOG), task -> {
        Thread thread = new Thread(task, "ncp-proxy-checks");
        thread.setDaemon(true);
        return thread;
    });

    public ProxyRoutes(Upstream upstream, DriftLog drift, Recorder recorder, ObjectMapper mapper, Clock clock,
            NcpMockConfig config) {
        this.upstream = upstream;
        this.drift = drift;
        this.recorder = recorder;
        this.mapper = mapper;
        this.clock = clock;
        this.timeoutMillis = Math.max(1, config.upstreamTimeout().toMillis());
        this.allowWrites = config.upstreamAllowWrites();
    }

    /** Whether the mock is a proxy: then {@link #start} and {@link #route} are installed ({@code RequestPipeline}). */
    public boolean enabled() {
        return upstream.enabled();
    }

    /** Called once, with the router's Vert.x, before {@link #route} is installed. */
    public void start(Vertx vertx) {
        this.vertx = vertx;
        this.clientOptions = new HttpClientOptions().setConnectTimeout((int) Math.min(10_000, timeoutMillis)).setMaxPoolSize(64);
        LOG.infof("proxy mode: /api/v1 goes to %s, re-signed; %s; drift at GET /mock/drift%s", upstream.base(),
                allowWrites ? "WRITES ALLOWED (ncp.mock.upstream-allow-writes): calls may change the upstream account"
                        : "reads only (writes refused 403 unless ncp.mock.upstream-allow-writes=true)",
                recorder.enabled() ? "; exchanges recorded" : "");
    }

    /** Answers an {@code /api/v1} call of a proxy. */
    public void route(RoutingContext context) {
        RequestScope scope = RequestScope.of(context);
        if (scope.workspace() != null) {
            refuse(context, NcpErrorCode.AUTHENTICATION_FAILED, "A proxy forwards only the calls signed with its own client credentials "
                    + "(ncp.mock.credentials); a workspace's are refused, as the upstream is one real account.");
            return;
        }
        // a proxy always verifies (Upstream refuses to start with verification off), with the one check there is
        Verification verdict = scope.verifySignature(context.request());
        if (!verdict.isValid()) {
            refuse(context, NcpErrorCode.AUTHENTICATION_FAILED, verdict.details());
            return;
        }
        if (!allowWrites && WRITES.contains(context.request().method().name())) {
            refuse(context, NcpErrorCode.FORBIDDEN, "This proxy forwards reads only: " + context.request().method().name()
                    + " would change the upstream account. Set ncp.mock.upstream-allow-writes=true (NCP_MOCK_UPSTREAM_ALLOW_WRITES=true) to let writes through.");
            return;
        }
        if (context.body().available()) {
            Buffer read = context.body().buffer();
            forward(context, read == null ? Buffer.buffer() : read);
            return;
        }
        context.request().body().onSuccess(body -> forward(context, body)).onFailure(context::fail);
        context.request().resume();
    }

    private void forward(RoutingContext context, Buffer body) {
        JournalCapture.noteBody(context, body.getBytes());
        String below = context.request().path().substring("/api/v1".length());
        String query = context.request().query();
        var target = upstream.target(below, query);
        String method = context.request().method().name();
        String timestamp = Long.toString(clock.millis());
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        context.request().headers().forEach(header -> {
            if (!NOT_FORWARDED.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        headers.set(NcpHeaders.TIMESTAMP, timestamp);
        headers.set(NcpHeaders.ACCESS_KEY, upstream.signer().accessKey());
        headers.set(NcpHeaders.SIGNATURE, upstream.signer().sign(method, NcpSigner.pathAndQuery(target.getRawPath(), target.getRawQuery()), timestamp));
        RequestOptions options = new RequestOptions().setMethod(context.request().method()).setAbsoluteURI(target.toString())
                .setHeaders(headers).setIdleTimeout(timeoutMillis);
        clients.computeIfAbsent(Thread.currentThread(), loop -> vertx.createHttpClient(clientOptions)).request(options)
                .compose(request -> (body.length() == 0 ? request.send() : request.send(body)).compose(response -> response.body().map(answer -> {
                    answer(context, method, query, headers, body, response, answer);
                    return answer;
                })))
                .onFailure(failure -> {
                    if (!context.response().headWritten()) {
                        boolean slow = failure.getMessage() != null && failure.getMessage().toLowerCase(Locale.ROOT).contains("timeout");
                        refuse(context, slow ? NcpErrorCode.ENDPOINT_TIMEOUT : NcpErrorCode.ENDPOINT_ERROR,
                                "The upstream " + upstream.base().getHost() + (slow ? " did not answer in time." : " could not be reached: " + failure.getMessage()));
                    }
                });
    }

    private void answer(RoutingContext context, String method, String query, MultiMap sentHeaders, Buffer sentBody,
            HttpClientResponse response, Buffer answer) {
        context.response().setStatusCode(response.statusCode());
        response.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!NOT_RETURNED.contains(name) && !name.startsWith("access-control-")) {
                context.response().headers().add(header.getKey(), header.getValue());
            }
        });
        int number = recorder.enabled() ? recorder.nextNumber() : 0;
        context.response().end(answer);
        Exchange exchange = new Exchange(clock.instant(), method, context.request().path(), query, firstValues(sentHeaders),
                sentBody.length() == 0 ? null : sentBody.toString(StandardCharsets.UTF_8), response.statusCode(),
                firstValues(response.headers()), answer.length() == 0 ? null : answer.toString(StandardCharsets.UTF_8));
        try {
            checks.execute(() -> {
                try {
                    drift.observe(exchange);
                    recorder.record(number, exchange, drift.scrubber());
                } catch (RuntimeException failure) {
                    LOG.warnf(failure, "could not check or record %s %s", method, exchange.path());
                }
            });
        } catch (RejectedExecutionException full) {
            drift.skipped();
        }
    }

    /** Finishes the checks and recordings already taken (for up to five seconds) when the mock stops. */
    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        checks.shutdown();
        checks.awaitTermination(5, TimeUnit.SECONDS);
    }

    private static Map<String, String> firstValues(MultiMap headers) {
        Map<String, String> values = new LinkedHashMap<>();
        headers.forEach(header -> values.putIfAbsent(header.getKey(), header.getValue()));
        return values;
    }

    private void refuse(RoutingContext context, NcpErrorCode code, String details) {
        NcpErrors.refuse(context, mapper, code, details);
    }
}
