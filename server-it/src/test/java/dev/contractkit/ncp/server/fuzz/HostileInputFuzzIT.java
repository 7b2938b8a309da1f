package dev.contractkit.ncp.server.fuzz;

import dev.contractkit.ncp.testsupport.TempFiles;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.testsupport.RawHttp;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import dev.contractkit.ncp.testsupport.FreePort;
import dev.contractkit.ncp.testsupport.TestJvm;
import dev.contractkit.ncp.testsupport.PackagedMock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;

/**
 * Property-based fuzzing of the packaged server, started as a user starts it, with generated hostile
 * requests: each is a valid, validly signed call with one part made hostile (the x-ncp headers, the path
 * id, the query, the body, the content type or the method). Properties, for every request:
 * <ul>
 *   <li>the answer is never a 5xx;</li>
 *   <li>a 4xx carries NCP's envelope, except the HTTP layer's own refusals of requests that are malformed at
 *       the protocol level (a header or request line the HTTP/1.1 grammar forbids, a request line too long);</li>
 *   <li>no ERROR and no stack trace appears in the server's log;</li>
 *   <li>the server stays up;</li>
 *   <li>a refused request leaves the tenant's keys exactly as they were.</li>
 * </ul>
 * The seed is fixed; {@code -Dfuzz.tries=N} (default 3000 in the build) sets how many requests are tried.
 * A case the fuzzer finds becomes a plain test in {@code HostileInputRegressionTest}.
 */
class HostileInputFuzzIT {
    private static final NcpCredentials TENANT = new NcpCredentials("FUZZACCESSKEY0000001", "FUZZSECRETKEY000000000000000000000000001");
    private static final String SEED_KEY = "seedweb001";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Integer> PROTOCOL_REFUSALS = Set.of(400, 413, 414, 431, 505);

    private static PackagedMock server;
    private static int port;
    private static Path log;
    private static long logRead;

    @BeforeContainer
    static void startTheServer() throws Exception {
        server = PackagedMock.start(Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")),
                List.of("-Dncp.mock.credentials=" + TENANT.accessKey() + ":" + TENANT.secretKey()), Map.of());
        port = server.port();
        log = server.log();
        logRead = Files.size(log);
    }

    @AfterContainer
    static void stopTheServer() {
        if (server != null) {
            server.close();
        }
    }

    @Property(seed = "20261130", shrinking = ShrinkingMode.OFF)
    void hostileInputGetsA4xxEnvelopeLogsNoErrorAndChangesNothing(@ForAll("hostileRequests") HostileRequest request) throws Exception {
        assertThat(post("/mock/reset").status()).isEqualTo(200);
        String before = keys();

        RawHttp.Answer answer = request.send(port);

        assertThat(server.isAlive()).as("the server is up").isTrue();
        assertThat(answer.status()).as("%s\n-> %s", request, answer).isLessThan(500);
        if (answer.status() >= 400 && !request.method().equals("HEAD")) {
            boolean envelope = isEnvelope(answer);
            assertThat(envelope || (request.protocolLevel() && PROTOCOL_REFUSALS.contains(answer.status())))
                    .as("NCP's envelope for %s\n-> %s", request, answer).isTrue();
        }
        String newLog = newLogLines();
        assertThat(newLog).as("server log after %s", request).doesNotContain(" ERROR ", "\tat ", "Exception:");
        if (answer.status() >= 400) {
            assertThat(keys()).as("the tenant's keys after the refused %s", request).isEqualTo(before);
        }
    }

    /** An injected crash answers 500 "900" and is logged as one INFO line, not as an ERROR with a stack trace. */
    @Example
    void anInjectedCrashIsLoggedAsWhatItIs() throws Exception {
        newLogLines();
        String target = "/api/v1/api-keys";
        String timestamp = Long.toString(System.currentTimeMillis());
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, List.of(new String[] {NcpHeaders.TIMESTAMP, timestamp},
                new String[] {NcpHeaders.ACCESS_KEY, TENANT.accessKey()},
                new String[] {NcpHeaders.SIGNATURE, new NcpSigner(TENANT).sign("GET", target, timestamp)},
                new String[] {"X-Mock-Fault", "crash"}), null);
        assertThat(answer.status()).isEqualTo(500);
        assertThat(JSON.readTree(answer.body()).at("/error/errorCode").asText()).isEqualTo("900");
        StringBuilder logged = new StringBuilder();
        Awaitility.await("the crash in the log").atMost(Duration.ofSeconds(5))
                .until(() -> logged.append(newLogLines()).toString().contains("injected crash"));
        assertThat(logged.toString()).contains("INFO", "injected crash").doesNotContain("ERROR", "\tat ", "Exception");
    }

    /** A bad setting stops the packaged server at start-up, with a message that names the property. */
    @Example
    void aBadSettingStopsStartUpNamingTheProperty() throws Exception {
        String[][] cases = {
            {"-Dncp.mock.fault-rate=2", "ncp.mock.fault-rate"},
            {"-Dncp.mock.latency=abc", "ncp.mock.latency"},
            {"-Dncp.mock.credentials=ACCESSKEYWITHOUTCOLON", "ncp.mock.credentials"}};
        for (String[] bad : cases) {
            Path out = TempFiles.file("ncp-mock-bad-config", ".log");
            Process process = new ProcessBuilder(TestJvm.command(
                    "-Dquarkus.http.port=" + FreePort.find(), bad[0], "-jar", System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar")))
                    .redirectErrorStream(true).redirectOutput(out.toFile()).start();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s stops the server", bad[0]).isTrue();
            String output = Files.readString(out);
            assertThat(process.exitValue()).as(output).isNotZero();
            assertThat(output).as(bad[0]).contains(bad[1]).doesNotContain("Listening on");
        }
    }

    // ---- what is generated ---------------------------------------------------------------------------------

    record HostileRequest(String what, String method, String target, List<String[]> headers, byte[] body, boolean protocolLevel) {
        RawHttp.Answer send(int port) throws IOException {
            return RawHttp.send(port, method, target, headers, body);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(what).append(": ").append(method).append(' ').append(abbreviate(target));
            headers.forEach(h -> text.append("\n  ").append(h[0]).append(": ").append(abbreviate(h[1])));
            if (body != null) {
                text.append("\n  body (").append(body.length).append(" bytes): ")
                        .append(abbreviate(new String(body, StandardCharsets.UTF_8)));
            }
            return text.toString();
        }
    }

    @Provide
    Arbitrary<HostileRequest> hostileRequests() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, hostileTimestamps()),
                Tuple.of(2, hostileAccessKeysAndSignatures()),
                Tuple.of(3, hostilePathIds()),
                Tuple.of(3, hostileQueries()),
                Tuple.of(5, hostileBodies()),
                Tuple.of(2, hostileContentTypes()),
                Tuple.of(2, hostileMethods()));
    }

    /** Timestamps of any length, sign, digits (also non-ASCII), whitespace and exponents; signed with that very value. */
    private Arbitrary<HostileRequest> hostileTimestamps() {
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(40);
        Arbitrary<String> foreignDigits = Arbitraries.strings().withChars("٠١٢٣٤٥٦٧٨٩０１２３４５６７８９߀߁").ofMinLength(1).ofMaxLength(20);
        Arbitrary<String> shaped = Combinators.combine(Arbitraries.of("", "-", "+", " ", "\t", "0x", "1e", "1.5", "٣"), digits,
                Arbitraries.of("", " ", "e3", "E-2", ".0", "L", "\t", "١")).as((a, b, c) -> a + b + c);
        Arbitrary<String> any = Arbitraries.strings().ofMinLength(0).ofMaxLength(30);
        return Combinators.combine(Arbitraries.oneOf(digits, foreignDigits, shaped, any.map(HostileInputFuzzIT::oneLine),
                        Arbitraries.of("9999999999999999999", "9223372036854775808", "9223372036854775807", "-9223372036854775808", "0")),
                readRequests()).as((timestamp, base) -> {
                    List<String[]> headers = new ArrayList<>();
                    headers.add(new String[] {NcpHeaders.TIMESTAMP, timestamp});
                    headers.add(new String[] {NcpHeaders.ACCESS_KEY, TENANT.accessKey()});
                    headers.add(new String[] {NcpHeaders.SIGNATURE, new NcpSigner(TENANT).sign(base[0], base[1], timestamp)});
                    return new HostileRequest("timestamp", base[0], base[1], headers, null, !isHeaderSafe(timestamp));
                });
    }

    /** Access keys and signatures of any length and alphabet, with a good timestamp. */
    private Arbitrary<HostileRequest> hostileAccessKeysAndSignatures() {
        Arbitrary<String> any = Arbitraries.oneOf(Arbitraries.strings().ofMinLength(0).ofMaxLength(300).map(HostileInputFuzzIT::oneLine),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(0).ofMaxLength(2000),
                Arbitraries.of(TENANT.accessKey(), TENANT.accessKey().toLowerCase(), " " + TENANT.accessKey(), "MOCKACCESSKEY0000001"));
        return Combinators.combine(any, any, Arbitraries.integers().between(0, 2), readRequests()).as((accessKey, signature, which, base) -> {
            String timestamp = Long.toString(System.currentTimeMillis());
            String key = which == 1 ? TENANT.accessKey() : accessKey;
            String sig = which == 2 ? new NcpSigner(TENANT).sign(base[0], base[1], timestamp) : signature;
            List<String[]> headers = List.of(new String[] {NcpHeaders.TIMESTAMP, timestamp}, new String[] {NcpHeaders.ACCESS_KEY, key},
                    new String[] {NcpHeaders.SIGNATURE, sig});
            return new HostileRequest("credentials", base[0], base[1], headers, null, !isHeaderSafe(key) || !isHeaderSafe(sig));
        });
    }

    /** Path ids: encoded, unicode, very long, dot segments, the empty id; on every key operation, validly signed. */
    private Arbitrary<HostileRequest> hostilePathIds() {
        Arbitrary<String> ids = Arbitraries.oneOf(
                Arbitraries.of("", "%2e%2e", "..", ".", "%2F", "%00", "%ff", "%", "%zz", "seedweb001%00", "seedweb001/", "seedweb001/extra",
                        "seedweb001;x=1", "SEEDWEB001", "seedweb00", "seedweb0011", "%73eedweb001", "../api-keys", "./seedweb001", "..%2f..%2f"),
                Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(9000),
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40).map(HostileInputFuzzIT::pathSafe),
                Arbitraries.strings().withChars("키ö€😀ı\u00a0").ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> methods = Arbitraries.of("GET", "PUT", "DELETE", "PATCH");
        Arbitrary<String> prefixes = Arbitraries.of("/api/v1/api-keys/", "/api/v1//api-keys/", "/api/v1/api-keys//", "/api/v1/./api-keys/");
        return Combinators.combine(ids, methods, prefixes).as((id, method, prefix) -> {
            String target = prefix + id;
            byte[] body = switch (method) {
                case "PUT" -> "{\"apiKeyName\":\"renamed\",\"isEnabled\":false}".getBytes(StandardCharsets.UTF_8);
                case "PATCH" -> "{\"keyType\":\"PRIMARY\"}".getBytes(StandardCharsets.UTF_8);
                default -> null;
            };
            return signedJson("path id", method, target, body, "application/json", !isRequestLineSafe(target));
        });
    }

    /** Query values: negative, overflowing, empty, repeated, badly encoded. */
    private Arbitrary<HostileRequest> hostileQueries() {
        Arbitrary<String> values = Arbitraries.oneOf(
                Arbitraries.of("", "-1", "0", "-0", "1e3", "0x10", "9223372036854775807", "9223372036854775808", "99999999999999999999999",
                        "%zz", "%", "%e", "%ff", "%00", "+1", "1.0", "NaN", "null", "true", "%20", "a%26b", "키", "%ED%82%A4"),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.strings().withCharRange('!', '~').ofMaxLength(30).map(HostileInputFuzzIT::queryValueSafe),
                Arbitraries.strings().alpha().ofMinLength(21).ofMaxLength(200));
        Arbitrary<String> names = Arbitraries.of("offset", "limit", "apiKeyName", "unknown", "", "limit[]", "Limit");
        Arbitrary<List<String>> pairs = Combinators.combine(names, values).as((n, v) -> n + "=" + v).list().ofMinSize(1).ofMaxSize(4);
        return Combinators.combine(pairs, Arbitraries.of(true, false)).as((list, repeat) -> {
            List<String> all = new ArrayList<>(list);
            if (repeat) {
                all.add(list.get(0));
            }
            String target = "/api/v1/api-keys?" + String.join("&", all);
            return signedJson("query", "GET", target, null, null, !isRequestLineSafe(target));
        });
    }

    /** Bodies: deep nesting, huge numbers, wrong types, invalid UTF-8, a BOM, trailing data, duplicate keys, nulls. */
    private Arbitrary<HostileRequest> hostileBodies() {
        Arbitrary<byte[]> bodies = Arbitraries.oneOf(
                Arbitraries.integers().between(1, 3000).map(depth -> utf8("[".repeat(depth) + "]".repeat(depth))),
                Arbitraries.integers().between(1, 3000).map(depth -> utf8("{\"keyType\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth + 1))),
                Arbitraries.integers().between(1, 5000).map(digits -> utf8("{\"keyType\":" + "9".repeat(digits) + "}")),
                Arbitraries.of("1e999999", "-1e-999999", "1.0E+309", "NaN", "Infinity", "-0", "0.0000000000000000000001")
                        .map(n -> utf8("{\"keyType\":" + n + ",\"apiKeyName\":" + n + ",\"isEnabled\":" + n + "}")),
                Arbitraries.of("null", "true", "1", "\"PRIMARY\"", "[]", "[\"PRIMARY\"]", "{}", "{\"keyType\":null}", "{\"apiKeyName\":null}",
                        "{\"keyType\":{}}", "{\"keyType\":[]}", "{\"isEnabled\":\"true\",\"apiKeyName\":\"x\"}", "{\"apiKeyName\":123}",
                        "{\"keyType\":\"PRIMARY\"} trailing", "{\"keyType\":\"PRIMARY\"}{}", "{\"keyType\":\"PRIMARY\",\"keyType\":\"SECONDARY\"}",
                        "{\"apiKeyName\":\"a\",\"apiKeyName\":\"b\",\"isEnabled\":true}", "{\"keyType\":\"PRIMARY\"", "{'keyType':'PRIMARY'}",
                        "{\"keyType\":\"PRIMARY\",}", "// comment\n{\"keyType\":\"PRIMARY\"}", "{\"keyType\":\"\\u0000\"}", "{\"apiKeyName\":\"\\ud800\"}",
                        "", " ", "\u0000").map(HostileInputFuzzIT::utf8),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(200),
                Arbitraries.of(new byte[] {'{', '"', 'k', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'},
                        new byte[] {'{', '"', 'a', 'p', 'i', 'K', 'e', 'y', 'N', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc3, '"', '}'},
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf, '{', '"', 'k', 'e', 'y', 'T', 'y', 'p', 'e', '"', ':', '"', 'X', '"', '}'},
                        new byte[] {(byte) 0xfe, (byte) 0xff, 0, '{', 0, '}'}));
        Arbitrary<String[]> operations = Arbitraries.of(
                new String[] {"PATCH", "/api/v1/api-keys/" + SEED_KEY},
                new String[] {"PUT", "/api/v1/api-keys/" + SEED_KEY},
                new String[] {"POST", "/api/v1/api-keys"});
        return Combinators.combine(bodies, operations).as((body, operation) -> signedJson("body", operation[0], operation[1], body,
                "application/json", false));
    }

    private Arbitrary<HostileRequest> hostileContentTypes() {
        Arbitrary<String> types = Arbitraries.oneOf(
                Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                        "application/json; charset=utf-16", "application/json; charset=nope", "application/json;;", "application/",
                        "/json", "json", ";", "application/json, text/plain", "APPLICATION/JSON", "application/problem+json",
                        "application/octet-stream"),
                Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(60));
        Arbitrary<String[]> operations = Arbitraries.of(
                new String[] {"PATCH", "/api/v1/api-keys/" + SEED_KEY, "{\"keyType\":\"SECONDARY\"}"},
                new String[] {"POST", "/api/v1/api-keys", "{\"apiKeyName\":\"fuzz\"}"});
        return Combinators.combine(types, operations).as((type, operation) ->
                signedJson("content type", operation[0], operation[1], utf8(operation[2]), type, false));
    }

    private Arbitrary<HostileRequest> hostileMethods() {
        Arbitrary<String> methods = Arbitraries.oneOf(Arbitraries.of("HEAD", "OPTIONS", "TRACE", "PROPFIND", "MOVE", "LOCK", "PURGE", "get", "Patch"),
                Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> targets = Arbitraries.of("/api/v1/api-keys", "/api/v1/api-keys/" + SEED_KEY, "/api/v1", "/api/v1/", "/api/v2/api-keys",
                "/api/v1/api-keys/" + SEED_KEY + "/products");
        return Combinators.combine(methods, targets).as((method, target) ->
                signedJson("method", method, target, method.length() % 2 == 0 ? utf8("{\"keyType\":\"PRIMARY\"}") : null, "application/json", false));
    }

    /** A validly signed read (method and target), for the header dimensions. */
    private Arbitrary<String[]> readRequests() {
        return Arbitraries.of(new String[] {"GET", "/api/v1/api-keys"}, new String[] {"GET", "/api/v1/api-keys/" + SEED_KEY},
                new String[] {"GET", "/api/v1/api-keys?offset=0&limit=2"}, new String[] {"DELETE", "/api/v1/api-keys/" + SEED_KEY});
    }

    private static HostileRequest signedJson(String what, String method, String target, byte[] body, String contentType, boolean protocolLevel) {
        String timestamp = Long.toString(System.currentTimeMillis());
        List<String[]> headers = new ArrayList<>();
        headers.add(new String[] {NcpHeaders.TIMESTAMP, timestamp});
        headers.add(new String[] {NcpHeaders.ACCESS_KEY, TENANT.accessKey()});
        headers.add(new String[] {NcpHeaders.SIGNATURE, new NcpSigner(TENANT).sign(method, target, timestamp)});
        if (contentType != null) {
            headers.add(new String[] {"Content-Type", contentType});
        }
        return new HostileRequest(what, method, target, headers, body, protocolLevel || !isHeaderSafe(contentType == null ? "" : contentType));
    }

    // ---- checks --------------------------------------------------------------------------------------------

    private static boolean isEnvelope(RawHttp.Answer answer) {
        try {
            JsonNode body = JSON.readTree(answer.body());
            JsonNode error = body.path("error");
            return body.size() == 1 && error.path("errorCode").isTextual() && error.path("message").isTextual()
                    && error.path("details").isTextual() && String.valueOf(answer.header("content-type")).startsWith("application/json");
        } catch (IOException notJson) {
            return false;
        }
    }

    private static String keys() throws IOException {
        String target = "/api/v1/api-keys?limit=1000";
        String timestamp = Long.toString(System.currentTimeMillis());
        RawHttp.Answer answer = RawHttp.send(port, "GET", target, List.of(new String[] {NcpHeaders.TIMESTAMP, timestamp},
                new String[] {NcpHeaders.ACCESS_KEY, TENANT.accessKey()},
                new String[] {NcpHeaders.SIGNATURE, new NcpSigner(TENANT).sign("GET", target, timestamp)}), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.body();
    }

    private static RawHttp.Answer post(String path) throws IOException {
        return RawHttp.send(port, "POST", path, List.of(), new byte[0]);
    }

    private static String newLogLines() throws IOException {
        long size = Files.size(log);
        if (size <= logRead) {
            return "";
        }
        byte[] all = Files.readAllBytes(log);
        String fresh = new String(all, (int) logRead, all.length - (int) logRead, StandardCharsets.UTF_8);
        logRead = all.length;
        return fresh;
    }

    /** What the HTTP/1.1 grammar allows in a header value as this client writes it (visible ASCII, space, tab). */
    private static boolean isHeaderSafe(String value) {
        return value.chars().allMatch(c -> c == '\t' || (c >= 0x20 && c < 0x7f));
    }

    /** RFC 3986's unreserved and sub-delim characters, ":/?#@" and "%" ("[" and "]" belong only in a host): anything else ({@code "}, {@code <}, {@code |}, ...) is no URI. */
    private static final String URI_CHARACTERS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$&'()*+,;=%";

    /**
     * Request targets with spaces, controls or raw non-ASCII, with a % that starts no escape (not a URI), or longer
     * than the server's 4 KB request line, are protocol errors: Vert.x refuses them before any route runs.
     */
    private static boolean isRequestLineSafe(String target) {
        return target.length() < 4000 && target.chars().allMatch(c -> URI_CHARACTERS.indexOf(c) >= 0)
                && !Pattern.compile("%(?![0-9A-Fa-f]{2})").matcher(target).find();
    }

    /** A header value stays on its line: CR and LF would frame another request, which is a different test. */
    private static String oneLine(String text) {
        return text.replace('\r', ' ').replace('\n', ' ');
    }

    private static String pathSafe(String text) {
        return text.replace("?", "%3F").replace("#", "%23");
    }

    private static String queryValueSafe(String text) {
        return text.replace("#", "%23").replace("&", "%26");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "...(" + text.length() + " chars)" : text;
    }
}
