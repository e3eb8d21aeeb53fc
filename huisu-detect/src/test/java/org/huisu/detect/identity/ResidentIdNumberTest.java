package org.huisu.detect.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    static final LocalDate TODAY = LocalDate.of(2024, 3, 15);

    /** The first 17 digits and their check character. */
    static String withCheck(String body17) {
        return body17 + ResidentIdNumber.checkCharacter(body17);
    }

    /** The same body with any check character but the right one. */
    static String withWrongCheck(String body17, int which) {
        String others = "0123456789X".replace(String.valueOf(ResidentIdNumber.checkCharacter(body17)), "");
        return body17 + others.charAt(which % others.length());
    }

    @Test
    void theStandardsOwnExampleWithAnXCheckCharacterIsValid() {
        // GB 11643-1999's example: Beijing Chaoyang, 31 December 1949, sequence 002
        assertThat(ResidentIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ResidentIdNumber.isValid("11010519491231002X", TODAY)).isTrue();
        assertThat(ResidentIdNumber.isValid("11010519491231002x", TODAY)).isTrue();
    }

    @Test
    void aDigitCheckCharacterIsValidWhenItIsTheRightOne() {
        String id = withCheck("44030519850612341");
        assertThat(id.charAt(17)).isBetween('0', '9');
        assertThat(ResidentIdNumber.isValid(id, TODAY)).isTrue();
    }

    @Test
    void everyWrongCheckCharacterIsRefused() {
        for (int i = 0; i < 10; i++) {
            assertThat(ResidentIdNumber.isValid(withWrongCheck("11010519491231002", i), TODAY)).isFalse();
        }
    }

    @Test
    void datesThatNeverWereOrAreStillToComeAreRefused() {
        assertThat(ResidentIdNumber.isValid(withCheck("11010520230230001"), TODAY)).as("30 February").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519900229001"), TODAY)).as("29 February 1990").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519901301001"), TODAY)).as("month 13").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010519900100001"), TODAY)).as("day 0").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010520240316001"), TODAY)).as("tomorrow").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010520990101001"), TODAY)).as("2099").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010518991231001"), TODAY)).as("1899").isFalse();
        assertThat(ResidentIdNumber.isValid(withCheck("11010520000229001"), TODAY)).as("29 February 2000").isTrue();
        assertThat(ResidentIdNumber.isValid(withCheck("11010520240315001"), TODAY)).as("today").isTrue();
    }

    @Test
    void regionsThatNameNoProvinceOrPrefectureAreRefused() {
        for (String region : new String[] {"000000", "100105", "160105", "240105", "470105", "550105", "660105",
                "720105", "840105", "990105", "110005", "116005", "329905"}) {
            assertThat(ResidentIdNumber.isValid(withCheck(region + "19900101001"), TODAY)).as(region).isFalse();
        }
    }

    @Test
    void regionsOfEveryKindThatHoldPeopleAreAccepted() {
        // a district, a city without districts (Dongguan), a county under the province (Xiantao),
        // an autonomous prefecture (Altay), the permits of Hong Kong, Macao and Taiwan residents
        for (String region : new String[] {"110105", "441900", "429004", "654301", "810000", "820000", "830000",
                "500101", "652901", "150121"}) {
            assertThat(ResidentIdNumber.isValid(withCheck(region + "19900101001"), TODAY)).as(region).isTrue();
        }
    }

    @Test
    void theMaskKeepsTheRegionAndTheLastFourOnly() {
        assertThat(ResidentIdNumber.mask("11010519491231002x")).isEqualTo("110105********002X");
    }

    /**
     * The accuracy target: 10,000 random 18-digit strings, each with a check character that is not
     * the right one, and not one taken for an identity number, alone or inside a sentence.
     */
    @Test
    void tenThousandRandomStringsWithoutAValidCheckCharacterYieldNoFalsePositive() {
        Random random = new Random(11643);
        IdNumberFinder finder = new IdNumberFinder(TODAY);
        int falsePositives = 0;
        int plausibleBodies = 0;
        for (int i = 0; i < 10_000; i++) {
            StringBuilder body = new StringBuilder();
            for (int d = 0; d < 17; d++) {
                body.append(random.nextInt(10));
            }
            String n = withWrongCheck(body.toString(), random.nextInt(10));
            plausibleBodies += ResidentIdNumber.plausibleRegion(n) && ResidentIdNumber.realBirthDate(n, TODAY) ? 1 : 0;
            boolean[] found = {ResidentIdNumber.isValid(n, TODAY)};
            finder.find("客户 " + n + " 已登记", null, f -> found[0] = true);
            falsePositives += found[0] ? 1 : 0;
        }
        System.out.printf("id-number: %d false positives in 10,000 random 18-digit strings with a wrong check"
                + " character (%d of them with a plausible region and date)%n", falsePositives, plausibleBodies);
        assertThat(falsePositives).isZero();
    }

    /**
     * A figure beside the target: of random strings whose check character happens to be right (one in
     * eleven of all random 18-digit strings), how many region and date still refuse.
     */
    @Test
    void randomStringsWithARightCheckCharacterAreMostlyRefusedByRegionAndDate() {
        Random random = new Random(2260);
        int accepted = 0;
        int tries = 200_000;
        for (int i = 0; i < tries; i++) {
            StringBuilder body = new StringBuilder();
            for (int d = 0; d < 17; d++) {
                body.append(random.nextInt(10));
            }
            accepted += ResidentIdNumber.isValid(withCheck(body.toString()), TODAY) ? 1 : 0;
        }
        System.out.printf("id-number: %d of %,d random 17-digit bodies with their right check character accepted"
                + " (region and birth date)%n", accepted, tries);
        assertThat(accepted).isLessThan(tries / 1000);
    }
}
