package dev.contractkit.ncp.server.upstream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.contractkit.ncp.server.auth.Tenants;
import dev.contractkit.ncp.signature.NcpCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What the proxy found where the upstream's answers (or a client's requests) depart from the spec: each distinct kind (operation,
 * side, status, rule, place in the body) once, with how often and when it was seen and a masked excerpt. A
 * kind is logged the first time only. Nothing here ever blocks or changes an answer.
 */
@ApplicationScoped
public class DriftLog {
    private static final Logger LOG = Logger.getLogger(DriftLog.class);
    static final int EXCERPT_CHARS = 240;
    static final int REMEMBERED = 1024;

    /** One kind of departure from the spec, as {@code GET /mock/drift} lists it. */
    public record Kind(String operation, String side, int status, String rule, String message, String pointer, String excerpt,
            long count, Instant firstSeen, Instant lastSeen) {
    }

    private final Map<String, Kind> kinds = new ConcurrentHashMap<>();
    private final AtomicLong checked = new AtomicLong();
    private final AtomicLong departed = new AtomicLong();
    private final AtomicLong unchecked = new AtomicLong();
    private final ObjectMapper mapper;
    private final Scrubber scrubber;
    private volatile SpecCheck spec;
    /**
     * The fingerprints of the last {@value #REMEMBERED} distinct exchanges that conformed: a list polled again
     * and again, or a key regenerated again and again (only its values and time differ), is checked once.
     */
    private final Map<String, Boolean> clean = new LinkedHashMap<>(REMEMBERED * 4 / 3, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public DriftLog(Upstream upstream, Tenants tenants, ObjectMapper mapper) {
        this.mapper = mapper;
        Set<String> secrets = new HashSet<>(upstream.secrets());
        for (NcpCredentials pair : tenants.credentials()) {
            secrets.add(pair.accessKey());
            secrets.add(pair.secretKey());
        }
        this.scrubber = new Scrubber(secrets, mapper);
    }

    /** Masks the configured secrets; the recorder shares it. */
    public Scrubber scrubber() {
        return scrubber;
    }

    /** An exchange the proxy answered but could not check: too many were waiting for their check. */
    public void skipped() {
        unchecked.incrementAndGet();
    }

    /** Checks one exchange against the spec and notes every finding; blocking (the spec check), so off the event loop. */
    public void observe(Exchange exchange) {
        SpecCheck check = spec;
        if (check == null) {
            synchronized (this) {
                if (spec == null) {
                    spec = new SpecCheck();
                }
                check = spec;
            }
        }
        checked.incrementAndGet();
        String fingerprint = fingerprint(exchange, check);
        synchronized (clean) {
            if (clean.containsKey(fingerprint)) {
                return; // the same request and the same answer as one that conformed: it conforms
            }
        }
        List<SpecCheck.Finding> findings = check.check(exchange);
        if (findings.isEmpty()) {
            synchronized (clean) {
                clean.put(fingerprint, Boolean.TRUE);
            }
            return;
        }
        if (findings.stream().anyMatch(finding -> finding.side().equals("response"))) {
            departed.incrementAndGet();
        }
        Scrubber masking = scrubber.including(exchange.requestBody(), exchange.responseBody());
        for (SpecCheck.Finding finding : findings) {
            String key = String.join("|", finding.operation(), finding.side(), Integer.toString(exchange.status()), finding.rule(), finding.pointer());
            Kind noted = kinds.compute(key, (k, seen) -> seen == null
                    ? new Kind(finding.operation(), finding.side(), exchange.status(), finding.rule(), masking.text(finding.message()),
                            finding.pointer(), excerpt(masking, finding, exchange), 1, exchange.at(), exchange.at())
                    : new Kind(seen.operation(), seen.side(), seen.status(), seen.rule(), seen.message(), seen.pointer(), seen.excerpt(),
                            seen.count() + 1, seen.firstSeen(), exchange.at()));
            if (noted.count() == 1) {
                LOG.warnf(noted.side().equals("request") ? "a request off the spec: %s, %s %d: %s %s (at '%s': %s)"
                        : "drift: %s, %s %d: %s %s (at '%s': %s)", noted.operation(), noted.side(), noted.status(), noted.rule(),
                        noted.message(), noted.pointer(), noted.excerpt());
            }
        }
    }

    /**
     * SHA-256 over everything the check reads: method, path, query, status, headers and both bodies (in their
     * canonical form: {@link SpecCheck#canonical}); the signed headers but by name (their values change on every
     * call, and the spec asks only that they be there).
     */
    private static String fingerprint(Exchange exchange, SpecCheck check) {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String part : new String[] {exchange.method(), exchange.path(), exchange.query(), Integer.toString(exchange.status()),
            unsigned(exchange.requestHeaders()), check.canonical(exchange.requestBody()), exchange.responseHeaders().toString(),
            check.canonical(exchange.responseBody())}) {
            digest.update(String.valueOf(part).getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String unsigned(Map<String, String> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append('=')
                .append(name.toLowerCase(Locale.ROOT).startsWith("x-ncp-") ? "" : value).append('\n'));
        return text.toString();
    }

    /** The part of the body the finding points at (the whole body when it points nowhere), masked and cut short. */
    private String excerpt(Scrubber masking, SpecCheck.Finding finding, Exchange exchange) {
        String body = finding.side().equals("request") ? exchange.requestBody() : exchange.responseBody();
        if (body == null || body.isEmpty()) {
            return "";
        }
        String text;
        try {
            JsonNode tree = mapper.readTree(body);
            JsonNode at = finding.pointer().isEmpty() ? tree : tree.at(finding.pointer());
            text = mapper.writeValueAsString(masking.json(at.isMissingNode() ? tree : at));
        } catch (IOException notJson) {
            text = masking.text(body);
        }
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
    }

    /**
     * {@code GET /mock/drift}: the upstream's answers that depart from the spec ({@code drift}), and apart from
     * them the clients' requests the spec refuses ({@code requestsOffSpec}, a client's mistake or a test's
     * deliberate bad body, not the upstream's); each the most frequent first.
     */
    public Map<String, Object> report() {
        List<Kind> answers = new ArrayList<>();
        List<Kind> requests = new ArrayList<>();
        kinds.values().forEach(kind -> (kind.side().equals("request") ? requests : answers).add(kind));
        Comparator<Kind> order = Comparator.comparingLong(Kind::count).reversed().thenComparing(Kind::firstSeen);
        answers.sort(order);
        requests.sort(order);
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("checkedExchanges", checked.get());
        report.put("exchangesWithDrift", departed.get());
        report.put("uncheckedExchanges", unchecked.get());
        report.put("kinds", answers.size());
        report.put("drift", answers);
        report.put("requestsOffSpec", requests);
        return report;
    }

    /** {@code DELETE /mock/drift}: forgets every kind and count; a kind seen again is logged again. */
    public void clear() {
        kinds.clear();
        synchronized (clean) {
            clean.clear();
        }
        checked.set(0);
        departed.set(0);
        unchecked.set(0);
    }
}
