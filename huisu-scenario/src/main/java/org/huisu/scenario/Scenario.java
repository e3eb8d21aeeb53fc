package org.huisu.scenario;

import java.time.LocalDate;
import java.time.ZoneId;
import org.huisu.scenario.cloud.Provider;

/**
 * The parameters of a generated case: the same parameters give the same world, byte for byte.
 *
 * @param records face images captured over the whole period (the size of the case)
 * @param days days of capture; the last one is still on the server at seizure
 */
public record Scenario(long seed, int records, int days, Provider provider, LocalDate firstDay) {

    /** Where the sales office is: its clocks, logs and scripts keep this zone's time. */
    public static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Shanghai");

    public static final long DEFAULT_SEED = 20240315L;
    public static final int DEFAULT_RECORDS = 1500;
    public static final int DEFAULT_DAYS = 10;

    public Scenario {
        if (records < days * 4) {
            throw new IllegalArgumentException("at least " + (days * 4) + " records are needed for " + days
                    + " days (four captures a day)");
        }
        if (days < 2) {
            throw new IllegalArgumentException("at least two days are needed: one uploaded and deleted, one seized");
        }
    }

    public static Scenario of(long seed, int records, Provider provider) {
        return new Scenario(seed, records, DEFAULT_DAYS, provider, LocalDate.of(2024, 3, 6));
    }

    public LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
