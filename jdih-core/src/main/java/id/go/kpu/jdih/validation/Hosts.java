package id.go.kpu.jdih.validation;

import com.google.common.net.InetAddresses;
import java.util.Locale;

/** Checks on host names in settings, without any name lookup. */
public final class Hosts {

  private Hosts() {}

  /**
   * True if {@code host} certainly names this machine: {@code localhost}, or a literal IPv4 address in 127.0.0.0/8
   * or the IPv6 address {@code ::1} (with or without brackets). A name that merely resolves to a loopback address
   * is not accepted: its resolution can change.
   *
   * @param host a host name or address, may be null
   * @return true for a loopback host
   */
  public static boolean isLoopback(String host) {
    if (host == null) {
      return false;
    }
    String h = host.strip();
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    String lower = h.toLowerCase(Locale.ROOT);
    if (lower.equals("localhost") || lower.equals("localhost.")) {
      return true;
    }
    return InetAddresses.isInetAddress(h) && InetAddresses.forString(h).isLoopbackAddress();
  }
}
