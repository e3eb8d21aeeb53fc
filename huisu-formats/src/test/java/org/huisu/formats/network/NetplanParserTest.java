package org.huisu.formats.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.huisu.formats.network.Fixtures.errors;
import static org.huisu.formats.network.Fixtures.text;
import static org.huisu.formats.network.Fixtures.values;

import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class NetplanParserTest {

    private final NetplanParser parser = new NetplanParser();

    @Test
    void twoNicsGiveTheirAddressesGatewaysAndMacs() {
        var results = parser.parse(text("01-office.yaml"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "192.168.10.20", 24, "192.168.10.1",
                        AddressScope.LAN),
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "2001:db8:10::20", 64, null, AddressScope.WAN),
                new InterfaceAddress("enp3s0", "52:54:00:77:10:02", "172.20.0.2", 16, "172.20.0.1",
                        AddressScope.LAN)),
                null, "netplan: ethernets eno1, enp3s0"));
    }

    @Test
    void anInterfaceOnDhcpOnlyIsKeptWithoutAnAddress() {
        var results = parser.parse("""
                network:
                  version: 2
                  ethernets:
                    enp1s0:
                      dhcp4: true
                  wifis:
                    wlp2s0:
                      dhcp4: yes
                      access-points:
                        "Lakeview-Office": {password: "x"}
                """);

        assertThat(errors(results)).isEmpty();
        assertThat(values(results).get(0).addresses()).containsExactly(
                new InterfaceAddress("enp1s0", null, null, null, null, null),
                new InterfaceAddress("wlp2s0", null, null, null, null, null));
    }

    @Test
    void yamlOutsideTheSubsetIsAnErrorWithItsLine() {
        var results = parser.parse("network:\n  ethernets:\n    eno1:\n      addresses: [10.0.0.1/8\n");

        assertThat(errors(results)).containsExactly("not netplan YAML: line 4: a flow collection is not closed");
    }

    @Test
    void aYamlFileThatIsNotNetplanIsAnError() {
        assertThat(errors(parser.parse("capture_root: /data/capture\ncameras:\n  - id: cam01\n")))
                .containsExactly("expected a 'network:' mapping at the top");
    }

    @Test
    void aBadAddressIsAnErrorAndTheRestIsKept() {
        var results = parser.parse("network:\n  ethernets:\n    eno1:\n      addresses: [192.168.10.20/24, dhcp]\n");

        assertThat(errors(results)).containsExactly("ethernets.eno1.addresses: 'dhcp' is not an address");
        assertThat(values(results).get(0).addresses()).hasSize(1);
    }

    @Test
    void theFormatIsToldFromPathAndContent() {
        assertThat(parser.acceptsPath("/etc/netplan/01-office.yaml")).isTrue();
        assertThat(parser.acceptsPath("/opt/facecap/conf/facecap.yaml")).isFalse();
        assertThat(parser.recognizes(text("01-office.yaml"))).isTrue();
        assertThat(parser.recognizes("capture_root: /data/capture\n")).isFalse();
    }

    @Property
    void anyTextGivesIdentitiesOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            parser.parse(text);
            parser.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> texts() {
        return TextVariants.of(List.of(text("01-office.yaml")));
    }
}
