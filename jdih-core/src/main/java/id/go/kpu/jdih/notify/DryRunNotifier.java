package id.go.kpu.jdih.notify;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import id.go.kpu.jdih.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A notifier that sends nothing: it keeps what it would have sent ({@link #sent()}) and hands each one, rendered
 * as text with the recipient's addresses masked, to a sink (e.g. {@code System.out::println}) for demos and dry
 * runs. It reaches everyone, with or without addresses. Thread-safe.
 */
public final class DryRunNotifier implements Notifier {

  /** The default channel name. */
  public static final String CHANNEL = "dry-run";

  private final String channel;
  private final Consumer<String> sink;
  private final boolean withBody;
  private final List<Notification> sent = new ArrayList<>();

  /** A dry run that only collects, on channel {@value #CHANNEL}. */
  public DryRunNotifier() {
    this(CHANNEL, line -> { }, false);
  }

  /**
   * A dry run on {@code channel} that hands each notification to {@code sink}.
   *
   * @param channel the channel name (e.g. {@code dry-run}, or {@code email} to stand in for e-mail)
   * @param sink receives each rendered notification
   * @param withBody true to render the body too, not only the header line
   */
  public DryRunNotifier(String channel, Consumer<String> sink, boolean withBody) {
    checkNotNull(channel, "channel");
    checkArgument(!channel.isBlank(), "channel must not be blank");
    this.channel = channel;
    this.sink = checkNotNull(sink, "sink");
    this.withBody = withBody;
  }

  /** A dry run on {@value #CHANNEL} printing each notification with its body to {@code sink}. */
  public static DryRunNotifier printingTo(Consumer<String> sink) {
    return new DryRunNotifier(CHANNEL, sink, true);
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public boolean canReach(Contact contact) {
    return true;
  }

  @Override
  public void send(Notification notification) {
    checkNotNull(notification, "notification");
    synchronized (sent) {
      sent.add(notification);
    }
    sink.accept(render(notification, withBody));
  }

  /** Everything sent so far, in order. */
  public ImmutableList<Notification> sent() {
    synchronized (sent) {
      return ImmutableList.copyOf(sent);
    }
  }

  /** Forgets what was sent. */
  public void clear() {
    synchronized (sent) {
      sent.clear();
    }
  }

  /**
   * One notification as text in the recipient's language, addresses masked: a header line
   * {@code [JDIH] ... -> Rina (NIP ...) e-mail r***@k***.go.id} and, with {@code withBody}, the body indented.
   */
  public static String render(Notification n, boolean withBody) {
    String to = n.language() == Language.EN ? "to" : "kepada";
    StringBuilder sb = new StringBuilder();
    sb.append(n.subjectText()).append("  (").append(to).append(' ').append(n.recipient()).append(')');
    if (withBody) {
      n.bodyText().lines().forEach(l -> sb.append('\n').append("    ").append(l));
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "DryRunNotifier[" + channel + "]";
  }
}
