package id.go.kpu.jdih.testkit.publish;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.RemotePost;
import java.util.List;

/**
 * One emulated platform account and the client that talks to it: an in-process fake, or a real adapter against a
 * WireMock emulator on 127.0.0.1.
 */
public interface EmulatedPlatform {

  /** The platform. */
  Platform platform();

  /** The client the outbox publishes through. */
  PlatformClient client();

  /** The faults this emulator can produce. */
  ImmutableSet<NetFault> faults();

  /** Forgets every post and container and sets the faults for the next requests, in order. */
  void reset(List<NetFault> schedule);

  /** Every post published on the account since the last reset (the ground truth the outbox is judged by). */
  ImmutableList<RemotePost> posts();
}
