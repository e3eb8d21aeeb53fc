package org.huisu.bench;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * 18-digit strings for the identifier benchmark, each distinct: random digits, and numbers that are
 * right in everything (region, birth date, sequence) but the check character, each with a wrong
 * check digit; and the same well-formed numbers with their right check character, which must all
 * be found. The check is computed here from GB 11643-1999 (MOD 11-2), not taken from the detector.
 */
final class IdNumberStrings {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK = "10X98765432";
    private static final int[] PROVINCES = {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
            44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65};

    /** The three sets of {@code count} strings each; the two well-formed ones share their first 17 digits. */
    record Sets(List<String> randomWrongCheck, List<String> wellFormedWrongCheck, List<String> wellFormedRightCheck) {
    }

    private IdNumberStrings() {
    }

    static Sets make(int count, long seed) {
        Random random = new Random(seed);
        Set<String> randomWrong = new LinkedHashSet<>();
        while (randomWrong.size() < count) {
            StringBuilder body = new StringBuilder(18);
            for (int i = 0; i < 17; i++) {
                body.append((char) ('0' + random.nextInt(10)));
            }
            randomWrong.add(body.append(wrongDigit(body, random)).toString());
        }
        Set<String> bodies = new LinkedHashSet<>();
        LocalDate first = LocalDate.of(1940, 1, 1);
        int span = (int) (LocalDate.of(2006, 1, 1).toEpochDay() - first.toEpochDay());
        while (bodies.size() < count) {
            LocalDate birth = first.plusDays(random.nextInt(span));
            bodies.add(String.format("%02d%02d%02d%04d%02d%02d%03d", PROVINCES[random.nextInt(PROVINCES.length)],
                    1 + random.nextInt(20), 1 + random.nextInt(30), birth.getYear(), birth.getMonthValue(),
                    birth.getDayOfMonth(), random.nextInt(1000)));
        }
        List<String> wellWrong = bodies.stream().map(b -> b + wrongDigit(b, random)).toList();
        List<String> wellRight = bodies.stream().map(b -> b + checkCharacter(b)).toList();
        return new Sets(List.copyOf(randomWrong), wellWrong, wellRight);
    }

    static char checkCharacter(CharSequence body17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK.charAt(sum % 11);
    }

    /** A digit other than the check character (any digit when the check character is X). */
    private static char wrongDigit(CharSequence body17, Random random) {
        char right = checkCharacter(body17);
        while (true) {
            char d = (char) ('0' + random.nextInt(10));
            if (d != right) {
                return d;
            }
        }
    }
}
