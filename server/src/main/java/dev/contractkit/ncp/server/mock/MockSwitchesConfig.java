package dev.contractkit.ncp.server.mock;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "ncp.mock")
public interface MockSwitchesConfig {

    /** Added latency of every {@code /api/v1} answer: {@code 250} (ms) or a random range {@code 100-400}. */
    Optional<String> latency();

    /** A forced NCP error on every {@code /api/v1} answer: an NCP error code ({@code 410}, {@code 500}, ...) or {@code crash}. */
    Optional<String> fault();

    /** The share of requests that get {@link #fault()}, from 0 to 1. */
    @WithDefault("1.0")
    double faultRate();

    /** A JSON seed file to load at start-up and on reset instead of the built-in one. */
    Optional<String> seedFile();
}
