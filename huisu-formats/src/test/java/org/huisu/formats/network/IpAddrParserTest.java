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

class IpAddrParserTest {

    private final IpAddrParser parser = new IpAddrParser();

    @Test
    void everyInterfaceButLoopbackIsKeptWithItsMacAndTheRouteGivesTheGateway() {
        var results = parser.parse(text("ip-addr.txt"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "192.168.10.20", 24, "192.168.10.1",
                        AddressScope.LAN),
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "fe80::5054:ff:fe3a:910c", 64, null,
                        AddressScope.LAN),
                new InterfaceAddress("wlp2s0", "3c:a9:f4:12:6b:e0", null, null, null, null),
                new InterfaceAddress("docker0", "02:42:8f:1c:3e:5a", "172.17.0.1", 16, null, AddressScope.LAN),
                new InterfaceAddress("docker0", "02:42:8f:1c:3e:5a", "fe80::42:8fff:fe1c:3e5a", 64, null,
                        AddressScope.LAN),
                new InterfaceAddress("veth3a1f2b9", "6e:1d:50:c4:2a:07", null, null, null, null)),
                null, "ip-addr: interfaces eno1, wlp2s0, docker0, veth3a1f2b9"));
    }

    @Test
    void theOneLineFormIsRead() {
        var results = parser.parse("""
                1: lo    inet 127.0.0.1/8 scope host lo\\       valid_lft forever preferred_lft forever
                2: eno1    inet 192.168.10.20/24 brd 192.168.10.255 scope global eno1\\       valid_lft forever preferred_lft forever
                3: ppp0    inet 100.72.14.9 peer 100.72.0.1/32 scope global ppp0\\       valid_lft forever preferred_lft forever
                """);

        assertThat(errors(results)).isEmpty();
        assertThat(values(results).get(0).addresses()).containsExactly(
                new InterfaceAddress("eno1", null, "192.168.10.20", 24, null, AddressScope.LAN),
                new InterfaceAddress("ppp0", null, "100.72.14.9", null, null, AddressScope.CARRIER));
    }

    @Test
    void theBriefFormIsRead() {
        var results = parser.parse("""
                lo               UNKNOWN        127.0.0.1/8 ::1/128
                eno1             UP             192.168.10.20/24 fe80::5054:ff:fe3a:910c/64
                """);

        assertThat(values(results).get(0).addresses()).containsExactly(
                new InterfaceAddress("eno1", null, "192.168.10.20", 24, null, AddressScope.LAN),
                new InterfaceAddress("eno1", null, "fe80::5054:ff:fe3a:910c", 64, null, AddressScope.LAN));
    }

    @Test
    void textWithoutInterfacesIsAnError() {
        assertThat(errors(parser.parse("Command 'ip' not found\n")))
                .containsExactly("no interface found: expected the output of 'ip addr'");
    }

    @Test
    void theFormatIsToldFromContent() {
        assertThat(parser.recognizes(text("ip-addr.txt"))).isTrue();
        assertThat(parser.recognizes(text("ifconfig-net-tools.txt"))).isFalse();
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
        return TextVariants.of(List.of(text("ip-addr.txt")));
    }
}
