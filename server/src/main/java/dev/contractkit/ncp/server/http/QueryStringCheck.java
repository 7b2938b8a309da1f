package dev.contractkit.ncp.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.error.NcpErrorCode;
import dev.contractkit.ncp.server.error.NcpErrors;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses, with NCP's 400 "100", an {@code /api/v1} query whose escapes decode to no UTF-8 text ({@code %ff}),
 * a {@code limit} above {@link #MAX_LIMIT} on any paged call, and a parameter given more than once ({@code limit=1&limit=2}): every parameter of this API takes one
 * value, and guessing which one was meant would hide a client bug. A request target that is not a URI at
 * all ({@code %zz}, a lone {@code %}) never gets this far: Vert.x's HTTP layer refuses it with a bare 400,
 * a protocol-level refusal like an invalid header character.
 */
@Singleton
public class QueryStringCheck {
    private final ObjectMapper mapper;
    private final boolean proxy;

    public QueryStringCheck(ObjectMapper mapper, NcpMockConfig config) {
        this.mapper = mapper;
        this.proxy = NcpMockConfig.proxyMode(config);
    }

    public void check(RoutingContext context) {
        String query = context.request().query();
        if (query != null && !query.isEmpty() && context.request().path().startsWith("/api/")) {
            String problem = problem(query, !proxy);
            if (problem != null) {
                NcpErrors.refuse(context, mapper, NcpErrorCode.BAD_REQUEST, problem);
                return;
            }
        }
        context.next();
    }

    /**
     * The largest page any paged call answers. NCP's documentation states no maximum for {@code limit}; the mock
     * sets one, so that no call can make it build an answer of every key a tenant holds.
     */
    public static final long MAX_LIMIT = 1000;

    /** A whole number above {@link #MAX_LIMIT} (other values are left to the API's own checks). */
    private static boolean tooLarge(String value) {
        String digits = value.trim();
        if (!digits.matches("\\+?[0-9]+")) {
            return false;
        }
        String plain = digits.replaceFirst("^\\+?0*", "");
        return plain.length() > 4 || !plain.isEmpty() && Long.parseLong(plain) > MAX_LIMIT;
    }

    /** What is wrong with a raw query string, or null. Framework-free. */
    static String problem(String query) {
        return problem(query, true);
    }

    /** The same, the page size limit only when {@code limitPages} (a proxy passes NCP's own rules on, not the mock's). */
    static String problem(String query, boolean limitPages) {
        Map<String, Integer> counts = new HashMap<>();
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            if (!validEscapes(pair)) {
                return "The query parameter '" + printable(rawName) + "' is not valid percent-encoding.";
            }
            String name = URLDecoder.decode(rawName, StandardCharsets.UTF_8);
            if (counts.merge(name, 1, Integer::sum) == 2) {
                return "The query parameter '" + printable(name) + "' is given more than once; give it once.";
            }
            if (limitPages && name.equals("limit") && equals >= 0 && tooLarge(URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8))) {
                return "limit must be at most " + MAX_LIMIT + " (the mock's page size limit: NCP states none).";
            }
        }
        return null;
    }

    private static boolean validEscapes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '%') {
                if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0 || Character.digit(text.charAt(i + 2), 16) < 0) {
                    return false;
                }
                i += 2;
            }
        }
        // escapes that decode to invalid UTF-8 (%ff) are refused too
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(percentDecodedBytes(text)));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static byte[] percentDecodedBytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
            } else {
                byte[] bytes = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
            }
        }
        return out.toByteArray();
    }

    private static String printable(String name) {
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
