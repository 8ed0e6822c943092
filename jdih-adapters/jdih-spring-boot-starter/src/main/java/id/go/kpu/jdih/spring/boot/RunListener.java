package id.go.kpu.jdih.spring.boot;

import id.go.kpu.jdih.runtime.RunReport;

/**
 * Told of every pass of the {@link JdihWorker}: what was delivered and notified, or why the pass failed. The
 * metrics of the starter are one; an app may add its own. Called on the worker's thread; keep it short.
 */
public interface RunListener {

  /** A pass ended. */
  void passed(RunReport report);

  /** A pass failed; the next one runs as planned. By default nothing. */
  default void failed(RuntimeException failure) {}
}
