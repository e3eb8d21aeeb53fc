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

class IfconfigParserTest {

    private final IfconfigParser parser = new IfconfigParser();

    @Test
    void linuxNetToolsOutputGivesAddressesAndMacs() {
        var results = parser.parse(text("ifconfig-net-tools.txt"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("docker0", "02:42:8f:1c:3e:5a", "172.17.0.1", 16, null, AddressScope.LAN),
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "192.168.10.20", 24, null, AddressScope.LAN),
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "fe80::5054:ff:fe3a:910c", 64, null,
                        AddressScope.LAN)),
                null, "ifconfig: interfaces docker0, eno1"));
    }

    @Test
    void busyboxOutputOfARouterGivesLanAndCarrierAddresses() {
        var results = parser.parse(text("ifconfig-busybox.txt"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("br-lan", "94:83:c4:1a:2b:3c", "192.168.10.1", 24, null, AddressScope.LAN),
                new InterfaceAddress("br-lan", "94:83:c4:1a:2b:3c", "fd3c:5a1e:8b2d::1", 60, null, AddressScope.LAN),
                new InterfaceAddress("br-lan", "94:83:c4:1a:2b:3c", "fe80::9683:c4ff:fe1a:2b3c", 64, null,
                        AddressScope.LAN),
                new InterfaceAddress("pppoe-wan", null, "100.72.14.9", 32, null, AddressScope.CARRIER),
                new InterfaceAddress("wan", "94:83:c4:1a:2b:3d", null, null, null, null)),
                null, "ifconfig: interfaces br-lan, pppoe-wan, wan"));
    }

    @Test
    void macOsOutputWithHexNetmasksAndZonedIpv6IsRead() {
        var results = parser.parse(text("ifconfig-macos.txt"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("en0", "3c:22:fb:0a:7d:41", "fe80::1c8e:2a4b:6f3d:9e12", 64, null,
                        AddressScope.LAN),
                new InterfaceAddress("en0", "3c:22:fb:0a:7d:41", "192.168.10.131", 24, null, AddressScope.LAN)),
                null, "ifconfig: interfaces en0"));
    }

    @Test
    void theFormatIsToldFromContent() {
        assertThat(parser.recognizes(text("ifconfig-busybox.txt"))).isTrue();
        assertThat(parser.recognizes(text("ifconfig-macos.txt"))).isTrue();
        assertThat(parser.recognizes(text("ip-addr.txt"))).isFalse();
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
        return TextVariants.of(List.of(text("ifconfig-net-tools.txt"), text("ifconfig-busybox.txt"),
                text("ifconfig-macos.txt")));
    }
}
