package org.huisu.extract.archive;

/**
 * What an archive may expand to before it is taken for a bomb and refused: members, bytes per
 * member and in all, the ratio of unpacked to packed bytes, and how deep archives may nest.
 */
record ArchiveLimits(long maxMembers, long maxMemberBytes, long maxTotalBytes, double maxRatio,
        long ratioFloorBytes, int maxDepth) {

    static final ArchiveLimits DEFAULT = new ArchiveLimits(500_000, 8L << 30, 64L << 30, 200, 64L << 20, 8);
}
