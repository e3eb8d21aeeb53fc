package org.huisu.formats.toollog;

/**
 * Reads a top-level string field out of one line of JSON, which is all a JSON log line needs here,
 * without a JSON library: the module depends on nothing but the JDK.
 */
final class JsonFields {

    private JsonFields() {
    }

    /** The unescaped value of {@code "key":"value"}; null when the key is absent or its value not a string. */
    static String string(String json, String key) {
        String marker = "\"" + key + "\"";
        int at = json.indexOf(marker);
        while (at >= 0) {
            int i = at + marker.length();
            while (i < json.length() && json.charAt(i) == ' ') {
                i++;
            }
            if (i < json.length() && json.charAt(i) == ':') {
                i++;
                while (i < json.length() && json.charAt(i) == ' ') {
                    i++;
                }
                if (i >= json.length() || json.charAt(i) != '"') {
                    return null;
                }
                StringBuilder b = new StringBuilder();
                for (i++; i < json.length(); i++) {
                    char c = json.charAt(i);
                    if (c == '"') {
                        return b.toString();
                    }
                    if (c == '\\' && i + 1 < json.length()) {
                        char e = json.charAt(++i);
                        switch (e) {
                            case 'n' -> b.append('\n');
                            case 't' -> b.append('\t');
                            case 'r' -> b.append('\r');
                            case 'b' -> b.append('\b');
                            case 'f' -> b.append('\f');
                            case 'u' -> {
                                if (i + 4 < json.length()) {
                                    try {
                                        b.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                                    } catch (NumberFormatException x) {
                                        return null;
                                    }
                                    i += 4;
                                } else {
                                    return null;
                                }
                            }
                            default -> b.append(e);
                        }
                        continue;
                    }
                    b.append(c);
                }
                return null;
            }
            at = json.indexOf(marker, at + 1);
        }
        return null;
    }
}
