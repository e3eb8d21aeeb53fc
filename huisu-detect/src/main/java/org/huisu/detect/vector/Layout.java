package org.huisu.detect.vector;

/** How the vectors of one column or file are stored: the container and the number encoding. */
record Layout(Storage storage, Encoding encoding) {

    /** The container of one vector. */
    enum Storage {
        /** Raw bytes: a SQLite BLOB, a headerless binary file. */
        BLOB("blob"),
        /** A numpy array ({@code \x93NUMPY} header), as a file or inside a BLOB. */
        NPY("npy"),
        /** Bytes written as base64 text. */
        BASE64("base64"),
        /** Bytes written as hexadecimal text. */
        HEX("hex"),
        /** A JSON array of numbers, in a JSON document or a text value. */
        JSON_ARRAY("json-array"),
        /** Numbers separated by blanks, commas or semicolons in one text value. */
        NUMBERS("text-numbers"),
        /** A run of numeric fields of one CSV row. */
        FIELDS("csv-fields");

        private final String label;

        Storage(String label) {
            this.label = label;
        }

        String label() {
            return label;
        }
    }
}
