package io.scmap.cli;

/** Entry point of the {@code scmap} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(ScmapCommand.execute(args));
    }
}
