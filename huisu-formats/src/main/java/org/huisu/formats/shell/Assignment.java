package org.huisu.formats.shell;

/**
 * A shell variable as a script set it: its name, the line of the assignment, the value as written
 * ({@code $(date -d yesterday +%Y%m%d)}), the value with the variables known then substituted, and whether
 * that value is literal (holds no expansion left to run, so it may be substituted into later words).
 */
public record Assignment(String name, int line, String written, String value, boolean literal) {
}
