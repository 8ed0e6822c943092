package id.go.kpu.jdih.testing;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Field;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * Captures what the tests' logging backend (slf4j-simple, writing to {@code System.err} as it is at each call)
 * prints while a piece of code runs. Not for tests running in parallel.
 */
public final class CapturedLog {

  private CapturedLog() {}

  /**
   * The lines logged while {@code action} ran, with the loggers of {@code verbose} lowered to DEBUG for the time
   * (the tests' configuration silences some).
   */
  public static List<String> linesWhile(Runnable action, Class<?>... verbose) {
    int[] levels = new int[verbose.length];
    for (int i = 0; i < verbose.length; i++) {
      levels[i] = level(verbose[i], DEBUG);
    }
    try {
      return capture(action);
    } finally {
      for (int i = 0; i < verbose.length; i++) {
        level(verbose[i], levels[i]);
      }
    }
  }

  private static final int DEBUG = 10; // SimpleLogger.LOG_LEVEL_DEBUG

  // slf4j-simple fixes a logger's level when it is created; its field is the only way to change it afterwards.
  private static int level(Class<?> loggerOf, int level) {
    Object logger = LoggerFactory.getLogger(loggerOf);
    try {
      Field f = logger.getClass().getDeclaredField("currentLogLevel");
      f.setAccessible(true);
      int before = f.getInt(logger);
      f.setInt(logger, level);
      return before;
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("not slf4j-simple: " + logger.getClass(), e);
    }
  }

  private static List<String> capture(Runnable action) {
    PrintStream before = System.err;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    System.setErr(capture);
    try {
      action.run();
    } finally {
      System.setErr(before);
      capture.flush();
    }
    String text = bytes.toString(StandardCharsets.UTF_8);
    before.print(text); // still shown in the build's output
    return text.lines().toList();
  }
}
