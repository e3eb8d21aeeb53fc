package org.huisu.scenario;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What one day left behind: the files captured, and — for days before the seizure — the nightly
 * job that packed, uploaded and deleted them.
 */
public record DayBatch(LocalDate day, List<Media> media, Job job) {

    /** The nightly run that dealt with this day; null for the day still on the server. */
    public record Job(LocalDateTime started, LocalDateTime packed, Upload archive, List<Upload> photos,
            LocalDateTime removed) {
    }

    public boolean uploaded() {
        return job != null;
    }
}
