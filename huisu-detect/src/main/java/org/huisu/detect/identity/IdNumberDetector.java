package org.huisu.detect.identity;

import java.time.LocalDate;

/**
 * Resident identity numbers (GB 11643: check character, region, real birth date) in names, text and
 * log lines, and database rows; {@code id-number}.
 */
public final class IdNumberDetector extends IdentifierDetector {

    @Override
    public String name() {
        return "id-number";
    }

    @Override
    public String description() {
        return "resident identity numbers (GB 11643 check character, region, birth date) in file names, text,"
                + " logs and database rows, masked";
    }

    @Override
    NumberFinder finder() {
        return new IdNumberFinder(LocalDate.now());
    }
}
