package dev.agentq.standalone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of DESIGN.md and STYLE.md, checked on the compiled classes. */
class ArchitectureTest {
  private static final JavaClasses AGENTQ =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("dev.agentq");

  @Test
  void theCoreKnowsNothingOfSpring() {
    noClasses()
        .that()
        .resideInAnyPackage("dev.agentq.schemas..", "dev.agentq.store..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(AGENTQ);
  }

  @Test
  void onlyTheStoreTouchesJdbiAndSql() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.agentq.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.jdbi..", "org.flywaydb..")
        .check(AGENTQ);
  }

  @Test
  void onlyWorkersTalkToModels() {
    noClasses()
        .that()
        .resideOutsideOfPackage("dev.agentq.worker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.langchain4j..")
        .check(AGENTQ);
  }

  @Test
  void theApiAndTheWorkerDoNotKnowEachOther() {
    noClasses()
        .that()
        .resideInAPackage("dev.agentq.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.agentq.worker..")
        .check(AGENTQ);
    noClasses()
        .that()
        .resideInAPackage("dev.agentq.worker..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("dev.agentq.api..")
        .check(AGENTQ);
  }

  @Test
  void theLayersPointOneWay() {
    noClasses()
        .that()
        .resideInAPackage("dev.agentq.schemas..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.agentq.store..", "dev.agentq.worker..", "dev.agentq.api..")
        .check(AGENTQ);
    noClasses()
        .that()
        .resideInAPackage("dev.agentq.store..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("dev.agentq.worker..", "dev.agentq.api..")
        .check(AGENTQ);
  }

  @Test
  void theStoresInternalsStayInside() {
    classes()
        .that()
        .resideInAPackage("dev.agentq.store.internal..")
        .should()
        .onlyBeAccessed()
        .byClassesThat()
        .resideInAPackage("dev.agentq.store..")
        .check(AGENTQ);
  }

  @Test
  void workerCodeUsesSpringOnlyForWiringAndKafka() {
    noClasses()
        .that()
        .resideInAPackage("dev.agentq.worker..")
        .and()
        .resideOutsideOfPackages("dev.agentq.worker.config..", "dev.agentq.worker.dispatch..")
        .and()
        .doNotHaveSimpleName("WorkerApplication")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.springframework..")
        .check(AGENTQ);
  }

  @Test
  void onlyTheQueueAdaptersAndWiringKnowKafka() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "dev.agentq.schemas..",
            "dev.agentq.store..",
            "dev.agentq.worker.run..",
            "dev.agentq.worker.step..",
            "dev.agentq.worker.agent..",
            "dev.agentq.api.job..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.apache.kafka..")
        .check(AGENTQ);
  }
}
