package id.go.kpu.jdih.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParseResult;

/**
 * The command tree is registered by hand, and a command line registers only the command it names
 * ({@link Main#commandLine}): parsing against that tree must do what parsing against the whole tree does.
 */
class CommandTreeTest {

  @Test
  void everyNameIsItsClassesCommandName() {
    Main.COMMANDS.forEach((name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
    Main.GROUPS.forEach((group, children) -> {
      assertThat(Main.COMMANDS).containsKey(group);
      children.forEach((name, type) -> assertThat(type.getAnnotation(Command.class).name()).isEqualTo(name));
    });
  }

  @Test
  void theNamedCommandsAreFoundPastOptionsAndTheirValues() {
    assertThat(Main.named(new String[] {"--home", "case", "--lang", "en", "case", "approve", "X", "--as", "1"}))
        .containsExactly("case", "approve");
    assertThat(Main.named(new String[] {"--home=/tmp/h", "demo", "case"})).containsExactly("demo");
    assertThat(Main.named(new String[] {"case"})).containsExactly("case");
    assertThat(Main.named(new String[] {"case", "aprove", "X"})).containsExactly("case");
    assertThat(Main.named(new String[] {"kasus", "approve"})).isEmpty();
    assertThat(Main.named(new String[] {"case", "approve", "--help"})).isEmpty();
    assertThat(Main.named(new String[] {"-V"})).isEmpty();
    assertThat(Main.named(new String[] {"case", "show", "X", "-h"})).isEmpty();
    assertThat(Main.named(new String[] {"--", "case"})).isEmpty();
    assertThat(Main.named(new String[] {})).isEmpty();
  }

  @Test
  void aCommandLineRegistersOnlyWhatItNames() {
    CommandLine approve = Main.commandLine(new Main(), new String[] {"case", "approve", "X", "--as", "1"});
    assertThat(approve.getSubcommands()).containsOnlyKeys("case");
    assertThat(approve.getSubcommands().get("case").getSubcommands()).containsOnlyKeys("approve");

    CommandLine help = Main.commandLine(new Main(), new String[] {"--help"});
    assertThat(help.getSubcommands()).containsOnlyKeys(Main.COMMANDS.keySet());
    Main.GROUPS.forEach((group, children) -> assertThat(help.getSubcommands().get(group).getSubcommands())
        .containsOnlyKeys(children.keySet()));
    assertThat(help.getUsageMessage()).contains("sample-design");
  }

  /** Every command line of every command, parsed against its own tree and against the whole tree, alike. */
  @Test
  void parsingAgainstTheNamedCommandIsParsingAgainstTheWholeTree() {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"--lang", "en", "init"});
    lines.add(new String[] {"case", "approve", "K-1", "--as", "198001012006042001", "--note", "ok"});
    lines.add(new String[] {"--home", "/tmp/x", "case", "show", "K-1"});
    lines.add(new String[] {"case", "list", "--bogus"});
    lines.add(new String[] {"person", "add", "--nip", "1", "--name", "A", "--role", "staf"});
    lines.add(new String[] {"sop", "show", "--format", "json"});
    lines.add(new String[] {"report", "compliance"});
    lines.add(new String[] {"demo"});
    lines.add(new String[] {"case"});
    for (String[] args : lines) {
      CommandLine whole = Main.commandLine(new Main(), new String[] {"--help"});
      CommandLine own = Main.commandLine(new Main(), args);
      assertThat(described(own, args)).as(String.join(" ", args)).isEqualTo(described(whole, args));
    }
  }

  /** The commands a parse reached and the options and values it matched, or the error it gave. */
  private static List<String> described(CommandLine cl, String[] args) {
    List<String> out = new ArrayList<>();
    try {
      for (ParseResult r = cl.parseArgs(args); r != null; r = r.subcommand()) {
        out.add(r.commandSpec().qualifiedName());
        r.matchedOptions().forEach(o -> out.add(o.longestName() + "=" + o.getValue()));
        r.matchedPositionals().forEach(p -> out.add(p.paramLabel() + "=" + p.getValue()));
      }
    } catch (CommandLine.ParameterException e) {
      out.add("error: " + e.getMessage());
    }
    return out;
  }
}
