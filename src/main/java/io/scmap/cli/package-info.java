/**
 * Command line: picocli commands that wire the stages together; no logic of their own.
 */
@NullMarked
package io.scmap.cli;

import org.jspecify.annotations.NullMarked;
