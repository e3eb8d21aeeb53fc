package org.huisu.detect.identity;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * The rules of an 18-character resident identity number (GB 11643-1999): a six-digit region
 * (GB/T 2260), a birth date {@code YYYYMMDD}, a three-digit sequence and a MOD 11-2 check character
 * ({@code 0}–{@code 9} or {@code X}).
 */
final class ResidentIdNumber {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";

    /**
     * Province-level codes of GB/T 2260 that head a number: the 31 mainland provinces, Taiwan (71),
     * Hong Kong and Macao (81, 82), and the residence permits of Hong Kong, Macao and Taiwan
     * residents (810000, 820000, 830000) and foreigners' permanent residence (91).
     */
    private static final boolean[] PROVINCE = new boolean[100];

    static {
        for (int[] range : new int[][] {{11, 15}, {21, 23}, {31, 37}, {41, 46}, {50, 54}, {61, 65}, {71, 71},
                {81, 83}, {91, 91}}) {
            for (int p = range[0]; p <= range[1]; p++) {
                PROVINCE[p] = true;
            }
        }
    }

    private ResidentIdNumber() {
    }

    /** The check character of the first 17 digits. */
    static char checkCharacter(CharSequence body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /**
     * Whether 18 characters (17 digits and a digit or X/x) are an identity number: the right check
     * character, a plausible region and a real birth date from 1900 up to {@code today}.
     */
    static boolean isValid(CharSequence n, LocalDate today) {
        if (n.length() != 18) {
            return false;
        }
        for (int i = 0; i < 17; i++) {
            if (n.charAt(i) < '0' || n.charAt(i) > '9') {
                return false;
            }
        }
        return Character.toUpperCase(n.charAt(17)) == checkCharacter(n) && plausibleRegion(n)
                && realBirthDate(n, today);
    }

    /**
     * Whether the first four digits name a province and, in the mainland, a prefecture as GB/T 2260
     * numbers them: 01–50 (cities from 01, prefectures and autonomous prefectures in the 20s to 40s,
     * including those abolished since, whose numbers their people keep) or 90 (county-level units
     * under the province itself). No prefecture is 00 or above 50 but 90; the permits of 81–83 carry
     * 0000.
     */
    static boolean plausibleRegion(CharSequence n) {
        int province = (n.charAt(0) - '0') * 10 + (n.charAt(1) - '0');
        if (!PROVINCE[province]) {
            return false;
        }
        if (province >= 71) {
            return true;
        }
        int prefecture = (n.charAt(2) - '0') * 10 + (n.charAt(3) - '0');
        return prefecture >= 1 && prefecture <= 50 || prefecture == 90;
    }

    static boolean realBirthDate(CharSequence n, LocalDate today) {
        int year = Integer.parseInt(n, 6, 10, 10);
        int month = Integer.parseInt(n, 10, 12, 10);
        int day = Integer.parseInt(n, 12, 14, 10);
        if (year < 1900) {
            return false;
        }
        try {
            return !LocalDate.of(year, month, day).isAfter(today);
        } catch (DateTimeException e) {
            return false;
        }
    }

    /** {@code 110105********1234}: region and the last four kept, the birth date and sequence hidden. */
    static String mask(CharSequence n) {
        return n.subSequence(0, 6) + "********" + n.subSequence(14, 17) + Character.toUpperCase(n.charAt(17));
    }

    /** The number as one long (the check character X as 10), to count distinct numbers without keeping them. */
    static long key(CharSequence n) {
        long body = Long.parseLong(n, 0, 17, 10);
        char c = Character.toUpperCase(n.charAt(17));
        return body * 11 + (c == 'X' ? 10 : c - '0');
    }
}
