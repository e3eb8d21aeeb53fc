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

class OpenWrtParsersTest {

    private final OpenWrtNetworkParser network = new OpenWrtNetworkParser();
    private final OpenWrtDhcpParser dhcp = new OpenWrtDhcpParser();
    private final OpenWrtSystemParser system = new OpenWrtSystemParser();

    private static final HostIdentity STATIC_ROUTER = new HostIdentity(null, List.of(), List.of(
            new InterfaceAddress("lan", "94:83:c4:1a:2b:3c", "192.168.10.1", 24, null, AddressScope.LAN),
            new InterfaceAddress("wan", null, "203.0.113.7", 29, "203.0.113.1", AddressScope.WAN)),
            HostIdentity.ROUTER, "openwrt-network: lan (br-lan, static), wan (wan, static)");

    @Test
    void aStaticWanGivesTheRoutersPublicAddressBesideItsLanAddress() {
        var results = network.parse(text("openwrt-network-static"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(STATIC_ROUTER);
    }

    @Test
    void uciShowOutputGivesTheSameIdentityAsTheConfigFile() {
        var results = network.parse(text("uci-show-network.txt"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(STATIC_ROUTER);
    }

    @Test
    void aPppoeWanHasNoAddressInTheConfigAndIsKeptWithItsMac() {
        var results = network.parse(text("openwrt-network-pppoe"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("lan", "94:83:c4:1a:2b:3c", "192.168.10.1", 24, null, AddressScope.LAN),
                new InterfaceAddress("wan", "94:83:c4:1a:2b:3d", null, null, null, null),
                new InterfaceAddress("wan6", null, null, null, null, null)),
                HostIdentity.ROUTER, "openwrt-network: lan (eth0.1, static), wan (eth0.2, pppoe), wan6 (@wan, dhcpv6)"));
    }

    @Test
    void staticLeasesAndLocalNamesAreOtherHostsLanAddresses() {
        var results = dhcp.parse(text("openwrt-dhcp"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(
                new HostIdentity(null, List.of("img-server-01"), List.of(
                        new InterfaceAddress(null, "52:54:00:3a:91:0c", "192.168.10.20", null, null, AddressScope.LAN)),
                        null, "openwrt-dhcp: config host 'img-server-01' (static lease)"),
                new HostIdentity(null, List.of("cam01"), List.of(
                        new InterfaceAddress(null, "ac:cc:8e:11:20:01", "192.168.10.51", null, null, AddressScope.LAN),
                        new InterfaceAddress(null, "ac:cc:8e:11:20:91", "192.168.10.51", null, null, AddressScope.LAN)),
                        null, "openwrt-dhcp: config host 'cam01' (static lease)"),
                new HostIdentity(null, List.of("nvr"), List.of(
                        new InterfaceAddress(null, null, "192.168.10.5", null, null, AddressScope.LAN)),
                        null, "openwrt-dhcp: config domain 'nvr' (local DNS name)"));
    }

    @Test
    void theSystemConfigNamesTheRouterAndItsZone() {
        var results = system.parse(text("openwrt-system"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity("lakeview-gw", List.of("lakeview-gw"), List.of(),
                HostIdentity.ROUTER, "openwrt-system: config system, option hostname"));
        assertThat(OpenWrtSystemParser.zoneName(text("openwrt-system"))).isEqualTo("Asia/Shanghai");
    }

    @Test
    void aBadAddressOrALineOutsideTheFormatIsAnError() {
        var results = network.parse("config interface 'lan'\n\toption proto 'static'\n\toption ipaddr '192.168.10.300'\n"
                + "\tinterface lan\n");

        assertThat(errors(results)).containsExactly(
                "line 4: expected 'config', 'option' or 'list', found 'interface'",
                "config interface 'lan': '192.168.10.300' is not an address");
    }

    @Test
    void eachFileIsToldFromItsPathAndContent() {
        assertThat(network.acceptsPath("router/etc/config/network")).isTrue();
        assertThat(dhcp.acceptsPath("router/etc/config/dhcp")).isTrue();
        assertThat(system.acceptsPath("router/etc/config/system")).isTrue();
        assertThat(network.recognizes(text("openwrt-network-pppoe"))).isTrue();
        assertThat(network.recognizes(text("uci-show-network.txt"))).isTrue();
        assertThat(network.recognizes(text("openwrt-dhcp"))).isFalse();
        assertThat(dhcp.recognizes(text("openwrt-dhcp"))).isTrue();
        assertThat(system.recognizes(text("openwrt-system"))).isTrue();
    }

    @Property
    void anyTextGivesTheRoutersInterfacesOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            network.parse(text);
            network.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyTextGivesStaticLeasesOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            dhcp.parse(text);
            dhcp.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyTextGivesAHostnameAndZoneOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            system.parse(text);
            system.recognizes(text);
            OpenWrtSystemParser.zoneName(text);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> texts() {
        return TextVariants.of(List.of(text("openwrt-network-static"), text("openwrt-network-pppoe"),
                text("uci-show-network.txt"), text("openwrt-dhcp"), text("openwrt-system")));
    }
}
