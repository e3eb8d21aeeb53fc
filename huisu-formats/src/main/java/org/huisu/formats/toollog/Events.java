package org.huisu.formats.toollog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds events from the places a line names, and tells a transfer's direction from them. */
final class Events {

    private static final List<String> ARROWS = List.of("->", "=>", "\u2192", "\u21d2", " to ", " into ", "\u5230",
            "\u81f3");

    private Events() {
    }

    static ToolLogEvent of(Instant time, EventKind kind, List<Mentions.Mention> mentions, String tool, String raw,
            boolean failed, String object, Long files, Long bytes) {
        List<String> local = new ArrayList<>();
        List<String> remote = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        for (Mentions.Mention m : mentions) {
            (m.kind() == Mentions.Kind.LOCAL ? local : m.kind() == Mentions.Kind.BUCKET ? remote : urls).add(m.text());
        }
        return new ToolLogEvent(time, kind, local, remote, urls, tool, raw, failed, object, files, bytes);
    }

    /**
     * What a line's transfer was, from its verb and which way it went: local to remote is an upload,
     * remote to local a download, remote to remote a copy. A word that names the action outright
     * (uploaded, 下载) wins over the direction; copy and arrow-only lines take the direction, and a
     * copy that names a local file and a remote place is read as an upload.
     */
    static EventKind resolve(Verbs.Reading reading, String line, int from, List<Mentions.Mention> mentions) {
        EventKind verb = reading.kind();
        if (verb != null && verb != EventKind.COPY) {
            return verb;
        }
        Mentions.Mention[] ends = direction(line, from, mentions);
        if (ends != null) {
            boolean srcRemote = ends[0].remote();
            boolean dstRemote = ends[1].remote();
            if (!srcRemote && dstRemote) {
                return EventKind.UPLOAD;
            }
            if (srcRemote && !dstRemote) {
                return EventKind.DOWNLOAD;
            }
            return verb == null && !srcRemote ? null : EventKind.COPY;
        }
        if (verb == EventKind.COPY) {
            boolean local = mentions.stream().anyMatch(m -> !m.remote());
            boolean remote = mentions.stream().anyMatch(Mentions.Mention::remote);
            return local && remote ? EventKind.UPLOAD : EventKind.COPY;
        }
        return null;
    }

    /** The places on either side of the first arrow ({@code ->}, {@code to}, {@code 到}) outside the mentions. */
    static Mentions.Mention[] direction(String line, int from, List<Mentions.Mention> mentions) {
        if (mentions.size() < 2) {
            return null;
        }
        for (int i = from; i < line.length(); i++) {
            if (inside(mentions, i)) {
                continue;
            }
            for (String arrow : ARROWS) {
                if (line.startsWith(arrow, i)) {
                    Mentions.Mention before = null;
                    Mentions.Mention after = null;
                    for (Mentions.Mention m : mentions) {
                        if (m.end() <= i) {
                            before = m;
                        } else if (m.start() >= i + arrow.length() && after == null) {
                            after = m;
                        }
                    }
                    if (before != null && after != null) {
                        return new Mentions.Mention[] {before, after};
                    }
                }
            }
        }
        return null;
    }

    private static boolean inside(List<Mentions.Mention> mentions, int i) {
        for (Mentions.Mention m : mentions) {
            if (i >= m.start() && i < m.end()) {
                return true;
            }
        }
        return false;
    }
}
