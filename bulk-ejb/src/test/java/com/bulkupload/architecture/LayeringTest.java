package com.bulkupload.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.junit.jupiter.api.Test;

/**
 * The layering paragraph of docs/design.md, as rules over this module's compiled classes: the
 * domain knows only itself and JPA, the application knows the domain and the ports it owns,
 * infrastructure plugs into those ports, and no package takes part in a cycle.
 */
class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.bulkupload");

    @Test
    void theDomainDependsOnlyOnTheJdkJpaAndItself() {
        ArchRuleDefinition.classes().that().resideInAPackage("com.bulkupload.domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "jakarta.persistence..", "com.bulkupload.domain..")
                .check(CLASSES);
    }

    @Test
    void theApplicationDependsOnlyOnTheDomainItsOwnPortsAndTheContainersServices() {
        ArchRuleDefinition.classes().that().resideInAPackage("com.bulkupload.application..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.crypto..", "javax.sql..",
                        "jakarta.annotation..", "jakarta.ejb..", "jakarta.enterprise..", "jakarta.inject..",
                        "jakarta.persistence..", "jakarta.transaction..",
                        // libraries of plain data structures and formats, no framework
                        "org.apache.commons.csv..", "org.apache.commons.codec..", "org.apache.commons.collections4..",
                        "com.bulkupload.domain..", "com.bulkupload.application..")
                .check(CLASSES);
    }

    @Test
    void theApplicationNeverReachesIntoInfrastructureInterfacesOrAProtocolStack() {
        noClasses().that().resideInAPackage("com.bulkupload.application..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "com.bulkupload.infrastructure..", "com.bulkupload.interfaces..",
                        "org.apache.cxf..", "jakarta.ws.rs..", "jakarta.servlet..", "jakarta.jms..", "org.flywaydb..")
                .check(CLASSES);
    }

    @Test
    void infrastructureNeverReachesIntoTheInterfaces() {
        noClasses().that().resideInAPackage("com.bulkupload.infrastructure..")
                .should().dependOnClassesThat().resideInAPackage("com.bulkupload.interfaces..")
                .check(CLASSES);
    }

    @Test
    void theApplicationsUseCasesFormNoCycle() {
        slices().matching("com.bulkupload.application.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void noPackageTakesPartInACycle() {
        slices().matching("com.bulkupload.(**)").should().beFreeOfCycles().check(CLASSES);
    }
}
