package org.huisu.cli.source;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.huisu.cli.JsonOutput;
import org.huisu.cli.OutputFormat;
import org.huisu.cli.Session;
import org.huisu.cli.terminal.Sizes;
import org.huisu.cloud.BucketSettings;
import org.huisu.cloud.CloudInspection;
import org.huisu.cloud.KeySelection;
import org.huisu.cloud.ReadOnlyS3;
import org.huisu.cloud.S3Credentials;
import org.huisu.core.HuisuException;
import org.huisu.core.Timestamps;
import org.huisu.core.casefolder.Case;
import org.huisu.core.model.ExtractionError;
import org.huisu.core.model.Source;

/** {@code huisu source add CASE s3://bucket[/prefix] --endpoint URL}: remote inspection of a bucket. */
final class CloudSourceAdd {

    private final Session session;
    private final SourceAddCommand command;

    CloudSourceAdd(Session session, SourceAddCommand command) {
        this.session = session;
        this.command = command;
    }

    int run() {
        if (command.copy || command.threads != null || !command.hash.equals("sha256")) {
            throw HuisuException.usage(session.text("source.add.cloudNoFileOptions", command.locator));
        }
        if (command.connections < 1 || command.connections > 256) {
            throw HuisuException.usage(session.text("source.add.badConnections", command.connections));
        }
        URI endpoint = parseEndpoint();
        long maxBytes = command.maxBytes == null ? Long.MAX_VALUE : parseSize(command.maxBytes);
        KeySelection selection = new KeySelection(command.includes, command.excludes, maxBytes);
        var zone = command.parseZone();
        // the key comes from the environment only: never an option, never recorded
        S3Credentials credentials = S3Credentials.fromEnvironment(new EnvironmentView(session));
        Case c = session.openCase(command.caseFolder);
        String who = session.examiner(command.examiner);
        CloudInspection.Result r = new CloudInspection(c, session.progress(session.text("source.add.inspecting")))
                .run(new CloudInspection.Request(command.locator,
                        new ReadOnlyS3.Endpoint(endpoint, command.region, command.pathStyle, command.connections, 8),
                        credentials, command.label, selection, command.again, who, zone));
        Source s = r.source();
        session.outcome("inspected source " + s.id() + " '" + s.label() + "' (" + r.counts().entries() + " entries, "
                + s.bytes() + " bytes downloaded, " + s.errors() + " errors) with key id " + credentials.keyId()
                + ", manifest sha256 " + s.manifestSha256());
        if (command.format == OutputFormat.json) {
            printJson(c, r);
        } else {
            printText(c, r);
        }
        return 0;
    }

    /** The environment as a map, for the credentials (Session holds it). */
    private static final class EnvironmentView extends java.util.AbstractMap<String, String> {
        private final Session session;

        EnvironmentView(Session session) {
            this.session = session;
        }

        @Override
        public String get(Object key) {
            return session.env((String) key);
        }

        @Override
        public java.util.Set<Entry<String, String>> entrySet() {
            throw new UnsupportedOperationException();
        }
    }

    private URI parseEndpoint() {
        if (command.endpoint == null) {
            return null;
        }
        String text = command.endpoint.contains("://") ? command.endpoint : "https://" + command.endpoint;
        try {
            URI uri = new URI(text);
            if (uri.getHost() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new URISyntaxException(text, "no host");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw HuisuException.usage(session.text("source.add.badEndpoint", command.endpoint));
        }
    }

    /** 5000, 200k, 500m, 2g, 1t (binary units). */
    private long parseSize(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("i?b$", "");
        long unit = 1;
        if (!t.isEmpty() && "kmgt".indexOf(t.charAt(t.length() - 1)) >= 0) {
            unit = 1L << (10 * ("kmgt".indexOf(t.charAt(t.length() - 1)) + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            double n = Double.parseDouble(t);
            if (n < 0 || Double.isNaN(n)) {
                throw new NumberFormatException();
            }
            return (long) Math.min(Long.MAX_VALUE, n * unit);
        } catch (NumberFormatException e) {
            throw HuisuException.usage(session.text("source.add.badMaxBytes", text));
        }
    }

    private void printText(Case c, CloudInspection.Result r) {
        Source s = r.source();
        CloudInspection.Counts n = r.counts();
        double seconds = Math.max(r.elapsed().toMillis(), 1) / 1000.0;
        var out = session.out();
        Map<String, Object> at = s.attributes();
        out.println(session.text("source.add.inspected", s.label(), s.id(), s.locator(), at.get("endpoint")));
        out.println(session.text("source.add.listed", Sizes.count(n.entries()), Sizes.count(n.objects()),
                Sizes.count(n.olderVersions()), Sizes.count(n.deleteMarkers()), Sizes.count(n.placeholders()),
                Sizes.bytes(n.bytesListed())));
        out.println(session.text("source.add.fetched", Sizes.count(n.downloaded() + n.resumed()),
                Sizes.bytes(n.bytesDownloaded()), String.format("%.1f", seconds),
                Sizes.rate(n.bytesDownloaded() / seconds), Sizes.count(n.resumed()), Sizes.count(n.notDownloaded())));
        StringBuilder settings = new StringBuilder();
        for (Map.Entry<String, BucketSettings.Setting> e : r.settings().all().entrySet()) {
            settings.append(settings.length() == 0 ? "" : "; ").append(e.getKey()).append(' ')
                    .append(describe(e.getValue()));
        }
        out.println(session.text("source.add.settings", settings));
        StringBuilder requests = new StringBuilder();
        r.requests().forEach((method, count) -> requests.append(requests.length() == 0 ? "" : ", ").append(method)
                .append(' ').append(Sizes.count(count)));
        out.println(session.text("source.add.requests", requests, Sizes.count(r.retries())));
        out.println(session.text("source.add.manifest", s.manifestSha256(),
                c.folder().root().relativize(c.objects().path(s.manifestSha256()))));
        out.println(session.text("source.add.cloudCustody", at.get("keyId"), s.examiner(),
                Timestamps.forDisplay(Timestamps.format(s.acquired()))));
        if (!r.sameManifest().isEmpty()) {
            out.println(session.text("source.add.again", r.sameManifest().get(0).label()));
        }
        out.println(session.text("source.add.errors", Sizes.count(n.errors())));
        for (ExtractionError e : r.errors()) {
            out.println("  ! " + e.message());
        }
        if (n.errors() > r.errors().size()) {
            out.println(session.text("source.add.moreErrors", Sizes.count(n.errors() - r.errors().size())));
        }
    }

    private static String describe(BucketSettings.Setting s) {
        if (!"set".equals(s.state())) {
            return s.state();
        }
        if (s.value() == null) {
            return s.note() != null ? s.note() : "-";
        }
        String text = s.value() instanceof Map<?, ?> m && m.size() == 1 ? String.valueOf(m.values().iterator().next())
                : s.value() instanceof List<?> l ? l.size() + " rule" + (l.size() == 1 ? "" : "s")
                : String.valueOf(s.value());
        return text.length() > 60 ? text.substring(0, 59) + "…" : text;
    }

    private void printJson(Case c, CloudInspection.Result r) {
        CloudInspection.Counts n = r.counts();
        Map<String, Object> json = new LinkedHashMap<>(SourceListCommand.json(r.source()));
        json.put("objects", n.objects());
        json.put("olderVersions", n.olderVersions());
        json.put("deleteMarkers", n.deleteMarkers());
        json.put("folderPlaceholders", n.placeholders());
        json.put("downloaded", n.downloaded() + n.resumed());
        json.put("resumed", n.resumed());
        json.put("notDownloaded", n.notDownloaded());
        json.put("bytesListed", n.bytesListed());
        json.put("bucketSettings", r.settings().json());
        json.put("requests", r.requests());
        json.put("retries", r.retries());
        json.put("seconds", r.elapsed().toMillis() / 1000.0);
        json.put("manifestObject", c.folder().root().relativize(c.objects().path(r.source().manifestSha256())).toString());
        json.put("firstErrors", r.errors().stream().map(e -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("locator", e.locator());
            m.put("code", e.code());
            m.put("message", e.message());
            return m;
        }).toList());
        JsonOutput.print(session, json);
    }
}
