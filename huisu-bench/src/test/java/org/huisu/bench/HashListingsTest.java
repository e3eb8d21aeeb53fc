package org.huisu.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashListingsTest {

    // the head of a listing manifest huisu source add wrote for a bucket served by s3proxy 2.6
    private static final String HEADER = "#huisu-s3-listing-v1\tkind\tkey\tversion-id\tlatest\tdelete-marker\tsize"
            + "\tetag\tlast-modified\tstorage-class\tsha256\n";
    private static final String LINES = ""
            + "DIRECTORY\tt000/\t-\t-\tfalse\t4096\t-\t2026-11-30T01:27:37.000000000Z\tSTANDARD\t-\n"
            + "DIRECTORY\tt000/s0/\t-\t-\tfalse\t4096\t-\t2026-11-30T01:27:35.000000000Z\tSTANDARD\t-\n"
            + "CLOUD_OBJECT\tt000/s0/f000000.bin\t-\t-\tfalse\t20480\teabbbffcc703b15684921739c7f1880e"
            + "\t2026-11-30T01:27:35.000000000Z\tSTANDARD\t5843cc15f134eae168fc814a24e02659c3a74288f9c2dd5fcd42b32fa9d312ca\n"
            + "CLOUD_OBJECT\tt000/s0/扫描件 000017.jpg\t-\t-\tfalse\t20480\t09a41843060ce4c8e860ac62ddd24399"
            + "\t2026-11-30T01:27:35.000000000Z\tSTANDARD\t4c45940e588f6bbaa9fd4e0c996014258229a18a51d9d4d2621b429390fcac62\n";

    @TempDir
    Path folder;

    private Path manifest(String text) throws IOException {
        return Files.writeString(folder.resolve("manifest.tsv"), text, StandardCharsets.UTF_8);
    }

    @Test
    void aBucketListingGivesEachDownloadedObjectsSha256ByKey() throws IOException {
        HashListings.BucketListing listing = HashListings.fromHuisuS3Listing(manifest(HEADER + LINES));

        assertThat(listing.sha256ByKey()).isEqualTo(Map.of(
                "t000/s0/f000000.bin", "5843cc15f134eae168fc814a24e02659c3a74288f9c2dd5fcd42b32fa9d312ca",
                "t000/s0/扫描件 000017.jpg", "4c45940e588f6bbaa9fd4e0c996014258229a18a51d9d4d2621b429390fcac62"));
        assertThat(listing.objects()).isEqualTo(2);
        assertThat(listing.withEtag()).isEqualTo(2);
        assertThat(listing.placeholders()).isEqualTo(2);
    }

    @Test
    void anObjectWithoutEtagOrBytesIsCountedButNotHashed() throws IOException {
        HashListings.BucketListing listing = HashListings.fromHuisuS3Listing(manifest(HEADER
                + "CLOUD_OBJECT\tbig/disk\\tcopy.raw\t-\t-\tfalse\t99\t-\t2026-11-30T01:27:35.000000000Z\tSTANDARD\t-\n"
                + "CLOUD_OBJECT\ta\\\\b\t-\t-\tfalse\t3\t-\t2026-11-30T01:27:35.000000000Z\tSTANDARD\tabc\n"));

        assertThat(listing.objects()).isEqualTo(2);
        assertThat(listing.withEtag()).isZero();
        assertThat(listing.sha256ByKey()).containsExactly(Map.entry("a\\b", "abc"));
    }

    @Test
    void theColumnsAreFoundByTheirNamesInTheHeader() throws IOException {
        HashListings.BucketListing listing = HashListings.fromHuisuS3Listing(manifest(
                "#sha256\tkind\tetag\tkey\n" + "abc\tCLOUD_OBJECT\t-\tx/y\n"));

        assertThat(listing.sha256ByKey()).containsExactly(Map.entry("x/y", "abc"));
    }

    @Test
    void aHeaderWithoutTheSha256ColumnStopsTheBenchmark() throws IOException {
        Path manifest = manifest("#huisu-s3-listing-v1\tkind\tkey\tetag\n");

        assertThatThrownBy(() -> HashListings.fromHuisuS3Listing(manifest)).isInstanceOf(BenchmarkFailure.class)
                .hasMessageContaining("no column 'sha256'");
    }

    @Test
    void aFolderGivesEachFilesSha256ByItsRelativePath() throws IOException {
        Files.createDirectories(folder.resolve("tree/相册 003/s1"));
        Files.writeString(folder.resolve("tree/相册 003/s1/a.txt"), "abc");
        Files.writeString(folder.resolve("tree/empty"), "");

        assertThat(HashListings.ofFolder(folder.resolve("tree"))).isEqualTo(Map.of(
                "相册 003/s1/a.txt", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                "empty", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
    }
}
