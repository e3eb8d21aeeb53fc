package org.huisu.extract.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.huisu.core.model.Actor;
import org.huisu.core.model.ActorKind;
import org.huisu.core.model.SourceKind;
import org.huisu.core.testing.EvidenceTree;
import org.huisu.extract.filetype.FileTypeExtractor;
import org.huisu.extract.testing.Extraction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkIdentityExtractorTest {

    @TempDir
    Path tmp;

    private static String fixture(String name) throws IOException {
        try (InputStream in = NetworkIdentityExtractorTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * A seizure laid out unlike the sample case: a server's root under {@code rootfs/} configured by
     * netplan, whose hostname differs from its hosts file; a router's backup with PPPoE; a saved
     * {@code ip addr} among triage notes; an ISC lease file.
     */
    @Test
    void machinesAreNamedAsTheirOwnHostnameFilesNameThemAndKeepEveryAddressWithItsEvidence() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        t.file("rootfs/etc/hostname", "imgsrv-a\n");
        t.file("rootfs/etc/hosts", fixture("hosts"));
        t.file("rootfs/etc/netplan/01-office.yaml", fixture("01-office.yaml"));
        t.file("rootfs/var/lib/dhcp/dhcpd.leases", fixture("dhcpd.leases"));
        t.file("router-backup/etc/config/network", fixture("openwrt-network-pppoe"));
        t.file("router-backup/etc/config/system", "config system\n\toption hostname 'office-gw'\n");
        t.file("router-backup/tmp/dhcp.leases", fixture("dhcp.leases"));
        t.file("triage/ip-addr.txt", fixture("ip-addr.txt"));
        t.file("triage/notes.txt", "hello\n");

        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new NetworkIdentityExtractor())) {
            Map<String, Actor> hosts = hosts(x);

            Actor server = hosts.get("imgsrv-a");
            assertThat(server).as("actors: %s", hosts.keySet()).isNotNull();
            assertThat(server.addresses()).contains("52:54:00:3a:91:0c", "192.168.10.20", "2001:db8:10::20",
                    "52:54:00:77:10:02", "172.20.0.2");
            assertThat(server.attributes().get("names").toString()).contains("imgsrv-a", "img-server-01");
            assertThat(server.attributes().get("nameFrom")).isEqualTo("evidence:/rootfs/etc/hostname");
            long netplan = x.at("/rootfs/etc/netplan/01-office.yaml").id();
            assertThat(x.theCase().store().addressEvidence(server.id())).containsEntry("2001:db8:10::20", netplan);

            Actor router = hosts.get("office-gw");
            assertThat(router.attributes()).containsEntry("role", "router");
            assertThat(router.addresses()).contains("192.168.10.1", "94:83:c4:1a:2b:3c", "94:83:c4:1a:2b:3d");

            // the hosts file's other entries and the leases are other machines
            assertThat(hosts.get("nvr-01").addresses()).containsExactly("192.168.10.5");
            Actor reception = hosts.get("reception-pc");
            assertThat(reception.addresses()).contains("a4:83:e7:2b:11:90", "192.168.10.131");
            assertThat(reception.attributes().get("leases").toString()).contains("server=imgsrv-a")
                    .contains("starts=2024-03-14T01:15:40Z");
            // a dnsmasq lease without a name is the MAC's; served by the router
            Actor nameless = hosts.get("a4:83:e7:2b:11:90");
            assertThat(nameless.attributes().get("leases").toString()).contains("server=office-gw");
            assertThat(hosts.get("ap-lobby").addresses()).contains("192.168.10.2");

            // a saved ip addr away from any machine's tree is the source's machine
            assertThat(hosts.get("evidence").addresses()).contains("3c:a9:f4:12:6b:e0", "172.17.0.1");
            assertThat(hosts).doesNotContainKey("hello");

            assertThat(x.at("/router-backup/etc/config/network").attributes().get("network").toString())
                    .contains("format=openwrt-network", "office-gw");
            assertThat(x.errors()).isEmpty();

            // the PPPoE password in the router's config reaches no output
            x.theCase().close();
            for (Path p : Files.walk(x.theCase().folder().root()).filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1)).as(p.toString())
                        .doesNotContain("s secret");
            }
        }
    }

    @Test
    void aFileAtANetworkPathThatIsNotInItsFormatIsAnErrorWithItsExamples() throws Exception {
        EvidenceTree t = new EvidenceTree(tmp.resolve("seized"));
        t.file("etc/hostname", "two words\n");
        t.file("var/lib/misc/dnsmasq.leases", "1710541800 52:54:00:3a:91:0c 192.168.10.20 srv *\ngarbage here\n"
                + "more garbage\n");
        try (Extraction x = Extraction.of(t.root(), tmp, SourceKind.DIRECTORY, new FileTypeExtractor(),
                new NetworkIdentityExtractor())) {
            assertThat(hosts(x)).containsKey("srv");
            assertThat(x.errors()).anySatisfy(e -> {
                assertThat(e.locator()).isEqualTo("/var/lib/misc/dnsmasq.leases");
                assertThat(e.code()).isEqualTo("BAD_NETWORK_FILE");
                assertThat(e.occurrences()).isEqualTo(2);
                assertThat(e.examples()).hasSize(2).first().asString().contains("line 2");
            }).anySatisfy(e -> assertThat(e.locator()).isEqualTo("/etc/hostname"));
        }
    }

    private static Map<String, Actor> hosts(Extraction x) {
        Map<String, Actor> hosts = new java.util.TreeMap<>();
        for (Actor a : x.theCase().store().actors()) {
            if (a.kind() == ActorKind.HOST) {
                hosts.put(a.name(), a);
            }
        }
        return hosts;
    }
}
