package id.go.kpu.jdih.server.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.http.CredentialException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {

  @Test
  void referencesAreCheckedWithoutQuotingThem() {
    assertThat(SecretRef.problem("env:JDIH_TELEGRAM_TOKEN")).isEmpty();
    assertThat(SecretRef.problem("file:/run/secrets/telegram")).isEmpty();
    assertThat(SecretRef.problem("env:lower")).isPresent();
    assertThat(SecretRef.problem("env:JDIH_SERVER_MEDIA_SIGNING_KEY")).isPresent();
    assertThat(SecretRef.problem("file:run/secrets/x")).isPresent();
    assertThat(SecretRef.problem("file:/run/../etc/shadow")).isPresent();
    assertThat(SecretRef.problem("")).isPresent();
    String pasted = "7312345678:AAFakeBotTokenForTheTestOnly_0123456789ab";
    assertThat(SecretRef.looksLikeToken(pasted)).isTrue();
    assertThat(SecretRef.problem(pasted).orElseThrow().en()).doesNotContain(pasted).contains("looks like a token");
    assertThat(SecretRef.looksLikeToken("EAAGm0PX4ZCpsBAAbcdefghijklmnopqrstuv")).isTrue();
    assertThatThrownBy(() -> new SecretRef(pasted)).hasMessageNotContaining(pasted);
  }

  @Test
  void theSecretIsReadAtEachCallTrimmedAndAMissingOneIsATemporaryCredentialFailure(@TempDir Path dir)
      throws Exception {
    assertThat(new SecretRef("env:A_TOKEN").resolve(Map.of("A_TOKEN", "  t0ken \n")::get)).contains("t0ken");
    assertThat(new SecretRef("env:A_TOKEN").resolve(Map.of("A_TOKEN", "  ")::get)).isEmpty();
    Path file = dir.resolve("token");
    SecretRef ref = new SecretRef("file:" + file);
    assertThat(ref.available()).isFalse();
    assertThatThrownBy(() -> ref.provider().token(Platform.TELEGRAM)).isInstanceOf(CredentialException.class)
        .satisfies(e -> assertThat(((CredentialException) e).temporary()).isTrue())
        .hasMessageContaining("file:" + file);
    Files.writeString(file, "\n");
    assertThat(ref.available()).isFalse();
    Files.writeString(file, "secret-one\n");
    assertThat(ref.provider().token(Platform.TELEGRAM).reveal()).isEqualTo("secret-one");
    Files.writeString(file, "secret-two");
    assertThat(ref.provider().token(Platform.TELEGRAM).reveal()).isEqualTo("secret-two");
    assertThat(ref.provider().token(Platform.TELEGRAM).toString()).doesNotContain("secret");
    Files.write(file, new byte[SecretRef.MAX_FILE_BYTES + 1]);
    assertThat(ref.available()).isFalse();
    assertThat(ref.toString()).isEqualTo("file:" + file);
  }
}
