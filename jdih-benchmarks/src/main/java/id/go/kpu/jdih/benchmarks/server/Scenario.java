package id.go.kpu.jdih.benchmarks.server;

import java.util.List;
import java.util.Set;

/** What the clients do against one server: its set-up, and one iteration of one client. */
interface Scenario {

  /** The server's name in the report. */
  String name();

  /** The request types of an iteration, in order (the report's rows). */
  List<String> types();

  /** The request types whose success completes an activity of a case. */
  Set<String> completing();

  /** Sets the server up (accounts, deployment) before the clients start; fails loudly. */
  void prepare(int clients) throws Exception;

  /**
   * One iteration of client {@code client}: a new case of its own through activities 1 and 2.
   *
   * @param n the client's iteration number, from 0
   */
  void iteration(Client c, int client, long n) throws Client.Failed, InterruptedException;
}
