package org.huisu.formats.schedule;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * A systemd unit file read into its assignments, in file order, with the lines they start on, and warnings
 * for lines systemd would ignore (an assignment outside a section, a line that is no assignment).
 */
public record SystemdUnit(List<Entry> entries, List<String> warnings) {

    /** {@code Key=Value} in {@code [Section]}, on {@code line} (continued lines joined). */
    public record Entry(int line, String section, String key, String value) {
    }

    public SystemdUnit {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }

    /** The sections, in order of first appearance. */
    public List<String> sections() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        entries.forEach(e -> s.add(e.section()));
        return new ArrayList<>(s);
    }

    /**
     * Every value of a list setting ({@code ExecStart=}, {@code OnCalendar=}, {@code Environment=}); as in
     * systemd, an empty assignment clears what came before it.
     */
    public List<String> values(String section, String key) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            if (e.section().equals(section) && e.key().equals(key)) {
                if (e.value().isEmpty()) {
                    out.clear();
                } else {
                    out.add(e.value());
                }
            }
        }
        return out;
    }

    /** The value of a single setting: the last assignment wins. */
    public Optional<String> value(String section, String key) {
        String v = null;
        for (Entry e : entries) {
            if (e.section().equals(section) && e.key().equals(key)) {
                v = e.value();
            }
        }
        return Optional.ofNullable(v);
    }

    /** True when the file assigns anything in this section. */
    public boolean has(String section) {
        return entries.stream().anyMatch(e -> e.section().equals(section));
    }
}
