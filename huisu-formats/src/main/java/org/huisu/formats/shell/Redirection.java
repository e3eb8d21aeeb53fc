package org.huisu.formats.shell;

/**
 * A redirection of a simple command: the operator as written ({@code >>}, {@code 2>}, {@code <<EOF}'s
 * {@code <<}), its target word's text, and for a here-document its body.
 */
public record Redirection(String operator, String target, String hereDocument) {
}
