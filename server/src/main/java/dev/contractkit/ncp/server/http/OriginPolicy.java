package dev.contractkit.ncp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.config.ProxyListensOnLoopback;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which web pages may use this mock, decided before anything else runs (CORS, and the same rule for the
 * requests themselves, since a page may send a "simple" request without asking first).
 * <ul>
 *   <li>The mock's own pages (Swagger UI) may always call it.</li>
 *   <li>A plain mock answers any origin on {@code /api/v1}, the gateway and {@code /q/}: frontends on another port
 *       need that; given {@code ncp.mock.cors-origins}, only those. {@code /mock/*}, which holds resets,
 *       credentials and every tenant's journal, answers only the mock's own pages and the listed origins.</li>
 *   <li>A proxy (it signs with the user's real credentials) answers only its own pages and the listed
 *       origins, everywhere; and, listening on loopback, it takes only requests addressed to a loopback name
 *       or the public URL, so that a page whose name was re-pointed at 127.0.0.1 is not taken for its own.</li>
 *   <li>A {@code /mock/*} request that changes something and carries a body type other than JSON (a form, or
 *       {@code text/plain}, which a page may send without asking) is refused.</li>
 * </ul>
 * A refused request is 403 "230" in NCP's envelope, with no {@code Access-Control-Allow-Origin}, and nothing
 * behind it runs.
 */
@Singleton
public class OriginPolicy {
    static final String METHODS = "GET,POST,PUT,PATCH,DELETE,OPTIONS";
    static final String MAX_AGE = "3600";
    private static final Pattern WORKSPACE_ADMIN = Pattern.compile("/workspaces/[^/]+/mock/.*");
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final ObjectMapper mapper;
    private final Set<String> listed;
    private final boolean anyListed;
    private final boolean proxy;
    private final String publicAuthority;
    private final boolean loopbackOnly;

    public OriginPolicy(ObjectMapper mapper, NcpMockConfig config, @ConfigProperty(name = "quarkus.http.host") Optional<String> host) {
        this.mapper = mapper;
        Set<String> origins = Arrays.stream(config.corsOrigins().orElse("").split(",")).map(String::trim).filter(origin -> !origin.isEmpty())
                .collect(Collectors.toSet());
        this.anyListed = origins.contains("*");
        this.listed = origins.stream().map(OriginPolicy::authorityOf).filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
        this.proxy = NcpMockConfig.proxyMode(config);
        this.publicAuthority = config.publicUrl().map(OriginPolicy::authorityOf).orElse(null);
        this.loopbackOnly = host.map(ProxyListensOnLoopback::isLoopbackName).orElse(false);
    }

    public void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        String path = request.path();
        String authority = request.authority() == null ? null : normaliseAuthority(request.authority().toString(), request.isSSL());
        if (proxy && loopbackOnly && authority != null && !trustedHost(authority)) {
            refuse(context, "This proxy takes requests addressed to localhost (or ncp.mock.public-url) only, not to " + hostOf(authority) + ".");
            return;
        }
        boolean admin = path.startsWith("/mock/") || WORKSPACE_ADMIN.matcher(path).matches();
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed(origin, authority, admin)) {
            refuse(context, "Pages of " + printable(origin) + " may not call " + (admin ? "this mock's /mock/ routes" : "this " + (proxy ? "proxy" : "mock"))
                    + "; list trusted origins in ncp.mock.cors-origins (NCP_MOCK_CORS_ORIGINS).");
            return;
        }
        if (admin && CHANGES.contains(request.method().name()) && !json(request.getHeader("Content-Type"))) {
            NcpErrors.refuse(context, mapper, NcpErrorCode.BAD_REQUEST,
                    "The /mock/ routes take JSON bodies only (Content-Type: application/json), not " + printable(request.getHeader("Content-Type")) + ".");
            return;
        }
        if (origin == null) {
            context.next(); // not sent by a page of another origin
            return;
        }
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        var response = context.response();
        response.putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
        if (preflight) {
            String headers = request.getHeader("Access-Control-Request-Headers");
            response.putHeader("Access-Control-Allow-Methods", METHODS).putHeader("Access-Control-Max-Age", MAX_AGE);
            if (headers != null) {
                response.putHeader("Access-Control-Allow-Headers", headers);
            }
            response.setStatusCode(200).end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", "Allow");
        context.next();
    }

    /** The mock's own pages, a listed origin, or (a plain mock with no list, outside /mock/) any origin. */
    boolean allowed(String origin, String ownAuthority, boolean admin) {
        String originAuthority = authorityOf(origin);
        if (originAuthority != null && originAuthority.equals(ownAuthority) && trustedHost(ownAuthority)) {
            return true;
        }
        if (originAuthority != null && originAuthority.equals(publicAuthority)) {
            return true;
        }
        if (anyListed || originAuthority != null && listed.contains(originAuthority)) {
            return true;
        }
        return !proxy && !admin && listed.isEmpty();
    }

    /** Whether the name a request was addressed to can be the mock's own: any, when it listens beyond loopback. */
    private boolean trustedHost(String authority) {
        if (authority.equals(publicAuthority)) {
            return true;
        }
        return !loopbackOnly || ProxyListensOnLoopback.isLoopbackName(hostOf(authority));
    }

    private void refuse(RoutingContext context, String details) {
        NcpErrors.refuse(context, mapper, NcpErrorCode.FORBIDDEN, details);
    }

    private static boolean json(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return true; // no body type: nothing a form or text/plain page could have sent
        }
        String type = contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** {@code host:port} of an origin or URL, lower case, with its scheme's default port; null when it is none. */
    static String authorityOf(String url) {
        try {
            URI uri = URI.create(url.trim());
            if (uri.getScheme() == null || uri.getHost() == null) {
                return null;
            }
            boolean https = uri.getScheme().equalsIgnoreCase("https");
            int port = uri.getPort() > 0 ? uri.getPort() : https ? 443 : 80;
            return uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (IllegalArgumentException notAUrl) {
            return null;
        }
    }

    static String normaliseAuthority(String authority, boolean ssl) {
        String value = authority.toLowerCase(Locale.ROOT);
        boolean hasPort = value.startsWith("[") ? value.contains("]:") : value.contains(":");
        return hasPort ? value : value + ":" + (ssl ? 443 : 80);
    }

    private static String hostOf(String authority) {
        return authority.substring(0, authority.lastIndexOf(':'));
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
