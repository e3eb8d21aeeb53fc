package org.huisu.formats.schedule;

import java.util.ArrayList;
import java.util.List;

/** Plain English for the pieces of a schedule: lists of days and times, as an examiner would say them. */
final class Phrases {

    static final String[] WEEKDAYS = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private Phrases() {
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.isEmpty()) {
            return "";
        }
        if (items.size() == 1) {
            return items.get(0);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** Weekdays given as 0 (Sunday) to 6, read Monday first: "Monday to Friday", "Saturday and Sunday". */
    static String weekdays(List<Integer> days) {
        List<Integer> mondayFirst = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            if (days.contains(d % 7)) {
                mondayFirst.add(d);
            }
        }
        if (mondayFirst.size() >= 3 && mondayFirst.get(mondayFirst.size() - 1) - mondayFirst.get(0)
                == mondayFirst.size() - 1) {
            return WEEKDAYS[mondayFirst.get(0) % 7] + " to " + WEEKDAYS[mondayFirst.get(mondayFirst.size() - 1) % 7];
        }
        return and(mondayFirst.stream().map(d -> WEEKDAYS[d % 7]).toList());
    }

    static String months(List<Integer> months) {
        return and(months.stream().map(m -> MONTHS[m - 1]).toList());
    }

    /** "1 and 15", "8 to 21", "1, 5 to 9 and 20": runs of three or more as ranges. */
    static String numbers(List<Integer> values) {
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < values.size()) {
            int j = i;
            while (j + 1 < values.size() && values.get(j + 1) == values.get(j) + 1) {
                j++;
            }
            if (j - i >= 2) {
                parts.add(values.get(i) + " to " + values.get(j));
            } else {
                for (int k = i; k <= j; k++) {
                    parts.add(String.valueOf(values.get(k)));
                }
            }
            i = j + 1;
        }
        return and(parts);
    }

    private static boolean contiguous(List<Integer> values) {
        return values.size() >= 2 && values.get(values.size() - 1) - values.get(0) == values.size() - 1;
    }

    /** A regular step over the whole range (every 5 minutes), or 0 when the values are not one. */
    static int step(List<Integer> values, int min, int max) {
        if (values.size() < 2 || values.get(0) != min) {
            return 0;
        }
        int step = values.get(1) - values.get(0);
        for (int i = 1; i < values.size(); i++) {
            if (values.get(i) - values.get(i - 1) != step) {
                return 0;
            }
        }
        return values.get(values.size() - 1) + step > max ? step : 0;
    }

    /** The times of day of a rule: "every minute", "every 5 minutes", "at 02:30", "at minute 17 of every hour". */
    static String times(List<Integer> hours, List<Integer> minutes, List<Integer> seconds) {
        boolean allHours = hours.size() == 24;
        boolean allMinutes = minutes.size() == 60;
        boolean withSeconds = !(seconds.size() == 1 && seconds.get(0) == 0);
        if (withSeconds) {
            if (seconds.size() == 60 && allMinutes && allHours) {
                return "every second";
            }
            if (hours.size() * minutes.size() * seconds.size() <= 6) {
                List<String> ts = new ArrayList<>();
                for (int h : hours) {
                    for (int m : minutes) {
                        for (int s : seconds) {
                            ts.add(String.format("%02d:%02d:%02d", h, m, s));
                        }
                    }
                }
                return "at " + and(ts);
            }
            return "at second " + numbers(seconds) + " of minute " + numbers(minutes) + " of hour " + numbers(hours);
        }
        int minuteStep = step(minutes, 0, 59);
        int hourStep = step(hours, 0, 23);
        if (allHours && allMinutes) {
            return "every minute";
        }
        if (allHours && minuteStep > 0) {
            return "every " + minuteStep + " minutes";
        }
        if (allHours) {
            return "at minute " + numbers(minutes) + " of every hour";
        }
        if (contiguous(hours) && (allMinutes || minuteStep > 0)) {
            int first = hours.get(0);
            int last = hours.get(hours.size() - 1);
            return (allMinutes ? "every minute" : "every " + minuteStep + " minutes")
                    + String.format(" from %02d:00 to %02d:%02d", first, last, minutes.get(minutes.size() - 1));
        }
        if (hourStep > 0 && minutes.size() == 1) {
            return "every " + hourStep + " hours at minute " + minutes.get(0);
        }
        if (hours.size() * minutes.size() <= 6) {
            List<String> ts = new ArrayList<>();
            for (int h : hours) {
                for (int m : minutes) {
                    ts.add(String.format("%02d:%02d", h, m));
                }
            }
            return "at " + and(ts);
        }
        if (allMinutes) {
            return "every minute of hour " + numbers(hours);
        }
        return "at minute " + numbers(minutes) + " of hour " + numbers(hours);
    }
}
