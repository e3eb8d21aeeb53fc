package org.huisu.core.casefolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.huisu.core.HuisuException;
import org.huisu.core.i18n.Messages;

/** The one place that knows a case folder's layout: case.db, audit.jsonl, objects/, reports/. */
public final class CaseFolder {

    public static final String DATABASE = "case.db";
    public static final String AUDIT_LOG = "audit.jsonl";
    public static final String OBJECTS = "objects";
    public static final String REPORTS = "reports";

    private final Path root;

    private CaseFolder(Path root) {
        this.root = root;
    }

    /**
     * Makes the folder layout of a new case. The folder may exist if it is empty.
     *
     * @throws HuisuException when the folder is already a case or holds other files
     */
    public static CaseFolder create(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (Files.exists(root.resolve(DATABASE))) {
            throw HuisuException.usage(Messages.core("case.alreadyCase", root));
        }
        if (Files.exists(root) && !Files.isDirectory(root)) {
            throw HuisuException.usage(Messages.core("case.isFile", root));
        }
        if (Files.isDirectory(root) && !isEmpty(root)) {
            throw HuisuException.usage(Messages.core("case.notEmpty", root));
        }
        try {
            Files.createDirectories(root.resolve(OBJECTS));
            Files.createDirectories(root.resolve(REPORTS));
        } catch (IOException e) {
            throw HuisuException.unreadable(Messages.core("case.cannotCreate", root, e.getMessage()), e);
        }
        return new CaseFolder(root);
    }

    /**
     * Opens an existing case.
     *
     * @throws HuisuException when the folder is missing or is not a case
     */
    public static CaseFolder open(Path folder) {
        Path root = folder.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw HuisuException.unreadable(Messages.core("case.missing", root, folder));
        }
        if (!Files.isRegularFile(root.resolve(DATABASE))) {
            throw HuisuException.unreadable(Messages.core("case.notACase", root, DATABASE));
        }
        return new CaseFolder(root);
    }

    /** True when the folder looks like a case, without opening it. */
    public static boolean isCase(Path folder) {
        return Files.isRegularFile(folder.resolve(DATABASE));
    }

    public Path root() {
        return root;
    }

    public Path database() {
        return root.resolve(DATABASE);
    }

    public Path auditLog() {
        return root.resolve(AUDIT_LOG);
    }

    public Path objects() {
        return root.resolve(OBJECTS);
    }

    public Path reports() {
        return root.resolve(REPORTS);
    }

    /** Scratch space for working copies during analysis; emptied at every run. */
    public Path workspace() {
        return root.resolve(".work");
    }

    /**
     * What an interrupted remote inspection had already downloaded, one journal per place inspected,
     * so that running the same command again resumes it; removed when the inspection is recorded.
     */
    public Path resumeJournals() {
        return root.resolve(".resume");
    }

    /** Held while {@code huisu analyze} runs, so that two analyses never write at once. */
    public Path analysisLock() {
        return root.resolve(".analyze.lock");
    }

    private static boolean isEmpty(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            throw HuisuException.unreadable(Messages.core("case.cannotList", dir, e.getMessage()), e);
        }
    }

    @Override
    public String toString() {
        return root.toString();
    }
}
