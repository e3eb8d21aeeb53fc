package org.huisu.formats.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.huisu.formats.network.Fixtures.errors;
import static org.huisu.formats.network.Fixtures.text;
import static org.huisu.formats.network.Fixtures.values;

import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class DhcpLeaseParsersTest {

    private final DnsmasqLeaseParser dnsmasq = new DnsmasqLeaseParser();
    private final IscDhcpLeaseParser isc = new IscDhcpLeaseParser();

    @Test
    void dnsmasqLeasesGiveAddressMacNameAndExpiry() {
        var results = dnsmasq.parse(text("dhcp.leases"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(
                new DhcpLease("192.168.10.20", "52:54:00:3a:91:0c", "img-server-01", null,
                        Instant.parse("2024-03-15T22:30:00Z"), "dnsmasq-leases: line 1", null),
                new DhcpLease("192.168.10.51", "ac:cc:8e:11:20:01", "cam01", null,
                        Instant.parse("2024-03-15T22:20:00Z"), "dnsmasq-leases: line 2", null),
                new DhcpLease("192.168.10.131", "a4:83:e7:2b:11:90", null, null,
                        Instant.parse("2024-03-15T21:30:00Z"), "dnsmasq-leases: line 3", null),
                new DhcpLease("192.168.10.2", "94:83:c4:1a:2b:40", "ap-lobby", null, null, "dnsmasq-leases: line 4",
                        null),
                new DhcpLease("fd3c:5a1e:8b2d::8f3", null, "img-server-01", null,
                        Instant.parse("2024-03-15T22:30:00Z"), "dnsmasq-leases: line 6", null));
    }

    @Test
    void aDnsmasqLineOutsideTheFormatIsAnError() {
        assertThat(errors(dnsmasq.parse("1710541800 52:54:00:3a:91:0c img-server-01\n")))
                .containsExactly("line 1: expected 'expiry mac address hostname client-id'");
    }

    @Test
    void iscLeasesKeepEveryVersionOfALeaseInFileOrder() {
        var results = isc.parse(text("dhcpd.leases"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(
                new DhcpLease("192.168.10.20", "52:54:00:3a:91:0c", "img-server-01",
                        Instant.parse("2024-03-13T18:02:11Z"), Instant.parse("2024-03-14T06:02:11Z"),
                        "isc-dhcp-leases: lease 192.168.10.20 (line 9)", "active"),
                new DhcpLease("192.168.10.131", "a4:83:e7:2b:11:90", "reception-pc",
                        Instant.parse("2024-03-14T01:15:40Z"), Instant.parse("2024-03-14T13:15:40Z"),
                        "isc-dhcp-leases: lease 192.168.10.131 (line 21)", "free"),
                new DhcpLease("192.168.10.20", "52:54:00:3a:91:0c", "img-server-01",
                        Instant.parse("2024-03-14T06:02:13Z"), null,
                        "isc-dhcp-leases: lease 192.168.10.20 (line 31)", "active"));
    }

    @Test
    void iscEpochTimesAreRead() {
        var results = isc.parse("lease 10.0.0.9 {\n  starts epoch 1710381600; # Thu Mar 14 10:00:00 2024\n"
                + "  ends epoch 1710424800;\n  hardware ethernet 52:54:00:3a:91:0c;\n}\n");

        assertThat(values(results)).containsExactly(new DhcpLease("10.0.0.9", "52:54:00:3a:91:0c", null,
                Instant.parse("2024-03-14T02:00:00Z"), Instant.parse("2024-03-14T14:00:00Z"),
                "isc-dhcp-leases: lease 10.0.0.9 (line 1)", null));
    }

    @Test
    void aClientLeaseGivesTheMachinesOwnAddressAndTheServerThatLeasedIt() {
        var results = isc.parse(text("dhclient.eno1.leases"));

        assertThat(errors(results)).isEmpty();
        assertThat(values(results)).containsExactly(new DhcpLease("192.168.10.20", null, "img-server-01", null,
                Instant.parse("2024-03-14T06:50:02Z"),
                "isc-dhcp-leases: client lease on eno1 from 192.168.10.1 (line 1)", null));
    }

    @Test
    void anUnclosedLeaseIsAnErrorAfterTheLeasesBeforeIt() {
        var results = isc.parse("lease 10.0.0.9 {\n  binding state active;\n}\nlease 10.0.0.10 {\n  starts 4");

        assertThat(values(results)).hasSize(1);
        assertThat(errors(results)).containsExactly("line 5: a block is not closed");
    }

    @Test
    void aLeaseIsIdentityEvidenceForItsClient() {
        DhcpLease lease = values(dnsmasq.parse(text("dhcp.leases"))).get(0);

        assertThat(lease.asIdentity()).isEqualTo(new HostIdentity("img-server-01", List.of("img-server-01"),
                List.of(new InterfaceAddress(null, "52:54:00:3a:91:0c", "192.168.10.20", null, null, AddressScope.LAN)),
                null, "dnsmasq-leases: line 1"));
    }

    @Test
    void eachLeaseFileIsToldFromItsPathAndContent() {
        assertThat(dnsmasq.acceptsPath("router/tmp/dhcp.leases")).isTrue();
        assertThat(isc.acceptsPath("/var/lib/dhcp/dhcpd.leases")).isTrue();
        assertThat(isc.acceptsPath("/var/lib/dhcp/dhclient.eno1.leases")).isTrue();
        assertThat(dnsmasq.recognizes(text("dhcp.leases"))).isTrue();
        assertThat(dnsmasq.recognizes(text("dhcpd.leases"))).isFalse();
        assertThat(isc.recognizes(text("dhcpd.leases"))).isTrue();
        assertThat(isc.recognizes(text("dhcp.leases"))).isFalse();
    }

    @Property
    void anyTextGivesDnsmasqLeasesOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            dnsmasq.parse(text);
            dnsmasq.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Property
    void anyTextGivesIscLeasesOrErrorsNeverAnException(@ForAll("texts") String text) {
        assertThatCode(() -> {
            isc.parse(text);
            isc.recognizes(text);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> texts() {
        return TextVariants.of(List.of(text("dhcp.leases"), text("dhcpd.leases"), text("dhclient.eno1.leases")));
    }
}
