package dev.contractkit.ncp.client.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives each test its own workspace on a running mock, as a parameter of type
 * {@code NcpMockWorkspaces.Workspace}, and deletes it after the test. The mock is at {@link #mockUrl()}, else
 * the system property {@code ncp.mockserver.url}, else the environment variable {@code NCP_MOCKSERVER_URL}, else
 * {@code http://localhost:8080}. A shared mock's admin token comes from the system property
 * {@code ncp.mock.admin-token}, else the environment variable {@code NCP_MOCK_ADMIN_TOKEN}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(NcpMockWorkspaceExtension.class)
public @interface NcpMockWorkspace {
    /** Whether the workspace takes replayed pacts under its prefix (for a Pact verifier). */
    boolean contractTesting() default false;

    /** The mock's root URL; empty for the default lookup. */
    String mockUrl() default "";
}
