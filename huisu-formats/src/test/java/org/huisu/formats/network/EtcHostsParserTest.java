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

class EtcHostsParserTest {

    private final EtcHostsParser hosts = new EtcHostsParser();
    private final EtcHostnameParser hostname = new EtcHostnameParser();

    @Test
    void theHostnameFileNamesTheMachine() {
        var results = hostname.parse(text("hostname"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(
                new HostIdentity("img-server-01", List.of("img-server-01"), List.of(), null, "etc-hostname"));
    }

    @Test
    void aHostnameFileWithTwoWordsIsAnError() {
        assertThat(errors(hostname.parse("img server\n"))).containsExactly(
                "expected one host name, found 2 words: img server");
    }

    @Test
    void theMachinesOwnNamesAndLanAddressComeFromTheLoopbackLineAndTheLineSharingItsName() {
        var results = hosts.parse(text("hosts"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results).get(0)).isEqualTo(new HostIdentity("img-server-01",
                List.of("img-server-01", "img-server-01.lakeview.local"),
                List.of(new InterfaceAddress(null, null, "192.168.10.20", null, null, AddressScope.LAN)), null,
                "etc-hosts: lines 2, 3"));
    }

    @Test
    void otherAddressLinesAreOtherHostsAndLoopbackAndMulticastNamesAreLeftOut() {
        var results = hosts.parse(text("hosts"));

        assertThat(values(results)).hasSize(3);
        assertThat(values(results).subList(1, 3)).containsExactly(
                new HostIdentity(null, List.of("nvr-01.lakeview.local", "nvr-01"),
                        List.of(new InterfaceAddress(null, null, "192.168.10.5", null, null, AddressScope.LAN)), null,
                        "etc-hosts: line 5"),
                new HostIdentity(null, List.of("lakeview-gw"),
                        List.of(new InterfaceAddress(null, null, "192.168.10.1", null, null, AddressScope.LAN)), null,
                        "etc-hosts: line 6"));
    }

    @Test
    void aLineThatDoesNotStartWithAnAddressIsAnError() {
        var results = hosts.parse("192.168.10.20 img-server-01\nimg-server-01 192.168.10.20\n10.0.0.9\n");

        assertThat(errors(results)).containsExactly("line 2: 'img-server-01' is not an IP address",
                "line 3: address 10.0.0.9 has no name");
        assertThat(values(results)).hasSize(1);
    }

    @Test
    void theFormatIsToldFromPathAndContent() {
        assertThat(hosts.acceptsPath("/evidence/img-server-01/etc/hosts")).isTrue();
        assertThat(hosts.recognizes(text("hosts"))).isTrue();
        assertThat(hosts.recognizes(text("interfaces"))).isFalse();
        assertThat(hostname.recognizes(text("hostname"))).isTrue();
        assertThat(hostname.recognizes(text("hosts"))).isFalse();
    }

    @Property
    void anyTextGivesHostsOrErrorsNeverAnException(@ForAll("hostsTexts") String text) {
        assertThatCode(() -> {
            hosts.parse(text);
            hosts.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyTextGivesAHostnameOrAnErrorNeverAnException(@ForAll("hostsTexts") String text) {
        assertThatCode(() -> {
            hostname.parse(text);
            hostname.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> hostsTexts() {
        return TextVariants.of(List.of(text("hosts"), text("hostname")));
    }
}
