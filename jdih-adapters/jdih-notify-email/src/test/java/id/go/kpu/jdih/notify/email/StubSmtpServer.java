package id.go.kpu.jdih.notify.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A misbehaving SMTP server on 127.0.0.1 for tests: one that refuses every session with 421, one that does not
 * know the recipient (550 at RCPT TO, echoing the address as real servers do), or one that accepts the
 * connection and never says a word.
 */
final class StubSmtpServer implements AutoCloseable {

  enum Mode {
    REFUSE,
    UNKNOWN_RECIPIENT,
    SILENT
  }

  private final ServerSocket server;
  private final Mode mode;
  private final List<Socket> clients = new CopyOnWriteArrayList<>();
  final List<String> received = new CopyOnWriteArrayList<>();
  private final Thread acceptor;

  StubSmtpServer(int port, Mode mode) throws IOException {
    this.server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.mode = mode;
    this.acceptor = new Thread(this::accept, "stub-smtp-" + mode);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        clients.add(s);
        Thread t = new Thread(() -> converse(s), "stub-smtp-client");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void converse(Socket s) {
    try (s) {
      if (mode == Mode.SILENT) {
        s.getInputStream().read(); // waits until the client gives up
        return;
      }
      OutputStream out = s.getOutputStream();
      BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
      if (mode == Mode.REFUSE) {
        write(out, "421 4.3.2 stub.invalid Service not available, closing transmission channel");
        return;
      }
      write(out, "220 stub.invalid ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        received.add(line);
        String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
        switch (verb) {
          case "EHLO", "HELO" -> write(out, "250 stub.invalid");
          case "RCPT" -> write(out, "550 5.1.1 " + line.substring(line.indexOf('<'))
              + ": Recipient address rejected: User unknown in virtual mailbox table");
          case "QUIT" -> {
            write(out, "221 2.0.0 Bye");
            return;
          }
          default -> write(out, "250 2.0.0 Ok");
        }
      }
    } catch (SocketException e) {
      // the client hung up
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static void write(OutputStream out, String reply) throws IOException {
    out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : clients) {
      s.close();
    }
  }
}
