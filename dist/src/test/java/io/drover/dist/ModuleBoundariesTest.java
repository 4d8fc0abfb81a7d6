package io.drover.dist;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The direction of dependencies between modules (ARCHITECTURE §1), checked on the compiled classes. */
class ModuleBoundariesTest {
  private static JavaClasses drover;

  @BeforeAll
  static void importClasses() {
    drover = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("io.drover");
  }

  @Test
  void coreDoesNoIoAndDependsOnNoModule() {
    classes()
        .that()
        .resideInAPackage("io.drover.core..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.drover.core..", "java..")
        .check(drover);
  }

  @Test
  void allocatorDependsOnlyOnCore() {
    classes()
        .that()
        .resideInAPackage("io.drover.allocator..")
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("io.drover.core..", "io.drover.allocator..", "java..")
        .check(drover);
  }

  @Test
  void protocolKnowsNoProcess() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.protocol..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.master..", "io.drover.agent..", "io.drover.sdk..", "io.drover.allocator..")
        .check(drover);
  }

  @Test
  void masterDoesNotReachIntoAgentsOrFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.master..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.agent..", "io.drover.sdk..", "io.drover.examples..")
        .check(drover);
  }

  @Test
  void agentDoesNotReachIntoMasterOrFrameworks() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.agent..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.master..", "io.drover.sdk..", "io.drover.allocator..", "io.drover.examples..")
        .check(drover);
  }

  @Test
  void sdkDoesNotReachIntoMasterOrAgent() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.sdk..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.master..", "io.drover.agent..", "io.drover.allocator..")
        .check(drover);
  }

  @Test
  void examplesUseOnlyThePublicSdk() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.examples..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.master..", "io.drover.agent..", "io.drover.allocator..", "io.drover.protocol.net..")
        .check(drover);
  }

  @Test
  void marathonAppIsAFrameworkOnThePublicSdk() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.marathon..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.drover.master..", "io.drover.agent..", "io.drover.allocator..", "io.drover.protocol.v1..")
        .check(drover);
  }

  @Test
  void marathonAppTakesOnlyZooKeeperAccessAndCoordinationFromTheProtocol() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.marathon..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "protocol classes other than ZkUrl, ZooKeeperClients and the shared election (coordination)",
                type -> type.getPackageName().startsWith("io.drover.protocol")
                    && !type.getPackageName().startsWith("io.drover.protocol.coordination")
                    && !type.getName().equals("io.drover.protocol.net.ZkUrl")
                    && !type.getName().equals("io.drover.protocol.net.ZooKeeperClients")))
        .check(drover);
  }

  @Test
  void cliIsAClientOfPublicHttpApisOnly() {
    noClasses()
        .that()
        .resideInAPackage("io.drover.cli..")
        .should()
        .dependOnClassesThat(
            DescribedPredicate.describe(
                "Drover classes outside io.drover.cli",
                type -> type.getPackageName().startsWith("io.drover.")
                    && !type.getPackageName().equals("io.drover.cli")
                    && !type.getPackageName().startsWith("io.drover.cli.")))
        .check(drover);
  }
}
