package org.huisu.formats.toollog;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words in a line that say what happened to a file, in English and Chinese, and the words
 * that say it failed. Words inside paths and URIs do not count: {@code /data/upload/x.jpg} says
 * nothing.
 */
final class Verbs {

    /** The first word telling what happened, and whether the line reports a failure. */
    record Reading(EventKind kind, boolean copyWord, boolean failed) {
    }

    private static final Map<String, EventKind> WORDS = Map.ofEntries(
            Map.entry("upload", EventKind.UPLOAD), Map.entry("uploaded", EventKind.UPLOAD),
            Map.entry("uploading", EventKind.UPLOAD), Map.entry("uploads", EventKind.UPLOAD),
            Map.entry("put", EventKind.UPLOAD), Map.entry("putobject", EventKind.UPLOAD),
            Map.entry("push", EventKind.UPLOAD), Map.entry("pushed", EventKind.UPLOAD),
            Map.entry("send", EventKind.UPLOAD), Map.entry("sent", EventKind.UPLOAD),
            Map.entry("sending", EventKind.UPLOAD),
            Map.entry("copy", EventKind.COPY), Map.entry("copied", EventKind.COPY), Map.entry("copying", EventKind.COPY),
            Map.entry("cp", EventKind.COPY), Map.entry("transferred", EventKind.COPY), Map.entry("synced", EventKind.COPY),
            Map.entry("move", EventKind.MOVE), Map.entry("moved", EventKind.MOVE), Map.entry("mv", EventKind.MOVE),
            Map.entry("delete", EventKind.DELETE), Map.entry("deleted", EventKind.DELETE),
            Map.entry("deleting", EventKind.DELETE), Map.entry("deleteobject", EventKind.DELETE),
            Map.entry("deleteobjects", EventKind.DELETE), Map.entry("remove", EventKind.DELETE),
            Map.entry("removed", EventKind.DELETE), Map.entry("removing", EventKind.DELETE),
            Map.entry("rm", EventKind.DELETE), Map.entry("unlink", EventKind.DELETE),
            Map.entry("unlinked", EventKind.DELETE), Map.entry("purge", EventKind.DELETE),
            Map.entry("purged", EventKind.DELETE), Map.entry("erased", EventKind.DELETE),
            Map.entry("shred", EventKind.DELETE), Map.entry("shredded", EventKind.DELETE),
            Map.entry("capture", EventKind.CAPTURE), Map.entry("captured", EventKind.CAPTURE),
            Map.entry("capturing", EventKind.CAPTURE), Map.entry("save", EventKind.CAPTURE),
            Map.entry("saved", EventKind.CAPTURE), Map.entry("saving", EventKind.CAPTURE),
            Map.entry("snapshot", EventKind.CAPTURE), Map.entry("snapped", EventKind.CAPTURE),
            Map.entry("download", EventKind.DOWNLOAD), Map.entry("downloaded", EventKind.DOWNLOAD),
            Map.entry("downloading", EventKind.DOWNLOAD), Map.entry("fetched", EventKind.DOWNLOAD),
            Map.entry("getobject", EventKind.DOWNLOAD),
            Map.entry("pack", EventKind.PACKAGE), Map.entry("packed", EventKind.PACKAGE),
            Map.entry("packing", EventKind.PACKAGE), Map.entry("archived", EventKind.PACKAGE),
            Map.entry("compressed", EventKind.PACKAGE), Map.entry("zipped", EventKind.PACKAGE),
            Map.entry("tarred", EventKind.PACKAGE));

    private static final List<Map.Entry<String, EventKind>> CHINESE = List.of(
            Map.entry("上传", EventKind.UPLOAD), Map.entry("推送", EventKind.UPLOAD), Map.entry("发送", EventKind.UPLOAD),
            Map.entry("删除", EventKind.DELETE), Map.entry("清理", EventKind.DELETE), Map.entry("清除", EventKind.DELETE),
            Map.entry("移除", EventKind.DELETE), Map.entry("抓拍", EventKind.CAPTURE), Map.entry("抓图", EventKind.CAPTURE),
            Map.entry("采集", EventKind.CAPTURE), Map.entry("保存", EventKind.CAPTURE), Map.entry("截图", EventKind.CAPTURE),
            Map.entry("下载", EventKind.DOWNLOAD), Map.entry("打包", EventKind.PACKAGE), Map.entry("压缩", EventKind.PACKAGE),
            Map.entry("归档", EventKind.PACKAGE), Map.entry("复制", EventKind.COPY), Map.entry("拷贝", EventKind.COPY),
            Map.entry("移动", EventKind.MOVE), Map.entry("转移", EventKind.MOVE));

    private static final List<String> FAILURES_CHINESE = List.of("失败", "错误", "异常");

    private Verbs() {
    }

    /** Reads the words of {@code line} from {@code from}, outside the mentions' spans. */
    static Reading read(String line, int from, List<Mentions.Mention> mentions) {
        EventKind kind = null;
        boolean copyWord = false;
        boolean failed = false;
        int n = line.length();
        int m = 0;
        int i = from;
        while (i < n) {
            while (m < mentions.size() && mentions.get(m).end() <= i) {
                m++;
            }
            if (m < mentions.size() && i >= mentions.get(m).start()) {
                i = mentions.get(m).end();
                continue;
            }
            char c = line.charAt(i);
            if (c < 128 && Character.isLetter(c)) {
                int start = i;
                while (i < n && line.charAt(i) < 128 && Character.isLetter(line.charAt(i))) {
                    i++;
                }
                String word = line.substring(start, i);
                String lower = word.toLowerCase(Locale.ROOT);
                EventKind k = word.equals("GET") ? EventKind.DOWNLOAD : WORDS.get(lower);
                if (kind == null && k != null) {
                    kind = k;
                    copyWord = k == EventKind.COPY;
                }
                if (!failed && isFailure(lower, line, i)) {
                    failed = true;
                }
                continue;
            }
            if (c > 0x2E7F) {
                for (Map.Entry<String, EventKind> e : CHINESE) {
                    if (kind == null && line.startsWith(e.getKey(), i)) {
                        kind = e.getValue();
                        copyWord = kind == EventKind.COPY;
                    }
                }
                for (String f : FAILURES_CHINESE) {
                    if (line.startsWith(f, i)) {
                        failed = true;
                    }
                }
            }
            i++;
        }
        return new Reading(kind, copyWord, failed);
    }

    /** failed, failure, error, exception, denied; not "errors: 0" in a summary. */
    private static boolean isFailure(String word, String line, int after) {
        switch (word) {
            case "fail", "failed", "failure", "failing", "exception", "denied" -> {
                return true;
            }
            case "error", "errors", "err" -> {
                int i = after;
                while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == ':' || line.charAt(i) == '=')) {
                    i++;
                }
                return !(i < line.length() && line.charAt(i) == '0'
                        && (i + 1 == line.length() || !Character.isDigit(line.charAt(i + 1))));
            }
            default -> {
                return false;
            }
        }
    }
}
