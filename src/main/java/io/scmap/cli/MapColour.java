package io.scmap.cli;

import io.scmap.map.StaticMapParams;

/** What the dots of the static map show, as typed on the command line ({@code --colour}). */
enum MapColour {
    scene(StaticMapParams.Colouring.SCENE),
    generation(StaticMapParams.Colouring.GENERATION);

    final StaticMapParams.Colouring colouring;

    MapColour(StaticMapParams.Colouring colouring) {
        this.colouring = colouring;
    }
}
