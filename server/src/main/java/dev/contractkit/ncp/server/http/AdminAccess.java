package dev.contractkit.ncp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.RequestScope;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A shared mock's admin token ({@code ncp.mock.admin-token}): set, every {@code /mock/*} route answers 401 "200"
 * unless the request carries {@code Authorization: Bearer <token>}, or {@code Basic} with the token as its password:
 * what a browser sends for the console ({@code /mock/console}), whose refusal asks for it that way. A workspace's own prefix
 * ({@code /workspaces/{id}/mock/...}) stays open to whoever holds its unguessable id, so that Pact verifiers
 * need no extra header. Runs after the prefix is taken off (it is then known to be a workspace's). The
 * comparison takes the same time whatever the token sent; the token is never logged or echoed.
 */
@Singleton
public class AdminAccess {
    static final String SETTING = "ncp.mock.admin-token (NCP_MOCK_ADMIN_TOKEN)";
    private static final String CONSOLE = "/mock/console";

    private final ObjectMapper mapper;
    private final byte[] tokenDigest;

    public AdminAccess(ObjectMapper mapper, NcpMockConfig config) {
        this.mapper = mapper;
        this.tokenDigest = config.adminToken().filter(token -> !token.isBlank()).map(AdminAccess::digest).orElse(null);
    }

    public void guard(RoutingContext context) {
        String path = context.request().path();
        if (tokenDigest == null || !path.startsWith("/mock/") || RequestScope.of(context).prefixed()
                || holdsToken(context.request().getHeader("Authorization"))) {
            context.next();
            return;
        }
        // a browser asks its user for the token of the console (as the password) and sends it with every call of the page
        boolean console = path.equals(CONSOLE) || path.startsWith(CONSOLE + "/");
        context.response().putHeader("WWW-Authenticate", console ? "Basic realm=\"ncp-mock console\", charset=\"UTF-8\"" : "Bearer realm=\"ncp-mock\"");
        NcpErrors.refuse(context, mapper, NcpErrorCode.AUTHENTICATION_FAILED,
                "This mock's /mock/ routes need Authorization: Bearer <its admin token> (" + SETTING + ")"
                + (console ? "; a browser asks for it as the password, with any user name." : "."));
    }

    /** {@code Bearer <token>}, or {@code Basic} with the token as the password (a browser's way, for the console). */
    private boolean holdsToken(String authorization) {
        if (authorization == null) {
            return false;
        }
        String sent;
        if (authorization.length() > 7 && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            sent = authorization.substring(7).trim();
        } else if (authorization.length() > 6 && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String pair;
            try {
                pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return false;
            }
            int colon = pair.indexOf(':');
            if (colon < 0) {
                return false;
            }
            sent = pair.substring(colon + 1);
        } else {
            return false;
        }
        // digests of equal length, compared in constant time: the time taken tells nothing of the token
        return MessageDigest.isEqual(tokenDigest, digest(sent));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
