package dev.contractkit.ncp.server.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.contractkit.ncp.server.store.KeySlot;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The codec owns the field names: every field a Lua script reads or writes on a key is one of {@link StoredJson.KeyJson}'s. */
class StoredJsonTest {
    private static final List<String> SCRIPTS = List.of("create", "list", "edit", "regenerate", "delete", "write-subscription", "put",
            "seed-if-new", "reset-tenant", "forget-tenant");
    private static final Pattern KEY_FIELD = Pattern.compile("\\bk\\.([A-Za-z]+)");

    @Test
    void everyKeyFieldTheScriptsUseIsAFieldOfTheCodec() throws IOException {
        Set<String> fields = Arrays.stream(StoredJson.KeyJson.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        int used = 0;
        for (String script : SCRIPTS) {
            Matcher matcher = KEY_FIELD.matcher(text(script));
            while (matcher.find()) {
                assertThat(fields).as("k.%s in %s.lua", matcher.group(1), script).contains(matcher.group(1));
                used++;
            }
        }
        assertThat(used).as("field uses found in the scripts").isGreaterThan(5);
    }

    @Test
    void theFieldARegenerationReplacesIsAFieldOfTheCodec() {
        Set<String> fields = Arrays.stream(StoredJson.KeyJson.class.getRecordComponents()).map(RecordComponent::getName)
                .collect(Collectors.toSet());
        for (KeySlot type : KeySlot.values()) {
            assertThat(fields).contains(StoredJson.valueField(type));
        }
        assertThat(StoredJson.valueField(KeySlot.PRIMARY)).isNotEqualTo(StoredJson.valueField(KeySlot.SECONDARY));
    }

    @Test
    void everyScriptLoads() {
        for (String script : SCRIPTS) {
            assertThat(LuaScript.load(script).sha1).hasSize(40);
        }
    }

    private static String text(String script) throws IOException {
        try (InputStream in = StoredJsonTest.class.getClassLoader().getResourceAsStream("redis/" + script + ".lua")) {
            assertThat(in).as(script).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
