package id.go.kpu.jdih.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code jdih init}: prepares the home folder. */
@Command(name = "init", mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Override
  public Integer call() throws Exception {
    Home home = main.home();
    home.init();
    main.out.line("Folder kerja siap: %s (SOP: %s)", "Home folder ready: %s (SOP: %s)", home.dir,
        home.sop().key());
    return 0;
  }
}
