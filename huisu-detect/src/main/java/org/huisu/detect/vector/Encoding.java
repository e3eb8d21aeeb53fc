package org.huisu.detect.vector;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How the numbers of a vector are written: binary floats or integers of one width and byte order,
 * or decimal text. Listed in the order a tie is broken in: float32 first, as most face models
 * write it, int8 last, since almost any bytes can be read as int8.
 */
enum Encoding {
    FLOAT32_LE("float32", 4, ByteOrder.LITTLE_ENDIAN),
    FLOAT32_BE("float32", 4, ByteOrder.BIG_ENDIAN),
    FLOAT64_LE("float64", 8, ByteOrder.LITTLE_ENDIAN),
    FLOAT64_BE("float64", 8, ByteOrder.BIG_ENDIAN),
    FLOAT16_LE("float16", 2, ByteOrder.LITTLE_ENDIAN),
    FLOAT16_BE("float16", 2, ByteOrder.BIG_ENDIAN),
    INT8("int8", 1, ByteOrder.LITTLE_ENDIAN),
    /** Numbers written out as text (JSON arrays, CSV fields); width 0. */
    DECIMAL("decimal", 0, null);

    static final Encoding[] BINARY = {FLOAT32_LE, FLOAT32_BE, FLOAT64_LE, FLOAT64_BE, FLOAT16_LE, FLOAT16_BE, INT8};

    private final String type;
    private final int width;
    private final ByteOrder order;

    Encoding(String type, int width, ByteOrder order) {
        this.type = type;
        this.width = width;
        this.order = order;
    }

    /** {@code float32}, {@code float16}, {@code float64}, {@code int8} or {@code decimal}. */
    String type() {
        return type;
    }

    int width() {
        return width;
    }

    /** {@code little-endian} or {@code big-endian}; null where order means nothing. */
    String byteOrder() {
        return width <= 1 ? null : order == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    }

    /** The {@code count} numbers at {@code offset}; float64 beyond float's range becomes infinite. */
    float[] decode(byte[] bytes, int offset, int count) {
        ByteBuffer b = ByteBuffer.wrap(bytes, offset, count * width).order(order);
        float[] out = new float[count];
        for (int i = 0; i < count; i++) {
            out[i] = switch (this) {
                case FLOAT32_LE, FLOAT32_BE -> b.getFloat();
                case FLOAT64_LE, FLOAT64_BE -> (float) b.getDouble();
                case FLOAT16_LE, FLOAT16_BE -> halfToFloat(b.getShort());
                case INT8 -> b.get();
                case DECIMAL -> throw new IllegalStateException("decimal numbers are not bytes");
            };
        }
        return out;
    }

    /** IEEE 754 binary16 to float (Java 17 has no {@code Float.float16ToFloat}). */
    static float halfToFloat(short half) {
        int h = half & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exponent = (h >>> 10) & 0x1F;
        int mantissa = h & 0x3FF;
        if (exponent == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        return Float.intBitsToFloat(sign | ((exponent + 112) << 23) | (mantissa << 13));
    }

    /** The numpy {@code descr} ({@code <f4}, {@code |i1}…) for this encoding, or null. */
    static Encoding ofNumpy(String descr) {
        return switch (descr) {
            case "<f4" -> FLOAT32_LE;
            case ">f4" -> FLOAT32_BE;
            case "<f8" -> FLOAT64_LE;
            case ">f8" -> FLOAT64_BE;
            case "<f2" -> FLOAT16_LE;
            case ">f2" -> FLOAT16_BE;
            case "|i1", "<i1", ">i1", "i1" -> INT8;
            default -> null;
        };
    }
}
