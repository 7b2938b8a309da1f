package dev.contractkit.ncp.server.config;

import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import jakarta.annotation.Priority;

/**
 * A proxy holds the user's real NCP credentials, so it listens on the loopback address unless the user chose
 * another: with {@code ncp.mock.upstream} set, {@code quarkus.http.host} is {@value #LOOPBACK} unless it comes from
 * a source above the packaged {@code application.properties} (an environment variable {@code QUARKUS_HTTP_HOST},
 * a system property, a {@code config/application.properties} or {@code .env} file beside the jar).
 */
@Priority(Priorities.APPLICATION)
public class ProxyListensOnLoopback implements ConfigSourceInterceptor {
    static final String HOST = "quarkus.http.host";
    static final String LOOPBACK = "127.0.0.1";
    /** The ordinal of the {@code application.properties} packaged in the jar: a value from there is the mock's default, not the user's choice. */
    static final int PACKAGED_ORDINAL = 250;
    static final String SOURCE = "proxy mode: loopback unless quarkus.http.host is set";

    /** Whether a host name or address names this machine's loopback ({@code localhost}, {@code *.localhost}, 127.x.x.x, ::1). */
    public static boolean isLoopbackName(String host) {
        String name = host.trim().toLowerCase(java.util.Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.equals("localhost") || name.endsWith(".localhost") || name.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}") || name.equals("::1");
    }

    @Override
    public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
        ConfigValue value = context.proceed(name);
        if (!HOST.equals(name) || (value != null && value.getConfigSourceOrdinal() > PACKAGED_ORDINAL)) {
            return value;
        }
        ConfigValue upstream = context.proceed("ncp.mock.upstream");
        if (upstream == null || upstream.getValue() == null || upstream.getValue().isBlank()) {
            return value;
        }
        ConfigValue base = value != null ? value : ConfigValue.builder().withName(HOST).build();
        return base.from().withValue(LOOPBACK).withRawValue(LOOPBACK).withConfigSourceName(SOURCE)
                .withConfigSourceOrdinal(PACKAGED_ORDINAL).build();
    }
}
