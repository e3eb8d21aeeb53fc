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

class DebianInterfacesParserTest {

    private final DebianInterfacesParser parser = new DebianInterfacesParser();

    @Test
    void staticStanzasGiveAddressesWithPrefixGatewayAndTheInterfacesMac() {
        var results = parser.parse(text("interfaces"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new HostIdentity(null, List.of(), List.of(
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "192.168.10.20", 24, "192.168.10.1",
                        AddressScope.LAN),
                new InterfaceAddress("eno1", "52:54:00:3a:91:0c", "2001:db8:10::20", 64, "2001:db8:10::1",
                        AddressScope.WAN),
                new InterfaceAddress("enp3s0", "52:54:00:77:10:02", null, null, null, null)), null,
                "debian-interfaces: eno1 inet static (line 12), eno1 inet6 static (line 20),"
                        + " enp3s0 inet dhcp (line 26)"));
    }

    @Test
    void anAddressWrittenWithItsPrefixNeedsNoNetmask() {
        var results = parser.parse("auto eno1\niface eno1 inet static\n  address 192.168.10.20/24\n");

        assertThat(values(results).get(0).addresses()).containsExactly(
                new InterfaceAddress("eno1", null, "192.168.10.20", 24, null, AddressScope.LAN));
    }

    @Test
    void aStaticStanzaWithoutAnAddressIsAnError() {
        var results = parser.parse("iface eno1 inet static\n  gateway 192.168.10.1\n");

        assertThat(errors(results)).containsExactly("line 1: static interface eno1 has no address");
        assertThat(values(results)).isEmpty();
    }

    @Test
    void onlyTheLoopbackGivesNothing() {
        assertThat(parser.parse("auto lo\niface lo inet loopback\n")).isEmpty();
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
        return TextVariants.of(List.of(text("interfaces")));
    }
}
