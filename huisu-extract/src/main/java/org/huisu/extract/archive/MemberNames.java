package org.huisu.extract.archive;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Member names as their archive wrote them: UTF-8 when they are valid UTF-8, else GB18030 (which
 * includes GBK), as zip tools on Chinese Windows write them without saying so; and whether a name
 * would escape the folder it is unpacked into.
 */
final class MemberNames {

    private static final Charset GB18030 = Charset.forName("GB18030");

    private MemberNames() {
    }

    static String decode(byte[] raw) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (CharacterCodingException e) {
            return new String(raw, GB18030);
        }
    }

    static boolean utf8(byte[] raw) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(raw));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** True for absolute names, drive letters and any {@code ..} segment. */
    static boolean unsafe(String name) {
        String n = name.replace('\\', '/');
        if (n.startsWith("/") || n.matches("^[A-Za-z]:.*")) {
            return true;
        }
        for (String segment : n.split("/")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a link stored at {@code name} pointing to {@code target} leads outside the archive. */
    static boolean linkLeavesArchive(String name, String target) {
        if (target.startsWith("/")) {
            return true;
        }
        String n = name.replace('\\', '/');
        int depth = 0;
        String[] parts = n.split("/");
        for (int i = 0; i < parts.length - 1; i++) {
            if (!parts[i].isEmpty() && !parts[i].equals(".")) {
                depth++;
            }
        }
        for (String segment : target.replace('\\', '/').split("/")) {
            if (segment.equals("..")) {
                depth--;
                if (depth < 0) {
                    return true;
                }
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
        }
        return false;
    }

    /** The last segment of a member's path. */
    static String baseName(String name) {
        String n = name.replace('\\', '/');
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        int slash = n.lastIndexOf('/');
        return slash < 0 ? n : n.substring(slash + 1);
    }
}
