package dev.contractkit.ncp.server.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * Every setting of the mock, {@code ncp.mock.*} (or {@code NCP_MOCK_*} in the environment), in one mapping.
 * Values are converted and checked when the application starts: a bad one stops start-up with a message
 * that names the property.
 */
@ConfigMapping(prefix = "ncp.mock")
public interface NcpMockConfig {

    /** Where the keys live: {@code memory} (default, one process) or {@code redis} (shared by replicas, at {@code quarkus.redis.hosts}). */
    @WithDefault("memory")
    @WithConverter(StoreKind.Converter.class)
    StoreKind store();

    /**
     * Comma-separated {@code accessKey:secretKey} pairs, each its own tenant. Unset: the documented local
     * default pair. Checked by {@code Tenants} at start-up, whose message never repeats a secret.
     */
    Optional<String> credentials();

    /** Whether requests must carry a valid NCP signature: {@code true} or {@code false}, nothing else. */
    @WithDefault("true")
    @WithConverter(StrictBoolean.class)
    boolean verifySignatures();

    /**
     * TEST-ONLY: replayed pacts are accepted whatever access key, timestamp and signature they recorded, as
     * the first configured tenant; {@code POST /mock/provider-states} sets up what they then see. Never for a
     * mock that stands for NCP's security.
     */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean contractTesting();

    /**
     * Whether Swagger UI signs its "Try it out" requests in the browser with the first configured (mock)
     * credentials, so they pass signature verification.
     */
    @WithDefault("true")
    @WithConverter(StrictBoolean.class)
    boolean swaggerUiSigning();

    /**
     * How many answered requests each journal ({@code GET /mock/requests}) keeps, the oldest dropped first: the
     * configured tenants' one and each workspace's own; 0 turns the journals off.
     */
    @WithDefault("1000")
    @WithConverter(JournalSize.class)
    int journalSize();

    /** A seed for the IDs and key values the mock draws: the same requests then get the same answers. Unset: SecureRandom. */
    Optional<Long> randomSeed();

    /**
     * The process that started the mock (a test run, a Dev Service): when it ends, however it ends, the mock
     * stops too, so a killed test run leaves no mock behind.
     */
    Optional<Long> parentPid();

    /** How far a request's timestamp may be from the server's clock; NCP allows under 5 minutes. */
    @WithDefault("5m")
    Duration allowedClockSkew();

    /** Added latency of every {@code /api/v1} answer: {@code 250} (ms) or a random range {@code 100-400}. */
    @WithConverter(Latency.Converter.class)
    Optional<Latency> latency();

    /** A forced NCP error on every {@code /api/v1} answer: an NCP error code ({@code 410}, {@code 500}, ...), {@code crash} or {@code none}. */
    @WithConverter(Fault.Converter.class)
    Optional<Fault> fault();

    /** The share of requests that get {@link #fault()}, from 0 to 1. */
    @WithDefault("1.0")
    @WithConverter(FaultRateConverter.class)
    double faultRate();

    /**
     * How long the gateway waits for a stage's backend ({@code endpointDomain}) to answer a forwarded call:
     * past it, 504 "510"; a backend that cannot be reached is 503 "500".
     */
    @WithDefault("10s")
    Duration gatewayBackendTimeout();

    /** How long a workspace lives without being used ({@code POST /mock/workspaces} may ask for another time). */
    @WithDefault("1h")
    Duration workspaceTtl();

    /** How many workspaces may live at once; one more is refused with 429. */
    @WithDefault("1000")
    int workspaceLimit();

    /** The longest idle time a workspace may ask for ({@code ttlSeconds}); more is refused 400 "100". */
    @WithDefault("1d")
    Duration workspaceMaxTtl();

    /** How many keys, and how many products, a workspace's own seed may hold; more is refused 400 "100". */
    @WithDefault("1000")
    int workspaceSeedKeys();

    /** How large a workspace's own seed may be, in bytes of JSON ({@code 256K}); larger is refused 413 "430". */
    @WithDefault("256K")
    @WithConverter(MemorySizeConverter.class)
    MemorySize workspaceSeedBytes();

    /**
     * How long a connection may send nothing while the mock waits for a request (a new connection's first
     * request, the next one on a kept-alive connection, the rest of half-sent headers); past it, it is closed.
     */
    @WithDefault("10s")
    Duration headerReadTimeout();

    /**
     * A workspace's share of the mock, in units a second (a gateway call 1, a page of keys 1 more per 5 keys
     * asked for), as many in reserve: past it, its answers wait (at most 2 s, then 429 "420"). 0 turns it off.
     */
    @WithDefault("1000")
    long workspaceRate();

    /** How many keys one tenant or workspace may hold; {@code POST /api-keys} past it is refused 429 "400". */
    @WithDefault("10000")
    int tenantMaxKeys();

    /** A JSON seed file to load at start-up and on reset instead of the built-in one. */
    Optional<String> seedFile();

    /**
     * Proxy mode: NCP's API base URL (for example {@code https://apigateway.apigw.ntruss.com/api/v1}). Every
     * {@code /api/v1} call is then forwarded there, re-signed with {@link #upstreamCredentials()}, answered as
     * the upstream answers, and checked against the spec ({@code GET /mock/drift}). Plain {@code http} only to a
     * loopback host.
     */
    Optional<String> upstream();

    /** Whether these settings make the mock a proxy ({@link #upstream()} set): the one test of proxy mode. */
    static boolean proxyMode(NcpMockConfig config) {
        return config.upstream().filter(url -> !url.isBlank()).isPresent();
    }

    /** The real {@code ACCESS:SECRET} the proxy signs with; never logged or echoed. Or {@link #upstreamCredentialsFile()}. */
    Optional<String> upstreamCredentials();

    /** A file holding {@code ACCESS:SECRET} (one line) for the proxy, instead of {@link #upstreamCredentials()}. */
    Optional<String> upstreamCredentialsFile();

    /** Proxy mode: how long a call may wait for the upstream's answer; past it, 504 "510". */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** Proxy mode: a folder where every proxied exchange is written as a fixture, its secrets masked. */
    Optional<String> recordDir();

    /**
     * Proxy mode: whether calls that change NCP (POST, PUT, PATCH, DELETE under {@code /api/v1}) are forwarded.
     * Off by default: they are refused 403 "230" and nothing reaches the upstream.
     */
    @WithDefault("false")
    @WithConverter(StrictBoolean.class)
    boolean upstreamAllowWrites();

    /**
     * The origins (comma-separated, {@code https://app.example:3000}) whose pages may call this mock across
     * origins, besides the mock's own. Unset: a plain mock answers any origin on {@code /api/v1} and the gateway,
     * only its own pages on {@code /mock/*}; a proxy answers no other origin at all.
     */
    Optional<String> corsOrigins();

    /**
     * A shared mock's admin token: set, every {@code /mock/*} route needs {@code Authorization: Bearer <token>}
     * (a workspace's own prefix stays reachable by its id). Never logged or echoed.
     */
    Optional<String> adminToken();

    /**
     * The hosts (comma-separated: {@code api.example.com}, {@code *.example.com}, an address or a CIDR range)
     * that a stage backend ({@code endpointDomain}) in the seed of an API-made workspace may name. Empty by
     * default: such a seed may name none. Loopback, link-local and private addresses must be listed as
     * addresses, ranges or exact names. The operator's seed file is not limited.
     */
    Optional<String> gatewayBackendHosts();

    /**
     * The URL clients reach this mock at ({@code https://ncp-mock.team.example}), for the {@code baseUrl} of new
     * workspaces. Unset: the address the mock was reached on (never the client's {@code Host} header).
     */
    Optional<String> publicUrl();

    /** {@code true} or {@code false} (any case): SmallRye's own converter reads every other word as false. */
    final class StrictBoolean implements org.eclipse.microprofile.config.spi.Converter<Boolean> {
        @Override
        public Boolean convert(String value) {
            String word = value.trim();
            if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
                return Boolean.parseBoolean(word);
            }
            throw new IllegalArgumentException("must be true or false, not '" + value + "'");
        }
    }

    /** A journal size: 0 (off) to 100,000. */
    final class JournalSize implements org.eclipse.microprofile.config.spi.Converter<Integer> {
        @Override
        public Integer convert(String value) {
            int size;
            try {
                size = Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a whole number from 0 to 100000, not '" + value + "'");
            }
            if (size < 0 || size > 100_000) {
                throw new IllegalArgumentException("must lie in [0, 100000], not " + size);
            }
            return size;
        }
    }

    /** A share of requests, a number in [0, 1]. */
    final class FaultRateConverter implements org.eclipse.microprofile.config.spi.Converter<Double> {
        @Override
        public Double convert(String value) {
            double rate;
            try {
                rate = Double.parseDouble(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("must be a number from 0 to 1, not '" + value + "'");
            }
            if (!(rate >= 0 && rate <= 1)) {
                throw new IllegalArgumentException("must lie in [0, 1], not " + value.trim());
            }
            return rate;
        }
    }

    /** The kinds of store. */
    enum StoreKind {
        MEMORY, REDIS;

        /** {@code memory} or {@code redis}, any case. */
        public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<StoreKind> {
            @Override
            public StoreKind convert(String value) {
                for (StoreKind kind : values()) {
                    if (kind.name().equalsIgnoreCase(value.trim())) {
                        return kind;
                    }
                }
                throw new IllegalArgumentException("must be memory or redis, not '" + value + "'");
            }
        }
    }
}
