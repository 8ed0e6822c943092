package id.go.kpu.jdih.cli;

import id.go.kpu.jdih.error.JdihException;
import id.go.kpu.jdih.i18n.Language;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code jdih}: the command-line app. It embeds the library the way an office's own app would, over the embedded
 * store in a home folder. Help and output are in Indonesian unless {@code --lang en} is given.
 */
@Command(name = "jdih", mixinStandardHelpOptions = true, version = "jdih 0.1.0",
    resourceBundle = "id.go.kpu.jdih.cli.messages",
    subcommands = {InitCommand.class, SopCommand.class, PersonCommand.class, CaseCommands.class,
        ReportCommand.class, ArchiveCommand.class, RemindCommand.class, DemoCommand.class,
        SampleDesignCommand.class})
public final class Main {

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
      CommandLine cl = new CommandLine(main);
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
