package org.huisu.cloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetBucketLoggingResponse;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

/**
 * What a bucket says about itself, each setting as far as the key may read it: versioning (whether
 * old versions and delete markers exist), logging (where its access logs go), lifecycle rules
 * (automatic expiry is deletion), policy, CORS, ACL and region. A setting the endpoint does not
 * offer or the key may not read is recorded as such; none stops the inspection.
 */
public final class BucketSettings {

    /** One setting: its state ({@code set}, {@code none}, {@code denied}, {@code unsupported}, {@code error}) and value. */
    public record Setting(String state, Object value, String note) {

        static Setting set(Object value) {
            return new Setting("set", value, null);
        }

        public Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("state", state);
            if (value != null) {
                m.put("value", value);
            }
            if (note != null) {
                m.put("note", note);
            }
            return m;
        }
    }

    private final Map<String, Setting> settings;

    private BucketSettings(Map<String, Setting> settings) {
        this.settings = settings;
    }

    public Map<String, Setting> all() {
        return settings;
    }

    /** Versioning was turned on at some time: versions and delete markers may be there to list. */
    public boolean versioned() {
        Setting v = settings.get("versioning");
        return v != null && "set".equals(v.state()) && v.value() != null;
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        settings.forEach((name, s) -> m.put(name, s.json()));
        return m;
    }

    static BucketSettings read(ReadOnlyS3 s3, String bucket) {
        Map<String, Setting> m = new LinkedHashMap<>();
        m.put("versioning", one(s3, c -> {
            GetBucketVersioning v = new GetBucketVersioning(c.getBucketVersioning(b -> b.bucket(bucket)));
            return v.setting();
        }));
        m.put("logging", one(s3, c -> logging(c.getBucketLogging(b -> b.bucket(bucket)))));
        m.put("lifecycle", one(s3, c -> lifecycle(c.getBucketLifecycleConfiguration(b -> b.bucket(bucket)).rules())));
        m.put("policy", one(s3, c -> Setting.set(c.getBucketPolicy(b -> b.bucket(bucket)).policy())));
        m.put("cors", one(s3, c -> cors(c.getBucketCors(b -> b.bucket(bucket)).corsRules())));
        m.put("acl", one(s3, c -> acl(c.getBucketAcl(b -> b.bucket(bucket)))));
        m.put("location", one(s3, c -> {
            String region = c.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
            // S3 says nothing for us-east-1
            return Setting.set(region == null || region.isEmpty() ? "us-east-1" : region);
        }));
        return new BucketSettings(m);
    }

    private record GetBucketVersioning(GetBucketVersioningResponse r) {
        Setting setting() {
            String status = r.statusAsString();
            if (status == null || status.isEmpty()) {
                return new Setting("set", null, "versioning was never enabled");
            }
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("status", status);
            if (r.mfaDeleteAsString() != null) {
                v.put("mfaDelete", r.mfaDeleteAsString());
            }
            return Setting.set(v);
        }
    }

    private static Setting one(ReadOnlyS3 s3, Function<S3Client, Setting> call) {
        try {
            return s3.read(call);
        } catch (RuntimeException e) {
            String code = ReadOnlyS3.errorCode(e);
            int status = ReadOnlyS3.status(e);
            if (code != null && code.startsWith("NoSuch") && !code.equals("NoSuchBucket")) {
                return new Setting("none", null, code);
            }
            if (ReadOnlyS3.unreachable(e)) {
                throw s3.translate(e, "", null);
            }
            if (status == 403) {
                return new Setting("denied", null, ReadOnlyS3.rootMessage(e));
            }
            if (status == 501 || status == 405 || "NotImplemented".equals(code)) {
                return new Setting("unsupported", null, ReadOnlyS3.rootMessage(e));
            }
            return new Setting("error", null, ReadOnlyS3.rootMessage(e));
        }
    }

    private static Setting logging(GetBucketLoggingResponse r) {
        if (r.loggingEnabled() == null) {
            return new Setting("none", null, "access logging is off");
        }
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("targetBucket", r.loggingEnabled().targetBucket());
        v.put("targetPrefix", r.loggingEnabled().targetPrefix());
        return Setting.set(v);
    }

    private static Setting lifecycle(List<LifecycleRule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (LifecycleRule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("status", r.statusAsString());
            String prefix = r.filter() != null ? r.filter().prefix() : r.prefix();
            if (prefix == null && r.filter() != null && r.filter().and() != null) {
                prefix = r.filter().and().prefix();
            }
            m.put("prefix", prefix == null ? "" : prefix);
            if (r.expiration() != null) {
                if (r.expiration().days() != null) {
                    m.put("expireAfterDays", r.expiration().days());
                }
                if (r.expiration().date() != null) {
                    m.put("expireOn", r.expiration().date().toString());
                }
                if (Boolean.TRUE.equals(r.expiration().expiredObjectDeleteMarker())) {
                    m.put("removeExpiredDeleteMarkers", true);
                }
            }
            if (r.noncurrentVersionExpiration() != null
                    && r.noncurrentVersionExpiration().noncurrentDays() != null) {
                m.put("expireOldVersionsAfterDays", r.noncurrentVersionExpiration().noncurrentDays());
            }
            if (r.abortIncompleteMultipartUpload() != null) {
                m.put("abortUnfinishedUploadsAfterDays", r.abortIncompleteMultipartUpload().daysAfterInitiation());
            }
            if (r.hasTransitions() && !r.transitions().isEmpty()) {
                m.put("transitions", r.transitions().stream()
                        .map(t -> (t.days() != null ? t.days() + " days" : String.valueOf(t.date())) + " -> "
                                + t.storageClassAsString()).toList());
            }
            m.put("deletes", m.containsKey("expireAfterDays") || m.containsKey("expireOn")
                    || m.containsKey("expireOldVersionsAfterDays"));
            out.add(m);
        }
        return out.isEmpty() ? new Setting("none", null, "no lifecycle rules") : Setting.set(out);
    }

    private static Setting cors(List<CORSRule> rules) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (CORSRule r : rules) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("allowedOrigins", r.allowedOrigins());
            m.put("allowedMethods", r.allowedMethods());
            if (r.hasAllowedHeaders()) {
                m.put("allowedHeaders", r.allowedHeaders());
            }
            out.add(m);
        }
        return out.isEmpty() ? new Setting("none", null, "no CORS rules") : Setting.set(out);
    }

    private static Setting acl(GetBucketAclResponse r) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (r.owner() != null) {
            v.put("owner", r.owner().displayName() != null ? r.owner().displayName() : r.owner().id());
        }
        List<String> grants = new ArrayList<>();
        for (Grant g : r.grants()) {
            String who = g.grantee() == null ? "?" : g.grantee().uri() != null ? g.grantee().uri()
                    : g.grantee().displayName() != null ? g.grantee().displayName()
                    : g.grantee().id() != null ? g.grantee().id() : g.grantee().emailAddress();
            grants.add(who + ": " + g.permissionAsString());
        }
        v.put("grants", grants);
        v.put("public", grants.stream().anyMatch(s -> s.contains("groups/global/AllUsers")
                || s.contains("groups/global/AuthenticatedUsers")));
        return Setting.set(v);
    }
}
