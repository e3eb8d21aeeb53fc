package org.huisu.trace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.huisu.core.Json;
import org.huisu.core.casefolder.Case;
import org.huisu.core.progress.Progress;
import org.huisu.core.store.CaseStore;
import org.huisu.trace.chain.ChainBuilder;
import org.huisu.trace.chain.Chains;
import org.huisu.trace.link.CaseIndex;
import org.huisu.trace.link.Linker;
import org.huisu.trace.link.Links;

/**
 * The correlate step of {@code huisu analyze}: every linker over the whole case, the relations they
 * made before replaced by those they make now (so that correlating twice gives one graph), then the
 * chains and statistics assembled from that graph and kept in the case for {@code chain} and {@code stats}.
 */
public final class Correlation {

    /** Where the assembled chains are kept (case_info). */
    public static final String CHAINS = "trace.chains";

    private final Case theCase;
    private final List<Linker> linkers;

    public Correlation(Case theCase, List<Linker> linkers) {
        this.theCase = theCase;
        this.linkers = linkers;
    }

    /** Every linker on the class path, by order and name. */
    public static List<Linker> discover() {
        List<Linker> all = new ArrayList<>();
        ServiceLoader.load(Linker.class).forEach(all::add);
        all.sort(Comparator.comparingInt(Linker::order).thenComparing(Linker::name));
        return all;
    }

    /** The linkers {@code --only} and {@code --skip} leave, of the names that are linkers'. */
    public static List<Linker> select(List<Linker> all, Set<String> only, Set<String> skip) {
        Set<String> names = new LinkedHashSet<>();
        all.forEach(l -> names.add(l.name()));
        Set<String> onlyLinkers = new LinkedHashSet<>(only);
        onlyLinkers.retainAll(names);
        return all.stream().filter(l -> onlyLinkers.isEmpty() || onlyLinkers.contains(l.name()))
                .filter(l -> !skip.contains(l.name())).toList();
    }

    /** What a run made: relations per linker, the chains, how long it took. */
    public record Summary(Map<String, Long> relations, Chains chains, Duration elapsed) {
    }

    public Summary run(Progress progress) {
        long start = System.nanoTime();
        CaseStore store = theCase.store();
        try {
            return store.inTransaction(() -> {
                CaseIndex index = CaseIndex.load(store, theCase::newConnection);
                for (Linker l : linkers) {
                    store.deleteRelations(l.name());
                }
                // relations of a linker that no longer exists (renamed, removed) would stand unexplained
                Set<String> known = new LinkedHashSet<>();
                discover().forEach(l -> known.add(l.name()));
                for (String made : store.relationCounts().keySet()) {
                    if (!known.contains(made)) {
                        store.deleteRelations(made);
                    }
                }
                Links links = new Links(store.maxId("relations") + 1, store::insertRelations);
                Map<String, Long> made = new LinkedHashMap<>();
                progress.discovered(linkers.size(), 0);
                progress.discoveryComplete();
                for (Linker l : linkers) {
                    links.startLinker(l.name());
                    l.link(index, links);
                    links.flush();
                    made.put(l.name(), links.counts().getOrDefault(l.name(), 0L));
                    progress.finishedItems(1);
                }
                Chains chains = new ChainBuilder(index, links).build(theCase.info().name());
                store.putInfo(CHAINS, Json.write(chains));
                return new Summary(made, chains, Duration.ofNanos(System.nanoTime() - start));
            });
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            progress.close();
        }
    }

    /** The chains the last correlation assembled, or null when the case was never correlated. */
    public static Chains stored(CaseStore store) {
        return store.info(CHAINS).map(text -> {
            try {
                return Json.mapper().readValue(text, Chains.class);
            } catch (java.io.IOException e) {
                throw new IllegalStateException("the stored chains cannot be read; run huisu analyze again", e);
            }
        }).orElse(null);
    }
}
