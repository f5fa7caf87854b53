package io.scmap.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** The pieces under the static map: PNG encoding, dot cover, label anchors, text fitting. */
class StaticPartsTest {
    @Test
    void pngEncoderRoundTripsEveryPixelWithAndWithoutAlpha() throws Exception {
        SplittableRandom random = new SplittableRandom(5);
        for (int type : new int[] {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB}) {
            BufferedImage image = new BufferedImage(37, 23, type);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    image.setRGB(x, y, random.nextInt());
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PngEncoder.write(image, out);
            BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
            assertThat(back.getColorModel().hasAlpha()).isEqualTo(type == BufferedImage.TYPE_INT_ARGB);
            for (int y = 0; y < 23; y++) {
                for (int x = 0; x < 37; x++) {
                    assertThat(back.getRGB(x, y)).isEqualTo(image.getRGB(x, y));
                }
            }
        }
    }

    @Test
    void pngEncoderSplitsLargeImagesIntoChunksThatDecode() throws Exception {
        SplittableRandom random = new SplittableRandom(6);
        BufferedImage noise = new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                noise.setRGB(x, y, random.nextInt());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PngEncoder.write(noise, out);
        assertThat(out.size()).isGreaterThan(3 * (1 << 16)); // random pixels do not compress: several IDATs
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(back.getRGB(399, 299)).isEqualTo(noise.getRGB(399, 299));
    }

    @Test
    void pngEncoderRejectsOtherImageTypes() {
        BufferedImage grey = new BufferedImage(2, 2, BufferedImage.TYPE_BYTE_GRAY);
        assertThatThrownBy(() -> PngEncoder.write(grey, new ByteArrayOutputStream()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("TYPE_INT_RGB");
    }

    @Test
    void dotCoverCountsTheDotsInTheCellsABoxTouches() {
        SplittableRandom random = new SplittableRandom(8);
        int n = 2000;
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = (float) random.nextDouble(0, 500);
            y[i] = (float) random.nextDouble(0, 400);
        }
        DotCover cover = new DotCover(500, 400, x, y, 2, 10);
        for (int k = 0; k < 200; k++) {
            double bx = random.nextDouble(0, 480);
            double by = random.nextDouble(0, 380);
            Box box = new Box(bx, by, random.nextDouble(1, 500 - bx), random.nextDouble(1, 400 - by));
            int expected = 0;
            for (int i = 0; i < n; i++) {
                // Cells are whole: a dot counts when its cell meets the box.
                double cx = Math.floor(x[i] / 10) * 10;
                double cy = Math.floor(y[i] / 10) * 10;
                boolean touches = cx + 10 > box.x() && cx <= box.right() && cy + 10 > box.y() && cy <= box.bottom();
                if (touches) {
                    expected++;
                }
            }
            assertThat(cover.dots(box)).as("box %s", box).isEqualTo(expected);
            assertThat(cover.of(box)).isBetween(0.0, 1.0);
        }
        assertThat(cover.dots(new Box(0, -50, 500, 40)))
                .as("a box above the image")
                .isZero();
        assertThat(cover.dots(new Box(0, 0, 500, 400))).isEqualTo(n);
        assertThat(cover.of(new Box(0, 0, 500, 400))).isCloseTo(n * Math.PI * 4 / 200_000, within(1e-9));
    }

    @Test
    void anchorSitsOnTheDensestPartOfAScene() {
        // A dense blob of 200 members near (100, 100) and a sparse ring of 100 around (400, 400).
        SplittableRandom random = new SplittableRandom(2);
        List<Integer> members = new ArrayList<>();
        float[] x = new float[300];
        float[] y = new float[300];
        for (int i = 0; i < 300; i++) {
            members.add(i);
            if (i < 200) {
                x[i] = (float) (100 + random.nextDouble(-15, 15));
                y[i] = (float) (100 + random.nextDouble(-15, 15));
            } else {
                double a = random.nextDouble(0, 2 * Math.PI);
                x[i] = (float) (400 + 150 * Math.cos(a));
                y[i] = (float) (400 + 150 * Math.sin(a));
            }
        }
        double[] anchor = SceneLabels.anchor(members, x, y, 40);
        assertThat(Math.hypot(anchor[0] - 100, anchor[1] - 100)).isLessThan(10);
    }

    @Test
    void svgNumbersAreRoundedWithoutTrailingZeros() {
        assertThat(SvgWriter.num(12.5, 1)).isEqualTo("12.5");
        assertThat(SvgWriter.num(12.96, 1)).isEqualTo("13");
        assertThat(SvgWriter.num(3.0, 1)).isEqualTo("3");
        assertThat(SvgWriter.num(-0.25, 3)).isEqualTo("-0.25");
        assertThat(SvgWriter.num(0.05, 3)).isEqualTo("0.05");
        assertThat(SvgWriter.num(-0.01, 1)).isEqualTo("0");
        assertThat(SvgWriter.num(0.5804, 3)).isEqualTo("0.58");
    }

    @Test
    void fittingTextCutsItWithAnEllipsisToTheWidthGiven() {
        String long_ = "an artist name that goes on and on and on";
        double full = Fonts.width(long_, 20, false);
        String cut = Fonts.fit(long_, 20, false, full / 2);
        assertThat(cut).endsWith("…").hasSizeLessThan(long_.length());
        assertThat(Fonts.width(cut, 20, false)).isLessThanOrEqualTo(full / 2);
        assertThat(Fonts.fit(long_, 20, false, full)).isEqualTo(long_);
        assertThat(Fonts.fit(long_, 20, false, 1)).isEmpty();
    }

    @Test
    void displayableTextLosesOnlyWhatNoFontDraws() {
        assertThat(Fonts.displayable("Dvořák Åsa Ünïcødé")).isEqualTo("Dvořák Åsa Ünïcødé");
        // Unassigned code points and (where no font draws them) emoji go; the spaces around them stay single.
        assertThat(Fonts.displayable("Silver \uDB40\uDC00 wolf")).isEqualTo("Silver wolf");
        assertThat(Fonts.displayable(" Silver 🖤 · wolf "))
                .doesNotContain("  ")
                .startsWith("Silver")
                .endsWith("wolf");
    }
}
