package dev.contractkit.ncp.server.store.redis;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A Lua script of {@code src/main/resources/redis/}, read once, with its SHA1 for {@code EVALSHA}. */
final class LuaScript {
    final String name;
    final String text;
    final String sha1;

    private LuaScript(String name, String text) {
        this.name = name;
        this.text = text;
        try {
            this.sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static LuaScript load(String name) {
        String resource = "redis/" + name + ".lua";
        try (InputStream in = LuaScript.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            return new LuaScript(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }

    /** {@code EVALSHA} (or {@code EVAL} with the text) of this script on these keys and arguments. */
    Request request(boolean bySha, String[] keys, String[] args) {
        Request request = Request.cmd(bySha ? Command.EVALSHA : Command.EVAL).arg(bySha ? sha1 : text).arg(keys.length);
        for (String key : keys) {
            request.arg(key);
        }
        for (String arg : args) {
            request.arg(arg);
        }
        return request;
    }
}
