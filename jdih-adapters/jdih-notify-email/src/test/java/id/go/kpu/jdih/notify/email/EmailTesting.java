package id.go.kpu.jdih.notify.email;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** Ports and servers for the e-mail tests: everything on 127.0.0.1. */
final class EmailTesting {

  private EmailTesting() {}

  /** A port nobody listens on right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      s.setReuseAddress(true);
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A started GreenMail SMTP server on 127.0.0.1:{@code port}. */
  static GreenMail greenMail(int port) {
    ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
    GreenMail g = new GreenMail(setup);
    g.start();
    return g;
  }

  /** Plain SMTP to 127.0.0.1:{@code port} with short time-outs. */
  static SmtpSettings.Builder settings(int port) {
    return SmtpSettings.builder("127.0.0.1", port).security(SmtpSettings.Security.NONE)
        .from("jdih@kpu-mentawai.go.id", "JDIH KPU Kab. Kepulauan Mentawai")
        .timeouts(Duration.ofSeconds(2), Duration.ofSeconds(2));
  }
}
