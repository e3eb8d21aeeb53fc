package org.huisu.scenario.world;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.huisu.scenario.Scenario;
import org.huisu.scenario.samples.SamplePhotos;

/**
 * Who came, when, and what the cameras caught: the plan of a scenario, cheap to make and the same
 * for the same seed. Images, files and logs are written from it.
 */
public final class World {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"};
    private static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "勇", "艳", "杰", "军", "涛"};
    private static final String[] AGENCIES = {"链家", "我爱我家", "中原地产", "贝壳找房", "21世纪不动产"};
    private static final String[] REGIONS = {"110105", "330106", "310115", "440305", "320106", "510107"};

    private final Scenario scenario;
    private final List<Camera> cameras;
    private final List<Broker> brokers;
    private final List<Person> persons;
    private final List<Visit> visits;
    private final List<Capture> captures;

    private World(Scenario scenario, List<Camera> cameras, List<Broker> brokers, List<Person> persons,
            List<Visit> visits, List<Capture> captures) {
        this.scenario = scenario;
        this.cameras = cameras;
        this.brokers = brokers;
        this.persons = persons;
        this.visits = visits;
        this.captures = captures;
    }

    public static World plan(Scenario s) {
        Random random = Seeds.stream(s.seed(), "world", 0);
        List<Camera> cameras = List.of(
                new Camera("cam01", "entrance", "192.168.10.101", "3c:ef:8c:41:0a:01"),
                new Camera("cam02", "sand-table", "192.168.10.102", "3c:ef:8c:41:0a:02"),
                new Camera("cam03", "show-flat", "192.168.10.103", "3c:ef:8c:41:0a:03"),
                new Camera("cam04", "signing-room", "192.168.10.104", "3c:ef:8c:41:0a:04"));
        List<Broker> brokers = new ArrayList<>();
        for (int i = 1; i <= 8; i++) {
            String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
            brokers.add(new Broker(String.format("BRK%04d", i), name, AGENCIES[random.nextInt(AGENCIES.length)],
                    mobile(random), idNumber(random)));
        }
        int personCount = Math.max(12, Math.min(SamplePhotos.FACES, Math.round(s.records() / 15f)));
        List<Integer> faces = new ArrayList<>();
        for (int i = 0; i < SamplePhotos.FACES; i++) {
            faces.add(i);
        }
        Collections.shuffle(faces, random);
        List<Person> persons = new ArrayList<>();
        for (int i = 0; i < personCount; i++) {
            Broker broker = random.nextDouble() < 0.4 ? brokers.get(random.nextInt(brokers.size())) : null;
            persons.add(new Person(String.format(Locale.ROOT, "fp_%08x", random.nextInt() & 0x7fffffff), faces.get(i),
                    broker));
        }

        List<Visit> visits = new ArrayList<>();
        List<Capture> captures = new ArrayList<>();
        for (int d = 0; d < s.days(); d++) {
            LocalDate day = s.firstDay().plusDays(d);
            int target = s.records() / s.days() + (d < s.records() % s.days() ? 1 : 0);
            record Planned(Person person, LocalDateTime arrival, int count, boolean clip, int scene) {
            }
            List<Planned> planned = new ArrayList<>();
            for (int remaining = target; remaining > 0; ) {
                int count = Math.min(remaining, 2 + random.nextInt(7));
                if (remaining - count == 1) {
                    count++;
                }
                LocalDateTime arrival = day.atTime(LocalTime.of(9, 0)).plusSeconds(random.nextInt(9 * 3600 + 1800));
                planned.add(new Planned(persons.get(random.nextInt(persons.size())), arrival, count,
                        planned.isEmpty() || random.nextDouble() < 0.15, random.nextInt(SamplePhotos.SCENES.size())));
                remaining -= count;
            }
            planned.sort(Comparator.comparing(Planned::arrival));
            int seq = 0;
            List<Capture> ofDay = new ArrayList<>();
            for (int v = 0; v < planned.size(); v++) {
                Planned p = planned.get(v);
                Visit visit = new Visit(String.format("VS%s-%03d", DAY.format(day), v + 1), visits.size(), p.person(),
                        p.arrival(), p.scene(), p.clip());
                visits.add(visit);
                LocalDateTime t = p.arrival();
                for (int c = 0; c < p.count(); c++) {
                    t = t.plusSeconds(3 + random.nextInt(88)).plusNanos(random.nextInt(1000) * 1_000_000L);
                    ofDay.add(new Capture(null, 0, visit, cameras.get(random.nextInt(cameras.size())), t,
                            0.80 + random.nextDouble() * 0.19));
                }
            }
            ofDay.sort(Comparator.comparing(Capture::time));
            for (Capture c : ofDay) {
                seq++;
                captures.add(new Capture(String.format("%s-%06d", DAY.format(day), seq), captures.size(), c.visit(),
                        c.camera(), c.time(), c.quality()));
            }
        }
        return new World(s, cameras, List.copyOf(brokers), List.copyOf(persons), List.copyOf(visits),
                List.copyOf(captures));
    }

    /** An 11-digit mobile number of a Chinese carrier: 13x to 19x. */
    static String mobile(Random random) {
        StringBuilder b = new StringBuilder("1").append(3 + random.nextInt(7));
        for (int i = 0; i < 9; i++) {
            b.append(random.nextInt(10));
        }
        return b.toString();
    }

    /** A resident identity number with a real region, a real birth date and a valid GB 11643 check. */
    static String idNumber(Random random) {
        LocalDate birth = LocalDate.of(1972, 1, 1).plusDays(random.nextInt(365 * 25));
        String body = REGIONS[random.nextInt(REGIONS.length)] + DAY.format(birth)
                + String.format("%03d", random.nextInt(1000));
        return body + checkCharacter(body);
    }

    static char checkCharacter(String body17) {
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body17.charAt(i) - '0') * weights[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    public Scenario scenario() {
        return scenario;
    }

    public List<Camera> cameras() {
        return cameras;
    }

    public List<Broker> brokers() {
        return brokers;
    }

    public List<Person> persons() {
        return persons;
    }

    public List<Visit> visits() {
        return visits;
    }

    public List<Capture> captures() {
        return captures;
    }

    /** The captures of one day, in time order. */
    public List<Capture> capturesOf(LocalDate day) {
        return captures.stream().filter(c -> c.day().equals(day)).toList();
    }

    public List<Visit> visitsOf(LocalDate day) {
        return visits.stream().filter(v -> v.arrival().toLocalDate().equals(day)).toList();
    }

    /** Each visit's captures, in time order. */
    public Map<Visit, List<Capture>> capturesByVisit() {
        Map<Visit, List<Capture>> byVisit = new HashMap<>();
        for (Capture c : captures) {
            byVisit.computeIfAbsent(c.visit(), v -> new ArrayList<>()).add(c);
        }
        return byVisit;
    }

    /** Whether the day's files were uploaded and deleted before the seizure (every day but the last). */
    public boolean uploaded(LocalDate day) {
        return day.isBefore(scenario.lastDay());
    }
}
