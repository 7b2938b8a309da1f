package dev.contractkit.ncp.server.switches;

import dev.contractkit.ncp.server.config.Fault;
import dev.contractkit.ncp.server.config.Latency;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import dev.contractkit.ncp.server.error.NcpException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The mock's switches for frontends: added latency and forced NCP errors, per request by header or for
 * every request by configuration. They act after authentication, on routed requests only. The delay is
 * a timer, so a slow answer holds no thread.
 */
@Singleton
public class MockSwitchFilter {
    public static final String LATENCY_HEADER = "X-Mock-Latency";
    public static final String FAULT_HEADER = "X-Mock-Fault";
    private static final Logger LOG = Logger.getLogger(MockSwitchFilter.class);

    private final Vertx vertx;
    private final Latency configuredLatency;
    private final Optional<Fault> configuredFault;
    private final double faultRate;

    public MockSwitchFilter(Vertx vertx, NcpMockConfig config) {
        this.vertx = vertx;
        this.configuredLatency = config.latency().orElse(Latency.NONE);
        this.configuredFault = config.fault();
        this.faultRate = config.faultRate();
    }

    /**
     * Synchronous unless a delay is asked for: only then is the request suspended, and resumed by a timer. It runs
     * on the event loop for every endpoint, those that run on a worker thread too ({@code nonBlocking}), so a
     * suspension and its timer always share one thread.
     */
    public void apply(ResteasyReactiveContainerRequestContext context, HttpServerRequest request) {
        Optional<Fault> fault = faultFor(request);
        long delay = latencyFor(request).drawMillis();
        if (fault.isPresent() && fault.get().isCrash()) {
            // an answer, not a bug: one INFO line, no stack trace, the 500 "900" an unexpected failure gets
            LOG.infof("injected crash (fault switch) for %s %s: answering 500 \"900\"", request.method(), request.path());
            throw new NcpException(NcpErrorCode.UNEXPECTED_ERROR, "Crash injected by the mock's fault switch.");
        }
        Optional<NcpErrorCode> forced = fault.flatMap(Fault::error);
        if (delay == 0) {
            forced.ifPresent(code -> abort(context, code));
            return;
        }
        context.suspend();
        vertx.setTimer(delay, id -> {
            forced.ifPresent(code -> abort(context, code));
            context.resume();
        });
    }

    private static void abort(ResteasyReactiveContainerRequestContext context, NcpErrorCode code) {
        context.abortWith(NcpErrors.response(code, "Forced by the mock's fault switch."));
    }

    private Latency latencyFor(HttpServerRequest request) {
        String header = request.getHeader(LATENCY_HEADER);
        if (header == null) {
            return configuredLatency;
        }
        try {
            return Latency.parse(header);
        } catch (IllegalArgumentException e) {
            throw new NcpException(NcpErrorCode.BAD_REQUEST, LATENCY_HEADER + ": " + e.getMessage());
        }
    }

    private Optional<Fault> faultFor(HttpServerRequest request) {
        String header = request.getHeader(FAULT_HEADER);
        if (header != null) {
            try {
                return Fault.parse(header);
            } catch (IllegalArgumentException e) {
                throw new NcpException(NcpErrorCode.BAD_REQUEST, FAULT_HEADER + ": " + e.getMessage());
            }
        }
        if (configuredFault.isPresent() && ThreadLocalRandom.current().nextDouble() < faultRate) {
            return configuredFault;
        }
        return Optional.empty();
    }
}
