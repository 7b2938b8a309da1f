package dev.contractkit.ncp.server.proxy;

import dev.contractkit.ncp.testsupport.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Upstreams in trouble, for the proxy's tests: one where nothing listens, one that never answers. */
public final class TroubledUpstreams {
    private TroubledUpstreams() {
    }

    /** An upstream address where nothing listens. */
    public static class Closed implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of("ncp.mock.upstream", "http://127.0.0.1:" + FreePort.find() + "/api/v1",
                    "ncp.mock.upstream-credentials", "UPSTREAMACCESSKEY001:UPSTREAMSECRET");
        }

        @Override
        public void stop() {
        }
    }

    /** An upstream that takes every connection and never says a word. */
    public static class Silent implements QuarkusTestResourceLifecycleManager {
        private ServerSocket server;
        private final List<Socket> held = new CopyOnWriteArrayList<>();

        @Override
        public Map<String, String> start() {
            try {
                server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread accepting = new Thread(() -> {
                while (!server.isClosed()) {
                    try {
                        held.add(server.accept());
                    } catch (IOException closed) {
                        return;
                    }
                }
            }, "silent-upstream");
            accepting.setDaemon(true);
            accepting.start();
            return Map.of("ncp.mock.upstream", "http://127.0.0.1:" + server.getLocalPort() + "/api/v1",
                    "ncp.mock.upstream-credentials", "UPSTREAMACCESSKEY001:UPSTREAMSECRET", "ncp.mock.upstream-timeout", "1s");
        }

        @Override
        public void stop() {
            try {
                server.close();
                for (Socket socket : held) {
                    socket.close();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public static class ClosedProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Closed.class));
        }
    }

    public static class SilentProfile implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(Silent.class));
        }
    }
}
