package org.huisu.extract.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.huisu.formats.Parsed;
import org.junit.jupiter.api.Test;

class AnacronJobTest {

    @Test
    void aJobLineGivesItsPeriodDelayIdentifierAndCommandWithTheEnvironmentAboveIt() {
        List<Parsed<AnacronJob>> parsed = AnacronJob.parse("MAILTO=root\nRCLONE_CONFIG_PASS=p4ssw0rdLong\n"
                + "7\t10\tfaces.weekly\t/opt/facecap/bin/weekly.sh\n");
        assertThat(parsed).containsExactly(Parsed.value(new AnacronJob(3, "7", 10, "faces.weekly",
                "/opt/facecap/bin/weekly.sh", Map.of("MAILTO", "root", "RCLONE_CONFIG_PASS", "p4s****"))));
        assertThat(((Parsed.Value<AnacronJob>) parsed.get(0)).value().describe())
                .isEqualTo("every week, 10 minutes after anacron starts");
    }

    @Test
    void aLineThatIsNeitherJobNorAssignmentIsAnErrorNamingItsLine() {
        assertThat(AnacronJob.parse("# comment\n@hourly 5 x y\n")).containsExactly(Parsed.error("line 2: expected a"
                + " period, a delay, a job identifier and a command, or an environment assignment"));
    }

    @Property
    void anyTextGivesJobsOrErrorsNeverAnException(@ForAll String text) {
        assertThatCode(() -> AnacronJob.parse(text).forEach(p -> {
            if (p instanceof Parsed.Value<AnacronJob> v) {
                v.value().describe();
            }
        })).doesNotThrowAnyException();
    }
}
