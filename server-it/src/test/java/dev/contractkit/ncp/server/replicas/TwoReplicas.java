package dev.contractkit.ncp.server.replicas;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.RedisServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A real Redis and two packaged replicas on it, for one tenant, as a team runs a shared mock behind a load
 * balancer. The replicas start at the same moment, as a deployment starts them (the tenant must be seeded once);
 * closing stops all three.
 */
final class TwoReplicas implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private RedisServer redis;
    private PackagedMock a;
    private PackagedMock b;

    static TwoReplicas start(NcpCredentials tenant, String... moreFlags) throws Exception {
        TwoReplicas replicas = new TwoReplicas();
        try {
            replicas.redis = RedisServer.start();
            replicas.started.add(replicas.redis);
            List<String> flags = new ArrayList<>(List.of("-Dncp.mock.store=redis", "-Dquarkus.redis.hosts=" + replicas.redis.uri(),
                    "-Dncp.mock.credentials=" + tenant.accessKey() + ":" + tenant.secretKey()));
            flags.addAll(List.of(moreFlags));
            Path app = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
            CompletableFuture<PackagedMock> first = CompletableFuture.supplyAsync(() -> start(app, flags));
            CompletableFuture<PackagedMock> second = CompletableFuture.supplyAsync(() -> start(app, flags));
            // each one that started is stopped on close, even when the other failed
            CompletableFuture.allOf(first, second).handle((done, failure) -> null).join();
            for (CompletableFuture<PackagedMock> replica : List.of(first, second)) {
                if (!replica.isCompletedExceptionally()) {
                    replicas.started.add(replica.join());
                }
            }
            replicas.a = first.join();
            replicas.b = second.join();
            return replicas;
        } catch (CompletionException failure) {
            replicas.close();
            throw new IOException("a replica did not start", failure.getCause());
        } catch (Exception | Error failure) {
            replicas.close();
            throw failure;
        }
    }

    private static PackagedMock start(Path app, List<String> flags) {
        try {
            return PackagedMock.start(app, flags, Map.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The Redis both replicas share: to kill, pause or restart under them. */
    RedisServer redis() {
        return redis;
    }

    PackagedMock a() {
        return a;
    }

    PackagedMock b() {
        return b;
    }

    /** The replicas first, then Redis. */
    @Override
    public void close() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }
}
