package dev.contractkit.ncp.server;

import dev.contractkit.ncp.server.config.NcpMockConfig;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** With {@code ncp.mock.parent-pid}, the mock stops when that process ends (or at once when it is gone already). */
public class ParentProcessWatch {
    private static final Logger LOG = Logger.getLogger(ParentProcessWatch.class);

    void onStart(@Observes StartupEvent start, NcpMockConfig config) {
        config.parentPid().ifPresent(pid -> ProcessHandle.of(pid).ifPresentOrElse(parent -> parent.onExit().thenRun(() -> {
            LOG.infof("NCP mock: process %d, which started this mock, ended; stopping", pid);
            Quarkus.asyncExit();
        }), () -> {
            LOG.infof("NCP mock: process %d, which started this mock, is gone; stopping", pid);
            Quarkus.asyncExit();
        }));
    }
}
