package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LabelPlacerTest {
    private static final Box CANVAS = new Box(0, 0, 1000, 800);
    private static final double PADDING = 6;
    /** A monospaced stand-in for font metrics: 0.6 font sizes per character. */
    private static final LabelPlacer.Measurer MONO = (line, size) -> line.length() * size * 0.6;

    private static LabelPlacer placer() {
        return new LabelPlacer(CANVAS, PADDING, 12, MONO, LabelPlacer.NO_COST);
    }

    private static List<LabelPlacer.Request> crowd(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabelPlacer.Request> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int words = 1 + random.nextInt(3);
            List<String> lines = new ArrayList<>();
            for (int w = 0; w < words; w++) {
                lines.add("x".repeat(3 + random.nextInt(20)));
            }
            requests.add(new LabelPlacer.Request(
                    i,
                    lines,
                    random.nextDouble(-50, 1050),
                    random.nextDouble(-50, 850),
                    random.nextDouble(12, 40),
                    random.nextInt(1000)));
        }
        return requests;
    }

    @Test
    void placedBoxesKeepThePaddingBetweenThemAndStayOnTheCanvas() {
        LabelPlacer.Placement p = placer().place(crowd(300, 1));
        List<Box> boxes = p.boxes();
        assertThat(boxes).hasSizeGreaterThan(20);
        assertThat(p.dropped()).isNotEmpty();
        for (int i = 0; i < boxes.size(); i++) {
            Box a = boxes.get(i);
            assertThat(a.x()).isGreaterThanOrEqualTo(0);
            assertThat(a.y()).isGreaterThanOrEqualTo(0);
            assertThat(a.x() + a.width()).isLessThanOrEqualTo(1000);
            assertThat(a.y() + a.height()).isLessThanOrEqualTo(800);
            for (int j = i + 1; j < boxes.size(); j++) {
                Box b = boxes.get(j);
                boolean apart = a.x() + a.width() + PADDING <= b.x()
                        || b.x() + b.width() + PADDING <= a.x()
                        || a.y() + a.height() + PADDING <= b.y()
                        || b.y() + b.height() + PADDING <= a.y();
                assertThat(apart).as("boxes %d and %d: %s %s", i, j, a, b).isTrue();
            }
        }
    }

    @Test
    void everyRequestIsEitherPlacedOrReportedDropped() {
        List<LabelPlacer.Request> requests = crowd(200, 2);
        LabelPlacer.Placement p = placer().place(requests);
        List<Integer> ids = new ArrayList<>();
        p.placed().forEach(x -> ids.add(x.request().id()));
        p.dropped().forEach(r -> ids.add(r.id()));
        Collections.sort(ids);
        assertThat(ids).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void placedBoxesFitTheirTextAtTheFontSizeUsed() {
        for (LabelPlacer.Placed placed : placer().place(crowd(100, 3)).placed()) {
            List<String> lines = placed.request().lines();
            double widest = lines.stream()
                    .mapToDouble(l -> MONO.width(l, placed.fontSize()))
                    .max()
                    .orElseThrow();
            assertThat(placed.box().width()).isEqualTo(widest);
            assertThat(placed.box().height()).isEqualTo(lines.size() * placed.fontSize() * LabelPlacer.LINE_HEIGHT);
            assertThat(placed.fontSize()).isIn(placed.request().fontSize(), 12.0);
        }
    }

    @Test
    void aLabelWithRoomSitsCentredOnItsAnchor() {
        LabelPlacer.Request r = new LabelPlacer.Request(7, List.of("hello"), 300, 200, 20, 1);
        Box box = placer().place(List.of(r)).placed().get(0).box();
        assertThat(box.centreX()).isEqualTo(300);
        assertThat(box.centreY()).isEqualTo(200);
    }

    @Test
    void biggerScenesWinTheSpotAndSmallerOnesMoveAside() {
        LabelPlacer.Request small = new LabelPlacer.Request(1, List.of("small scene"), 500, 400, 20, 10);
        LabelPlacer.Request big = new LabelPlacer.Request(2, List.of("big scene"), 500, 400, 20, 900);
        LabelPlacer.Placement p = placer().place(List.of(small, big));
        assertThat(p.placed()).extracting(x -> x.request().id()).containsExactly(2, 1);
        Box bigBox = p.placed().get(0).box();
        assertThat(bigBox.centreX()).isEqualTo(500);
        assertThat(bigBox.centreY()).isEqualTo(400);
        Box smallBox = p.placed().get(1).box();
        assertThat(smallBox.overlaps(bigBox, PADDING)).isFalse();
        // The nearest free spot is straight above: vertical moves are preferred to sideways ones.
        assertThat(smallBox.centreX()).isEqualTo(500);
        assertThat(smallBox.bottom()).isLessThanOrEqualTo(bigBox.y() - PADDING);
    }

    @Test
    void whenOnlyOneFitsTheLowerPriorityLabelIsDropped() {
        Box tight = new Box(0, 0, 200, 30);
        LabelPlacer placer = new LabelPlacer(tight, 4, 20, MONO, LabelPlacer.NO_COST);
        LabelPlacer.Request low = new LabelPlacer.Request(1, List.of("aaaaaaaaaa"), 100, 15, 20, 5);
        LabelPlacer.Request high = new LabelPlacer.Request(2, List.of("bbbbbbbbbb"), 100, 15, 20, 6);
        LabelPlacer.Placement p = placer.place(List.of(low, high));
        assertThat(p.placed()).extracting(x -> x.request().id()).containsExactly(2);
        assertThat(p.dropped()).extracting(LabelPlacer.Request::id).containsExactly(1);
    }

    @Test
    void aLabelWiderThanTheCanvasIsDropped() {
        LabelPlacer.Request wide = new LabelPlacer.Request(1, List.of("w".repeat(200)), 500, 400, 20, 1);
        LabelPlacer.Placement p = new LabelPlacer(CANVAS, PADDING, 20, MONO, LabelPlacer.NO_COST).place(List.of(wide));
        assertThat(p.placed()).isEmpty();
        assertThat(p.dropped()).hasSize(1);
    }

    @Test
    void labelsThatDoNotFitAtTheirSizeTryTheSmallestSize() {
        Box canvas = new Box(0, 0, 300, 100);
        LabelPlacer placer = new LabelPlacer(canvas, 2, 10, MONO, LabelPlacer.NO_COST);
        // 40 characters at size 20 are 480 wide: only the smallest size (240 wide) fits.
        LabelPlacer.Placement p =
                placer.place(List.of(new LabelPlacer.Request(1, List.of("m".repeat(40)), 150, 50, 20, 1)));
        assertThat(p.placed())
                .singleElement()
                .extracting(LabelPlacer.Placed::fontSize)
                .isEqualTo(10.0);
    }

    @Test
    void aLabelAvoidsCostlySpotsWhenAFreeOneIsNear() {
        Box blob = new Box(480, 380, 40, 40);
        LabelPlacer.Cost hidesBlob = box -> box.overlaps(blob, 0) ? 1 : 0;
        LabelPlacer placer = new LabelPlacer(CANVAS, PADDING, 12, MONO, hidesBlob);
        Box box = placer.place(List.of(new LabelPlacer.Request(1, List.of("scene"), 500, 400, 20, 1)))
                .placed()
                .get(0)
                .box();
        assertThat(box.overlaps(blob, 0)).isFalse();
        assertThat(Math.hypot(box.centreX() - 500, box.centreY() - 400)).isLessThan(80);
    }

    @Test
    void anAreaLimitKeepsTheHighestPriorityLabelsThatFit() {
        LabelPlacer.Placement all = placer().place(crowd(100, 5));
        double total =
                all.boxes().stream().mapToDouble(b -> b.width() * b.height()).sum();
        LabelPlacer.Placement half = all.limitedTo(total / 2);
        double kept =
                half.boxes().stream().mapToDouble(b -> b.width() * b.height()).sum();
        assertThat(kept).isLessThanOrEqualTo(total / 2);
        assertThat(half.placed())
                .isEqualTo(all.placed().subList(0, half.placed().size()));
        Box next = all.placed().get(half.placed().size()).box();
        assertThat(kept + next.width() * next.height()).isGreaterThan(total / 2);
        assertThat(half.placed().size() + half.dropped().size()).isEqualTo(100);
        assertThat(all.limitedTo(total)).isEqualTo(all);
    }

    @Test
    void samePlacementWhateverTheOrderOfTheRequests() {
        List<LabelPlacer.Request> requests = crowd(150, 4);
        LabelPlacer.Placement first = placer().place(requests);
        List<LabelPlacer.Request> shuffled = new ArrayList<>(requests);
        Collections.shuffle(shuffled, new Random(9));
        LabelPlacer.Placement second = placer().place(shuffled);
        assertThat(second.placed()).isEqualTo(first.placed());
        assertThat(second.dropped()).isEqualTo(first.dropped());
    }

    @Test
    void fontSizeGrowsWithSceneSizeWithinBounds() {
        assertThat(LabelPlacer.fontSize(1000, 1000, 20, 40)).isEqualTo(40);
        assertThat(LabelPlacer.fontSize(250, 1000, 20, 40)).isEqualTo(30);
        assertThat(LabelPlacer.fontSize(0, 1000, 20, 40)).isEqualTo(20);
        assertThat(LabelPlacer.fontSize(5000, 1000, 20, 40)).isEqualTo(40);
        assertThat(LabelPlacer.fontSize(10, 1000, 20, 40))
                .isGreaterThan(20)
                .isLessThan(LabelPlacer.fontSize(11, 1000, 20, 40));
    }

    @Test
    void rejectsBadArguments() {
        assertThatThrownBy(() -> new LabelPlacer(CANVAS, -1, 12, MONO, LabelPlacer.NO_COST))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("padding")
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> new LabelPlacer.Request(3, List.of(), 0, 0, 10, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lines");
        assertThatThrownBy(() -> new LabelPlacer.Request(3, List.of("a"), 0, 0, 0, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("fontSize");
    }
}
