package id.go.kpu.jdih.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jdih init}: prepares the home folder. */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @picocli.CommandLine.Option(names = "--store", paramLabel = "h2|file")
  String store; // unset: h2 for a new home, the existing kind otherwise

  @Override
  public Integer call() throws Exception {
    Home home = main.home();
    home.init(java.util.Optional.ofNullable(store));
    main.out.line("Folder kerja siap: %s (SOP: %s, penyimpanan: %s)", "Home folder ready: %s (SOP: %s, store: %s)",
        home.dir, home.sop().key(), home.storeKind());
    return 0;
  }
}
