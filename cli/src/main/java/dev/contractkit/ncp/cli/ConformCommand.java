package dev.contractkit.ncp.cli;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.contractkit.ncp.client.NcpClientCredentials;
import dev.contractkit.ncp.client.NcpJson;
import dev.contractkit.ncp.client.NcpRegion;
import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eclipse.microprofile.config.ConfigProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * A conformance run against any provider (NCP, or a mock): a sequence of calls derived from the spec, each
 * answer validated against the spec and its expected status. Read-only by default; with {@code --allow-writes}
 * it also creates a throw-away key, regenerates, edits, subscribes and deletes what it made, even after a
 * failed step.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
        description = {"Check that a provider (NCP, or the mock) answers as the spec says: list, get, products, subscription",
            "look-ups and error cases (unknown id, bad signature, bad body); with --allow-writes also create, regenerate",
            "PRIMARY and SECONDARY, edit, subscribe, delete. Credentials: NCLOUD_ACCESS_KEY, NCLOUD_SECRET_KEY.",
            "Exit codes: 0 everything conforms, 1 something does not (listed), 3 no credentials, 4 unreachable."})
class ConformCommand implements Callable<Integer> {
    private static final String UNKNOWN_ID = "zzzzzzzzzz";

    @Spec
    CommandSpec spec;

    @Option(names = "--endpoint", paramLabel = "URL", description = "Base URL up to /api/v1 (default: ${DEFAULT-VALUE})")
    URI endpoint = NcpRegion.PUBLIC.endpoint();

    @Option(names = "--allow-writes", description = "Also create a throw-away key, change it and delete it")
    boolean allowWrites;

    @Option(names = "--product", paramLabel = "ID", description = "A PUBLIC product to subscribe the throw-away key to (with --allow-writes)")
    String product;

    @Option(names = "--json", description = "Print the report as JSON instead of a table")
    boolean json;

    /** One call of the run and what was found. */
    record Step(String name, String method, String pathAndQuery, int status, Set<Integer> expected, List<String> problems) {
        boolean conforms() {
            return problems.isEmpty();
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Step> steps = new ArrayList<>();
    private OpenApiInteractionValidator validator;
    private NcpCredentials credentials;
    private String basePath;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        try {
            credentials = NcpClientCredentials.fromConfig(ConfigProvider.getConfig());
        } catch (IllegalStateException missing) {
            err.println(missing.getMessage());
            return ApiCall.NO_CREDENTIALS;
        }
        String base = endpoint.toString().endsWith("/") ? endpoint.toString().substring(0, endpoint.toString().length() - 1) : endpoint.toString();
        endpoint = URI.create(base);
        basePath = endpoint.getRawPath();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(spec()).withBasePathOverride(basePath).build();
        try {
            run();
        } catch (IOException unreachable) {
            err.println("Could not reach " + endpoint + ": " + unreachable);
            return ApiCall.UNREACHABLE;
        }
        report(spec.commandLine().getOut());
        return steps.stream().allMatch(Step::conforms) ? ApiCall.OK : ApiCall.NCP_ERROR;
    }

    static String spec() throws IOException {
        try (InputStream in = ConformCommand.class.getResourceAsStream("/openapi/ncp-apigw-apikeys.yaml")) {
            if (in == null) {
                throw new IllegalStateException("the spec is not in this build of ncp-apikeys");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private void run() throws IOException, InterruptedException {
        JsonNode list = step("list API keys", "GET", "/api-keys?offset=0&limit=10", null, 200);
        String keyId = list.path("apiKeys").path(0).path("apiKeyId").asText(null);
        if (keyId != null) {
            step("get one API key", "GET", "/api-keys/" + keyId, null, 200);
        }
        JsonNode products = step("list products", "GET", "/products?offset=0&limit=10", null, 200);
        String productId = products.path("productPage").path("content").path(0).path("productId").asText(null);
        if (productId != null) {
            step("get one product", "GET", "/products/" + productId, null, 200);
        }
        if (keyId != null) {
            step("products of a key", "GET", "/api-keys/" + keyId + "/products?offset=0&limit=10", null, 200);
            if (productId != null) {
                step("subscription detail", "GET", "/api-keys/" + keyId + "/subscription-detail?productId=" + productId, null, 200);
            }
            step("a bad body is refused", "PATCH", "/api-keys/" + keyId, "{\"keyType\": \"TERTIARY\"}", 400);
        }
        step("an unknown id is not found", "GET", "/api-keys/" + UNKNOWN_ID, null, 404);
        step("a bad signature is refused", "GET", "/api-keys?offset=0&limit=1", null, Set.of(401), true);
        if (allowWrites) {
            writes();
        }
    }

    private void writes() throws IOException, InterruptedException {
        JsonNode created = step("create a throw-away key", "POST", "/api-keys",
                "{\"apiKeyName\": \"conform-run\", \"apiKeyDescription\": \"made and deleted by ncp-apikeys conform\"}", 201);
        String id = created.path("apiKey").path("apiKeyId").asText(null);
        if (id == null) {
            return;
        }
        try {
            step("regenerate the PRIMARY key", "PATCH", "/api-keys/" + id, "{\"keyType\": \"PRIMARY\"}", 200);
            step("regenerate the SECONDARY key", "PATCH", "/api-keys/" + id, "{\"keyType\": \"SECONDARY\"}", 200);
            step("edit the key", "PUT", "/api-keys/" + id, "{\"apiKeyName\": \"conform-run-2\", \"isEnabled\": true}", 200);
            if (product != null) {
                step("subscribe to a PUBLIC product", "POST", "/api-keys/" + id + "/subscribe", "{\"productId\": \"" + product + "\"}", 200);
                step("unsubscribe", "POST", "/api-keys/" + id + "/unsubscribe", "{\"productId\": \"" + product + "\"}", 200);
            }
        } finally {
            step("delete the throw-away key", "DELETE", "/api-keys/" + id, null, 204);
        }
    }

    private JsonNode step(String name, String method, String relative, String body, int expected) throws IOException, InterruptedException {
        return step(name, method, relative, body, Set.of(expected), false);
    }

    /** One call, signed (or, when {@code wrongSignature}, signed with a wrong secret), validated; answers its JSON body. */
    private JsonNode step(String name, String method, String relative, String body, Set<Integer> expected, boolean wrongSignature)
            throws IOException, InterruptedException {
        String pathAndQuery = basePath + relative;
        String timestamp = Long.toString(System.currentTimeMillis());
        NcpCredentials signer = wrongSignature ? new NcpCredentials(credentials.accessKey(), credentials.secretKey() + "-wrong") : credentials;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.getScheme() + "://" + endpoint.getRawAuthority() + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .header(NcpHeaders.TIMESTAMP, timestamp).header(NcpHeaders.ACCESS_KEY, credentials.accessKey())
                .header(NcpHeaders.SIGNATURE, new NcpSigner(signer).sign(method, pathAndQuery, timestamp))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        List<String> problems = new ArrayList<>();
        if (!expected.contains(answer.statusCode())) {
            problems.add("status " + answer.statusCode() + ", expected " + expected);
        }
        SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
        answer.headers().firstValue("Content-Type").ifPresent(response::withContentType);
        if (!answer.body().isEmpty()) {
            response.withBody(answer.body());
        }
        String path = pathAndQuery.contains("?") ? pathAndQuery.substring(0, pathAndQuery.indexOf('?')) : pathAndQuery;
        for (ValidationReport.Message message : validator.validateResponse(path, Request.Method.valueOf(method), response.build()).getMessages()) {
            if (message.getLevel() == ValidationReport.Level.ERROR) {
                problems.add(message.getKey() + ": " + message.getMessage().replace('\n', ' '));
            }
        }
        steps.add(new Step(name, method, pathAndQuery, answer.statusCode(), expected, problems));
        try {
            return answer.body().isEmpty() ? NcpJson.mapper().createObjectNode() : NcpJson.mapper().readTree(answer.body());
        } catch (IOException notJson) {
            return NcpJson.mapper().createObjectNode();
        }
    }

    private void report(PrintWriter out) throws IOException {
        boolean conforms = steps.stream().allMatch(Step::conforms);
        if (json) {
            Map<String, Object> report = new LinkedHashMap<>();
            report.put("endpoint", endpoint.toString());
            report.put("conforms", conforms);
            List<Map<String, Object>> rows = new ArrayList<>();
            for (Step step : steps) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("step", step.name());
                row.put("call", step.method() + " " + step.pathAndQuery());
                row.put("status", step.status());
                row.put("conforms", step.conforms());
                row.put("problems", step.problems());
                rows.add(row);
            }
            report.put("steps", rows);
            out.println(NcpJson.mapper().copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            return;
        }
        for (Step step : steps) {
            out.printf("%-4s %-34s %-7s %3d  %s%n", step.conforms() ? "ok" : "FAIL", step.name(), step.method(), step.status(), step.pathAndQuery());
            step.problems().forEach(problem -> out.println("       - " + problem));
        }
        out.println(conforms ? "conforms: every answer matches the spec (" + steps.size() + " calls)"
                : "does not conform: " + steps.stream().filter(step -> !step.conforms()).count() + " of " + steps.size() + " calls");
    }
}
