package org.huisu.cli;

/** How a read command prints: for people, or for programs. */
public enum OutputFormat {
    text, json
}
