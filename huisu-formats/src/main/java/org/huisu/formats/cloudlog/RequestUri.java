package org.huisu.formats.cloudlog;

/**
 * What the parsers take from a logged request URI ({@code GET /bucket/key?query HTTP/1.1}, or just
 * {@code /key?query}): its raw query, and the access key id a pre-signed URL carries in that query.
 */
final class RequestUri {

    // AWS signature V2 and V4, OSS V1 and V4, COS: the parameter that names the signing key; V4-style
    // credentials are KEYID/date/region/service/request.
    private static final String[] KEY_PARAMETERS = {
        "X-Amz-Credential", "AWSAccessKeyId", "OSSAccessKeyId", "x-oss-credential", "q-ak"};

    private RequestUri() {
    }

    /**
     * The query of the request URI written in {@code s[from, to)}: the text after the first
     * {@code ?} up to the protocol ({@code HTTP/1.1}) if there is one; null when there is no query.
     */
    static String query(String s, int from, int to) {
        int question = s.indexOf('?', from);
        if (question < 0 || question >= to) {
            return null;
        }
        int end = to;
        int lastSpace = s.lastIndexOf(' ', to - 1);
        if (lastSpace > question && s.startsWith("HTTP/", lastSpace + 1)) {
            end = lastSpace;
        }
        return question + 1 < end ? s.substring(question + 1, end) : null;
    }

    /** The access key id a pre-signed URL's query names, or null when it names none. */
    static String accessKeyId(String query) {
        if (query == null) {
            return null;
        }
        int at = 0;
        while (at < query.length()) {
            int amp = query.indexOf('&', at);
            int end = amp < 0 ? query.length() : amp;
            int equals = query.indexOf('=', at);
            if (equals > at && equals < end) {
                for (String parameter : KEY_PARAMETERS) {
                    if (equals - at == parameter.length() && query.regionMatches(true, at, parameter, 0, equals - at)) {
                        String value = PercentDecoding.decode(query, equals + 1, end);
                        int slash = value.indexOf('/');
                        String key = slash < 0 ? value : value.substring(0, slash);
                        return key.isEmpty() ? null : key;
                    }
                }
            }
            at = end + 1;
        }
        return null;
    }
}
