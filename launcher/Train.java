import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The training workload of ./ncp-mock: every API call, valid and refused, many times, so that the JDK's
 * AOT cache (JDK 25+) or CDS archive (JDK 17) holds what a real session loads and, for the AOT cache, the
 * profiles of the hot path. Run by the launcher with the same JDK: java launcher/Train.java URL ACCESS SECRET
 * SESSIONS (each session about 50 calls)
 */
public class Train {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String accessKey = args[1];
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(args[2].getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        int rounds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        // sessions run eight at a time (fewer when fewer are asked: the build's quick training runs two)
        for (int round = 0; round < rounds; round += 8) {
            CompletableFuture<?>[] batch = new CompletableFuture<?>[Math.min(8, rounds - round)];
            for (int i = 0; i < batch.length; i++) {
                batch[i] = CompletableFuture.runAsync(() -> {
                    try {
                        session(http, mac, base, accessKey, unexpected);
                    } catch (Exception e) {
                        unexpected.add(e.toString());
                    }
                });
            }
            CompletableFuture.allOf(batch).join();
        }
        if (!unexpected.isEmpty()) {
            System.err.println("training: " + unexpected.size() + " unexpected answers, first: " + unexpected.peek());
            System.exit(1);
        }
    }

    private static void session(HttpClient http, Mac mac, String base, String accessKey, ConcurrentLinkedQueue<String> unexpected) throws Exception {
        String created = call(http, mac, base, accessKey, "POST", "/api/v1/api-keys", "{\"apiKeyName\":\"training\"}", 201, unexpected);
        String id = created.replaceAll(".*\"apiKeyId\":\"([a-z0-9]{10})\".*", "$1");
        for (int i = 0; i < 20; i++) {
            call(http, mac, base, accessKey, "PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"" + (i % 2 == 0 ? "PRIMARY" : "SECONDARY") + "\"}", 200, unexpected);
            call(http, mac, base, accessKey, "GET", "/api/v1/api-keys/" + id, null, 200, unexpected);
        }
        call(http, mac, base, accessKey, "GET", "/api/v1/api-keys?offset=0&limit=10&apiKeyName=train", null, 200, unexpected);
        call(http, mac, base, accessKey, "PUT", "/api/v1/api-keys/" + id, "{\"apiKeyName\":\"trained\",\"isEnabled\":false}", 200, unexpected);
        call(http, mac, base, accessKey, "PATCH", "/api/v1/api-keys/" + id, "{\"keyType\":\"NOPE\"}", 400, unexpected);
        call(http, mac, base, accessKey, "GET", "/api/v1/api-keys/zzzzzzzzzz", null, 404, unexpected);
        call(http, mac, base, "UNKNOWNACCESSKEY0001", "GET", "/api/v1/api-keys", null, 401, unexpected);
        call(http, mac, base, accessKey, "DELETE", "/api/v1/api-keys/" + id, null, 204, unexpected);
    }

    private static String call(HttpClient http, Mac prototype, String base, String accessKey, String method, String path, String body,
            int expected, ConcurrentLinkedQueue<String> unexpected) throws Exception {
        String timestamp = Long.toString(System.currentTimeMillis());
        Mac mac = (Mac) prototype.clone();
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((method + " " + path + "\n" + timestamp + "\n" + accessKey).getBytes(StandardCharsets.UTF_8)));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("x-ncp-apigw-timestamp", timestamp)
                .header("x-ncp-iam-access-key", accessKey)
                .header("x-ncp-apigw-signature-v2", signature)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != expected) {
            unexpected.add(method + " " + path + " -> " + answer.statusCode() + " " + answer.body());
        }
        return answer.body();
    }
}
