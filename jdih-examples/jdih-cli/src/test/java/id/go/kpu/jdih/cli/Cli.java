package id.go.kpu.jdih.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in-process as a user would: one home, a fixed clock, what it printed and its exit status. */
final class Cli {

  /** One command's exit status and output. */
  record Result(int code, String out, String err) {
    /** The last line of the output, e.g. a new case's id. */
    String lastLine() {
      String[] lines = out.strip().split("\n");
      return lines[lines.length - 1].strip();
    }
  }

  private Cli() {}

  /** {@code jdih --home HOME ARGS...} at {@code clock}'s time. */
  static Result run(Path home, Clock clock, String... args) {
    List<String> all = new ArrayList<>(List.of("--home", home.toString()));
    all.addAll(List.of(args));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), clock);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@link #run}, which must exit 0. */
  static Result ok(Path home, Clock clock, String... args) {
    Result r = run(home, clock, args);
    assertThat(r.code()).as("jdih %s failed: %s", String.join(" ", args), r.err()).isZero();
    return r;
  }
}
