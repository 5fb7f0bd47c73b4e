package com.bulkupload.interfaces.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The console is an adapter like any other (docs/design.md): it leans on no other protocol and on no infrastructure. */
class ConsoleStandsAloneTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bulkupload.interfaces.console");

    @Test
    void theConsoleDependsOnNoOtherAdapterAndNoInfrastructure() {
        noClasses().that().resideInAPackage("com.bulkupload.interfaces.console..")
                .should().dependOnClassesThat().resideInAnyPackage("com.bulkupload.infrastructure..")
                .orShould().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates
                        .resideInAPackage("com.bulkupload.interfaces..")
                        .and(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage("com.bulkupload.interfaces.console..")))
                .check(CLASSES);
    }
}
