package id.go.kpu.jdih.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The layering of jdih-core, checked on its compiled classes (tests excluded). From the bottom: the base (texts,
 * errors, validation); the SOP definitions and content; the cases (commands, events, decider, hash chain); the
 * services and ports on cases (time, stores, media, directory, compliance); publishing; notifications; the runtime
 * on top. A layer uses only layers below it, no two packages depend on each other, and the core does no I/O of its
 * own and starts no thread.
 */
@AnalyzeClasses(packages = "id.go.kpu.jdih", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final String ROOT = "id.go.kpu.jdih.";

  @ArchTest
  static final ArchRule packagesAreFreeOfCycles = slices().matching("id.go.kpu.jdih.(*)..").should()
      .beFreeOfCycles();

  @ArchTest
  static final ArchRule layersUseOnlyLayersBelow = layeredArchitecture().consideringOnlyDependenciesInLayers()
      .layer("Base").definedBy(ROOT + "i18n..", ROOT + "error..", ROOT + "validation..", ROOT + "log..")
      .layer("Definitions").definedBy(ROOT + "sop..", ROOT + "content..")
      .layer("Cases").definedBy(ROOT + "workflow..")
      .layer("Services").definedBy(ROOT + "time..", ROOT + "store..", ROOT + "media..", ROOT + "actor..",
          ROOT + "compliance..", ROOT + "anchor..")
      .layer("Publishing").definedBy(ROOT + "publish..")
      .layer("Notifications").definedBy(ROOT + "notify..")
      .layer("Runtime").definedBy(ROOT + "runtime..")
      .whereLayer("Runtime").mayNotBeAccessedByAnyLayer()
      .whereLayer("Notifications").mayOnlyBeAccessedByLayers("Runtime")
      .whereLayer("Publishing").mayOnlyBeAccessedByLayers("Notifications", "Runtime")
      .whereLayer("Services").mayOnlyBeAccessedByLayers("Publishing", "Notifications", "Runtime")
      .whereLayer("Cases").mayOnlyBeAccessedByLayers("Services", "Publishing", "Notifications", "Runtime")
      .whereLayer("Definitions").mayOnlyBeAccessedByLayers("Cases", "Services", "Publishing", "Notifications",
          "Runtime");

  @ArchTest
  static final ArchRule noIoOfItsOwn = noClasses().should().dependOnClassesThat()
      .resideInAnyPackage("java.nio.file..", "java.net.http..", "java.sql..", "javax.sql..")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.Socket")
      .orShould().dependOnClassesThat().haveFullyQualifiedName("java.net.URLConnection")
      .because("jdih-core is pure: storage, publishing and notifying are the adapters' work");

  @ArchTest
  static final ArchRule noThreadsOfItsOwn = noClasses().should().callConstructor(Thread.class)
      .orShould().callConstructor(Thread.class, Runnable.class)
      .orShould().callMethod(java.util.concurrent.Executors.class, "newSingleThreadScheduledExecutor")
      .orShould().callMethod(java.util.concurrent.Executors.class, "newFixedThreadPool", int.class)
      .orShould().callMethod(java.util.concurrent.Executors.class, "newCachedThreadPool")
      .because("jdih-core starts no thread: the embedder's scheduler runs Jdih.runDue");

  @ArchTest
  static final ArchRule theClockIsInjected = noClasses().should().callMethod(java.time.Instant.class, "now")
      .orShould().callMethod(System.class, "currentTimeMillis")
      .because("time comes from the injected java.time.Clock");
}
