package dev.contractkit.ncp.mock.junit;

import dev.contractkit.ncp.client.NcpMockWorkspaces;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * The extension behind {@link NcpMockTest}: the mock once per test run (in the root context's store, so it
 * stops when the run ends), a workspace per test class (made before its first test, deleted after its last),
 * and {@link NcpMock} as a parameter or a field.
 */
public class NcpMockExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver, TestInstancePostProcessor {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(NcpMockExtension.class);
    /** A shared mock to use instead of starting one. */
    public static final String MOCK_URL_PROPERTY = "ncp.mockserver.url";
    public static final String MOCK_URL_VARIABLE = "NCP_MOCKSERVER_URL";

    @Override
    public void beforeAll(ExtensionContext context) {
        Mock mock = context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Mock.class, type -> Mock.find(), Mock.class);
        NcpMockWorkspaces.Workspace workspace = mock.workspaces().create(context.getRequiredTestClass().getSimpleName(), null, false);
        context.getStore(NAMESPACE).put(NcpMock.class, new ClassWorkspace(mock.workspaces(), new NcpMock(mock.workspaces(), workspace)));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ClassWorkspace made = context.getStore(NAMESPACE).remove(NcpMock.class, ClassWorkspace.class);
        if (made != null) {
            made.workspaces().delete(made.mock().workspaceId());
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == NcpMock.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return mockOf(context);
    }

    @Override
    public void postProcessTestInstance(Object instance, ExtensionContext context) throws IllegalAccessException {
        for (Field field : fieldsOf(instance.getClass())) {
            if (field.getType() == NcpMock.class && !Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                field.set(instance, mockOf(context));
            }
        }
    }

    /** The fields of the class and its superclasses. */
    private static List<Field> fieldsOf(Class<?> type) {
        List<Field> fields = new ArrayList<>();
        for (Class<?> at = type; at != null && at != Object.class; at = at.getSuperclass()) {
            fields.addAll(List.of(at.getDeclaredFields()));
        }
        return fields;
    }

    /** The class's workspace, from the nearest context that has one (a nested class uses its outer class's). */
    private static NcpMock mockOf(ExtensionContext context) {
        for (Optional<ExtensionContext> at = Optional.of(context); at.isPresent(); at = at.get().getParent()) {
            ClassWorkspace made = at.get().getStore(NAMESPACE).get(NcpMock.class, ClassWorkspace.class);
            if (made != null) {
                return made.mock();
            }
        }
        throw new ExtensionConfigurationException("NcpMock is given to the tests of a class annotated @NcpMockTest");
    }

    private record ClassWorkspace(NcpMockWorkspaces workspaces, NcpMock mock) {
    }

    /** The mock of the test run: started here, or a shared one named by {@value #MOCK_URL_PROPERTY}. */
    private record Mock(NcpMockWorkspaces workspaces, NcpMockServer started) implements ExtensionContext.Store.CloseableResource, AutoCloseable {
        static Mock find() {
            Optional<String> shared = Optional.ofNullable(System.getProperty(MOCK_URL_PROPERTY))
                    .or(() -> Optional.ofNullable(System.getenv(MOCK_URL_VARIABLE))).filter(url -> !url.isBlank());
            if (shared.isPresent()) {
                return new Mock(NcpMockWorkspaces.at(URI.create(shared.get().trim())), null);
            }
            NcpMockServer server = NcpMockServer.start(Map.of());
            return new Mock(NcpMockWorkspaces.at(server.url(), server.adminToken()), server);
        }

        @Override
        public void close() {
            if (started != null) {
                started.close();
            }
        }
    }
}
