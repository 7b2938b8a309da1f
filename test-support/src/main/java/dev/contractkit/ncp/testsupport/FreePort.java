package dev.contractkit.ncp.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

/**
 * A port of 127.0.0.1 that was free a moment ago, for a child process (Redis, nginx, a packaged mock) that
 * must be told its port before it starts. A server of the test's own binds port 0 and reads it back instead.
 */
public final class FreePort {
    private FreePort() {
    }

    public static int find() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on this machine", e);
        }
    }
}
