package dev.contractkit.ncp.server.http;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How long a connection may keep the mock waiting. Between requests (a new connection included), a client must
 * go on sending its request: {@code ncp.mock.header-read-timeout} (10 s) without a byte closes the connection, so
 * half-sent requests and forgotten connections cannot pile up. While a request is served (a proxied call may
 * wait 30 s for NCP, a slow body may trickle in) only {@code quarkus.http.idle-timeout} (60 s without a byte
 * either way) applies. The read timeout is Vert.x's own idle handler ({@code idle} in each HTTP/1 connection's
 * pipeline), lifted when a request's headers have arrived and set again when its answer has gone.
 */
@ApplicationScoped
public class ConnectionTimeouts implements HttpServerOptionsCustomizer {
    static final String IDLE_HANDLER = "idle";

    private final long headerReadMillis;
    private final long idleMillis;

    public ConnectionTimeouts(NcpMockConfig config, @ConfigProperty(name = "quarkus.http.idle-timeout") Duration idle) {
        this.headerReadMillis = Math.max(1, config.headerReadTimeout().toMillis());
        this.idleMillis = Math.max(headerReadMillis, idle.toMillis());
    }

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setIdleTimeout((int) idleMillis).setReadIdleTimeout((int) headerReadMillis);
    }

    /** First of all the filters: the headers are in, so the read timeout is lifted until the answer has gone. */
    public void serving(RoutingContext context) {
        if (context.request().version() != HttpVersion.HTTP_2 && context.request().connection() instanceof ConnectionBase connection) {
            ChannelPipeline pipeline = connection.channelHandlerContext().pipeline();
            if (pipeline.get(IDLE_HANDLER) instanceof IdleStateHandler handler && handler.getReaderIdleTimeInMillis() > 0) {
                pipeline.replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS));
                context.addEndHandler(done -> {
                    if (connection.channel().isActive() && pipeline.get(IDLE_HANDLER) != null) {
                        pipeline.replace(IDLE_HANDLER, IDLE_HANDLER, new IdleStateHandler(headerReadMillis, 0, idleMillis, TimeUnit.MILLISECONDS));
                    }
                });
            }
        }
        context.next();
    }
}
