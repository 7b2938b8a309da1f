import dev.contractkit.ncp.signature.NcpCredentials;
import dev.contractkit.ncp.signature.NcpHeaders;
import dev.contractkit.ncp.signature.NcpSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Soak and resilience run against a running mock, bounded in time, on loopback only.
 *
 * <pre>java -cp signature/target/classes bench/Soak.java http://127.0.0.1:18080 60 64 [server-pid]</pre>
 *
 * Phase 1, soak: CONNECTIONS workers for SECONDS mix create+delete, regenerate, get, list and bad
 * requests. Every answer must have the status its request calls for; no 5xx, no I/O error. Each worker
 * owns its keys, so afterwards every owned key must hold exactly the values last answered for it; a
 * seed key hammered by all workers must hold one of the values answered for it. RSS is sampled.
 * Phase 2, bad input at volume: normal GETs per second before and after thousands of malformed bodies,
 * oversized bodies, bad signatures and unknown ids in a row.
 */
public class Soak {
    static final NcpCredentials CREDENTIALS = new NcpCredentials(
            env("NCLOUD_ACCESS_KEY", "MOCKACCESSKEY0000001"), env("NCLOUD_SECRET_KEY", "MOCKSECRETKEY000000000000000000000000001"));
    static final NcpSigner SIGNER = new NcpSigner(CREDENTIALS);
    static final NcpSigner WRONG = new NcpSigner(new NcpCredentials(CREDENTIALS.accessKey(), "wrong-secret"));
    static final Pattern PRIMARY = Pattern.compile("\"primaryKey\":\"([A-Za-z0-9]+)\"");
    static final Pattern SECONDARY = Pattern.compile("\"secondaryKey\":\"([A-Za-z0-9]+)\"");
    static final Pattern ID = Pattern.compile("\"apiKeyId\":\"([a-z0-9]+)\"");
    static final String SHARED_KEY = "seedweb001";

    final URI base;
    final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final Set<String> sharedAnswers = ConcurrentHashMap.newKeySet();
    final AtomicLong requests = new AtomicLong();

    Soak(URI base) {
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args.length > 0 ? args[0] : "http://127.0.0.1:8080");
        if (!List.of("127.0.0.1", "localhost", "[::1]").contains(base.getHost())) {
            throw new IllegalArgumentException("the soak only ever targets loopback");
        }
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int connections = args.length > 2 ? Integer.parseInt(args[2]) : 64;
        long pid = args.length > 3 ? Long.parseLong(args[3]) : -1;
        Soak soak = new Soak(base);
        boolean ok = soak.soak(seconds, connections, pid) & soak.badInputAtVolume();
        System.out.println(ok ? "SOAK PASSED" : "SOAK FAILED");
        System.exit(ok ? 0 : 1);
    }

    // ---------------------------------------------------------------------------------------------

    boolean soak(int seconds, int connections, long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<Map<String, String[]>>> workers = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            workers.add(pool.submit(() -> work(deadline)));
        }
        List<Long> rss = new ArrayList<>();
        long started = System.nanoTime();
        while (System.nanoTime() < deadline) {
            if (pid > 0) {
                rss.add(rssMegabytes(pid));
            }
            Thread.sleep(5_000);
        }
        Map<String, String[]> lastAnswered = new ConcurrentHashMap<>();
        for (Future<Map<String, String[]>> worker : workers) {
            lastAnswered.putAll(worker.get());
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (pid > 0) {
            rss.add(rssMegabytes(pid));
        }

        int checked = 0;
        for (Map.Entry<String, String[]> owned : lastAnswered.entrySet()) {
            HttpResponse<String> now = send("GET", "/api/v1/api-keys/" + owned.getKey(), null, SIGNER);
            checked++;
            if (!owned.getValue()[0].equals(find(PRIMARY, now.body())) || !owned.getValue()[1].equals(find(SECONDARY, now.body()))) {
                failures.add("key " + owned.getKey() + " does not hold the values last answered for it");
            }
        }
        String sharedNow = find(PRIMARY, send("GET", "/api/v1/api-keys/" + SHARED_KEY, null, SIGNER).body());
        if (!sharedAnswers.isEmpty() && !sharedAnswers.contains(sharedNow)) {
            failures.add("the shared key holds a value that was never answered");
        }

        System.out.printf("soak: %d requests in %.0f s (%.0f/s) over %d connections%n", requests.get(), elapsed, requests.get() / elapsed, connections);
        outcomes.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(entry -> System.out.printf("  %-40s %d%n", entry.getKey(), entry.getValue().sum()));
        System.out.printf("consistency: %d owned keys hold exactly their last answered values; shared key among %d answered values: %s%n",
                checked - failures.size(), sharedAnswers.size(), sharedAnswers.contains(sharedNow));
        if (pid > 0) {
            System.out.println("RSS MB every 5 s: " + rss);
        }
        failures.stream().limit(20).forEach(failure -> System.out.println("  FAILURE " + failure));
        return failures.isEmpty();
    }

    private Map<String, String[]> work(long deadline) {
        Map<String, String[]> owned = new java.util.HashMap<>();
        try {
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> created = expect("create", 201, send("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"soak-" + i + "\"}", SIGNER));
                owned.put(find(ID, created.body()), new String[] {find(PRIMARY, created.body()), find(SECONDARY, created.body())});
            }
            List<String> ids = new ArrayList<>(owned.keySet());
            ThreadLocalRandom random = ThreadLocalRandom.current();
            while (System.nanoTime() < deadline) {
                int dice = random.nextInt(100);
                String id = ids.get(random.nextInt(ids.size()));
                if (dice < 30) {
                    String type = random.nextBoolean() ? "PRIMARY" : "SECONDARY";
                    HttpResponse<String> answer = expect("regenerate " + type.toLowerCase(), 200,
                            send("PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"" + type + "\"}", SIGNER));
                    if (answer.statusCode() == 200) {
                        owned.put(id, new String[] {find(PRIMARY, answer.body()), find(SECONDARY, answer.body())});
                    }
                } else if (dice < 45) {
                    expect("get", 200, send("GET", "/api/v1/api-keys/" + id, null, SIGNER));
                } else if (dice < 55) {
                    expect("list", 200, send("GET", "/api/v1/api-keys?offset=0&limit=5&apiKeyName=seed", null, SIGNER));
                } else if (dice < 62) {
                    HttpResponse<String> created = expect("create", 201, send("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"temp\"}", SIGNER));
                    expect("delete", 204, send("DELETE", "/api/v1/api-keys/" + find(ID, created.body()), null, SIGNER));
                } else if (dice < 72) {
                    HttpResponse<String> answer = expect("regenerate shared seed key", 200,
                            send("PATCH", "/api/v1/api-keys/" + SHARED_KEY, "{\"keyType\":\"PRIMARY\"}", SIGNER));
                    sharedAnswers.add(find(PRIMARY, answer.body()));
                } else {
                    badRequest(random.nextInt(5));
                }
            }
        } catch (Exception e) {
            failures.add("worker stopped: " + e);
        }
        return owned;
    }

    private void badRequest(int kind) throws Exception {
        switch (kind) {
            case 0 -> expect("bad: malformed JSON", 400, send("PATCH", "/api/v1/api-keys/" + SHARED_KEY, "{\"keyType\":", SIGNER));
            case 1 -> expect("bad: keyType outside the enum", 400, send("PATCH", "/api/v1/api-keys/" + SHARED_KEY, "{\"keyType\":\"primary\"}", SIGNER));
            case 2 -> expect("bad: wrong signature", 401, send("GET", "/api/v1/api-keys/" + SHARED_KEY, null, WRONG));
            case 3 -> expect("bad: unknown id", 404, send("GET", "/api/v1/api-keys/zzzzzzzzzz", null, SIGNER));
            default -> expect("bad: name too long", 400, send("POST", "/api/v1/api-keys", "{\"apiKeyName\":\"" + "x".repeat(21) + "\"}", SIGNER));
        }
    }

    // ---------------------------------------------------------------------------------------------

    boolean badInputAtVolume() throws Exception {
        double before = getRate(5);
        long started = System.nanoTime();
        byte[] oversized = new byte[10 * 1024 * 1024 + 1];
        int sent = 0;
        for (int i = 0; i < 4000; i++) {
            badRequest(i % 5);
            sent++;
        }
        for (int i = 0; i < 20; i++) {
            expect("bad: body over 10 MB", 413, send("POST", "/api/v1/api-keys", oversized));
            sent++;
        }
        double badSeconds = (System.nanoTime() - started) / 1e9;
        double after = getRate(5);
        boolean fullSpeed = after >= 0.8 * before;
        System.out.printf("bad input at volume: %d bad requests in a row in %.1f s; normal GETs/s before %.0f, after %.0f (%s)%n",
                sent, badSeconds, before, after, fullSpeed ? "full speed" : "SLOWER");
        failures.stream().limit(20).forEach(failure -> System.out.println("  FAILURE " + failure));
        return fullSpeed && failures.isEmpty();
    }

    private double getRate(int seconds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        LongAdder done = new LongAdder();
        List<Future<?>> all = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            all.add(pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    expect("get (rate)", 200, send("GET", "/api/v1/api-keys/" + SHARED_KEY, null, SIGNER));
                    done.increment();
                }
                return null;
            }));
        }
        for (Future<?> future : all) {
            future.get();
        }
        pool.shutdown();
        return done.sum() / (double) seconds;
    }

    // ---------------------------------------------------------------------------------------------

    private HttpResponse<String> send(String method, String pathAndQuery, String json, NcpSigner signer) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(10))
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, signer.accessKey())
                .header(NcpHeaders.SIGNATURE, signer.sign(method, pathAndQuery, timestamp))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        requests.incrementAndGet();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, byte[] body) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header(NcpHeaders.TIMESTAMP, timestamp)
                .header(NcpHeaders.ACCESS_KEY, SIGNER.accessKey())
                .header(NcpHeaders.SIGNATURE, SIGNER.sign(method, path, timestamp))
                .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        requests.incrementAndGet();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException refusedMidBody) {
            // the server may answer 413 and close before the client finished sending; ask again without a body
            return http.send(HttpRequest.newBuilder(request, (name, value) -> true).method(method, HttpRequest.BodyPublishers.noBody())
                    .header("X-Note", "retry").build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private HttpResponse<String> expect(String what, int status, HttpResponse<String> response) {
        String outcome = what + " -> " + response.statusCode();
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        if (response.statusCode() != status) {
            failures.add(outcome + " (expected " + status + "): " + response.body().substring(0, Math.min(200, response.body().length())));
        }
        if (response.statusCode() >= 500) {
            failures.add("5xx: " + outcome);
        }
        return response;
    }

    private static String find(Pattern pattern, String body) {
        Matcher matcher = pattern.matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }

    private static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
