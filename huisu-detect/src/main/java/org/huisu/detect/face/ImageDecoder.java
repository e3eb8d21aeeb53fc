package org.huisu.detect.face;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

/**
 * Decodes an image whose header was read to 8-bit BGR pixels, as it is displayed: OpenCV for JPEG
 * (EXIF orientation applied, CMYK converted), PNG, BMP and WebP; Java's ImageIO for the first frame
 * of a GIF, which OpenCV 4.9 does not read. Large JPEGs are decoded at a half, a quarter or an
 * eighth of their size by the JPEG library itself, so that memory stays bounded.
 */
final class ImageDecoder {

    /** Above this many pixels a JPEG is decoded reduced; the faces looked for stay many pixels wide. */
    static final long JPEG_FULL_PIXELS = 24_000_000L;

    private ImageDecoder() {
    }

    /** The pixels and the factor by which they are smaller than the image; empty pixels if undecodable. */
    record Decoded(Mat bgr, int reduction) {
    }

    static Decoded decode(byte[] bytes, ImageHeader header) throws IOException {
        return decode(bytes, header, Integer.MAX_VALUE);
    }

    /**
     * As above; a JPEG is also decoded reduced (which its DCT makes cheap) as long as its longer side
     * stays at least {@code longerSide} pixels: a detector whose input is smaller sees the same.
     */
    static Decoded decode(byte[] bytes, ImageHeader header, int longerSide) throws IOException {
        if (header.format() == ImageHeader.Format.GIF) {
            return new Decoded(firstGifFrame(bytes), 1);
        }
        int reduction = 1;
        int flags = Imgcodecs.IMREAD_COLOR;
        if (header.format() == ImageHeader.Format.JPEG) {
            int longer = Math.max(header.width(), header.height());
            while ((header.pixels() / ((long) reduction * reduction) > JPEG_FULL_PIXELS
                    || longer / (reduction * 2) >= longerSide) && reduction < 8) {
                reduction *= 2;
            }
            flags = switch (reduction) {
                case 2 -> Imgcodecs.IMREAD_REDUCED_COLOR_2;
                case 4 -> Imgcodecs.IMREAD_REDUCED_COLOR_4;
                case 8 -> Imgcodecs.IMREAD_REDUCED_COLOR_8;
                default -> Imgcodecs.IMREAD_COLOR;
            };
        }
        MatOfByte encoded = new MatOfByte(header.format() == ImageHeader.Format.PNG ? withoutColourProfile(bytes) : bytes);
        try {
            return new Decoded(Imgcodecs.imdecode(encoded, flags), reduction);
        } finally {
            encoded.release();
        }
    }

    /**
     * The PNG without its iCCP chunk (the colour profile, which face detection does not use): libpng
     * warns on standard error about profiles it finds wrong, and nothing may reach the terminal but
     * Huisu's own words. Bytes that are not chunks as expected are left as they are.
     */
    static byte[] withoutColourProfile(byte[] png) {
        java.io.ByteArrayOutputStream out = null;
        int at = 8;
        while (at + 12 <= png.length) {
            long length = ((png[at] & 0xFFL) << 24) | ((png[at + 1] & 0xFF) << 16) | ((png[at + 2] & 0xFF) << 8)
                    | (png[at + 3] & 0xFF);
            long end = at + 12 + length;
            if (end > png.length) {
                break;
            }
            boolean iccp = png[at + 4] == 'i' && png[at + 5] == 'C' && png[at + 6] == 'C' && png[at + 7] == 'P';
            if (iccp && out == null) {
                out = new java.io.ByteArrayOutputStream(png.length);
                out.write(png, 0, at);
            } else if (!iccp && out != null) {
                out.write(png, at, (int) (end - at));
            }
            at = (int) end;
        }
        if (out == null) {
            return png;
        }
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    private static Mat firstGifFrame(byte[] bytes) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return new Mat();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                BufferedImage frame = reader.read(0);
                BufferedImage bgr = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
                Graphics2D g = bgr.createGraphics();
                g.drawImage(frame, 0, 0, null);
                g.dispose();
                Mat mat = new Mat(bgr.getHeight(), bgr.getWidth(), CvType.CV_8UC3);
                mat.put(0, 0, ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData());
                return mat;
            } finally {
                reader.dispose();
            }
        }
    }
}
