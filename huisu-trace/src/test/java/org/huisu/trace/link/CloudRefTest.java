package org.huisu.trace.link;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudRefTest {

    @Test
    void virtualHostedUrlsOfTheThreeCloudsNameBucketAndKey() {
        assertThat(CloudRef.parse("https://lakeview-faces.s3.cn-northwest-1.amazonaws.com.cn/faces/2024/03/06/a.jpg"))
                .isEqualTo(new CloudRef("lakeview-faces", "faces/2024/03/06/a.jpg"));
        assertThat(CloudRef.parse("https://visitors.oss-cn-shanghai.aliyuncs.com/faces/v1.jpg"))
                .isEqualTo(new CloudRef("visitors", "faces/v1.jpg"));
        assertThat(CloudRef.parse("https://scans-1250000000.cos.ap-guangzhou.myqcloud.com/in/x.png"))
                .isEqualTo(new CloudRef("scans-1250000000", "in/x.png"));
        assertThat(CloudRef.parse("https://b1.s3.amazonaws.com/k")).isEqualTo(new CloudRef("b1", "k"));
    }

    @Test
    void pathStyleUrlsAndPortsPutTheBucketFirstInThePath() {
        assertThat(CloudRef.parse("https://s3.us-west-2.amazonaws.com/mybucket/photos/p%20q.jpg"))
                .isEqualTo(new CloudRef("mybucket", "photos/p q.jpg"));
        assertThat(CloudRef.parse("http://10.0.0.5:9000/patients/intake/a.jpg"))
                .isEqualTo(new CloudRef("patients", "intake/a.jpg"));
    }

    @Test
    void aSignedUrlsQueryIsNotPartOfTheKey() {
        assertThat(CloudRef.parse("https://visitors.oss-cn-shanghai.aliyuncs.com/faces/v2.jpg?Expires=1718100000"
                + "&OSSAccessKeyId=LTAI5t&Signature=abc%2Bdef")).isEqualTo(new CloudRef("visitors", "faces/v2.jpg"));
        assertThat(CloudRef.parse("https://b.s3.eu-west-1.amazonaws.com/k/%E4%BA%BA%E8%84%B8.jpg?X-Amz-Signature=1"))
                .isEqualTo(new CloudRef("b", "k/人脸.jpg"));
    }

    @Test
    void schemesAndRcloneRemotesNameBucketAndKey() {
        assertThat(CloudRef.parse("s3://lakeview-faces/archives/x.tar.gz"))
                .isEqualTo(new CloudRef("lakeview-faces", "archives/x.tar.gz"));
        assertThat(CloudRef.parse("oss://visitors/faces/v1.jpg")).isEqualTo(new CloudRef("visitors", "faces/v1.jpg"));
        assertThat(CloudRef.parse("minio:patients/intake/2024-05-02/p001.jpg"))
                .isEqualTo(new CloudRef("patients", "intake/2024-05-02/p001.jpg"));
        assertThat(CloudRef.parse("s3://bucket-only")).isNull();
    }

    @Test
    void hostsThatAreNoStorageEndpointAndOtherTextNameNoObject() {
        assertThat(CloudRef.parse("https://img.example-visitor.cn/faces/v3.jpg")).isNull();
        assertThat(CloudRef.cdnPath("https://img.example-visitor.cn/faces/v3.jpg?w=200")).isEqualTo("faces/v3.jpg");
        assertThat(CloudRef.parse("/data/capture/20240306")).isNull();
        assertThat(CloudRef.parse("C:\\Users\\x.jpg")).isNull();
        assertThat(CloudRef.parse("VS20240306-001")).isNull();
    }

    @Test
    void theTopPrefixIsTheFirstFolderOfTheKey() {
        assertThat(new CloudRef("b", "faces/2024/a.jpg").topPrefix()).isEqualTo("faces/");
        assertThat(new CloudRef("b", "a.jpg").topPrefix()).isEmpty();
        assertThat(new CloudRef("b", "faces/2024/a.jpg").fileName()).isEqualTo("a.jpg");
    }
}
