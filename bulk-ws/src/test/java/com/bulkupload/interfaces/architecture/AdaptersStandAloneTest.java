package com.bulkupload.interfaces.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The adapters' part of the layering in docs/design.md: each protocol stands alone on the
 * application and the shared web pieces; only the CXF wiring knows them all.
 */
class AdaptersStandAloneTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bulkupload.interfaces");

    @Test
    void noProtocolDependsOnAnotherProtocol() {
        slices().matching("com.bulkupload.interfaces.(*)..").should().notDependOnEachOther()
                .ignoreDependency(resideInAPackage("com.bulkupload.interfaces.cxf.."), alwaysTrue())
                .ignoreDependency(alwaysTrue(), resideInAPackage("com.bulkupload.interfaces.web.."))
                .check(CLASSES);
    }

    @Test
    void theSharedWebPiecesKnowNoAdapter() {
        classes().that().resideInAPackage("com.bulkupload.interfaces.web..")
                .should().onlyDependOnClassesThat(resideInAPackage("com.bulkupload.interfaces.web..")
                        .or(resideOutsideOfPackage("com.bulkupload.interfaces..")))
                .check(CLASSES);
    }

    @Test
    void theInterfacesNeverReachIntoInfrastructure() {
        noClasses().that().resideInAPackage("com.bulkupload.interfaces..")
                .should().dependOnClassesThat().resideInAPackage("com.bulkupload.infrastructure..")
                .check(CLASSES);
    }

    @Test
    void noPackageTakesPartInACycle() {
        slices().matching("com.bulkupload.interfaces.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
