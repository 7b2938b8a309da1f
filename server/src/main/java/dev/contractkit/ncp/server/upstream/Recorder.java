package dev.contractkit.ncp.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.contractkit.ncp.server.config.NcpMockConfig;
import dev.contractkit.ncp.server.store.Masking;
import dev.contractkit.ncp.signature.NcpHeaders;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * With {@code ncp.mock.record-dir}: each proxied exchange as one fixture file, {@code 00001-GET-api-keys.json}
 * and on, in the order the answers came, every secret masked ({@link Scrubber}; the access key and signature
 * headers as well). {@code ncp-apikeys from-recording} turns a folder of them into a seed file and a pact.
 */
@Startup
@ApplicationScoped
public class Recorder {
    private static final Logger LOG = Logger.getLogger(Recorder.class);
    /** The request headers a fixture keeps (the access key and the signature masked). */
    private static final Set<String> KEPT_REQUEST_HEADERS = Set.of("content-type", "accept", NcpHeaders.TIMESTAMP, NcpHeaders.ACCESS_KEY,
            NcpHeaders.SIGNATURE);

    private final Path folder;
    private final ObjectMapper mapper;
    private final AtomicInteger sequence;

    public Recorder(NcpMockConfig config, Upstream upstream, ObjectMapper mapper) {
        this.mapper = mapper.copy().enable(SerializationFeature.INDENT_OUTPUT);
        if (config.recordDir().isEmpty() || config.recordDir().get().isBlank()) {
            folder = null;
            sequence = new AtomicInteger();
            return;
        }
        if (!upstream.enabled()) {
            throw new IllegalArgumentException("ncp.mock.record-dir records what the proxy forwards: set ncp.mock.upstream as well");
        }
        folder = Path.of(config.recordDir().get());
        try {
            Files.createDirectories(folder);
            try (Stream<Path> files = Files.list(folder)) {
                sequence = new AtomicInteger(files.map(file -> file.getFileName().toString())
                        .filter(name -> name.matches("\\d{5,}-.*\\.json")).mapToInt(name -> Integer.parseInt(name.substring(0, name.indexOf('-'))))
                        .max().orElse(0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("ncp.mock.record-dir " + folder + " cannot be written", e);
        }
    }

    public boolean enabled() {
        return folder != null;
    }

    /** The number of the next fixture: taken when the answer arrives, so that the files keep the answers' order. */
    public int nextNumber() {
        return sequence.incrementAndGet();
    }

    /** Writes the exchange as fixture {@code number}, masked; blocking (a file), so off the event loop. A failure is logged, never answered. */
    public void record(int number, Exchange exchange, Scrubber scrubber) {
        if (folder == null) {
            return;
        }
        Scrubber masking = scrubber.including(exchange.requestBody(), exchange.responseBody());
        ObjectNode fixture = mapper.createObjectNode();
        fixture.put("recordedAt", exchange.at().toString());
        ObjectNode request = fixture.putObject("request");
        request.put("method", exchange.method().toUpperCase(Locale.ROOT));
        request.put("path", exchange.path());
        if (exchange.query() != null && !exchange.query().isEmpty()) {
            request.put("query", exchange.query());
        }
        ObjectNode requestHeaders = request.putObject("headers");
        exchange.requestHeaders().forEach((name, value) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (KEPT_REQUEST_HEADERS.contains(lower)) {
                requestHeaders.put(lower, lower.equals(NcpHeaders.ACCESS_KEY) || lower.equals(NcpHeaders.SIGNATURE) ? Masking.mask(value) : value);
            }
        });
        body(request, exchange.requestBody(), masking);
        ObjectNode response = fixture.putObject("response");
        response.put("status", exchange.status());
        ObjectNode responseHeaders = response.putObject("headers");
        for (Map.Entry<String, String> header : exchange.responseHeaders().entrySet()) {
            if (header.getKey().equalsIgnoreCase("content-type")) {
                responseHeaders.put("content-type", header.getValue());
            }
        }
        body(response, exchange.responseBody(), masking);
        String name = String.format("%05d-%s-%s.json", number, exchange.method().toUpperCase(Locale.ROOT),
                exchange.path().replaceFirst("^/api/v1/?", "").replaceAll("[^A-Za-z0-9]+", "-"));
        try {
            Files.writeString(folder.resolve(name), masking.text(mapper.writeValueAsString(fixture)), StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warnf("could not record %s %s in %s: %s", exchange.method(), exchange.path(), folder, e.getMessage());
        }
    }

    private void body(ObjectNode into, String body, Scrubber masking) {
        if (body == null || body.isEmpty()) {
            return;
        }
        try {
            JsonNode tree = mapper.readTree(body);
            into.set("body", masking.json(tree));
        } catch (IOException notJson) {
            into.put("body", masking.text(body));
        }
    }
}
