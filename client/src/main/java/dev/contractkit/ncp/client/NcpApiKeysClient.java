package dev.contractkit.ncp.client;

import dev.contractkit.ncp.client.generated.api.ApiKeysApi;
import dev.contractkit.ncp.client.generated.api.ProductsApi;
import dev.contractkit.ncp.client.generated.api.SubscriptionsApi;
import dev.contractkit.ncp.signature.NcpCredentials;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * Builds a ready, signing {@link ApiKeysApi} (or {@link SubscriptionsApi}, {@link ProductsApi}) without CDI: in plain Java (on RESTEasy classic) or inside
 * Quarkus (on Quarkus REST Client), whichever MicroProfile REST Client implementation is present.
 *
 * <pre>{@code
 * ApiKeysApi api = NcpApiKeysClient.builder()
 *         .endpoint("http://localhost:8080/api/v1")
 *         .credentials(NcpClientCredentials.fromEnvironment())
 *         .build();
 * }</pre>
 */
public final class NcpApiKeysClient {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private NcpApiKeysClient() {
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private final List<Object> providers = new ArrayList<>();
        private URI endpoint = NcpRegion.PUBLIC.endpoint();
        private NcpCredentials credentials;
        private Clock clock = Clock.systemUTC();
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;

        private Builder() {
        }

        /** The base URL up to and including {@code /api/v1}. Default: NCP's public region. */
        public Builder endpoint(URI endpoint) {
            this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
            return this;
        }

        public Builder endpoint(String endpoint) {
            return endpoint(URI.create(endpoint));
        }

        public Builder region(NcpRegion region) {
            return endpoint(region.endpoint());
        }

        public Builder credentials(NcpCredentials credentials) {
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            return this;
        }

        /** The clock the signature's timestamp comes from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder readTimeout(Duration timeout) {
            this.readTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** A provider of your own (a request filter, a logger, ...). Request filters all run before the signing filter. */
        public Builder register(Object provider) {
            providers.add(Objects.requireNonNull(provider, "provider"));
            return this;
        }

        /** The API-key operations. */
        public ApiKeysApi build() {
            return build(ApiKeysApi.class);
        }

        /** The subscription operations (key side and product side). */
        public SubscriptionsApi subscriptions() {
            return build(SubscriptionsApi.class);
        }

        /** The product look-ups. */
        public ProductsApi products() {
            return build(ProductsApi.class);
        }

        /** Any generated API interface of this contract, signing and mapping errors like the others. */
        public <T> T build(Class<T> api) {
            NcpCredentials signingCredentials = credentials != null ? credentials : NcpClientCredentials.fromEnvironment();
            RestClientBuilder builder = RestClientBuilder.newBuilder()
                    .baseUri(endpoint)
                    .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                    .register(new NcpSigningFilter(signingCredentials, clock))
                    .register(new NcpErrorMapper())
                    .register(new NcpJson());
            providers.forEach(builder::register);
            return builder.build(api);
        }
    }
}
