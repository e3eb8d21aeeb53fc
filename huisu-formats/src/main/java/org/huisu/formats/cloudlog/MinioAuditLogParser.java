package org.huisu.formats.cloudlog;

import org.huisu.formats.Times;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.huisu.formats.LineParser;
import org.huisu.formats.Parsed;

/**
 * MinIO audit log: one JSON object per request, as MinIO posts it to an audit webhook; a file of
 * them is JSON lines, and a single entry may also come pretty-printed, which {@link #parse} takes
 * whole. Only the members the record needs are read; the rest are skipped without being built.
 */
final class MinioAuditLogParser implements LineParser<ObjectAccess> {

    static final String NAME = "minio-audit-log";

    private static final String NOT_MINIO = "not a MinIO audit log entry";

    @Override
    public String name() {
        return NAME;
    }

    /**
     * True for text that opens a JSON object naming {@code time} and {@code api} and no
     * {@code level} (which MinIO's server log entries have): cheap, and true also for the first
     * lines of a pretty-printed entry, which alone are not a complete object.
     */
    @Override
    public boolean recognizes(String line) {
        if (line == null) {
            return false;
        }
        int begin = LineBounds.begin(line);
        return begin < line.length() && line.charAt(begin) == '{' && line.contains("\"time\"")
                && line.contains("\"api\"") && !line.contains("\"level\"");
    }

    @Override
    public Parsed<ObjectAccess> parse(String line) {
        if (line == null) {
            return Parsed.error(NOT_MINIO + ": there is no line");
        }
        int begin = LineBounds.begin(line);
        if (begin >= LineBounds.end(line)) {
            return Parsed.skip("blank line");
        }
        if (line.charAt(begin) != '{') {
            return Parsed.error(NOT_MINIO + ": expected a JSON object, found " + Complaints.found(line, begin,
                    LineBounds.end(line)));
        }
        Entry entry = new Entry();
        try {
            JsonReader json = new JsonReader(line, begin);
            entry.read(json);
            json.endDocument();
        } catch (JsonReader.JsonException e) {
            return Parsed.error(NOT_MINIO + ": the JSON is malformed: " + e.getMessage());
        }
        return entry.record();
    }

    /** The members of an audit entry that the record needs, by their JSON names. */
    private enum EntryMember {
        TIME("time"), API("api"), REMOTE_HOST("remotehost"), REQUEST_ID("requestID"), USER_AGENT("userAgent"),
        REQUEST_HOST("requestHost"), ACCESS_KEY("accessKey"), PARENT_USER("parentUser"), REQUEST_QUERY("requestQuery"),
        REQUEST_HEADER("requestHeader"), RESPONSE_HEADER("responseHeader"), LEVEL("level");

        final String json;

        EntryMember(String json) {
            this.json = json;
        }
    }

    /** The members of {@code api}. */
    private enum ApiMember {
        NAME("name"), BUCKET("bucket"), OBJECT("object"), OBJECTS("objects"), STATUS("status"),
        STATUS_CODE("statusCode"), RX("rx"), TX("tx");

        final String json;

        ApiMember(String json) {
            this.json = json;
        }
    }

    /** The request and response headers the record needs; header names are matched whatever their case. */
    private enum Header {
        AUTHORIZATION("Authorization"), CONTENT_LENGTH("Content-Length"),
        DECODED_CONTENT_LENGTH("X-Amz-Decoded-Content-Length"), REFERER("Referer"), HOST("Host"),
        USER_AGENT("User-Agent"), VERSION_ID("X-Amz-Version-Id"), REQUEST_ID("X-Amz-Request-Id");

        final String json;

        Header(String json) {
            this.json = json;
        }
    }

    private static final JsonReader.Names<EntryMember> ENTRY = JsonReader.Names.of(EntryMember.values(), m -> m.json);
    private static final JsonReader.Names<ApiMember> API = JsonReader.Names.of(ApiMember.values(), m -> m.json);
    private static final JsonReader.Names<Header> HEADERS = JsonReader.Names.ignoringCase(Header.values(), h -> h.json);

    /** The members of one audit entry that the record needs. */
    private static final class Entry {
        String time;
        String apiName;
        String bucket;
        String object;
        List<String> objects;
        String versionId;
        String statusText;
        long statusCode = -1;
        long rx = -1;
        long tx = -1;
        String remoteHost;
        String requestId;
        String userAgent;
        String requestHost;
        String accessKey;
        String parentUser;
        String query;
        String authorization;
        String referer;
        String hostHeader;
        String requestUserAgent;
        long requestLength = -1;
        long decodedLength = -1;
        long responseLength = -1;
        String responseRequestId;
        boolean level;

        void read(JsonReader json) throws JsonReader.JsonException {
            json.beginObject();
            while (json.hasNext()) {
                EntryMember member = json.nextName(ENTRY);
                if (member == null) {
                    json.skipValue();
                    continue;
                }
                switch (member) {
                    case TIME -> time = json.nextStringOrNull();
                    case API -> readApi(json);
                    case REMOTE_HOST -> remoteHost = json.nextStringOrNull();
                    case REQUEST_ID -> requestId = json.nextStringOrNull();
                    case USER_AGENT -> userAgent = json.nextStringOrNull();
                    case REQUEST_HOST -> requestHost = json.nextStringOrNull();
                    case ACCESS_KEY -> accessKey = json.nextStringOrNull();
                    case PARENT_USER -> parentUser = json.nextStringOrNull();
                    case REQUEST_QUERY -> readQuery(json);
                    case REQUEST_HEADER -> readRequestHeader(json);
                    case RESPONSE_HEADER -> readResponseHeader(json);
                    case LEVEL -> {
                        level = true;
                        json.skipValue();
                    }
                }
            }
            json.endObject();
        }

        private void readApi(JsonReader json) throws JsonReader.JsonException {
            if (json.nextIsNull()) {
                return;
            }
            json.beginObject();
            while (json.hasNext()) {
                ApiMember member = json.nextName(API);
                if (member == null) {
                    json.skipValue();
                    continue;
                }
                switch (member) {
                    case NAME -> apiName = json.nextStringOrNull();
                    case BUCKET -> bucket = json.nextStringOrNull();
                    case OBJECT -> object = json.nextStringOrNull();
                    case OBJECTS -> readObjects(json);
                    case STATUS -> statusText = json.nextStringOrNull();
                    case STATUS_CODE -> statusCode = json.nextLong();
                    case RX -> rx = json.nextLong();
                    case TX -> tx = json.nextLong();
                }
            }
            json.endObject();
        }

        /** {@code [{"objectName": "a.jpg", "versionId": "…"}, …]}, as a multi-object delete lists them. */
        private void readObjects(JsonReader json) throws JsonReader.JsonException {
            if (json.nextIsNull()) {
                return;
            }
            objects = new ArrayList<>();
            json.beginArray();
            while (json.hasNext()) {
                json.beginObject();
                while (json.hasNext()) {
                    if (json.nextName().equals("objectName")) {
                        String name = json.nextStringOrNull();
                        if (name != null) {
                            objects.add(name);
                        }
                    } else {
                        json.skipValue();
                    }
                }
                json.endObject();
            }
            json.endArray();
        }

        /** MinIO logs the query decoded, as a map; it is written back as {@code name=value&…}, in its order. */
        private void readQuery(JsonReader json) throws JsonReader.JsonException {
            if (json.nextIsNull()) {
                return;
            }
            StringBuilder q = new StringBuilder();
            json.beginObject();
            while (json.hasNext()) {
                String name = json.nextName();
                String value = json.nextStringOrNull();
                if (q.length() > 0) {
                    q.append('&');
                }
                q.append(name);
                if (value != null) {
                    q.append('=').append(value);
                }
            }
            json.endObject();
            query = q.length() == 0 ? null : q.toString();
        }

        private void readRequestHeader(JsonReader json) throws JsonReader.JsonException {
            if (json.nextIsNull()) {
                return;
            }
            json.beginObject();
            while (json.hasNext()) {
                Header header = json.nextName(HEADERS);
                if (header == null) {
                    json.skipValue();
                    continue;
                }
                switch (header) {
                    case AUTHORIZATION -> authorization = json.nextStringOrNull();
                    case CONTENT_LENGTH -> requestLength = count(json.nextStringOrNull());
                    case DECODED_CONTENT_LENGTH -> decodedLength = count(json.nextStringOrNull());
                    case REFERER -> referer = json.nextStringOrNull();
                    case HOST -> hostHeader = json.nextStringOrNull();
                    case USER_AGENT -> requestUserAgent = json.nextStringOrNull();
                    default -> json.skipValue();
                }
            }
            json.endObject();
        }

        private void readResponseHeader(JsonReader json) throws JsonReader.JsonException {
            if (json.nextIsNull()) {
                return;
            }
            json.beginObject();
            while (json.hasNext()) {
                Header header = json.nextName(HEADERS);
                if (header == null) {
                    json.skipValue();
                    continue;
                }
                switch (header) {
                    case CONTENT_LENGTH -> responseLength = count(json.nextStringOrNull());
                    case VERSION_ID -> versionId = json.nextStringOrNull();
                    case REQUEST_ID -> responseRequestId = json.nextStringOrNull();
                    default -> json.skipValue();
                }
            }
            json.endObject();
        }

        private static long count(String text) {
            return text == null ? -1 : Numbers.parse(text, 0, text.length());
        }

        Parsed<ObjectAccess> record() {
            if (level) {
                return Parsed.error(NOT_MINIO + ": it has a level, as MinIO's server log entries do");
            }
            if (time == null) {
                return Parsed.error(NOT_MINIO + ": it has no time");
            }
            Instant instant = Times.parseIsoInstant(time, 0, time.length());
            if (instant == null) {
                return Parsed.error(NOT_MINIO + ": expected an RFC 3339 time, found " + Complaints.found(time));
            }
            if (isEmpty(apiName)) {
                return Parsed.error(NOT_MINIO + ": it names no API call (api.name)");
            }
            OperationKinds.Operation operation = OperationKinds.of(apiName);
            int status = statusCode >= 0 && statusCode <= 999 ? (int) statusCode : 0;
            // MinIO names a user by its access key; parentUser is the user behind a service account or STS key
            String accessKeyId = !isEmpty(accessKey) ? accessKey
                    : firstOf(credential(authorization), RequestUri.accessKeyId(query));
            long objectSize = -1;
            if (operation.name().equals("PutObject")) {
                objectSize = decodedLength >= 0 ? decodedLength : requestLength;
            } else if (status == 200
                    && (operation.name().equals("GetObject") || operation.name().equals("HeadObject"))) {
                objectSize = responseLength;
            }
            return Parsed.value(new ObjectAccess(instant, emptyToNull(remoteHost), firstOf(parentUser, accessKeyId),
                    accessKeyId, null, emptyToNull(bucket), emptyToNull(object), operation.name(), operation.kind(),
                    // MinIO logs no S3 error code (NoSuchKey), only the status text (Not Found)
                    status, status >= 400 ? emptyToNull(statusText) : null,
                    tx >= 0 ? tx : responseLength, rx >= 0 ? rx : requestLength, objectSize,
                    firstOf(userAgent, requestUserAgent), emptyToNull(referer), firstOf(requestHost, hostHeader),
                    firstOf(requestId, responseRequestId), emptyToNull(versionId), query, objects, NAME));
        }

        /**
         * The key id in {@code AWS4-HMAC-SHA256 Credential=KEYID/date/region/s3/aws4_request, …}
         * (signature V4) or {@code AWS KEYID:signature} (V2).
         */
        private static String credential(String authorization) {
            if (authorization == null) {
                return null;
            }
            int at = authorization.indexOf("Credential=");
            if (at >= 0) {
                int from = at + "Credential=".length();
                int slash = authorization.indexOf('/', from);
                return slash > from ? authorization.substring(from, slash) : null;
            }
            if (authorization.startsWith("AWS ")) {
                int colon = authorization.indexOf(':', 4);
                return colon > 4 ? authorization.substring(4, colon) : null;
            }
            return null;
        }

        private static boolean isEmpty(String s) {
            return s == null || s.isEmpty();
        }

        private static String emptyToNull(String s) {
            return isEmpty(s) ? null : s;
        }

        private static String firstOf(String first, String second) {
            return !isEmpty(first) ? first : emptyToNull(second);
        }
    }
}
