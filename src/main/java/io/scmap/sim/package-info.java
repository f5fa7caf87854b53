/**
 * Sim stage: a simulated SoundCloud, deterministic from a seed, served over HTTP on loopback with the
 * paths, JSON shapes and pagination of the web API. It plants scenes and writes its ground truth so that
 * tests and the demo can score how well a map recovers them.
 */
@NullMarked
package io.scmap.sim;

import org.jspecify.annotations.NullMarked;
