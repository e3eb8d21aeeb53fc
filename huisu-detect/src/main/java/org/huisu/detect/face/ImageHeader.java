package org.huisu.detect.face;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What an image file says of itself before any pixel is decoded — format, width, height, frames,
 * whether it is complete — so that a picture too large to decode is refused first and a truncated
 * one is said to be.
 */
record ImageHeader(Format format, int width, int height, int frames, int components, boolean complete) {

    enum Format { JPEG, PNG, BMP, WEBP, GIF }

    long pixels() {
        return (long) width * height;
    }

    /** The header of {@code bytes}, or empty when they begin as none of the five formats. */
    static Optional<ImageHeader> read(byte[] bytes) {
        try {
            if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
                return Optional.ofNullable(jpeg(bytes));
            }
            if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return Optional.ofNullable(png(bytes));
            }
            if (starts(bytes, 'G', 'I', 'F', '8')) {
                return Optional.ofNullable(gif(bytes));
            }
            if (starts(bytes, 'B', 'M')) {
                return Optional.ofNullable(bmp(bytes));
            }
            if (starts(bytes, 'R', 'I', 'F', 'F') && bytes.length >= 16
                    && new String(bytes, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
                return Optional.ofNullable(webp(bytes));
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            // a header cut short: no header
        }
        return Optional.empty();
    }

    private static ImageHeader jpeg(byte[] b) {
        int i = 2;
        int width = -1;
        int height = -1;
        int components = 0;
        while (i + 4 <= b.length) {
            if ((b[i] & 0xFF) != 0xFF) {
                return null;
            }
            int marker = b[i + 1] & 0xFF;
            if (marker == 0xFF) {
                i++;   // fill byte
                continue;
            }
            if (marker == 0xD8 || marker >= 0xD0 && marker <= 0xD7 || marker == 0x01) {
                i += 2;
                continue;
            }
            int length = u16be(b, i + 2);
            boolean sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
            if (sof && width < 0) {
                height = u16be(b, i + 5);
                width = u16be(b, i + 7);
                components = b[i + 9] & 0xFF;
            }
            if (marker == 0xDA) {
                if (width < 0) {
                    return null;
                }
                // entropy-coded data never holds FF D9 (an FF there is stuffed as FF 00): its end is EOI
                return new ImageHeader(Format.JPEG, width, height, 1, components, contains(b, i + 2 + length, 0xFF, 0xD9));
            }
            i += 2 + length;
        }
        return width < 0 ? null : new ImageHeader(Format.JPEG, width, height, 1, components, false);
    }

    private static ImageHeader png(byte[] b) {
        if (!new String(b, 12, 4, StandardCharsets.US_ASCII).equals("IHDR")) {
            return null;
        }
        long width = u32be(b, 16);
        long height = u32be(b, 20);
        boolean complete = contains(b, Math.max(33, b.length - 64), 'I', 'E', 'N', 'D');
        return new ImageHeader(Format.PNG, clamp(width), clamp(height), 1, 0, complete);
    }

    private static ImageHeader bmp(byte[] b) {
        long headerSize = u32le(b, 14);
        int width;
        int height;
        if (headerSize == 12) {
            width = u16le(b, 18);
            height = u16le(b, 20);
        } else if (headerSize >= 40) {
            width = Math.abs(i32le(b, 18));
            height = Math.abs(i32le(b, 22));
        } else {
            return null;
        }
        return new ImageHeader(Format.BMP, width, height, 1, 0, b.length >= u32le(b, 2) || u32le(b, 2) == 0);
    }

    private static ImageHeader webp(byte[] b) {
        String chunk = new String(b, 12, 4, StandardCharsets.US_ASCII);
        boolean complete = b.length >= u32le(b, 4) + 8;
        switch (chunk) {
            case "VP8 ":
                return new ImageHeader(Format.WEBP, u16le(b, 26) & 0x3FFF, u16le(b, 28) & 0x3FFF, 1, 0, complete);
            case "VP8L": {
                long bits = u32le(b, 21);
                return new ImageHeader(Format.WEBP, (int) (bits & 0x3FFF) + 1, (int) ((bits >> 14) & 0x3FFF) + 1, 1, 0,
                        complete);
            }
            case "VP8X": {
                boolean animated = (b[20] & 0x02) != 0;
                return new ImageHeader(Format.WEBP, u24le(b, 24) + 1, u24le(b, 27) + 1, animated ? 2 : 1, 0, complete);
            }
            default:
                return null;
        }
    }

    /** The logical screen, and the largest frame if one is larger; frames counted by walking the blocks. */
    private static ImageHeader gif(byte[] b) {
        int width = u16le(b, 6);
        int height = u16le(b, 8);
        int i = 13;
        if ((b[10] & 0x80) != 0) {
            i += 3 * (1 << ((b[10] & 0x07) + 1));
        }
        int frames = 0;
        boolean complete = false;
        try {
            while (i < b.length) {
                int block = b[i] & 0xFF;
                if (block == 0x3B) {
                    complete = true;
                    break;
                } else if (block == 0x21) {
                    i = skipSubBlocks(b, i + 2);
                } else if (block == 0x2C) {
                    frames++;
                    width = Math.max(width, u16le(b, i + 1) + u16le(b, i + 5));
                    height = Math.max(height, u16le(b, i + 3) + u16le(b, i + 7));
                    int flags = b[i + 9] & 0xFF;
                    i += 10;
                    if ((flags & 0x80) != 0) {
                        i += 3 * (1 << ((flags & 0x07) + 1));
                    }
                    i = skipSubBlocks(b, i + 1);   // after the LZW minimum code size
                } else {
                    break;
                }
            }
        } catch (ArrayIndexOutOfBoundsException e) {
            complete = false;
        }
        return new ImageHeader(Format.GIF, width, height, frames, 0, complete && frames > 0);
    }

    private static int skipSubBlocks(byte[] b, int i) {
        while (true) {
            int size = b[i] & 0xFF;
            i += 1 + size;
            if (size == 0) {
                return i;
            }
        }
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

    private static boolean contains(byte[] b, int from, int... sequence) {
        outer:
        for (int i = Math.max(0, from); i + sequence.length <= b.length; i++) {
            for (int j = 0; j < sequence.length; j++) {
                if ((b[i + j] & 0xFF) != sequence[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static int clamp(long v) {
        return (int) Math.min(Integer.MAX_VALUE, v);
    }

    private static int u16be(byte[] b, int i) {
        return (b[i] & 0xFF) << 8 | b[i + 1] & 0xFF;
    }

    private static long u32be(byte[] b, int i) {
        return (long) u16be(b, i) << 16 | u16be(b, i + 2);
    }

    private static int u16le(byte[] b, int i) {
        return b[i] & 0xFF | (b[i + 1] & 0xFF) << 8;
    }

    private static int u24le(byte[] b, int i) {
        return u16le(b, i) | (b[i + 2] & 0xFF) << 16;
    }

    private static int i32le(byte[] b, int i) {
        return u16le(b, i) | u16le(b, i + 2) << 16;
    }

    private static long u32le(byte[] b, int i) {
        return i32le(b, i) & 0xFFFFFFFFL;
    }
}
