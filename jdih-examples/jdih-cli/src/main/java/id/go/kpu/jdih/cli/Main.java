package id.go.kpu.jdih.cli;

import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code jdih}: the command-line app. It embeds the library the way an office's own app would, over the embedded
 * store in a home folder. Help and output are in Indonesian unless {@code --lang en} is given.
 */
// Its subcommands are registered by commandLine(..), not here.
@Command(name = "jdih", mixinStandardHelpOptions = true, version = "jdih 0.1.0",
    resourceBundle = "id.go.kpu.jdih.cli.messages")
public final class Main {

  // The command tree, in the order help lists it. It is registered by commandLine(..) rather than through
  // @Command(subcommands): picocli builds the model of every registered command by reflection at each start, a
  // third of a short command's time, so a command line that names its command registers that command only
  // (BENCHMARKS.md, "Command line"). Each name is its class's @Command name (MainTest checks it).
  static final ImmutableMap<String, Class<?>> COMMANDS = ImmutableMap.<String, Class<?>>builder()
      .put("init", InitCommand.class)
      .put("sop", SopCommand.class)
      .put("person", PersonCommand.class)
      .put("case", CaseCommands.class)
      .put("report", ReportCommand.class)
      .put("archive", ArchiveCommand.class)
      .put("remind", RemindCommand.class)
      .put("demo", DemoCommand.class)
      .put("sample-design", SampleDesignCommand.class)
      .buildOrThrow();

  /** The subcommands of the commands that have some. */
  static final ImmutableMap<String, ImmutableMap<String, Class<?>>> GROUPS = ImmutableMap.of(
      "sop", ImmutableMap.of("show", SopCommand.Show.class, "lint", SopCommand.Lint.class, "new", SopCommand.New.class),
      "person", ImmutableMap.of("add", PersonCommand.Add.class, "list", PersonCommand.ListPeople.class),
      "case", ImmutableMap.<String, Class<?>>builder()
          .put("propose", CaseCommands.Propose.class)
          .put("approve", CaseCommands.Approve.class)
          .put("reject", CaseCommands.Reject.class)
          .put("meeting", CaseCommands.MeetingCmd.class)
          .put("summarize", CaseCommands.Summarize.class)
          .put("design", CaseCommands.Design.class)
          .put("caption", CaseCommands.CaptionCmd.class)
          .put("publish", CaseCommands.Publish.class)
          .put("withdraw", CaseCommands.Withdraw.class)
          .put("show", CaseCommands.Show.class)
          .put("list", CaseCommands.ListCases.class)
          .buildOrThrow(),
      "report", ImmutableMap.of("compliance", ReportCommand.Compliance.class, "monitoring",
          ReportCommand.Monitoring.class));

  /** Exit code of a refused or failed command. */
  static final int FAILED = 1;

  @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR")
  Path home = Path.of(System.getProperty("user.home"), ".jdih");

  @Option(names = "--lang", scope = ScopeType.INHERIT, paramLabel = "id|en")
  String lang = "id";

  Clock clock = Clock.systemUTC();
  Out out;

  /** Runs the app and exits with its exit code. */
  public static void main(String[] args) {
    System.setProperty("java.awt.headless", "true");
    // Hibernate Validator logs through JBoss Logging; route it to SLF4J so only warnings show.
    System.setProperty("org.jboss.logging.provider", "slf4j");
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, Clock.systemUTC()));
  }

  /** Runs the app with the given streams and clock; returns the exit code. */
  static int run(String[] args, PrintWriter rawOut, PrintWriter rawErr, Clock clock) {
    // Everything written goes through Out's escaping writers: no raw control character reaches the terminal.
    PrintWriter out = Out.escaping(rawOut);
    PrintWriter err = Out.escaping(rawErr);
    Language language = languageOf(args);
    Locale previous = Locale.getDefault();
    // Help texts come from a resource bundle in the chosen language; Indonesian is the default whatever the OS.
    Locale.setDefault(language.locale());
    try {
      Main main = new Main();
      main.clock = clock;
      main.out = new Out(language, out, err, rawErr);
      CommandLine cl = commandLine(main, args);
      cl.setOut(out);
      cl.setErr(err);
      cl.setExecutionExceptionHandler((e, line, parsed) -> {
        err.println(describe(e, language));
        if (System.getenv("JDIH_DEBUG") != null) {
          e.printStackTrace(err); // for developers; users see the one line above
        }
        err.flush();
        return FAILED;
      });
      // A malformed command line: one line naming what is wrong (a long argument cut short) and where help is;
      // never the whole usage text. Exit 2, as picocli's own convention for usage errors.
      cl.setParameterExceptionHandler((e, rejected) -> {
        String message = String.valueOf(e.getMessage()).replaceAll("\\p{Cntrl}", " ");
        if (message.length() > 300) {
          message = message.substring(0, 300) + "...";
        }
        String command = e.getCommandLine().getCommandSpec().qualifiedName();
        err.println((language == Language.EN ? "Error: " : "Galat: ") + message);
        err.println((language == Language.EN ? "See: " : "Lihat: ") + command + " --help");
        err.flush();
        return 2;
      });
      if (java.util.Arrays.stream(args).anyMatch(a -> a.equals("-h") || a.equals("--help"))) {
        try {
          ActiveSopHelp.apply(cl, homeOf(args, main.home), language); // help names the active SOP's activities
        } catch (RuntimeException e) {
          // an unusable --home: the help without the SOP's part; the command itself reports the home
        }
      }
      int code = cl.execute(args);
      code = main.closeHome(code, err, language);
      out.flush();
      err.flush();
      return code;
    } finally {
      Locale.setDefault(previous);
    }
  }

  /**
   * The command line for {@code args}: the root with the command {@code args} names (and, in a command that has
   * subcommands, the subcommand it names) registered alone; with every command registered when {@code args} ask
   * for help or the version, or name no known command at a level. Parsing {@code args} against it does what
   * parsing them against the whole tree does.
   */
  static CommandLine commandLine(Main main, String[] args) {
    List<String> named = named(args);
    CommandLine root = new CommandLine(main);
    COMMANDS.forEach((name, type) -> {
      if (!named.isEmpty() && !named.get(0).equals(name)) {
        return;
      }
      ImmutableMap<String, Class<?>> children = GROUPS.get(name);
      if (children == null) {
        root.addSubcommand(name, type);
        return;
      }
      CommandLine group = new CommandLine(type);
      children.forEach((child, childType) -> {
        if (named.size() < 2 || named.get(1).equals(child)) {
          group.addSubcommand(child, childType);
        }
      });
      root.addSubcommand(name, group);
    });
    return root;
  }

  /**
   * The command and subcommand names that {@code args} give, as far as they are known names: empty when
   * {@code args} ask for help or the version anywhere (help lists every command).
   */
  static List<String> named(String[] args) {
    for (String a : args) {
      if (a.equals("--help") || a.equals("--version") || a.matches("-[A-Za-z]*[hV][A-Za-z]*")) {
        return List.of();
      }
    }
    List<String> named = new ArrayList<>(2);
    for (int i = 0; i < args.length && named.size() < 2; i++) {
      String a = args[i];
      if (a.equals("--")) {
        break;
      } else if (a.equals("--home") || a.equals("--lang")) {
        i++; // the option's value, whatever it looks like
      } else if (!a.startsWith("-")) {
        Map<String, ?> level = named.isEmpty() ? COMMANDS : GROUPS.get(named.get(0));
        if (level == null || !level.containsKey(a)) {
          break; // a command without subcommands, whose own arguments follow; or an unknown name
        }
        named.add(a);
      }
    }
    return named;
  }

  static Language languageOf(String[] args) {
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      String value = a.startsWith("--lang=") ? a.substring(7) : a.equals("--lang") && i + 1 < args.length
          ? args[i + 1] : null;
      if (value != null) {
        try {
          return Language.fromTag(value);
        } catch (IllegalArgumentException e) {
          return Language.ID; // reported by the command itself
        }
      }
    }
    return Language.ID;
  }

  /** The {@code --home} given in {@code args}, or {@code fallback}. */
  static Path homeOf(String[] args, Path fallback) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--home=")) {
        return Path.of(args[i].substring(7));
      } else if (args[i].equals("--home") && i + 1 < args.length) {
        return Path.of(args[i + 1]);
      }
    }
    return fallback;
  }

  /** The longest error line printed: a long value inside it is cut, never echoed back whole. */
  static final int MESSAGE_LIMIT = 1000;

  /**
   * One clear line for any failure: the library's bilingual message, or the cause's own; a file problem names the
   * file and why. Line breaks inside are joined, and a message longer than {@link #MESSAGE_LIMIT} is cut.
   */
  static String describe(Exception e, Language language) {
    String prefix = language == Language.EN ? "Error: " : "Galat: ";
    Throwable t = e;
    if (t instanceof UncheckedIOException u) {
      t = u.getCause();
    }
    String message;
    if (t instanceof JdihException j) {
      message = j.code() + ": " + j.message(language);
    } else if (t instanceof IOException io) {
      message = fileProblem(io, language);
    } else {
      message = String.valueOf(t.getMessage());
    }
    return oneLine(prefix + message);
  }

  /** {@code text} on one line, cut to {@link #MESSAGE_LIMIT} characters with an ellipsis. */
  static String oneLine(String text) {
    String line = text.strip().replaceAll("\\s*\\R\\s*", " ");
    return line.length() <= MESSAGE_LIMIT ? line : line.substring(0, MESSAGE_LIMIT) + "…";
  }

  /** What went wrong with a file, naming it: "file X does not exist", "file X: permission denied", ... */
  static String fileProblem(IOException e, Language language) {
    boolean en = language == Language.EN;
    if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
      return (en ? "file " : "berkas ") + f.getFile() + ": " + reason(e, language);
    }
    return (en ? "reading or writing a file failed: " : "gagal membaca atau menulis berkas: ") + e.getMessage();
  }

  /** Why a file operation failed, in the language. */
  static String reason(IOException e, Language language) {
    boolean en = language == Language.EN;
    if (e instanceof java.nio.file.NoSuchFileException) {
      return en ? "does not exist (or its folder does not)" : "tidak ada (atau foldernya tidak ada)";
    } else if (e instanceof java.nio.file.AccessDeniedException) {
      return en ? "permission denied" : "izin ditolak";
    } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
      return en ? "exists already (a file where a folder was needed?)" : "sudah ada (berkas di tempat folder?)";
    } else if (e instanceof java.nio.file.NotDirectoryException) {
      return en ? "is not a folder" : "bukan folder";
    } else if (e instanceof java.nio.file.DirectoryNotEmptyException) {
      return en ? "the folder is not empty" : "folder tidak kosong";
    } else if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }

  /** A write to the file an option names failed: one line naming the option and the file. */
  static CliException writeFailed(String option, java.nio.file.Path file, IOException e) {
    return new CliException(option + ": berkas " + file + " tidak dapat ditulis: " + reason(e, Language.ID),
        option + ": cannot write the file " + file + ": " + reason(e, Language.EN), e);
  }

  private Home opened;

  Home home() {
    Language.fromTag(lang); // refuse an unknown --lang with a clear message
    if (opened == null) {
      opened = new Home(home, clock);
      Out o = out;
      opened.onWait(text -> {
        o.err.println(text.in(o.lang));
        o.err.flush();
      });
    }
    return opened;
  }

  // Releases the store (the H2 database and its pool) after the command, whatever happened.
  int closeHome(int code, PrintWriter err, Language language) {
    if (opened == null) {
      return code;
    }
    try {
      opened.close();
      return code;
    } catch (Exception e) {
      err.println(describe(e, language));
      return code == 0 ? FAILED : code;
    } finally {
      opened = null;
    }
  }
}
