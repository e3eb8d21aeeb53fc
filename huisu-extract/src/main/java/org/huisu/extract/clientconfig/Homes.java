package org.huisu.extract.clientconfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.huisu.core.model.ArtifactKind;
import org.huisu.core.pipeline.Item;

/**
 * Where a machine's tree begins inside a source and where its users' homes are: a source may hold
 * the machine at its top ({@code /etc/crontab}), under a folder ({@code /rootfs/etc/crontab}) or
 * inside an archive ({@code /x.tar.gz!/etc/crontab}), so paths are matched by what they end with.
 */
public final class Homes {

    private static final List<String> MACHINE_FOLDERS = List.of("home", "root", "etc");

    private Homes() {
    }

    /** The user whose home holds {@code locator} ({@code /home/u/…} is u, {@code /root/…} is root); empty if none. */
    public static Optional<String> userOf(String locator) {
        return homeOf(locator).map(home -> {
            String trimmed = home.substring(0, home.length() - 1);
            return trimmed.substring(trimmed.lastIndexOf('/') + 1);
        });
    }

    /** The home folder that holds {@code locator}, ending with a slash; empty if it is in none. */
    public static Optional<String> homeOf(String locator) {
        int home = locator.indexOf("/home/");
        int root = locator.indexOf("/root/");
        if (home >= 0 && (root < 0 || home < root)) {
            int slash = locator.indexOf('/', home + 6);
            return slash > home + 6 ? Optional.of(locator.substring(0, slash + 1)) : Optional.empty();
        }
        return root >= 0 ? Optional.of(locator.substring(0, root + 6)) : Optional.empty();
    }

    /** The folder that holds {@code locator}, ending with a slash. */
    public static String folderOf(String locator) {
        return locator.substring(0, locator.lastIndexOf('/') + 1);
    }

    /** The home of {@code user} on the machine whose tree begins at {@code root}. */
    public static String homeOf(String root, String user) {
        return user.equals("root") ? root + "root/" : root + "home/" + user + "/";
    }

    /** The prefix of the machine's tree that holds the item, ending with a slash ({@code /} at the top). */
    public static String root(Item item) {
        // a folder, not a file: Red Hat's /var/spool/cron/root is root's crontab
        return root(item.locator(), folder -> item.at(folder)
                .filter(f -> f.artifact().kind() == ArtifactKind.DIRECTORY).isPresent());
    }

    /**
     * The prefix before the machine's own folders: before {@code home/}, {@code root/} or {@code etc/} when
     * the locator passes through one, else the deepest folder above it that holds one of them.
     */
    public static String root(String locator, Predicate<String> exists) {
        int first = -1;
        for (String folder : MACHINE_FOLDERS) {
            int at = locator.indexOf("/" + folder + "/");
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first >= 0) {
            return locator.substring(0, first + 1);
        }
        int member = locator.lastIndexOf("!/");
        if (member >= 0) {
            // archives keep no folders of their own: the machine is the archive's top
            return locator.startsWith("./", member + 2) ? locator.substring(0, member + 4)
                    : locator.substring(0, member + 2);
        }
        for (int slash = locator.lastIndexOf('/'); slash >= 0; slash = locator.lastIndexOf('/', slash - 1)) {
            String prefix = locator.substring(0, slash + 1);
            for (String folder : MACHINE_FOLDERS) {
                if (exists.test(prefix + folder)) {
                    return prefix;
                }
            }
            if (slash == 0) {
                break;
            }
        }
        return "/";
    }

    /** Every home of the machine: {@code root/} first, then the folders in {@code home/}, each ending with a slash. */
    public static List<String> all(Item item, String root) {
        int member = root.lastIndexOf("!/");
        if (member >= 0) {
            return inArchive(item, root, root.substring(0, member));
        }
        List<String> homes = new ArrayList<>();
        if (item.at(root + "root").filter(f -> f.artifact().kind() == ArtifactKind.DIRECTORY).isPresent()) {
            homes.add(root + "root/");
        }
        item.at(root + "home").ifPresent(home -> {
            for (Item user : home.children()) {
                if (user.artifact().kind() == ArtifactKind.DIRECTORY) {
                    homes.add(user.locator() + "/");
                }
            }
        });
        return homes;
    }

    /** An archive lists no folders: its homes are told from the paths of its members. */
    private static List<String> inArchive(Item item, String root, String archive) {
        Set<String> homes = new TreeSet<>();
        boolean rootHome = false;
        for (Item m : item.at(archive).map(Item::children).orElse(List.of())) {
            String l = m.locator();
            if (l.startsWith(root + "root/")) {
                rootHome = true;
            } else if (l.startsWith(root + "home/")) {
                int slash = l.indexOf('/', root.length() + 5);
                if (slash > root.length() + 5) {
                    homes.add(l.substring(0, slash + 1));
                }
            }
        }
        List<String> all = new ArrayList<>();
        if (rootHome) {
            all.add(root + "root/");
        }
        all.addAll(homes);
        return all;
    }
}
