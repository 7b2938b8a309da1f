package dev.contractkit.ncp.server.config;

import java.util.concurrent.ThreadLocalRandom;

/** A fixed delay ({@code 250}) or a random one from a range ({@code 100-400}), in milliseconds. */
public record Latency(long minMillis, long maxMillis) {
    public static final Latency NONE = new Latency(0, 0);
    private static final long MAX_MILLIS = 60_000;

    public static Latency parse(String text) {
        String trimmed = text.trim();
        int dash = trimmed.indexOf('-', 1);
        try {
            long min = Long.parseLong(dash < 0 ? trimmed : trimmed.substring(0, dash).trim());
            long max = dash < 0 ? min : Long.parseLong(trimmed.substring(dash + 1).trim());
            if (min < 0 || max < min || max > MAX_MILLIS) {
                throw new IllegalArgumentException();
            }
            return new Latency(min, max);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "latency must be milliseconds (250) or a range (100-400) between 0 and " + MAX_MILLIS + ", not '" + text + "'");
        }
    }

    public long drawMillis() {
        return minMillis == maxMillis ? minMillis : ThreadLocalRandom.current().nextLong(minMillis, maxMillis + 1);
    }

    /** For {@code ncp.mock.latency}. */
    public static final class Converter implements org.eclipse.microprofile.config.spi.Converter<Latency> {
        @Override
        public Latency convert(String value) {
            return parse(value);
        }
    }
}
