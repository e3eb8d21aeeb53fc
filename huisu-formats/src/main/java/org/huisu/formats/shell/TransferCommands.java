package org.huisu.formats.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells which commands upload files and which delete them, reading the command lines of the usual tools:
 * {@code aws s3}, {@code ossutil}, {@code coscmd}, {@code coscli}, {@code mc}, {@code rclone}, {@code s3cmd},
 * {@code curl}, {@code wget}, {@code scp}, {@code rsync}; {@code rm}, {@code find -delete}, {@code shred -u},
 * {@code unlink}, {@code xargs rm}. A copy is an upload only when its destination is remote and a source is
 * local; other commands give nothing.
 */
public final class TransferCommands {

    private static final Pattern URL = Pattern.compile(
            "([A-Za-z][A-Za-z0-9+.-]*)://(?:([^/@]*)@)?([^/?#]*)(/[^?#]*)?.*", Pattern.DOTALL);
    private static final Pattern SSH_TARGET = Pattern.compile("(?:([^@/:]+)@)?(\\[[^\\]/]+]|[^/:\\[\\]]+):(:?)(.*)",
            Pattern.DOTALL);
    private static final Pattern RCLONE_REMOTE = Pattern.compile("(:?[\\w.][\\w.\\- ]*(?:,[^:]*)?):(.*)",
            Pattern.DOTALL);

    private static final Set<String> AWS_VALUES = Set.of("--profile", "--endpoint-url", "--region", "--output",
            "--query", "--exclude", "--include", "--acl", "--storage-class", "--sse", "--sse-kms-key-id", "--sse-c",
            "--sse-c-key", "--content-type", "--cache-control", "--expires", "--grants", "--metadata",
            "--metadata-directive", "--website-redirect", "--expected-size", "--cli-read-timeout",
            "--cli-connect-timeout", "--ca-bundle", "--color", "--page-size", "--source-region", "--copy-props",
            "--checksum-algorithm", "--bucket", "--key", "--body", "--cli-input-json", "--content-md5",
            "--content-encoding", "--content-disposition", "--content-language", "--tagging", "--request-payer",
            "--version-id");
    private static final Set<String> OSSUTIL_VALUES = Set.of("-e", "--endpoint", "-i", "--access-key-id", "-k",
            "--access-key-secret", "-t", "--sts-token", "-c", "--config-file", "--include", "--exclude", "-j",
            "--jobs", "--parallel", "--part-size", "--checkpoint-dir", "--loglevel", "--output-dir",
            "--bigfile-threshold", "--acl", "--meta", "--snapshot-path", "--maxupspeed", "--maxdownspeed",
            "--encoding-type", "--retry-times", "--proxy-host", "--proxy-user", "--proxy-pwd", "-p", "--profile",
            "--region", "--storage-class", "--payer", "--version-id", "--start-time", "--end-time", "--backup-dir",
            "--mode", "--sign-version", "--tagging", "--role-arn", "--ecs-role-name", "--limited-num", "--marker");
    private static final Set<String> COSCMD_GLOBAL_VALUES = Set.of("-c", "--config_path", "-l", "--log_path",
            "--log_size", "--log_backup_count", "-b", "--bucket", "-r", "--region", "-e", "--endpoint");
    private static final Set<String> COSCMD_VALUES = Set.of("-H", "--headers", "--include", "--ignore");
    private static final Set<String> COSCLI_VALUES = Set.of("-e", "--endpoint", "-i", "--secret-id", "-k",
            "--secret-key", "--token", "-c", "--config-path", "--include", "--exclude", "--part-size", "--thread-num",
            "--routines", "--meta", "--storage-class", "--rate-limiting", "--snapshot-path", "--fail-output-path",
            "--err-retry-num", "--err-retry-interval", "--acl", "--acl-grant-read", "-p", "--profile");
    private static final Set<String> MC_VALUES = Set.of("--exclude", "--older-than", "--newer-than",
            "--storage-class", "--attr", "--tags", "--encrypt", "--encrypt-key", "--encrypt-s3", "--encrypt-kms",
            "--encrypt-sse-c", "-C", "--config-dir", "--limit-upload", "--limit-download", "--rewind",
            "--version-id", "--region", "--max-workers", "--retention-mode", "--retention-duration", "--legalhold",
            "--exclude-bucket", "--exclude-storageclass", "--checksum", "--skip-errors-file");
    private static final Set<String> RCLONE_VALUES = Set.of("--config", "--transfers", "--checkers", "--include",
            "--exclude", "--include-from", "--exclude-from", "--filter", "--filter-from", "--files-from",
            "--min-age", "--max-age", "--min-size", "--max-size", "--log-file", "--log-level", "--bwlimit",
            "--backup-dir", "--suffix", "--stats", "--retries", "--low-level-retries", "--timeout", "--contimeout",
            "--max-transfer", "--cutoff-mode", "--order-by", "--s3-endpoint", "--s3-region", "--s3-provider",
            "--s3-access-key-id", "--s3-secret-access-key", "--s3-chunk-size", "--s3-upload-concurrency",
            "--s3-acl", "--s3-storage-class", "--oss-endpoint", "--user-agent", "--tpslimit", "--multi-thread-streams",
            "--buffer-size", "--max-depth", "--compare-dest", "--copy-dest", "--max-backlog", "--exclude-if-present",
            "--stats-log-level", "--password-command", "--max-delete", "--retries-sleep", "-c");
    private static final Set<String> S3CMD_VALUES = Set.of("-c", "--config", "--access_key", "--secret_key",
            "--access_token", "--host", "--host-bucket", "--region", "--bucket-location", "--exclude", "--include",
            "--rexclude", "--rinclude", "--exclude-from", "--include-from", "--acl-grant", "--acl-revoke",
            "--storage-class", "--mime-type", "-m", "--add-header", "--encoding", "--multipart-chunk-size-mb",
            "--limit-rate", "--cache-file", "--expiry-date", "--expiry-days");
    private static final Set<String> CURL_VALUES = Set.of("-X", "--request", "-H", "--header", "-u", "--user", "-o",
            "--output", "-T", "--upload-file", "-d", "--data", "--data-binary", "--data-raw", "--data-ascii",
            "--data-urlencode", "-F", "--form", "--form-string", "-A", "--user-agent", "-e", "--referer", "-b",
            "--cookie", "-c", "--cookie-jar", "-m", "--max-time", "--connect-timeout", "--retry", "--retry-delay",
            "--retry-max-time", "-x", "--proxy", "-U", "--proxy-user", "--cacert", "--capath", "-E", "--cert",
            "--key", "--cert-type", "--key-type", "--limit-rate", "-w", "--write-out", "--url", "-r", "--range",
            "-K", "--config", "--resolve", "--interface", "-C", "--continue-at", "--aws-sigv4", "--oauth2-bearer",
            "--stderr", "--trace", "--trace-ascii", "--max-filesize", "-z", "--time-cond", "--expect100-timeout",
            "--dns-servers", "-Y", "--speed-limit", "-y", "--speed-time", "-Q", "--quote", "-P", "--ftp-port",
            "--local-port", "--connect-to", "--noproxy", "--pass");
    private static final Set<String> SCP_VALUES = Set.of("-P", "-i", "-o", "-F", "-c", "-l", "-S", "-J", "-X");
    private static final Set<String> RSYNC_VALUES = Set.of("-e", "--rsh", "--exclude", "--include",
            "--exclude-from", "--include-from", "--files-from", "-f", "--filter", "--password-file", "--bwlimit",
            "--port", "--timeout", "--contimeout", "--log-file", "--log-file-format", "--chmod", "--chown", "-B",
            "--block-size", "--backup-dir", "--suffix", "-T", "--temp-dir", "--compare-dest", "--copy-dest",
            "--link-dest", "--max-size", "--min-size", "--max-delete", "--partial-dir", "--out-format",
            "--skip-compress", "--usermap", "--groupmap", "-M", "--remote-option", "--rsync-path", "--info",
            "--debug", "--iconv", "--checksum-choice", "--compress-choice", "--sockopts", "--modify-window");
    private static final Set<String> WGET_VALUES = Set.of("-O", "--output-document", "-o", "--output-file", "-U",
            "--user-agent", "--header", "--method", "--body-data", "--body-file", "--post-data", "--post-file",
            "-t", "--tries", "-T", "--timeout", "--user", "--password", "-P", "--directory-prefix");
    private static final Set<String> SHRED_VALUES = Set.of("-n", "--iterations", "-s", "--size", "--random-source");
    private static final Set<String> XARGS_VALUES = Set.of("-n", "-L", "-P", "-I", "-d", "-E", "-s", "-a",
            "--max-args", "--max-procs", "--replace", "--delimiter", "--arg-file", "--max-lines", "--eof");

    private TransferCommands() {
    }

    /** The uploads and deletions among a script's commands; {@code find … | xargs rm} is read across the pipe. */
    public static Transfers classify(List<ScriptCommand> commands) {
        List<UploadCommand> uploads = new ArrayList<>();
        List<DeleteCommand> deletes = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            ScriptCommand previous = i > 0 && commands.get(i - 1).connector().startsWith("|")
                    && !commands.get(i - 1).connector().equals("||") ? commands.get(i - 1) : null;
            new Reading(commands.get(i), previous, uploads, deletes).read();
        }
        return new Transfers(uploads, deletes);
    }

    /** The uploads and deletions one command makes. */
    public static Transfers classify(ScriptCommand command) {
        return classify(List.of(command));
    }

    /**
     * A remote path as a destination of {@code tool} ({@code s3://b/k}, {@code remote:b/k}, {@code alias/b/k},
     * {@code user@host:path}, a URL); for {@code coscmd}, whose paths are keys in the configured bucket,
     * {@code bucket} is empty.
     */
    public static Destination destination(String tool, String written, String expanded) {
        String e = expanded;
        if (tool.equals("coscmd")) {
            return new Destination(written, e, "cos", "", "", "", "", stripSlash(e));
        }
        Matcher url = URL.matcher(e);
        if (url.matches()) {
            String scheme = url.group(1).toLowerCase(Locale.ROOT);
            String authority = url.group(3);
            String path = url.group(4) == null ? "" : url.group(4);
            if (Set.of("s3", "oss", "cos", "gs", "obs", "ks3", "qiniu", "minio", "s3a", "s3n").contains(scheme)) {
                return new Destination(written, e, scheme, "", "", "", authority, stripSlash(path));
            }
            String user = url.group(2) == null ? "" : url.group(2).replaceFirst(":.*", "");
            String[] hosted = hostedBucket(authority, stripSlash(path));
            return new Destination(written, e, scheme, "", user, authority, hosted[0], hosted[1]);
        }
        if (tool.equals("rclone")) {
            Matcher m = RCLONE_REMOTE.matcher(e);
            if (m.matches()) {
                String path = stripSlash(m.group(2));
                int slash = path.indexOf('/');
                return new Destination(written, e, "rclone", m.group(1), "", "",
                        slash < 0 ? path : path.substring(0, slash), slash < 0 ? "" : path.substring(slash + 1));
            }
        }
        if (tool.equals("mc")) {
            String[] p = e.split("/", 3);
            return new Destination(written, e, "mc", p[0], "", "", p.length > 1 ? p[1] : "", p.length > 2 ? p[2] : "");
        }
        Matcher ssh = SSH_TARGET.matcher(e);
        if (ssh.matches()) {
            boolean module = !ssh.group(3).isEmpty();
            return new Destination(written, e, module ? "rsync" : "ssh", "", ssh.group(1) == null ? "" : ssh.group(1),
                    ssh.group(2), "", ssh.group(4));
        }
        return new Destination(written, e, "", "", "", "", "", e);
    }

    /** The bucket of a virtual-hosted object-store address, and the key; or no bucket and the path. */
    private static String[] hostedBucket(String authority, String path) {
        String host = authority.replaceFirst(":\\d+$", "").toLowerCase(Locale.ROOT);
        String[] labels = host.split("\\.");
        boolean hosted = labels.length >= 4 && (host.endsWith(".aliyuncs.com") && labels[1].startsWith("oss-")
                || host.endsWith(".myqcloud.com") && labels[1].equals("cos")
                || host.endsWith(".amazonaws.com") && labels[1].startsWith("s3"));
        if (hosted) {
            return new String[] {labels[0], path};
        }
        boolean pathStyle = host.endsWith(".amazonaws.com") && labels[0].startsWith("s3")
                || host.endsWith(".aliyuncs.com") && labels[0].startsWith("oss-")
                || host.startsWith("cos.") && host.endsWith(".myqcloud.com");
        if (pathStyle && !path.isEmpty()) {
            int slash = path.indexOf('/');
            return new String[] {slash < 0 ? path : path.substring(0, slash), slash < 0 ? "" : path.substring(slash + 1)};
        }
        return new String[] {"", path};
    }

    private static String stripSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** True when {@code tool} would take {@code path} for a remote place rather than a local file. */
    static boolean isRemote(String tool, String path) {
        if (path.contains("://")) {
            return !path.startsWith("file://");
        }
        return switch (tool) {
            case "rclone" -> RCLONE_REMOTE.matcher(path).matches() && !path.startsWith("/") && !path.startsWith(".")
                    && !path.matches("[A-Za-z]:\\\\.*");
            case "mc" -> !path.startsWith("/") && !path.startsWith(".") && !path.startsWith("~")
                    && !path.startsWith("$") && path.indexOf('/') > 0;
            case "scp", "rsync" -> SSH_TARGET.matcher(path).matches() && !path.startsWith("/")
                    && !path.startsWith(".") && !path.startsWith("~");
            case "coscmd" -> true;
            default -> false;
        };
    }

    /** Reads one command. */
    private static final class Reading {
        private final ScriptCommand c;
        private final ScriptCommand previous;
        private final List<UploadCommand> uploads;
        private final List<DeleteCommand> deletes;
        private final int start;
        private final String tool;
        private final Map<String, String> env = new HashMap<>();
        private final String pwd;

        Reading(ScriptCommand c, ScriptCommand previous, List<UploadCommand> uploads, List<DeleteCommand> deletes) {
            this.c = c;
            this.previous = previous;
            this.uploads = uploads;
            this.deletes = deletes;
            this.start = Programs.start(c.words());
            this.tool = start < c.words().size() ? Programs.canonical(c.words().get(start)) : "";
            c.variables().forEach((k, v) -> {
                if (v.literal()) {
                    env.put(k, v.value());
                }
            });
            c.assignments().forEach(a -> env.put(a.name(), a.value()));
            for (int i = 0; i < start; i++) {
                String w = c.expanded().get(i);
                int eq = w.indexOf('=');
                if (eq > 0 && w.substring(0, eq).matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    env.put(w.substring(0, eq), w.substring(eq + 1));
                }
            }
            Assignment dir = c.variables().get("PWD");
            this.pwd = dir != null && dir.literal() ? dir.value() : "";
        }

        void read() {
            switch (tool) {
                case "aws" -> aws();
                case "ossutil" -> ossutil();
                case "coscmd" -> coscmd();
                case "coscli" -> coscli();
                case "mc" -> mc();
                case "rclone" -> rclone();
                case "s3cmd" -> s3cmd();
                case "curl" -> curl();
                case "wget" -> wget();
                case "scp" -> scp();
                case "rsync" -> rsync();
                case "rm" -> rm();
                case "find" -> find();
                case "shred" -> shred();
                case "unlink" -> unlink();
                case "xargs" -> xargs();
                default -> {
                }
            }
        }

        private Arguments args(Set<String> withValue) {
            return new Arguments(c.words(), c.expanded(), start + 1, withValue);
        }

        private String first(String... values) {
            for (String v : values) {
                if (v != null && !v.isEmpty()) {
                    return v;
                }
            }
            return "";
        }

        private void upload(String operation, List<Arguments.Arg> sources, Arguments.Arg target, boolean recursive,
                String endpoint, String region, String profile, List<String> includes, List<String> excludes,
                boolean deletesAtDestination) {
            if (!isRemote(tool, target.expanded()) || sources.isEmpty()
                    || sources.stream().allMatch(s -> isRemote(tool, s.expanded()))) {
                return;
            }
            uploads.add(new UploadCommand(c.line(), c.time(), tool, operation,
                    sources.stream().map(Arguments.Arg::written).toList(),
                    sources.stream().map(Arguments.Arg::expanded).toList(),
                    destination(tool, target.written(), target.expanded()), recursive, endpoint, region, profile,
                    includes, excludes, deletesAtDestination, pwd, c.raw()));
        }

        private void delete(List<Arguments.Arg> paths, boolean recursive, boolean remote, String condition) {
            if (paths.isEmpty()) {
                return;
            }
            deletes.add(new DeleteCommand(c.line(), c.time(), tool, paths.stream().map(Arguments.Arg::written).toList(),
                    paths.stream().map(Arguments.Arg::expanded).toList(), recursive, remote, condition, pwd, c.raw()));
        }

        /** Local sources of a moving command, which it deletes once copied. */
        private void deleteMovedSources(List<Arguments.Arg> sources, boolean recursive) {
            List<Arguments.Arg> local = sources.stream().filter(s -> !isRemote(tool, s.expanded())).toList();
            delete(local, recursive, false, "");
        }

        private void aws() {
            Arguments a = args(AWS_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.size() < 2) {
                return;
            }
            String endpoint = first(a.value("--endpoint-url"), env.get("AWS_ENDPOINT_URL_S3"),
                    env.get("AWS_ENDPOINT_URL"));
            String profile = first(a.value("--profile"), env.get("AWS_PROFILE"), env.get("AWS_DEFAULT_PROFILE"));
            String region = first(a.value("--region"), env.get("AWS_REGION"), env.get("AWS_DEFAULT_REGION"));
            String service = ops.get(0).expanded();
            String op = ops.get(1).expanded();
            if (service.equals("s3")) {
                List<Arguments.Arg> rest = ops.subList(2, ops.size());
                boolean recursive = a.has("--recursive");
                switch (op) {
                    case "cp", "mv", "sync" -> {
                        if (rest.size() != 2) {
                            return;
                        }
                        int before = uploads.size();
                        upload(op, rest.subList(0, 1), rest.get(1), recursive || op.equals("sync"), endpoint, region,
                                profile, a.values("--include"), a.values("--exclude"),
                                op.equals("sync") && a.has("--delete"));
                        if (op.equals("mv") && uploads.size() > before) {
                            deleteMovedSources(rest.subList(0, 1), recursive);
                        }
                    }
                    case "rm" -> delete(rest, recursive, true, "");
                    default -> {
                    }
                }
            } else if (service.equals("s3api")) {
                String bucket = a.value("--bucket");
                String key = a.value("--key");
                String target = "s3://" + bucket + "/" + key;
                if (op.equals("put-object") && !a.value("--body").isEmpty()) {
                    Arguments.Arg body = a.options.stream().filter(o -> o.name().equals("--body") && o.value() != null)
                            .reduce((x, y) -> y).orElseThrow().value();
                    upload(op, List.of(body), new Arguments.Arg(target, target), false, endpoint, region, profile,
                            List.of(), List.of(), false);
                } else if (op.equals("delete-object") && !bucket.isEmpty()) {
                    delete(List.of(new Arguments.Arg(target, target)), false, true, "");
                }
            }
        }

        private void ossutil() {
            Arguments a = args(OSSUTIL_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.isEmpty()) {
                return;
            }
            String op = ops.get(0).expanded();
            List<Arguments.Arg> rest = ops.subList(1, ops.size());
            boolean recursive = a.has("-r", "--recursive");
            String endpoint = a.value("-e", "--endpoint");
            String profile = first(a.value("-p", "--profile"), a.value("-c", "--config-file"));
            if ((op.equals("cp") || op.equals("sync")) && rest.size() >= 2) {
                upload(op, rest.subList(0, rest.size() - 1), rest.get(rest.size() - 1),
                        recursive || op.equals("sync"), endpoint, a.value("--region"), profile,
                        a.values("--include"), a.values("--exclude"), op.equals("sync") && a.has("--delete"));
            } else if (op.equals("rm")) {
                delete(rest, recursive, true, "");
            }
        }

        private void coscmd() {
            // global options come before the subcommand; the subcommand's own options after it
            int sub = start + 1;
            while (sub < c.words().size() && c.words().get(sub).startsWith("-")) {
                sub += COSCMD_GLOBAL_VALUES.contains(c.words().get(sub)) ? 2 : 1;
            }
            if (sub >= c.words().size()) {
                return;
            }
            Arguments before = new Arguments(c.words().subList(0, sub), c.expanded().subList(0, sub), start + 1,
                    COSCMD_GLOBAL_VALUES);
            Arguments a = new Arguments(c.words(), c.expanded(), sub + 1, COSCMD_VALUES);
            String op = c.words().get(sub);
            String bucket = before.value("-b", "--bucket");
            String region = before.value("-r", "--region");
            List<Arguments.Arg> rest = a.operands;
            boolean recursive = a.has("-r", "--recursive");
            if (op.equals("upload") && rest.size() >= 2) {
                Arguments.Arg key = rest.get(rest.size() - 1);
                List<Arguments.Arg> sources = rest.subList(0, rest.size() - 1);
                uploads.add(new UploadCommand(c.line(), c.time(), tool, op,
                        sources.stream().map(Arguments.Arg::written).toList(),
                        sources.stream().map(Arguments.Arg::expanded).toList(),
                        new Destination(key.written(), key.expanded(), "cos", "", "", "", bucket,
                                stripSlash(key.expanded())),
                        recursive, before.value("-e", "--endpoint"), region, before.value("-c", "--config_path"),
                        a.values("--include"), a.values("--ignore"), a.has("--delete"), pwd, c.raw()));
            } else if (op.equals("delete")) {
                delete(rest, recursive, true, "");
            }
        }

        private void coscli() {
            Arguments a = args(COSCLI_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.isEmpty()) {
                return;
            }
            String op = ops.get(0).expanded();
            List<Arguments.Arg> rest = ops.subList(1, ops.size());
            boolean recursive = a.has("-r", "--recursive");
            if ((op.equals("cp") || op.equals("sync") || op.equals("mv")) && rest.size() == 2) {
                int before = uploads.size();
                upload(op, rest.subList(0, 1), rest.get(1), recursive || op.equals("sync"), a.value("-e", "--endpoint"),
                        "", a.value("-p", "--profile", "-c", "--config-path"), a.values("--include"),
                        a.values("--exclude"), op.equals("sync") && a.has("--delete"));
                if (op.equals("mv") && uploads.size() > before) {
                    deleteMovedSources(rest.subList(0, 1), recursive);
                }
            } else if (op.equals("rm")) {
                delete(rest, recursive, true, "");
            }
        }

        private void mc() {
            Arguments a = args(MC_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.isEmpty()) {
                return;
            }
            String op = ops.get(0).expanded();
            List<Arguments.Arg> rest = ops.subList(1, ops.size());
            boolean recursive = a.has("-r", "--recursive");
            switch (op) {
                case "cp", "mv", "mirror", "put" -> {
                    if (rest.size() < 2) {
                        return;
                    }
                    List<Arguments.Arg> sources = rest.subList(0, rest.size() - 1);
                    int before = uploads.size();
                    upload(op, sources, rest.get(rest.size() - 1), recursive || op.equals("mirror"), "",
                            a.value("--region"), a.value("-C", "--config-dir"), List.of(), a.values("--exclude"),
                            op.equals("mirror") && a.has("--remove"));
                    if (op.equals("mv") && uploads.size() > before) {
                        deleteMovedSources(sources, recursive);
                    }
                }
                case "rm" -> {
                    String condition = String.join(" ", conditionOptions(a, "--older-than", "--newer-than"));
                    List<Arguments.Arg> remote = rest.stream().filter(p -> isRemote(tool, p.expanded())).toList();
                    List<Arguments.Arg> local = rest.stream().filter(p -> !isRemote(tool, p.expanded())).toList();
                    delete(remote, recursive, true, condition);
                    delete(local, recursive, false, condition);
                }
                default -> {
                }
            }
        }

        private static List<String> conditionOptions(Arguments a, String... names) {
            List<String> out = new ArrayList<>();
            for (Arguments.Option o : a.options) {
                for (String n : names) {
                    if (o.name().equals(n) && o.value() != null) {
                        out.add(n + " " + o.value().expanded());
                    }
                }
            }
            return out;
        }

        private void rclone() {
            Arguments a = args(RCLONE_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.isEmpty()) {
                return;
            }
            String op = ops.get(0).expanded();
            List<Arguments.Arg> rest = ops.subList(1, ops.size());
            String condition = String.join(" ", conditionOptions(a, "--min-age", "--max-age", "--include",
                    "--exclude"));
            switch (op) {
                case "copy", "sync", "move", "copyto", "moveto" -> {
                    if (rest.size() != 2) {
                        return;
                    }
                    boolean toFile = op.endsWith("to");
                    upload(op, rest.subList(0, 1), rest.get(1), !toFile, a.value("--s3-endpoint"),
                            a.value("--s3-region"), a.value("--config"), a.values("--include"), a.values("--exclude"),
                            op.equals("sync"));
                    if (op.startsWith("move")) {
                        Arguments.Arg source = rest.get(0);
                        delete(List.of(source), !toFile, isRemote(tool, source.expanded()), condition);
                    }
                }
                case "delete", "purge", "deletefile" -> delete(rest, !op.equals("deletefile"),
                        rest.stream().allMatch(p -> isRemote(tool, p.expanded())), condition);
                default -> {
                }
            }
        }

        private void s3cmd() {
            Arguments a = args(S3CMD_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.isEmpty()) {
                return;
            }
            String op = ops.get(0).expanded();
            List<Arguments.Arg> rest = ops.subList(1, ops.size());
            boolean recursive = a.has("-r", "--recursive");
            if ((op.equals("put") || op.equals("sync") || op.equals("cp") || op.equals("mv")) && rest.size() >= 2) {
                List<Arguments.Arg> sources = rest.subList(0, rest.size() - 1);
                int before = uploads.size();
                upload(op, sources, rest.get(rest.size() - 1), recursive || op.equals("sync"), a.value("--host"),
                        first(a.value("--region"), a.value("--bucket-location")), a.value("-c", "--config"),
                        a.values("--include"), a.values("--exclude"), a.has("--delete-removed"));
                if (op.equals("mv") && uploads.size() > before) {
                    deleteMovedSources(sources, recursive);
                }
            } else if (op.equals("del") || op.equals("rm")) {
                delete(rest, recursive, true, "");
            }
        }

        private void curl() {
            Arguments a = args(CURL_VALUES);
            List<Arguments.Arg> files = new ArrayList<>();
            String operation = a.value("-X", "--request");
            for (Arguments.Option o : a.options) {
                if (o.value() == null) {
                    continue;
                }
                String v = o.value().expanded();
                String w = o.value().written();
                switch (o.name()) {
                    case "-T", "--upload-file" -> {
                        files.add(o.value());
                        operation = first(operation, "PUT");
                    }
                    case "-d", "--data", "--data-binary", "--data-ascii" -> {
                        if (v.startsWith("@") && v.length() > 1) {
                            files.add(new Arguments.Arg(w.startsWith("@") ? w.substring(1) : w, v.substring(1)));
                            operation = first(operation, "POST");
                        }
                    }
                    case "-F", "--form" -> {
                        int at = v.indexOf("=@");
                        int lt = v.indexOf("=<");
                        int from = at >= 0 ? at : lt;
                        if (from >= 0) {
                            String file = v.substring(from + 2).replaceFirst(";.*", "");
                            int wfrom = Math.max(w.indexOf("=@"), w.indexOf("=<"));
                            String wfile = wfrom >= 0 ? w.substring(wfrom + 2).replaceFirst(";.*", "") : file;
                            files.add(new Arguments.Arg(wfile, file));
                            operation = first(operation, "POST");
                        }
                    }
                    default -> {
                    }
                }
            }
            List<Arguments.Arg> urls = new ArrayList<>(a.operands);
            a.options.stream().filter(o -> o.name().equals("--url") && o.value() != null)
                    .forEach(o -> urls.add(o.value()));
            if (files.isEmpty() || urls.isEmpty()) {
                return;
            }
            Arguments.Arg url = urls.get(0);
            String target = url.expanded().contains("://") ? url.expanded() : "http://" + url.expanded();
            uploads.add(new UploadCommand(c.line(), c.time(), tool, operation.toUpperCase(Locale.ROOT),
                    files.stream().map(Arguments.Arg::written).toList(),
                    files.stream().map(Arguments.Arg::expanded).toList(),
                    destination(tool, url.written(), target), false, "", "", "", List.of(), List.of(), false, pwd,
                    c.raw()));
        }

        private void wget() {
            Arguments a = args(WGET_VALUES);
            String file = first(a.value("--post-file"), a.value("--body-file"));
            if (file.isEmpty() || a.operands.isEmpty()) {
                return;
            }
            Arguments.Arg source = a.options.stream()
                    .filter(o -> (o.name().equals("--post-file") || o.name().equals("--body-file")) && o.value() != null)
                    .reduce((x, y) -> y).orElseThrow().value();
            Arguments.Arg url = a.operands.get(0);
            String method = first(a.value("--method"), "POST").toUpperCase(Locale.ROOT);
            uploads.add(new UploadCommand(c.line(), c.time(), tool, method, List.of(source.written()),
                    List.of(source.expanded()), destination(tool, url.written(), url.expanded()), false, "", "", "",
                    List.of(), List.of(), false, pwd, c.raw()));
        }

        private void scp() {
            Arguments a = args(SCP_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.size() < 2) {
                return;
            }
            upload("scp", ops.subList(0, ops.size() - 1), ops.get(ops.size() - 1), a.has("-r"), "", "", "",
                    List.of(), List.of(), false);
        }

        private void rsync() {
            Arguments a = args(RSYNC_VALUES);
            List<Arguments.Arg> ops = a.operands;
            if (ops.size() < 2) {
                return;
            }
            boolean recursive = a.has("-r", "-a", "--recursive", "--archive");
            boolean deleting = a.options.stream().anyMatch(o -> o.name().startsWith("--delete"));
            List<Arguments.Arg> sources = ops.subList(0, ops.size() - 1);
            int before = uploads.size();
            upload("rsync", sources, ops.get(ops.size() - 1), recursive, "", "", "", a.values("--include"),
                    a.values("--exclude"), deleting);
            if (a.has("--remove-source-files") && uploads.size() > before) {
                deleteMovedSources(sources, recursive);
            }
        }

        private void rm() {
            Arguments a = args(Set.of());
            delete(a.operands, a.has("-r", "-R", "--recursive"), false, "");
        }

        private void unlink() {
            Arguments a = args(Set.of());
            delete(a.operands, false, false, "");
        }

        private void shred() {
            Arguments a = args(SHRED_VALUES);
            if (a.has("-u", "--remove") || a.options.stream().anyMatch(o -> o.name().startsWith("--remove"))) {
                delete(a.operands, false, false, "");
            }
        }

        private void find() {
            Find f = Find.of(c.words(), c.expanded(), start);
            if (f.deletes) {
                delete(f.paths, true, false, f.condition);
            }
        }

        private void xargs() {
            Arguments a = args(XARGS_VALUES);
            if (a.operands.isEmpty()) {
                return;
            }
            String program = Programs.canonical(a.operands.get(0).expanded());
            List<Arguments.Arg> rest = a.operands.subList(1, a.operands.size());
            Arguments inner = new Arguments(rest.stream().map(Arguments.Arg::written).toList(),
                    rest.stream().map(Arguments.Arg::expanded).toList(), 0, SHRED_VALUES);
            boolean deleting = program.equals("rm") || program.equals("unlink")
                    || program.equals("shred") && inner.has("-u", "--remove");
            if (!deleting) {
                return;
            }
            boolean recursive = program.equals("rm") && inner.has("-r", "-R", "--recursive");
            List<Arguments.Arg> paths = inner.operands.stream().filter(p -> !p.expanded().equals("{}")).toList();
            String condition = previous == null ? "" : "names read from: " + previous.raw();
            int previousStart = previous == null ? 0 : Programs.start(previous.words());
            if (previous != null && previousStart < previous.words().size()
                    && Programs.canonical(previous.words().get(previousStart)).equals("find")) {
                Find f = Find.of(previous.words(), previous.expanded(), previousStart);
                paths = f.paths;
                condition = f.condition;
                recursive = true;
            }
            if (paths.isEmpty()) {
                paths = List.of(new Arguments.Arg("", ""));
            }
            deletes.add(new DeleteCommand(c.line(), c.time(), "xargs " + program,
                    paths.stream().map(Arguments.Arg::written).toList(),
                    paths.stream().map(Arguments.Arg::expanded).toList(), recursive, false, condition, pwd, c.raw()));
        }
    }

    /** A find command read into its starting paths, its test and whether its action deletes. */
    private static final class Find {
        final List<Arguments.Arg> paths = new ArrayList<>();
        String condition = "";
        boolean deletes;

        static Find of(List<String> words, List<String> expanded, int start) {
            Find f = new Find();
            int i = start + 1;
            while (i < words.size() && words.get(i).matches("-[HLP]|-O\\d|-D")) {
                i += words.get(i).equals("-D") ? 2 : 1;
            }
            while (i < words.size() && !words.get(i).startsWith("-") && !words.get(i).equals("(")
                    && !words.get(i).equals("!") && !words.get(i).equals("\\(")) {
                f.paths.add(new Arguments.Arg(words.get(i), expanded.get(i)));
                i++;
            }
            if (f.paths.isEmpty()) {
                f.paths.add(new Arguments.Arg(".", "."));
            }
            List<String> test = new ArrayList<>();
            while (i < words.size()) {
                String w = expanded.get(i);
                if (w.equals("-delete")) {
                    f.deletes = true;
                    i++;
                } else if (w.equals("-exec") || w.equals("-execdir") || w.equals("-ok") || w.equals("-okdir")) {
                    int end = i + 1;
                    while (end < words.size() && !expanded.get(end).equals(";") && !expanded.get(end).equals("+")) {
                        end++;
                    }
                    List<String> action = expanded.subList(Math.min(i + 1, end), end);
                    if (!action.isEmpty()) {
                        String program = Programs.canonical(action.get(0));
                        f.deletes |= program.equals("rm") || program.equals("unlink")
                                || program.equals("shred") && action.stream().anyMatch(x -> x.matches("-[a-z]*u[a-z]*|--remove.*"));
                    }
                    i = end + 1;
                } else if (w.equals("-print") || w.equals("-print0") || w.equals("-ls")) {
                    i++;
                } else {
                    test.add(w);
                    i++;
                }
            }
            f.condition = String.join(" ", test);
            return f;
        }
    }
}
