package org.huisu.detect.vector;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The header of a numpy {@code .npy} array (format versions 1 to 3): its element encoding, the
 * shape read as (vectors, dimension) and where the data start. Arrays of other element types,
 * Fortran order or more than two axes are not vectors we read.
 */
record Npy(Encoding encoding, long vectors, int dimension, int dataOffset) {

    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']+)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    static boolean magic(byte[] head) {
        if (head.length < 10) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (head[i] != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    /** The header of an array of vectors, if {@code head} (the first bytes) starts one. */
    static Optional<Npy> parse(byte[] head) {
        if (!magic(head)) {
            return Optional.empty();
        }
        int major = head[6] & 0xFF;
        int lengthBytes = major == 1 ? 2 : 4;
        int start = 8 + lengthBytes;
        if (head.length < start) {
            return Optional.empty();
        }
        long headerLength = (head[8] & 0xFF) | (head[9] & 0xFF) << 8;
        if (lengthBytes == 4) {
            headerLength |= (long) (head[10] & 0xFF) << 16 | (long) (head[11] & 0xFF) << 24;
        }
        if (start + headerLength > head.length) {
            return Optional.empty();
        }
        String header = new String(head, start, (int) headerLength, major >= 3 ? StandardCharsets.UTF_8
                : StandardCharsets.ISO_8859_1);
        Matcher descr = DESCR.matcher(header);
        Matcher fortran = FORTRAN.matcher(header);
        Matcher shape = SHAPE.matcher(header);
        if (!descr.find() || !shape.find() || fortran.find() && fortran.group(1).equals("True")) {
            return Optional.empty();
        }
        Encoding encoding = Encoding.ofNumpy(descr.group(1));
        if (encoding == null) {
            return Optional.empty();
        }
        String[] axes = shape.group(1).replace(" ", "").split(",");
        try {
            long[] dims = java.util.Arrays.stream(axes).filter(a -> !a.isEmpty()).mapToLong(Long::parseLong).toArray();
            if (dims.length == 1) {
                return Optional.of(new Npy(encoding, 1, Math.toIntExact(dims[0]), start + (int) headerLength));
            }
            if (dims.length == 2) {
                return Optional.of(new Npy(encoding, dims[0], Math.toIntExact(dims[1]), start + (int) headerLength));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
