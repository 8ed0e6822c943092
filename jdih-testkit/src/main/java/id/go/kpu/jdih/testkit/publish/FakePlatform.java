package id.go.kpu.jdih.testkit.publish;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import id.go.kpu.jdih.content.Platform;
import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.publish.ContainerCheck;
import id.go.kpu.jdih.publish.ContainerStatus;
import id.go.kpu.jdih.publish.FailureKind;
import id.go.kpu.jdih.publish.IdSink;
import id.go.kpu.jdih.publish.PlatformCallException;
import id.go.kpu.jdih.publish.PlatformClient;
import id.go.kpu.jdih.publish.PlatformId;
import id.go.kpu.jdih.publish.PostAttempt;
import id.go.kpu.jdih.publish.PostLookup;
import id.go.kpu.jdih.publish.PostResult;
import id.go.kpu.jdih.publish.PostText;
import id.go.kpu.jdih.publish.PublishedPost;
import id.go.kpu.jdih.publish.Reconciliation;
import id.go.kpu.jdih.publish.RemotePost;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * An in-process fake of one platform, both the account and the client, with the same semantics as the real
 * adapters and the WireMock emulators: Instagram and Threads publish a container after checking its status; Facebook
 * and X prepare uploads, then post, and can be asked for recent posts (X refuses duplicate text with 403); Telegram
 * posts in one call and cannot be asked. Every request consumes one {@link NetFault}; a failure on a call that can
 * publish is {@link FailureKind#AMBIGUOUS}, on any other call {@link FailureKind#NOT_SENT}, as the adapters classify
 * them. Posts appear in the account's list up to {@code maxLag} after they are made. Thread-safe.
 */
public final class FakePlatform implements PlatformClient, EmulatedPlatform {

  private final Platform platform;
  private final Clock clock;
  private final Duration maxLag;
  private final SplittableRandom random;
  private final Deque<NetFault> faults = new ArrayDeque<>();
  private final Map<String, Container> containers = new HashMap<>();
  private final List<Post> posts = new ArrayList<>();
  private int ids = 1000;

  /** A fake of {@code platform}; posts become visible in its list up to {@code maxLag} after they are made. */
  public FakePlatform(Platform platform, Clock clock, Duration maxLag, long seed) {
    this.platform = platform;
    this.clock = clock;
    this.maxLag = maxLag;
    this.random = new SplittableRandom(seed);
  }

  private static final class Container {
    ContainerStatus status;
    int slowChecks;

    Container(ContainerStatus status, int slowChecks) {
      this.status = status;
      this.slowChecks = slowChecks;
    }
  }

  private record Post(RemotePost post, Instant visibleAt) {}

  @Override
  public Platform platform() {
    return platform;
  }

  @Override
  public PlatformClient client() {
    return this;
  }

  @Override
  public ImmutableSet<NetFault> faults() {
    ImmutableSet.Builder<NetFault> b = ImmutableSet.builder();
    for (NetFault f : NetFault.values()) {
      boolean containerFault = f == NetFault.QUOTA || f.name().startsWith("CONTAINER_");
      if (!containerFault || reconciliation() == Reconciliation.CONTAINER_STATUS) {
        b.add(f);
      }
    }
    return b.build();
  }

  @Override
  public synchronized void reset(List<NetFault> schedule) {
    faults.clear();
    faults.addAll(schedule);
    containers.clear();
    posts.clear();
  }

  @Override
  public synchronized ImmutableList<RemotePost> posts() {
    return posts.stream().map(Post::post).collect(ImmutableList.toImmutableList());
  }

  @Override
  public Reconciliation reconciliation() {
    return switch (platform) {
      case INSTAGRAM, THREADS -> Reconciliation.CONTAINER_STATUS;
      case FACEBOOK, X -> Reconciliation.RECENT_POSTS;
      case TELEGRAM -> Reconciliation.NONE;
    };
  }

  @Override
  public URI postUrl(String postId) {
    return URI.create("https://fake.invalid/" + platform.name().toLowerCase(java.util.Locale.ROOT) + "/" + postId);
  }

  @Override
  public synchronized PostResult createPost(PostAttempt attempt, IdSink sink) {
    String text = attempt.intent().text();
    int media = attempt.intent().media().size();
    if (reconciliation() == Reconciliation.CONTAINER_STATUS) {
      Optional<String> known = attempt.latest(PlatformId.Kind.CONTAINER);
      String container;
      if (known.isPresent()) {
        container = known.get();
      } else {
        int children = attempt.known(PlatformId.Kind.CHILD_CONTAINER).size();
        for (int i = children; media > 1 && i < media; i++) {
          String child = prepare(next -> new Container(ContainerStatus.FINISHED, 0));
          sink.record(PlatformId.Kind.CHILD_CONTAINER, child);
        }
        container = prepare(this::newContainer);
        sink.record(PlatformId.Kind.CONTAINER, container);
      }
      ContainerCheck check = status(container);
      switch (check.status()) {
        case IN_PROGRESS -> {
          return new PostResult.NotReady(Text.of("kontainer diproses", "container in progress"));
        }
        case ERROR -> throw new PlatformCallException(FailureKind.REJECTED, "CONTAINER-ERROR",
            Text.of("kontainer ERROR", "container ERROR"));
        case EXPIRED -> throw new PlatformCallException(FailureKind.CONTAINER_EXPIRED, "CONTAINER-EXPIRED",
            Text.of("kontainer kedaluwarsa", "container expired"));
        case PUBLISHED -> throw new PlatformCallException(FailureKind.AMBIGUOUS, "CONTAINER-PUBLISHED",
            Text.of("kontainer sudah terbit", "container already published"));
        case FINISHED -> { }
        default -> throw new IllegalStateException();
      }
      String postId = publish(text, () -> {
        Container c = containers.get(container);
        if (c.status == ContainerStatus.PUBLISHED) {
          throw new PlatformCallException(FailureKind.REJECTED, "ALREADY-PUBLISHED",
              Text.of("kontainer sudah diterbitkan", "container already published"));
        }
        c.status = ContainerStatus.PUBLISHED;
      });
      sink.record(PlatformId.Kind.POST, postId);
      return published(postId);
    }
    if (reconciliation() == Reconciliation.RECENT_POSTS) {
      PlatformId.Kind kind = platform == Platform.X ? PlatformId.Kind.MEDIA_UPLOAD : PlatformId.Kind.PHOTO;
      int uploads = platform == Platform.FACEBOOK && media == 1 ? 0 : media;
      for (int i = attempt.known(kind).size(); i < uploads; i++) {
        sink.record(kind, prepare(next -> null));
      }
    }
    String postId = publish(text, () -> {
      if (platform == Platform.X && posts.stream().anyMatch(p -> PostText.sameContent(text, p.post().text()))) {
        throw new PlatformCallException(FailureKind.DUPLICATE, "X-403-DUPLICATE", Text.of("duplikat", "duplicate"));
      }
    });
    sink.record(PlatformId.Kind.POST, postId);
    return published(postId);
  }

  @Override
  public synchronized ContainerCheck checkStatus(String containerId) {
    if (reconciliation() != Reconciliation.CONTAINER_STATUS) {
      throw new UnsupportedOperationException();
    }
    return status(containerId);
  }

  @Override
  public synchronized ImmutableList<RemotePost> findRecentPosts(PostLookup lookup) {
    if (reconciliation() == Reconciliation.NONE) {
      throw new UnsupportedOperationException();
    }
    read();
    Instant now = clock.instant();
    return posts.stream().filter(p -> !p.visibleAt().isAfter(now))
        .filter(p -> !p.post().createdAt().isBefore(lookup.since())).map(Post::post)
        .collect(ImmutableList.toImmutableList());
  }

  private PostResult published(String postId) {
    RemotePost p = posts.stream().map(Post::post).filter(x -> x.postId().equals(postId)).findFirst().orElseThrow();
    return new PostResult.Published(new PublishedPost(platform, postId, p.url(), p.createdAt()));
  }

  private Container newContainer(NetFault fault) {
    return switch (fault) {
      case CONTAINER_ERROR -> new Container(ContainerStatus.ERROR, 0);
      case CONTAINER_EXPIRED -> new Container(ContainerStatus.EXPIRED, 0);
      case CONTAINER_SLOW -> new Container(ContainerStatus.IN_PROGRESS, 2);
      default -> new Container(ContainerStatus.FINISHED, 0);
    };
  }

  private ContainerCheck status(String id) {
    read();
    Container c = containers.get(id);
    if (c == null) {
      throw new PlatformCallException(FailureKind.REJECTED, "GRAPH-100", Text.of("tidak ada", "no such object"));
    }
    if (c.status == ContainerStatus.IN_PROGRESS) {
      if (c.slowChecks-- <= 0) {
        c.status = ContainerStatus.FINISHED;
      }
      return ContainerCheck.of(ContainerStatus.IN_PROGRESS);
    }
    return ContainerCheck.of(c.status);
  }

  private NetFault nextFault() {
    NetFault f = faults.poll();
    return f == null ? NetFault.NONE : f;
  }

  private interface Maker {
    Container make(NetFault fault);
  }

  /** A call that prepares (a container, an upload): it cannot publish, so every failure is NOT_SENT. */
  private String prepare(Maker maker) {
    NetFault f = nextFault();
    refuse(f, false);
    String id = String.valueOf(++ids);
    Container c = maker.make(f);
    if (c != null) {
      containers.put(id, c);
    }
    if (f == NetFault.RESET_AFTER || f == NetFault.TIMEOUT_AFTER) {
      throw notSent(f); // made, but the id never arrived
    }
    return id;
  }

  private interface Check {
    void run();
  }

  /** The call that publishes: a failure after the request left is AMBIGUOUS. */
  private String publish(String text, Check check) {
    NetFault f = nextFault();
    refuse(f, true);
    check.run();
    String id = String.valueOf(++ids);
    Instant now = clock.instant();
    long lag = maxLag.isZero() ? 0 : random.nextLong(maxLag.toMillis() + 1);
    posts.add(new Post(new RemotePost(id, postUrl(id), text, now), now.plusMillis(lag)));
    if (f == NetFault.RESET_AFTER || f == NetFault.TIMEOUT_AFTER) {
      throw new PlatformCallException(FailureKind.AMBIGUOUS, "FAKE-" + f, Text.of("tidak pasti", "unknown"));
    }
    return id;
  }

  /** A read (status, list): nothing can be published; faults are NOT_SENT or rate limits. */
  private void read() {
    NetFault f = nextFault();
    refuse(f, false);
    if (f == NetFault.RESET_AFTER || f == NetFault.TIMEOUT_AFTER) {
      throw notSent(f);
    }
  }

  private void refuse(NetFault f, boolean publishing) {
    switch (f) {
      case RESET_BEFORE, TIMEOUT_BEFORE, SERVER_ERROR -> throw publishing
          ? new PlatformCallException(FailureKind.AMBIGUOUS, "FAKE-" + f, Text.of("tidak pasti", "unknown"))
          : notSent(f);
      case RATE_LIMIT -> throw new PlatformCallException(FailureKind.RATE_LIMITED, "HTTP-429",
          Text.of("batas laju", "rate limit"), Optional.of(clock.instant().plusSeconds(60)), null);
      case AUTH -> throw new PlatformCallException(FailureKind.AUTH, "AUTH",
          Text.of("token kedaluwarsa, perbarui token", "token expired, renew it"));
      case QUOTA -> {
        if (publishing) {
          throw new PlatformCallException(FailureKind.QUOTA_REACHED, "GRAPH-9-2207042", Text.of("kuota", "quota"));
        }
      }
      default -> { }
    }
  }

  private static PlatformCallException notSent(NetFault f) {
    return new PlatformCallException(FailureKind.NOT_SENT, "FAKE-" + f, Text.of("gagal", "failed"));
  }
}
