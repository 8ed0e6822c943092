package id.go.kpu.jdih.notify.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** A password goes over an encrypted connection, unless the server is on this machine. */
class PlainTextLoginTest {

  private static final String SECRET = "rahasia-smtp-123";

  @Test
  void aLoginOverAnUnencryptedConnectionToAnotherHostIsRefused() {
    for (String host : new String[] {"smtp.kpu-mentawai.go.id", "10.1.2.3", "127.0.0.1.example.org"}) {
      InvalidSmtpSettingsException e = catchThrowableOfType(InvalidSmtpSettingsException.class,
          () -> SmtpSettings.builder(host, 25).security(SmtpSettings.Security.NONE)
              .login("jdih@kpu-mentawai.go.id", SECRET).from("jdih@kpu-mentawai.go.id", "JDIH").build());
      assertThat(e).as(host).isNotNull();
      assertThat(e.code()).isEqualTo(InvalidSmtpSettingsException.CODE);
      assertThat(e.text().en()).contains("STARTTLS").doesNotContain(SECRET);
      assertThat(e.text().id()).contains("STARTTLS");
    }
  }

  @Test
  void loopbackServersAndUnauthenticatedOrEncryptedConnectionsAreFine() {
    for (String host : new String[] {"127.0.0.1", "localhost", "::1", "[::1]", "127.0.0.2"}) {
      assertThat(SmtpSettings.builder(host, 25).security(SmtpSettings.Security.NONE)
          .login("jdih@kpu-mentawai.go.id", SECRET).from("jdih@kpu-mentawai.go.id", "JDIH").build().host())
          .isEqualTo(host);
    }
    SmtpSettings.builder("smtp.kpu-mentawai.go.id", 25).security(SmtpSettings.Security.NONE)
        .from("jdih@kpu-mentawai.go.id", "JDIH").build(); // no password, nothing to protect
    SmtpSettings.builder("smtp.kpu-mentawai.go.id", 587).security(SmtpSettings.Security.STARTTLS)
        .login("jdih@kpu-mentawai.go.id", SECRET).from("jdih@kpu-mentawai.go.id", "JDIH").build();
  }
}
