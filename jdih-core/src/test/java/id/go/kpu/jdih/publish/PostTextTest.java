package id.go.kpu.jdih.publish;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How a post read back is recognised as an intent's post. */
class PostTextTest {

  @Test
  void xRewritesLinksAndAppendsAMediaLinkStillTheSameContent() {
    String sent = "Kenali DPT  di https://jdih.kpu.go.id/dpt?x=1 #JDIH";
    String onX = "Kenali DPT di https://t.co/AbC123 #JDIH https://t.co/media99";
    assertThat(PostText.sameContent(sent, onX)).isTrue();
  }

  @Test
  void composedAndDecomposedAccentsAreTheSameAfterNfc() {
    assertThat(PostText.sameContent("Pemilu caf\u00e9", "Pemilu cafe\u0301")).isTrue();
  }

  @Test
  void anyOtherDifferenceIsAnotherPost() {
    assertThat(PostText.sameContent("Kasus 1 #JDIH", "Kasus 2 #JDIH")).isFalse();
    assertThat(PostText.sameContent("Kasus 1 #JDIH", "kasus 1 #jdih")).as("case matters").isFalse();
    assertThat(PostText.sameContent("Kasus 1", "")).isFalse();
  }
}
