package org.huisu.scenario.router;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.LocalDateTime;
import org.huisu.scenario.Layout;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.cloud.Traffic;
import org.huisu.scenario.server.ImageServerWriter;
import org.huisu.scenario.world.Camera;
import org.huisu.scenario.world.World;

/**
 * The sales office's OpenWrt router as its configuration was copied: the WAN address the office
 * reaches the internet from, the LAN, and the DHCP leases that tie addresses to machines.
 */
public final class RouterWriter {

    public static final String HOSTNAME = "lakeview-gw";
    public static final String LAN_ADDRESS = "192.168.10.1";

    private final World world;
    private final Layout layout;

    public RouterWriter(World world, Layout layout) {
        this.world = world;
        this.layout = layout;
    }

    public void write() throws IOException {
        LocalDateTime configured = world.scenario().firstDay().minusDays(60).atTime(14, 20, 11);
        text("etc/config/system", """
                config system
                \toption hostname '%s'
                \toption timezone 'CST-8'
                \toption zonename 'Asia/Shanghai'
                """.formatted(HOSTNAME), configured);
        text("etc/config/network", """
                config interface 'loopback'
                \toption device 'lo'
                \toption proto 'static'
                \toption ipaddr '127.0.0.1'
                \toption netmask '255.0.0.0'

                config device
                \toption name 'br-lan'
                \toption type 'bridge'
                \tlist ports 'lan1'
                \tlist ports 'lan2'
                \tlist ports 'lan3'

                config interface 'lan'
                \toption device 'br-lan'
                \toption proto 'static'
                \toption ipaddr '%s'
                \toption netmask '255.255.255.0'

                config interface 'wan'
                \toption device 'wan'
                \toption proto 'static'
                \toption ipaddr '%s'
                \toption netmask '255.255.255.248'
                \toption gateway '203.0.113.1'
                \tlist dns '223.5.5.5'
                """.formatted(LAN_ADDRESS, Traffic.OFFICE_WAN), configured);
        StringBuilder dhcp = new StringBuilder("""
                config dnsmasq
                \toption domain 'lakeview.local'
                \toption local '/lakeview.local/'

                config dhcp 'lan'
                \toption interface 'lan'
                \toption start '100'
                \toption limit '150'
                \toption leasetime '12h'

                config host
                \toption name '%s'
                \toption mac '%s'
                \toption ip '%s'
                """.formatted(ImageServerWriter.HOSTNAME, ImageServerWriter.MAC, ImageServerWriter.LAN_ADDRESS));
        for (Camera c : world.cameras()) {
            dhcp.append("\nconfig host\n\toption name '").append(c.id()).append("'\n\toption mac '").append(c.mac())
                    .append("'\n\toption ip '").append(c.address()).append("'\n");
        }
        text("etc/config/dhcp", dhcp.toString(), configured.plusDays(15));
        LocalDateTime seizure = world.scenario().lastDay().atTime(18, 30);
        long expiry = seizure.plusHours(12).atZone(Scenario.OFFICE_ZONE).toEpochSecond();
        StringBuilder leases = new StringBuilder();
        leases.append(expiry).append(' ').append(ImageServerWriter.MAC).append(' ').append(ImageServerWriter.LAN_ADDRESS)
                .append(' ').append(ImageServerWriter.HOSTNAME).append(" 01:").append(ImageServerWriter.MAC).append('\n');
        for (Camera c : world.cameras()) {
            leases.append(expiry - 600).append(' ').append(c.mac()).append(' ').append(c.address()).append(' ')
                    .append(c.id()).append(" *\n");
        }
        leases.append(expiry - 3600).append(" a4:83:e7:2b:11:90 192.168.10.131 reception-pc *\n");
        text("tmp/dhcp.leases", leases.toString(), seizure);
    }

    private void text(String relative, String content, LocalDateTime modified) throws IOException {
        Path p = layout.router().resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(p, FileTime.from(modified.atZone(Scenario.OFFICE_ZONE).toInstant()));
    }
}
