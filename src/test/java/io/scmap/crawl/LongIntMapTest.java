package io.scmap.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongIntMapTest {

    @Test
    void agreesWithAHashMapThroughGrowth() {
        SplittableRandom random = new SplittableRandom(7);
        LongIntMap map = new LongIntMap(1);
        Map<Long, Integer> model = new HashMap<>();
        for (int i = 0; i < 50_000; i++) {
            long key = random.nextInt(4) == 0 ? random.nextLong() : random.nextLong(10_000) << 20;
            int value = random.nextInt(Integer.MAX_VALUE);
            map.put(key, value);
            model.put(key, value);
        }
        assertThat(map.size()).isEqualTo(model.size());
        model.forEach((k, v) -> assertThat(map.get(k)).isEqualTo(v));
        assertThat(map.get(-12345L)).isEqualTo(model.getOrDefault(-12345L, -1));
    }
}
