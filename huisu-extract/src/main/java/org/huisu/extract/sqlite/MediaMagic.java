package org.huisu.extract.sqlite;

/** Whether bytes begin as a photo or a video does: JPEG, PNG, GIF, BMP, WebP, MP4/MOV, AVI, Matroska. */
final class MediaMagic {

    private MediaMagic() {
    }

    static boolean isMedia(byte[] b) {
        return starts(b, 0xFF, 0xD8, 0xFF)
                || starts(b, 0x89, 'P', 'N', 'G')
                || starts(b, 'G', 'I', 'F', '8')
                || starts(b, 'B', 'M') && b.length > 26
                || starts(b, 'R', 'I', 'F', 'F') && b.length > 12 && (at(b, 8, "WEBP") || at(b, 8, "AVI "))
                || b.length > 12 && at(b, 4, "ftyp")
                || starts(b, 0x1A, 0x45, 0xDF, 0xA3);
    }

    private static boolean starts(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean at(byte[] b, int offset, String ascii) {
        if (b.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[offset + i] != ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
