package id.go.kpu.jdih.publish.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a body that declares (Content-Length) or turns out to be longer
 * fails with {@link TooLarge} as soon as that is known, and the rest is not read. Used by {@link HttpApi} and by the
 * notifiers that call HTTP APIs themselves (jdih-notify-telegram).
 */
public final class BoundedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body is over the limit. */
  public static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("the response body is over the limit of " + limit + " bytes");
    }
  }

  private final long limit;
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private Flow.Subscription subscription;
  private long count;

  private BoundedBody(long limit, long declared) {
    this.limit = limit;
    this.count = 0;
    if (declared > limit) {
      body.completeExceptionally(new TooLarge(limit));
    }
  }

  /** A handler reading bodies of at most {@code limit} bytes. */
  public static HttpResponse.BodyHandler<byte[]> handler(long limit) {
    return info -> new BoundedBody(limit, info.headers().firstValueAsLong("content-length").orElse(-1));
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    this.subscription = s;
    if (body.isDone()) {
      s.cancel();
    } else {
      s.request(1);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      subscription.cancel();
      return;
    }
    for (ByteBuffer b : items) {
      count += b.remaining();
      if (count > limit) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      bytes.write(chunk, 0, chunk.length);
    }
    subscription.request(1);
  }

  @Override
  public void onError(Throwable t) {
    body.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    body.complete(bytes.toByteArray());
  }
}
