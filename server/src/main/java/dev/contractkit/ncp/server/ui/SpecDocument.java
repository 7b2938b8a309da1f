package dev.contractkit.ncp.server.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The spec as served at {@code /q/openapi}: the file as written, byte for byte, with one documented change
 * (the spec's description says so): a first server {@code /api/v1}, relative to the page, so that Swagger UI's
 * "Try it out" calls this mock on whatever host and port it runs, and never NCP's real hosts unless chosen.
 * The entry is inserted as text under the top-level {@code servers:} key, so comments, order and formatting
 * stay as the spec's authors wrote them. The JSON form is the same document, rendered when first asked for.
 */
public final class SpecDocument {
    static final String RELATIVE = "/api/v1";
    private static final Pattern SERVERS = Pattern.compile("^servers:[ \\t]*\\r?\\n((?:[ \\t]*#.*\\r?\\n)*)([ \\t]+)- ", Pattern.MULTILINE);

    private final String yaml;
    private volatile String json;

    private SpecDocument(String yaml) {
        this.yaml = yaml;
    }

    /** The written spec with this mock first among its servers; fails if the spec has no top-level server list. */
    public static SpecDocument of(String written) {
        Matcher servers = SERVERS.matcher(written);
        if (!servers.find()) {
            throw new IllegalArgumentException("the spec has no top-level 'servers:' list to put this mock first in");
        }
        String indent = servers.group(2);
        String entry = indent + "- url: " + RELATIVE + "\n"
                + indent + "  description: This mock, where this page is served from (the default of Try it out)\n";
        return new SpecDocument(written.substring(0, servers.start(2)) + entry + written.substring(servers.start(2)));
    }

    public String yaml() {
        return yaml;
    }

    public String json() {
        String rendered = json;
        if (rendered == null) {
            try {
                rendered = new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(new YAMLMapper().readTree(yaml));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("the spec is not valid YAML", e);
            }
            json = rendered;
        }
        return rendered;
    }
}
