package org.huisu.formats.cloudlog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestUriTest {

    private static String query(String uri) {
        return RequestUri.query(uri, 0, uri.length());
    }

    @Test
    void theQueryEndsBeforeTheProtocol() {
        assertThat(query("GET /b/k.jpg?versionId=3&x=y HTTP/1.1")).isEqualTo("versionId=3&x=y");
        assertThat(query("/k.jpg?uploads")).isEqualTo("uploads");
        assertThat(query("GET /b?versioning= HTTP/1.1")).isEqualTo("versioning=");
    }

    @Test
    void aUriWithoutAQueryHasNone() {
        assertThat(query("GET /b/k.jpg HTTP/1.1")).isNull();
        assertThat(query("GET /b/k.jpg? HTTP/1.1")).isNull();
        assertThat(query("-")).isNull();
    }

    @Test
    void eachProvidersPresignedQueryNamesItsAccessKey() {
        assertThat(RequestUri.accessKeyId("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE"
                + "%2F20240315%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=ab")).isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(RequestUri.accessKeyId("AWSAccessKeyId=AKIAIOSFODNN7EXAMPLE&Expires=1&Signature=x"))
                .isEqualTo("AKIAIOSFODNN7EXAMPLE");
        assertThat(RequestUri.accessKeyId("Expires=1&OSSAccessKeyId=LTAI5tExample&Signature=x")).isEqualTo("LTAI5tExample");
        assertThat(RequestUri.accessKeyId("x-oss-signature-version=OSS4-HMAC-SHA256&x-oss-credential=LTAI5tExample"
                + "%2F20240315%2Fcn-hangzhou%2Foss%2Faliyun_v4_request")).isEqualTo("LTAI5tExample");
        assertThat(RequestUri.accessKeyId("q-sign-algorithm=sha1&q-ak=AKIDExample&q-signature=1")).isEqualTo("AKIDExample");
    }

    @Test
    void aQueryWithoutACredentialNamesNoKey() {
        assertThat(RequestUri.accessKeyId("uploadId=abc&partNumber=1")).isNull();
        assertThat(RequestUri.accessKeyId("X-Amz-Credential=")).isNull();
        assertThat(RequestUri.accessKeyId("&&=&")).isNull();
        assertThat(RequestUri.accessKeyId(null)).isNull();
    }
}
