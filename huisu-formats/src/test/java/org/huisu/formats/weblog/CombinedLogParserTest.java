package org.huisu.formats.weblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.huisu.formats.Parsed;
import org.huisu.formats.network.TextVariants;
import org.junit.jupiter.api.Test;

class CombinedLogParserTest {

    private final CombinedLogParser parser = new CombinedLogParser();

    private static List<String> lines() {
        try (InputStream in = CombinedLogParserTest.class.getResourceAsStream("access.log")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private WebRequest value(String line) {
        Parsed<WebRequest> p = parser.parse(line);
        assertThat(p).isInstanceOf(Parsed.Value.class);
        return ((Parsed.Value<WebRequest>) p).value();
    }

    private String error(String line) {
        Parsed<WebRequest> p = parser.parse(line);
        assertThat(p).isInstanceOf(Parsed.Error.class);
        return ((Parsed.Error<WebRequest>) p).message();
    }

    @Test
    void everyLineOfARealLogParsesWithZeroErrors() {
        assertThat(lines()).hasSize(9).allSatisfy(l -> assertThat(parser.parse(l)).isInstanceOf(Parsed.Value.class));
        assertThat(lines()).allMatch(parser::recognizes);
    }

    @Test
    void aCombinedLineGivesEveryField() {
        assertThat(value(lines().get(0))).isEqualTo(new WebRequest(Instant.parse("2024-03-15T02:12:01Z"),
                "192.0.2.10", null, "GET", "/api/faces/P000123/photo?size=small&t=1710468721",
                "/api/faces/P000123/photo", "size=small&t=1710468721", "HTTP/1.1", 200, 18734,
                "https://app.lakeview.example/visitor/P000123",
                "Mozilla/5.0 (Linux; Android 13; V2227A Build/TP1A.220624.014; wv) AppleWebKit/537.36"
                        + " (KHTML, like Gecko) Version/4.0 Chrome/116.0.0.0 Mobile Safari/537.36",
                List.of(), "GET /api/faces/P000123/photo?size=small&t=1710468721 HTTP/1.1"));
    }

    @Test
    void anNginxLineWithAnIpv6ClientAndAForwardedForFieldDecodesAChinesePath() {
        assertThat(value(lines().get(1))).isEqualTo(new WebRequest(Instant.parse("2024-03-15T02:15:44Z"),
                "2001:db8:4a::17", "sales01", "PUT", "/faces/2024/03/14/%E8%AE%BF%E5%AE%A2_0001.jpg",
                "/faces/2024/03/14/访客_0001.jpg", null, "HTTP/2.0", 201, 0, null, "okhttp/4.9.3",
                List.of("198.51.100.23"), "PUT /faces/2024/03/14/%E8%AE%BF%E5%AE%A2_0001.jpg HTTP/2.0"));
    }

    @Test
    void aTlsHandshakeSentToThePlainPortIsKeptAsLoggedWithoutMethodOrPath() {
        assertThat(value(lines().get(2))).isEqualTo(new WebRequest(Instant.parse("2024-03-14T19:02:11Z"),
                "203.0.113.50", null, null, null, null, null, null, 400, 157, null, null, List.of(),
                "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03\\xA8\\x1C"));
    }

    @Test
    void anEmptyOrDashRequestHasNoRequestLine() {
        assertThat(value(lines().get(3))).isEqualTo(new WebRequest(Instant.parse("2024-03-14T19:02:12Z"),
                "198.51.100.9", null, null, null, null, null, null, 400, 0, null, null, List.of(), null));
        assertThat(value(lines().get(4))).isEqualTo(new WebRequest(Instant.parse("2024-03-14T19:02:13Z"),
                "198.51.100.9", null, null, null, null, null, null, 408, 0, null, null, List.of(), null));
    }

    @Test
    void escapedQuotesInAFieldAreUnescaped() {
        assertThat(value(lines().get(5)).userAgent()).isEqualTo("Mozilla/5.0 \"compatible\"; zgrab/0.x");
    }

    @Test
    void anAbsoluteTargetGivesItsPathAndConnectGivesNone() {
        WebRequest proxy = value(lines().get(6));
        assertThat(proxy.target()).isEqualTo("http://example.com/index.php?a=1");
        assertThat(proxy.path()).isEqualTo("/index.php");
        assertThat(proxy.query()).isEqualTo("a=1");
        WebRequest connect = value(lines().get(7));
        assertThat(connect.method()).isEqualTo("CONNECT");
        assertThat(connect.target()).isEqualTo("www.example.com:443");
        assertThat(connect.path()).isNull();
    }

    @Test
    void unquotedAndQuotedFieldsAfterTheUserAgentAreExtra() {
        assertThat(value(lines().get(8)).extra()).containsExactly("-", "rt=0.043", "uct=\"0.000\"", "urt=\"0.042\"");
    }

    @Test
    void theCommonFormatHasNoRefererOrUserAgent() {
        assertThat(value("127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] \"GET /apache_pb.gif HTTP/1.0\" 200 2326"))
                .isEqualTo(new WebRequest(Instant.parse("2000-10-10T20:55:36Z"), "127.0.0.1", "frank", "GET",
                        "/apache_pb.gif", "/apache_pb.gif", null, "HTTP/1.0", 200, 2326, null, null, List.of(),
                        "GET /apache_pb.gif HTTP/1.0"));
    }

    @Test
    void aVirtualHostBeforeTheClientIsPassedOver() {
        WebRequest r = value("app.lakeview.example:443 192.0.2.10 - - [15/Mar/2024:10:12:01 +0800]"
                + " \"GET / HTTP/1.1\" 200 612 \"-\" \"curl/8.5.0\"");
        assertThat(r.remoteAddress()).isEqualTo("192.0.2.10");
        assertThat(r.userAgent()).isEqualTo("curl/8.5.0");
    }

    @Test
    void aMalformedPercentSequenceStaysAsWritten() {
        assertThat(value("192.0.2.10 - - [15/Mar/2024:10:12:01 +0800] \"GET /a%zz%E8%AE%BF%2 HTTP/1.1\" 404 0")
                .path()).isEqualTo("/a%zz访%2");
    }

    @Test
    void linesOutsideTheFormatAreErrorsThatSayWhy() {
        assertThat(error("192.0.2.10 - - 15/Mar/2024:10:12:01 \"GET / HTTP/1.1\" 200 1"))
                .isEqualTo("no [dd/MMM/yyyy:HH:mm:ss +hhmm] time after the host");
        assertThat(error("192.0.2.10 - - [15/Mar/2024:10:12:01 +0800] \"GET / HTTP/1.1\" OK 1"))
                .isEqualTo("the status 'OK' is not a number");
        assertThat(error("192.0.2.10 - - [15/Mar/2024:10:12:01 +0800] \"GET / HTTP/1.1 200 1"))
                .isEqualTo("the request's quote is not closed");
        assertThat(error("192.0.2.10 - - [15/Mar/2024:10:12:01 +0800] \"GET / HTTP/1.1\" 200 lots"))
                .isEqualTo("the byte count 'lots' is not a number");
        assertThat(parser.parse("")).isInstanceOf(Parsed.Skip.class);
    }

    @Test
    void otherLogFormatsAreNotRecognized() {
        assertThat(parser.recognizes("Mar 15 02:30:01 img-server-01 CRON[1234]: (facecap) CMD (true)")).isFalse();
        assertThat(parser.recognizes("[2024-03-15 02:30:05] uploaded /data/x -> oss://b/x")).isFalse();
    }

    @Property
    void anyLineGivesARequestOrAnErrorNeverAnException(@ForAll("logLines") String line) {
        assertThatCode(() -> {
            parser.parse(line);
            parser.recognizes(line);
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> logLines() {
        return TextVariants.of(lines());
    }
}
