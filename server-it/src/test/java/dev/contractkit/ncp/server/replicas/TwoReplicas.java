package dev.contractkit.ncp.server.replicas;

import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.testsupport.PackagedMock;
import dev.contractkit.ncp.testsupport.RedisServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A real Redis and two packaged replicas on it, for one tenant; closing stops all three. */
final class TwoReplicas implements AutoCloseable {
    private final List<AutoCloseable> started = new ArrayList<>();
    private PackagedMock a;
    private PackagedMock b;

    static TwoReplicas start(NcpCredentials tenant, String... moreFlags) throws Exception {
        TwoReplicas replicas = new TwoReplicas();
        try {
            RedisServer redis = RedisServer.start();
            replicas.started.add(redis);
            List<String> flags = new ArrayList<>(List.of("-Dncp.mock.store=redis", "-Dquarkus.redis.hosts=" + redis.uri(),
                    "-Dncp.mock.credentials=" + tenant.accessKey() + ":" + tenant.secretKey()));
            flags.addAll(List.of(moreFlags));
            Path app = Path.of(System.getProperty("ncp.server.app", "target/quarkus-app/quarkus-run.jar"));
            replicas.a = PackagedMock.start(app, flags, Map.of());
            replicas.started.add(replicas.a);
            replicas.b = PackagedMock.start(app, flags, Map.of());
            replicas.started.add(replicas.b);
            return replicas;
        } catch (Exception | Error failure) {
            replicas.close();
            throw failure;
        }
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
