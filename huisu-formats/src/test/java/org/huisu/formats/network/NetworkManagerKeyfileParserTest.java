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

class NetworkManagerKeyfileParserTest {

    private final NetworkManagerKeyfileParser parser = new NetworkManagerKeyfileParser();

    @Test
    void aManualConnectionGivesItsAddressGatewayAndMac() {
        var results = parser.parse(text("office-lan.nmconnection"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "192.168.10.20", 24, "192.168.10.1",
                        AddressScope.LAN)),
                null, "networkmanager-keyfile: connection 'Office LAN' (ipv4 manual)"));
    }

    @Test
    void theOlderSemicolonFormAndASeparateGatewayAreRead() {
        var results = parser.parse("""
                [connection]
                id=eth0
                type=802-3-ethernet
                [ipv4]
                method=manual
                addresses1=192.168.10.21;24;192.168.10.1;
                address2=10.8.0.21/16
                gateway=192.168.10.254
                """);

        assertThat(values(results).get(0).addresses()).containsExactly(
                new InterfaceAddress(null, null, "192.168.10.21", 24, "192.168.10.1", AddressScope.LAN),
                new InterfaceAddress(null, null, "10.8.0.21", 16, "192.168.10.254", AddressScope.LAN));
    }

    @Test
    void aDhcpConnectionIsKeptWithoutAnAddress() {
        var results = parser.parse("[connection]\nid=Wired\ninterface-name=enp1s0\n[ethernet]\n"
                + "mac-address=3C:A9:F4:12:6B:E0\n[ipv4]\nmethod=auto\n");

        assertThat(values(results).get(0)).isEqualTo(new HostIdentity(null, List.of(),
                List.of(new InterfaceAddress("enp1s0", "3c:a9:f4:12:6b:e0", null, null, null, null)), null,
                "networkmanager-keyfile: connection 'Wired' (ipv4 auto)"));
    }

    @Test
    void aFileWithoutAConnectionSectionIsAnError() {
        assertThat(errors(parser.parse("[ipv4]\naddress1=10.0.0.1/8\n"))).containsExactly("no [connection] section");
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
        return TextVariants.of(List.of(text("office-lan.nmconnection")));
    }
}
