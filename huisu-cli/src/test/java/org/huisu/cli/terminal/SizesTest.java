package org.huisu.cli.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SizesTest {

    @Test
    void bytesAreShownInBinaryUnits() {
        assertThat(Sizes.bytes(0)).isEqualTo("0 B");
        assertThat(Sizes.bytes(1023)).isEqualTo("1023 B");
        assertThat(Sizes.bytes(1536)).isEqualTo("1.5 KiB");
        assertThat(Sizes.bytes(2L << 30)).isEqualTo("2.0 GiB");
        assertThat(Sizes.bytes(150L << 20)).isEqualTo("150 MiB");
    }

    @Test
    void durationsAreMinutesAndSecondsOrHours() {
        assertThat(Sizes.duration(5)).isEqualTo("0:05");
        assertThat(Sizes.duration(3725)).isEqualTo("1:02:05");
    }

    @Test
    void tablesAlignChineseByDisplayWidth() {
        assertThat(Table.width("服务器-01")).isEqualTo(9);
        var out = new java.io.StringWriter();
        new Table("简称", "KIND").row("服务器", "directory").row("a", "file").print(new java.io.PrintWriter(out));
        assertThat(out.toString().lines()).containsExactly("简称    KIND", "服务器  directory", "a       file");
    }
}
