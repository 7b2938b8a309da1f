package dev.contractkit.ncp.client.quarkus.deployment;

import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Map;

/** The NCP mock Dev Service. */
@ConfigMapping(prefix = "quarkus.ncp-mock")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface NcpMockDevServicesConfig {

    /** The Dev Service. */
    DevServices devservices();

    interface DevServices {
        /**
         * Whether the NCP mock starts in dev and test mode when {@code quarkus.rest-client.ncp-apigw.url} is not
         * set. It also stays off when Dev Services are off ({@code quarkus.devservices.enabled=false}).
         */
        @WithDefault("true")
        boolean enabled();

        /** More of the mock's settings ({@code ncp.mock.*}), for example {@code ncp.mock.seed-file}. */
        Map<String, String> settings();
    }
}
