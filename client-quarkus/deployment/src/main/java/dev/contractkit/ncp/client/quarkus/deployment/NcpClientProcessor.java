package dev.contractkit.ncp.client.quarkus.deployment;

import dev.contractkit.ncp.client.NcpErrorMapper;
import dev.contractkit.ncp.client.NcpSigningFilter;
import io.quarkus.deployment.IsNormal;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.deployment.builditem.CuratedApplicationShutdownBuildItem;
import io.quarkus.deployment.builditem.DevServicesResultBuildItem;
import io.quarkus.deployment.builditem.FeatureBuildItem;
import io.quarkus.deployment.builditem.RunTimeConfigurationDefaultBuildItem;
import io.quarkus.deployment.dev.devservices.DevServicesConfig;
import io.quarkus.runtime.configuration.ConfigUtils;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The generated interfaces ({@code configKey} {@code ncp-apigw}) signed and their errors typed with no
 * configuration; in dev and test mode, the NCP mock started for them when no URL is set.
 */
class NcpClientProcessor {
    static final String FEATURE = "ncp-apigw-client";
    static final String CLIENT = "quarkus.rest-client.ncp-apigw";
    private static final Logger LOG = Logger.getLogger(NcpClientProcessor.class);

    @BuildStep
    FeatureBuildItem feature() {
        return new FeatureBuildItem(FEATURE);
    }

    /** The signing filter (credentials from {@code ncloud.access-key}, {@code ncloud.secret-key}) and the error mapper. */
    @BuildStep
    RunTimeConfigurationDefaultBuildItem providers() {
        return new RunTimeConfigurationDefaultBuildItem(CLIENT + ".providers",
                NcpSigningFilter.class.getName() + "," + NcpErrorMapper.class.getName());
    }

    /** The mock of this JVM, kept across dev mode's restarts while its settings stay the same. */
    private static volatile NcpMockDevService running;
    private static volatile Map<String, String> runningSettings;

    @BuildStep(onlyIfNot = IsNormal.class, onlyIf = DevServicesConfig.Enabled.class)
    DevServicesResultBuildItem mock(NcpMockDevServicesConfig config, CuratedApplicationShutdownBuildItem shutdown) {
        if (!config.devservices().enabled()) {
            LOG.debug("Dev Services for the NCP mock are off (quarkus.ncp-mock.devservices.enabled=false)");
            stop();
            return null;
        }
        if (urlIsSet()) {
            LOG.debugf("Dev Services for the NCP mock stay off: %s.url is set", CLIENT);
            stop();
            return null;
        }
        Map<String, String> settings = Map.copyOf(config.devservices().settings());
        Optional<String[]> own = ownCredentials();
        // the running mock serves on while its settings and the credentials it accepts stay the same
        Map<String, String> identity = new java.util.HashMap<>(settings);
        identity.put("credentials", own.map(pair -> pair[0] + ":" + Integer.toHexString(pair[1].hashCode())).orElse("drawn"));
        synchronized (NcpClientProcessor.class) {
            if (running != null && !identity.equals(runningSettings)) {
                stop();
            }
            if (running == null) {
                NcpMockDevService started = new NcpMockDevService(settings, own);
                started.start();
                running = started;
                runningSettings = identity;
                // the mock ends with the application (the end of the tests, or of dev mode)
                shutdown.addCloseTask(NcpClientProcessor::stop, true);
            }
        }
        NcpMockDevService mock = running;
        Map<String, String> given = mock.drawn()
                ? Map.of(CLIENT + ".url", mock.apiUrl(), "ncloud.access-key", mock.accessKey(), "ncloud.secret-key", mock.secretKey())
                : Map.of(CLIENT + ".url", mock.apiUrl());
        return new DevServicesResultBuildItem.RunningDevService(FEATURE, null, () -> { }, given).toBuildItem();
    }

    private static synchronized void stop() {
        if (running != null) {
            running.close();
            running = null;
            runningSettings = null;
        }
    }

    /** The application's own credentials (configuration, or NCLOUD_ACCESS_KEY and NCLOUD_SECRET_KEY), if it has both. */
    private static Optional<String[]> ownCredentials() {
        var config = ConfigProvider.getConfig();
        Optional<String> accessKey = config.getOptionalValue("ncloud.access-key", String.class).filter(value -> !value.isBlank());
        Optional<String> secretKey = config.getOptionalValue("ncloud.secret-key", String.class).filter(value -> !value.isBlank());
        return accessKey.isPresent() && secretKey.isPresent() ? Optional.of(new String[] {accessKey.get().trim(), secretKey.get().trim()}) : Optional.empty();
    }

    /** Set for the running profile (a {@code %prod.} URL leaves dev and test mode to the Dev Service). */
    private static boolean urlIsSet() {
        return ConfigUtils.isPropertyNonEmpty(CLIENT + ".url") || ConfigUtils.isPropertyNonEmpty(CLIENT + ".uri")
                || ConfigUtils.isPropertyNonEmpty("quarkus.rest-client.\"ncp-apigw\".url")
                || ConfigUtils.isPropertyNonEmpty("quarkus.rest-client.\"ncp-apigw\".uri");
    }
}
