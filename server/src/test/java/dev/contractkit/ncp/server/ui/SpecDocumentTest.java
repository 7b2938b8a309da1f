package dev.contractkit.ncp.server.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SpecDocumentTest {

    @Test
    void putsTheMockFirstWithTheListsOwnIndentationAndKeepsEverythingElse() {
        String written = "openapi: 3.0.3\n# the hosts\nservers:\n    # NCP first\n    - url: https://ncp.example/api/v1\n      description: NCP\npaths: {}\n";
        SpecDocument spec = SpecDocument.of(written);
        assertThat(spec.yaml()).isEqualTo("openapi: 3.0.3\n# the hosts\nservers:\n    # NCP first\n"
                + "    - url: /api/v1\n      description: This mock, where this page is served from (the default of Try it out)\n"
                + "    - url: https://ncp.example/api/v1\n      description: NCP\npaths: {}\n");
        assertThat(spec.json()).contains("\"url\" : \"/api/v1\"").contains("\"url\" : \"https://ncp.example/api/v1\"");
        assertThat(spec.json().indexOf("/api/v1\"")).isLessThan(spec.json().indexOf("ncp.example"));
    }

    @Test
    void ignoresAServersKeyThatIsNotTopLevel() {
        String written = "paths:\n  /x:\n    servers:\n      - url: https://op.example\nservers:\n  - url: https://ncp.example\n";
        assertThat(SpecDocument.of(written).yaml())
                .contains("    servers:\n      - url: https://op.example\nservers:\n  - url: /api/v1\n");
    }

    @Test
    void refusesASpecWithoutServers() {
        assertThatThrownBy(() -> SpecDocument.of("openapi: 3.0.3\npaths: {}\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("servers");
    }
}
