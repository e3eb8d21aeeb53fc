package org.huisu.scenario.world;

import java.util.Random;

/**
 * Independent, repeatable random streams: one per thing generated, derived from the scenario's
 * seed, so that generating in parallel, or in another order, gives the same bytes.
 */
public final class Seeds {

    private Seeds() {
    }

    public static Random stream(long seed, String what, long index) {
        long h = seed * 0x9E3779B97F4A7C15L + index;
        for (int i = 0; i < what.length(); i++) {
            h = (h ^ what.charAt(i)) * 0x100000001B3L;
        }
        // SplitMix64 finaliser: nearby inputs give unrelated seeds
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return new Random(h ^ (h >>> 31));
    }
}
