package dev.contractkit.ncp.server.ui;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.servers.Server;
import java.util.ArrayList;
import java.util.List;

/**
 * The one change to the spec as served at {@code /q/openapi} (the spec's description says so): a first
 * server {@code /api/v1}, relative to the page, so Swagger UI's "Try it out" calls this mock on whatever
 * host and port it runs, and never NCP's real hosts unless chosen. Applied once, at build time.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class MockServerFirst implements OASFilter {
    static final String RELATIVE = "/api/v1";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        List<Server> servers = new ArrayList<>();
        servers.add(OASFactory.createServer().url(RELATIVE)
                .description("This mock, where this page is served from (the default of Try it out)"));
        if (api.getServers() != null) {
            api.getServers().stream().filter(server -> !RELATIVE.equals(server.getUrl())).forEach(servers::add);
        }
        api.setServers(servers);
    }
}
