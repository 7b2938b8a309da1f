package dev.contractkit.ncp.server.auth;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a call to the gateway names: the invoke id, API, stage, and the path below the stage ("/" at least). The
 * mock takes both of NCP's forms: {@code {invokeId}.apigw.localhost/{api}/{stage}/...} by host, and
 * {@code /gateway/{invokeId}/{api}/{stage}/...} by path (a workspace's under its prefix).
 */
public record GatewayAddress(String invokeId, String apiName, String stageName, String resourcePath) {
    public static final String HOST_SUFFIX = ".apigw.localhost";
    private static final Pattern PATH_FORM = Pattern.compile("/gateway/([^/]+)/([^/]+)/([^/]+)(/.*)?");
    private static final Pattern HOST_FORM = Pattern.compile("/([^/]+)/([^/]+)(/.*)?");

    /** The call a request makes to the gateway, or null when it is not a gateway call. */
    public static GatewayAddress parse(String host, String path) {
        String hostName = host == null || !host.contains(HOST_SUFFIX) ? "" : host.replaceFirst(":\\d+$", "").toLowerCase();
        if (hostName.endsWith(HOST_SUFFIX) && hostName.length() > HOST_SUFFIX.length()) {
            String invokeId = hostName.substring(0, hostName.length() - HOST_SUFFIX.length());
            Matcher matcher = HOST_FORM.matcher(path);
            return matcher.matches() ? new GatewayAddress(invokeId, matcher.group(1), matcher.group(2), resource(matcher.group(3)))
                    : new GatewayAddress(invokeId, "", "", "/");
        }
        if (!path.startsWith("/gateway/")) {
            return null;
        }
        Matcher matcher = PATH_FORM.matcher(path);
        return matcher.matches() ? new GatewayAddress(matcher.group(1), matcher.group(2), matcher.group(3), resource(matcher.group(4)))
                : new GatewayAddress(path.substring("/gateway/".length()).split("/", 2)[0], "", "", "/");
    }

    private static String resource(String rest) {
        return rest == null || rest.isEmpty() ? "/" : rest;
    }
}
