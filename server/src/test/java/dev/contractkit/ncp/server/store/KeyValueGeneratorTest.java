package dev.contractkit.ncp.server.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class KeyValueGeneratorTest {
    private final KeyValueGenerator generator = new KeyValueGenerator();

    @Test
    void idsAreTenLowerCaseLettersAndDigits() {
        for (int i = 0; i < 1000; i++) {
            assertThat(generator.apiKeyId()).matches("[a-z0-9]{10}");
        }
    }

    @Test
    void keyValuesAreFortyLettersAndDigitsAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            String value = generator.keyValue();
            assertThat(value).matches("[A-Za-z0-9]{40}");
            assertThat(seen.add(value)).isTrue();
        }
    }

    @Test
    void keyValuesUseTheWholeAlphabet() {
        Set<Character> used = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            generator.keyValue().chars().forEach(c -> used.add((char) c));
        }
        assertThat(used).hasSize(62);
    }

    @Test
    void aSeededGeneratorRepeatsItselfAndSeedsDiffer() {
        KeyValueGenerator first = KeyValueGenerator.seeded(42);
        KeyValueGenerator again = KeyValueGenerator.seeded(42);
        KeyValueGenerator other = KeyValueGenerator.seeded(43);
        for (int i = 0; i < 100; i++) {
            String id = first.apiKeyId();
            Assertions.assertThat(again.apiKeyId()).isEqualTo(id);
            String value = first.keyValue();
            Assertions.assertThat(again.keyValue()).isEqualTo(value).matches("[A-Za-z0-9]{40}");
            Assertions.assertThat(other.apiKeyId() + other.keyValue()).isNotEqualTo(id + value);
        }
    }
}
