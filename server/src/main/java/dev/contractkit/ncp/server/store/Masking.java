package dev.contractkit.ncp.server.store;

/** Shows only the last four characters of a secret value, the way NCP's console does with five stars. */
public final class Masking {

    private Masking() {
    }

    public static String mask(String secret) {
        if (secret == null) {
            return null;
        }
        return secret.length() <= 8 ? "*****" : "*****" + secret.substring(secret.length() - 4);
    }
}
