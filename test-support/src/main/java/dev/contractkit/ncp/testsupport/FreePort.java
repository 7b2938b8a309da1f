package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A port of 127.0.0.1 that was free a moment ago, for a child process (Redis, nginx, a packaged mock) that
 * must be told its port before it starts. A server of the test's own binds port 0 and reads it back instead.
 */
public final class FreePort {
    /**
     * Every port handed out by this JVM: the kernel may give the same free port to two binds in a row (seen:
     * a cluster's two replicas told the same port), so a port is never handed out twice.
     */
    private static final Set<Integer> HANDED_OUT = ConcurrentHashMap.newKeySet();

    private FreePort() {
    }

    public static int find() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                socket.setReuseAddress(true);
                if (HANDED_OUT.add(socket.getLocalPort())) {
                    return socket.getLocalPort();
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port on this machine", e);
            }
        }
        throw new IllegalStateException("no port free that this JVM has not handed out already");
    }
}
