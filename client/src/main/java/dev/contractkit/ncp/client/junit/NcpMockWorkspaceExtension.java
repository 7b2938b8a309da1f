package dev.contractkit.ncp.client.junit;

import dev.contractkit.ncp.client.NcpMockWorkspaces;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/** The extension behind {@link NcpMockWorkspace}: one workspace per test, made when first asked for, deleted after it. */
public class NcpMockWorkspaceExtension implements ParameterResolver, AfterEachCallback {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NcpMockWorkspaceExtension.class);
    static final String DEFAULT_MOCK = "http://localhost:8080";

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NcpMockWorkspaces.Workspace.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        NcpMockWorkspace settings = settings(context);
        NcpMockWorkspaces workspaces = NcpMockWorkspaces.at(URI.create(mockUrl(settings)));
        return context.getStore(NAMESPACE).getOrComputeIfAbsent("workspace",
                key -> new Made(workspaces, workspaces.create(context.getDisplayName(), null, settings != null && settings.contractTesting())),
                Made.class).workspace();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Made made = context.getStore(NAMESPACE).remove("workspace", Made.class);
        if (made != null) {
            made.workspaces().delete(made.workspace().workspaceId());
        }
    }

    private record Made(NcpMockWorkspaces workspaces, NcpMockWorkspaces.Workspace workspace) {
    }

    private static NcpMockWorkspace settings(ExtensionContext context) {
        return context.getTestMethod().flatMap(method -> AnnotationSupport.findAnnotation(method, NcpMockWorkspace.class))
                .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, NcpMockWorkspace.class)))
                .orElse(null);
    }

    static String mockUrl(NcpMockWorkspace settings) {
        if (settings != null && !settings.mockUrl().isBlank()) {
            return settings.mockUrl();
        }
        return Optional.ofNullable(System.getProperty("ncp.mockserver.url")).or(() -> Optional.ofNullable(System.getenv("NCP_MOCKSERVER_URL")))
                .filter(url -> !url.isBlank()).orElse(DEFAULT_MOCK);
    }
}
