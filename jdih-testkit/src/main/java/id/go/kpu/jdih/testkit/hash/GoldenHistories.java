package id.go.kpu.jdih.testkit.hash;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.workflow.HashChain;
import id.go.kpu.jdih.workflow.HashFormat;
import id.go.kpu.jdih.workflow.Principal;
import id.go.kpu.jdih.workflow.RecordedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The {@link GoldenEvents} as histories with fixed hash vectors of both formats. The format 1 vectors were computed
 * by jdih 0.1 (commit 465ed79, by reflection over its records) before format 2 existed; the format 2 vectors were
 * checked with an independent canonicalizer written in Python.
 *
 * <p>An adapter author who writes events in a format of their own (a codec, a database column) writes these
 * histories, reads them back and checks that {@code HashChain.verify} still accepts them and that every hash is the
 * vector's: a codec that loses or reorders anything the hash covers fails.
 */
public final class GoldenHistories {

  private GoldenHistories() {}

  /** Computed by jdih 0.1 (commit 465ed79). */
  public static final ImmutableList<String> FORMAT_1 = ImmutableList.of(
      "8c5f8be69dc98d53bfd558290ae53aa32106bd5bf85cabcb77b79fbeaaf0f9c3",
      "ce090633eda44b7d22f9eca33f55b13e32c9aa539490769f7a161a627b316d8d",
      "d0df1b77688b36b5a18579f6a926be350b4da68db650c7894579b6182fd27b01",
      "f63ee8725da5b044ad5aa11c381b7dab17ae94034a298042e90734f7c5158f74",
      "9c9b81d6a3895c8217261f63bb6cc4cfe99cec43c80107a1eadc56aaa091164d",
      "77a6bdedc4aa9aedaed9aba999e2ed70c2ceeec0a235f285868b36643ed794cd",
      "b4db4d74d396faa6496888eb42ae2ad9fa5cbe1bdaa8e037fad6b9877250147b",
      "84a4d575f83a6ebb4ea7a3cadacdf3ca58b9e415a06d2376a6e19e33bccac71a",
      "19a5861aaff9893edf05aa655fc7955c4ca7244e6da9526c5833aad228879e11",
      "5a64edde7cb2cb24a75302bdd8040087838f12456cb2133a3e8425a59c100300",
      "de8f420bd70bc546f81e65ba3b59f16b8f2ecef6bad7a8a45431cebaf42d4df8",
      "51dbb20b3b63a6a8ec20c853326a494d7bd0babd074fac689567c3266da2761d");

  /** Format 2 (RFC 8785 canonical JSON of the stored document), without a principal. */
  public static final ImmutableList<String> FORMAT_2 = ImmutableList.of(
      "db615a7d5aee2e54ba23d37e401407a3bc4b29337f980d58b511d1c6e3f29d6d",
      "01e68e7866222ab49cf3b00aa0d222b0a3328ef577dc75995222c92428242d06",
      "0f3b9bc36fd2adf6616aed8d6507b4398f2217a02453280df84fbac9e112c98d",
      "e4c39b6b63984855cb54e23da9cbac3a3feb66dae28a406cca3de192708169cf",
      "fb3752ec9e2e4b8dd550372af289a5e47a48e6e21a56020407785c8007a2fd2a",
      "b56e1751edcbb35152d32425b78f82ff14bb42d94a64443f1b067e0b8dfa93b3",
      "29b537d3666a574dd95d46396a53070c3221ef6e671cffcebc07746a09eb7598",
      "11378cbcf54d0dcebd0a6ea0012ff1f6b73116773313076dd7c13d2355734d1b",
      "8b8af81e49a4c61e04e8a6d0c05d77c5879b330aeddcd4784f638c72a9536502",
      "e7d506b98af4f2f263adc1aff67a8bbc7137b38248446d6029d9c37a61c76164",
      "3bf0835a69433dcf16c39a766b9b1e181cf477888c5753f3e5b4668ae94416b0",
      "153e625fa03ad8f5ff8945f3b12f0999bd623f759a317a01e7ea096a9840b464");

  /** The golden contents as jdih 0.1 stored them: format 1, hashes as given. */
  public static List<RecordedEvent> legacyEvents() {
    List<RecordedEvent> out = new ArrayList<>();
    List<GoldenEvents.Content> contents = GoldenEvents.contents();
    for (int i = 0; i < contents.size(); i++) {
      GoldenEvents.Content c = contents.get(i);
      String previous = c.sequence() == 1 ? HashChain.GENESIS : FORMAT_1.get(i - 1);
      out.add(new RecordedEvent(c.caseId(), c.sequence(), c.sop(), c.commandId(), Optional.empty(), c.actor(),
          c.at(), activity(c), c.payload(), previous, FORMAT_1.get(i), HashFormat.LEGACY_1));
    }
    return out;
  }

  /** The golden contents created now (format 2), each chained to the one before. */
  public static List<RecordedEvent> currentEvents(Optional<Principal> principal) {
    List<RecordedEvent> out = new ArrayList<>();
    String previous = HashChain.GENESIS;
    for (GoldenEvents.Content c : GoldenEvents.contents()) {
      if (c.sequence() == 1) {
        previous = HashChain.GENESIS;
      }
      RecordedEvent e = RecordedEvent.create(c.caseId(), c.sequence(), c.sop(), c.commandId(), principal, c.actor(),
          c.at(), activity(c), c.payload(), previous);
      out.add(e);
      previous = e.hash();
    }
    return out;
  }

  private static OptionalInt activity(GoldenEvents.Content c) {
    return c.activity().map(OptionalInt::of).orElse(OptionalInt.empty());
  }
}
