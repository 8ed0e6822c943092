package id.go.kpu.jdih.publish.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.content.MediaItem;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PublishRequest;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.workflow.CaseId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DryRunPublisherTest {

  @TempDir Path dir;
  private final Clock clock = Clock.fixed(Instant.parse("2024-03-08T03:00:00Z"), ZoneOffset.UTC);
  private final MediaItem jpeg = new MediaItem("sha256:" + "a".repeat(64), "image/jpeg", 1080, 1350, 400_000,
      "a".repeat(64));

  @Test
  void writesTheInstagramCallsAndAnswersARepeatFromTheFile() throws IOException {
    DryRunPublisher ig = new DryRunPublisher(Platform.INSTAGRAM, dir, clock);
    PublishRequest r = new PublishRequest(CaseId.of("k1"), Platform.INSTAGRAM, "Keterangan #JDIH",
        ImmutableList.of(jpeg), "k1/INSTAGRAM/1");
    PublishedPost post = ig.publish(r);
    Path file = dir.resolve("k1/instagram.json");
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.path("text").asText()).isEqualTo("Keterangan #JDIH");
    assertThat(json.path("calls")).hasSize(3);
    assertThat(json.path("calls").get(0).path("path").asText()).isEqualTo("/{ig-user-id}/media");
    assertThat(json.path("calls").get(2).path("path").asText()).isEqualTo("/{ig-user-id}/media_publish");
    assertThat(post.postId()).startsWith("dryrun-").isEqualTo(json.path("postId").asText());
    assertThat(post.publishedAt()).isEqualTo(clock.instant());

    long modified = Files.getLastModifiedTime(file).toMillis();
    PublishedPost again = new DryRunPublisher(Platform.INSTAGRAM, dir,
        Clock.offset(clock, java.time.Duration.ofHours(1))).publish(r);
    assertThat(again).isEqualTo(post);
    assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(modified);
  }

  @Test
  void telegramWithoutMediaIsAMessageAndXUploadsFirst() throws IOException {
    DryRunPublisher.forAll(dir, clock).get(Platform.TELEGRAM).publish(new PublishRequest(CaseId.of("k2"),
        Platform.TELEGRAM, "Teks", ImmutableList.of(), "k2/TELEGRAM/1"));
    DryRunPublisher.forAll(dir, clock).get(Platform.X).publish(new PublishRequest(CaseId.of("k2"),
        Platform.X, "Teks", ImmutableList.of(jpeg, jpeg), "k2/X/1"));
    ObjectMapper m = new ObjectMapper();
    assertThat(m.readTree(dir.resolve("k2/telegram.json").toFile()).path("calls").get(0).path("path").asText())
        .isEqualTo("/bot{token}/sendMessage");
    JsonNode x = m.readTree(dir.resolve("k2/x.json").toFile()).path("calls");
    assertThat(x).hasSize(3);
    assertThat(x.get(2).path("path").asText()).isEqualTo("/2/tweets");
  }
}
