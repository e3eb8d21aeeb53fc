package org.huisu.formats.syslog;

import java.time.Instant;

/**
 * One syslog message, whichever of its line formats carried it. What the line does not say is
 * null: a BSD line without {@code <PRI>} has no facility or severity; OpenWrt's {@code logread}
 * has no host.
 *
 * @param time           when the message was logged
 * @param host           the host that logged it
 * @param program        the tag or APP-NAME ({@code CRON}, {@code sshd}, {@code dnsmasq-dhcp})
 * @param pid            the process id in the tag's brackets or the PROCID
 * @param facility       0 (kern) to 23 (local7)
 * @param severity       0 (emerg) to 7 (debug)
 * @param message        the text after the tag
 * @param messageId      RFC 5424's MSGID
 * @param structuredData RFC 5424's structured data as written ({@code [exampleSDID@32473 iut="3"]})
 */
public record SyslogEntry(Instant time, String host, String program, String pid, Integer facility, Integer severity,
        String message, String messageId, String structuredData) {
}
