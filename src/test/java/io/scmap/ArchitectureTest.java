package io.scmap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pipeline's stages depend only leftwards: source, sim, crawl, store, matrix, embed, cluster, map, cli. */
class ArchitectureTest {
    private static final List<String> STAGES =
            List.of("source", "sim", "crawl", "store", "matrix", "embed", "cluster", "map", "cli");

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.scmap");

    @Test
    void stagesDependOnlyOnStagesToTheirLeft() {
        for (int i = 0; i < STAGES.size(); i++) {
            String[] rightOf = STAGES.subList(i + 1, STAGES.size()).stream()
                    .map(s -> "io.scmap." + s + "..")
                    .toArray(String[]::new);
            if (rightOf.length == 0) {
                continue;
            }
            noClasses()
                    .that()
                    .resideInAPackage("io.scmap." + STAGES.get(i) + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(rightOf)
                    .because("data flows one way through the pipeline")
                    .check(CLASSES);
        }
    }

    @Test
    void everyClassLivesInAStage() {
        noClasses()
                .should()
                .resideOutsideOfPackages(
                        STAGES.stream().map(s -> "io.scmap." + s + "..").toArray(String[]::new))
                .check(CLASSES);
    }
}
