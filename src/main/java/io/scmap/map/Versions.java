package io.scmap.map;

/** What produced the files: tool version, Java and operating system. */
final class Versions {
    private Versions() {}

    /** The version in the jar manifest, or "development" when running from classes. */
    static String tool() {
        String v = Versions.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
