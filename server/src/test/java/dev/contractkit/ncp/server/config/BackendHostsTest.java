package dev.contractkit.ncp.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where an API-made workspace's gateway may forward: by name at creation, by the resolved address at each call. */
class BackendHostsTest {
    private static BackendHosts of(String list) {
        return BackendHosts.of(Optional.of(list));
    }

    private static InetAddress ip(String literal) throws Exception {
        return InetAddress.getByName(literal);
    }

    @Test
    void byDefaultNoBackendIsAllowed() {
        BackendHosts none = BackendHosts.of(Optional.empty());
        assertThat(none.none()).isTrue();
        assertThatThrownBy(() -> none.checkName("https://api.example.com/v1")).hasMessageContaining("ncp.mock.gateway-backend-hosts")
                .hasMessageContaining("api.example.com");
    }

    @Test
    void namesWildcardsAddressesAndRangesOpenTheirHosts() {
        BackendHosts hosts = of("api.example.com, *.svc.example, 10.1.2.0/24, 192.0.2.7, [2001:db8::1]");
        for (String url : new String[] {"https://api.example.com", "http://a.svc.example:81/x", "http://b.c.svc.example", "http://10.1.2.200:9",
                "http://192.0.2.7", "http://[2001:db8::1]:8080/"}) {
            assertThatCode(() -> hosts.checkName(url)).as(url).doesNotThrowAnyException();
        }
        for (String url : new String[] {"https://evil.example.com", "http://svc.example", "http://10.1.3.1", "http://192.0.2.8", "http://localhost"}) {
            assertThatThrownBy(() -> hosts.checkName(url)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aWildcardNeverOpensTheMocksOwnNetworkWhenTheNameResolvesInward() throws Exception {
        BackendHosts hosts = of("*.svc.example, api.example.com");
        hosts.checkAddress("http://a.svc.example", ip("93.184.216.34"));
        for (String inward : new String[] {"127.0.0.1", "169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "0.0.0.0",
                "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1"}) {
            assertThatThrownBy(() -> hosts.checkAddress("http://a.svc.example", ip(inward))).as(inward)
                    .hasMessageContaining("mock's own network").hasMessageContaining("ncp.mock.gateway-backend-hosts");
        }
        // a name listed exactly is the operator's word for it, wherever it points
        hosts.checkAddress("http://api.example.com", ip("10.0.0.1"));
    }

    @Test
    void anInwardAddressPassesOnlyWhenItsAddressOrRangeIsListed() throws Exception {
        BackendHosts hosts = of("*.svc.example, 10.20.0.0/16");
        hosts.checkAddress("http://a.svc.example", ip("10.20.3.4"));
        assertThatThrownBy(() -> hosts.checkAddress("http://a.svc.example", ip("10.21.3.4"))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/33", "bad host!", "1.2.3.4/x"})
    void aWrongEntryStopsStartUpNamingIt(String entry) {
        assertThatThrownBy(() -> of(entry)).hasMessageContaining("ncp.mock.gateway-backend-hosts");
    }
}
