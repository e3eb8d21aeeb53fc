package org.huisu.detect.identity;

/**
 * Mainland mobile numbers (11 digits, 13x to 19x, with or without +86), not order numbers of the
 * same shape, in names, text and log lines, and database rows; {@code mobile-number}.
 */
public final class MobileNumberDetector extends IdentifierDetector {

    @Override
    public String name() {
        return "mobile-number";
    }

    @Override
    public String description() {
        return "mainland mobile numbers (13x-19x, +86) in file names, text, logs and database rows, order numbers"
                + " told apart by their labels, masked";
    }

    @Override
    NumberFinder finder() {
        return new MobileNumberFinder();
    }
}
