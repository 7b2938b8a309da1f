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

/**
 * A shared mock's admin token ({@code ncp.mock.admin-token}): set, every {@code /mock/*} route answers 401 "200"
 * unless the request carries {@code Authorization: Bearer <token>}. A workspace's own prefix
 * ({@code /workspaces/{id}/mock/...}) stays open to whoever holds its unguessable id, so that Pact verifiers
 * need no extra header. Runs after the prefix is taken off (it is then known to be a workspace's). The
 * comparison takes the same time whatever the token sent; the token is never logged or echoed.
 */
@Singleton
public class AdminAccess {
    static final String SETTING = "ncp.mock.admin-token (NCP_MOCK_ADMIN_TOKEN)";

    private final ObjectMapper mapper;
    private final byte[] tokenDigest;

    public AdminAccess(ObjectMapper mapper, NcpMockConfig config) {
        this.mapper = mapper;
        this.tokenDigest = config.adminToken().filter(token -> !token.isBlank()).map(AdminAccess::digest).orElse(null);
    }

    public void guard(RoutingContext context) {
        if (tokenDigest == null || !context.request().path().startsWith("/mock/") || RequestScope.of(context).prefixed()
                || holdsToken(context.request().getHeader("Authorization"))) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", "Bearer realm=\"ncp-mock\"");
        NcpErrors.refuse(context, mapper, NcpErrorCode.AUTHENTICATION_FAILED,
                "This mock's /mock/ routes need Authorization: Bearer <its admin token> (" + SETTING + ").");
    }

    private boolean holdsToken(String authorization) {
        if (authorization == null || authorization.length() < 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        // digests of equal length, compared in constant time: the time taken tells nothing of the token
        return MessageDigest.isEqual(tokenDigest, digest(authorization.substring(7).trim()));
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
