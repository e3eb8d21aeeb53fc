package org.huisu.formats.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressScopeTest {

    @Test
    void privateRangesOfRfc1918AreLan() {
        assertThat(AddressScope.of("10.0.0.1")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("10.255.255.254")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("172.16.0.1")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("172.31.255.254")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("192.168.10.20")).isEqualTo(AddressScope.LAN);
    }

    @Test
    void theNeighboursOfThePrivateRangesAreWan() {
        assertThat(AddressScope.of("172.15.255.255")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("172.32.0.1")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("192.169.0.1")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("11.0.0.1")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("100.63.255.255")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("100.128.0.0")).isEqualTo(AddressScope.WAN);
    }

    @Test
    void carrierGradeNatSpaceIsCarrier() {
        assertThat(AddressScope.of("100.64.0.1")).isEqualTo(AddressScope.CARRIER);
        assertThat(AddressScope.of("100.72.14.9")).isEqualTo(AddressScope.CARRIER);
        assertThat(AddressScope.of("100.127.255.254")).isEqualTo(AddressScope.CARRIER);
    }

    @Test
    void linkLocalAndUniqueLocalAreLan() {
        assertThat(AddressScope.of("169.254.12.7")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("fe80::5054:ff:fe3a:910c")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("febf::1")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("fd3c:5a1e:8b2d::1")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("fc00::1")).isEqualTo(AddressScope.LAN);
    }

    @Test
    void documentationRangesCountAsPublic() {
        assertThat(AddressScope.of("192.0.2.10")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("198.51.100.23")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("203.0.113.7")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("2001:db8::7")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("2400:3200::1")).isEqualTo(AddressScope.WAN);
    }

    @Test
    void loopbackIsLoopback() {
        assertThat(AddressScope.of("127.0.0.1")).isEqualTo(AddressScope.LOOPBACK);
        assertThat(AddressScope.of("127.0.1.1")).isEqualTo(AddressScope.LOOPBACK);
        assertThat(AddressScope.of("::1")).isEqualTo(AddressScope.LOOPBACK);
    }

    @Test
    void unspecifiedMulticastAndBroadcastAreOther() {
        assertThat(AddressScope.of("0.0.0.0")).isEqualTo(AddressScope.OTHER);
        assertThat(AddressScope.of("224.0.0.251")).isEqualTo(AddressScope.OTHER);
        assertThat(AddressScope.of("255.255.255.255")).isEqualTo(AddressScope.OTHER);
        assertThat(AddressScope.of("::")).isEqualTo(AddressScope.OTHER);
        assertThat(AddressScope.of("ff02::1")).isEqualTo(AddressScope.OTHER);
    }

    @Test
    void anIpv4AddressInsideIpv6IsJudgedByItsIpv4Part() {
        assertThat(AddressScope.of("::ffff:192.168.10.20")).isEqualTo(AddressScope.LAN);
        assertThat(AddressScope.of("::ffff:203.0.113.7")).isEqualTo(AddressScope.WAN);
        assertThat(AddressScope.of("64:ff9b::203.0.113.7")).isEqualTo(AddressScope.WAN);
    }

    @Test
    void somethingThatIsNotAnAddressHasNoScope() {
        assertThat(AddressScope.of("img-server-01")).isNull();
        assertThat(AddressScope.of("192.168.10")).isNull();
        assertThat(AddressScope.of("192.168.10.256")).isNull();
        assertThat(AddressScope.of("1::2::3")).isNull();
        assertThat(AddressScope.of("")).isNull();
    }

    @Test
    void addressesHaveOneCanonicalSpelling() {
        assertThat(IpAddress.canonical("2001:0DB8:0000:0000:0000:0000:0000:0007")).isEqualTo("2001:db8::7");
        assertThat(IpAddress.canonical("2001:db8:0:0:1:0:0:1")).isEqualTo("2001:db8::1:0:0:1");
        assertThat(IpAddress.canonical("fe80::1%eno1")).isEqualTo("fe80::1");
        assertThat(IpAddress.canonical("[2001:db8::7]")).isEqualTo("2001:db8::7");
        assertThat(IpAddress.canonical("::ffff:c0a8:0a14")).isEqualTo("::ffff:192.168.10.20");
        assertThat(IpAddress.canonical("192.168.010.020")).isEqualTo("192.168.10.20");
        assertThat(IpAddress.canonical("::")).isEqualTo("::");
        assertThat(IpAddress.canonical("1:2:3:4:5:6:7:8")).isEqualTo("1:2:3:4:5:6:7:8");
    }

    @Test
    void netmasksBecomePrefixLengths() {
        assertThat(IpAddress.prefixOfNetmask("255.255.255.0")).isEqualTo(24);
        assertThat(IpAddress.prefixOfNetmask("255.255.255.248")).isEqualTo(29);
        assertThat(IpAddress.prefixOfNetmask("255.255.255.255")).isEqualTo(32);
        assertThat(IpAddress.prefixOfNetmask("0.0.0.0")).isEqualTo(0);
        assertThat(IpAddress.prefixOfNetmask("0xffffff00")).isEqualTo(24);
        assertThat(IpAddress.prefixOfNetmask("64")).isEqualTo(64);
        assertThat(IpAddress.prefixOfNetmask("255.0.255.0")).isNull();
    }

    @Test
    void macAddressesHaveOneSpelling() {
        assertThat(MacAddress.canonical("52:54:00:3A:91:0C")).isEqualTo("52:54:00:3a:91:0c");
        assertThat(MacAddress.canonical("52-54-00-3a-91-0c")).isEqualTo("52:54:00:3a:91:0c");
        assertThat(MacAddress.canonical("5254.003a.910c")).isEqualTo("52:54:00:3a:91:0c");
        assertThat(MacAddress.canonical("5254003a910c")).isEqualTo("52:54:00:3a:91:0c");
        assertThat(MacAddress.canonical("2:42:ac:11:0:2")).isEqualTo("02:42:ac:11:00:02");
        assertThat(MacAddress.canonical("52:54:00:3a:91")).isNull();
        assertThat(MacAddress.canonical("52:54:00:3a:91:0c:ff")).isNull();
    }
}
