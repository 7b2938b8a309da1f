package dev.contractkit.ncp.mock.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test class that talks to the NCP API Gateway mock. The mock starts once per test run, in a child JVM on a free
 * port, shared by every such class; each class gets a workspace of its own on it (its own keys, subscriptions,
 * journal and credentials), so classes may run in parallel. A test-method parameter or a field of type
 * {@link NcpMock} is the class's workspace.
 *
 * <p>With the system property {@code ncp.mockserver.url} or the environment variable {@code NCP_MOCKSERVER_URL}
 * set (a shared team mock, {@code http://mock.example:8080}), no mock starts: the workspaces are made there,
 * with the admin token from {@code ncp.mock.admin-token} or {@code NCP_MOCK_ADMIN_TOKEN} when it has one.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(NcpMockExtension.class)
public @interface NcpMockTest {
}
