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

    /**
     * A value a client chose, made safe for one log line: control characters (CR and LF among them, which could
     * forge a line) and other invisible ones written as {@code \\uXXXX}, a backslash doubled.
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(point -> {
            if (point == '\\') {
                out.append("\\\\");
            } else if (Character.isISOControl(point) || Character.getType(point) == Character.FORMAT || point == 0x2028 || point == 0x2029) {
                out.append(String.format("\\u%04x", point));
            } else {
                out.appendCodePoint(point);
            }
        });
        return out.toString();
    }
}
