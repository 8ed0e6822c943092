package id.go.kpu.jdih.server.security;

import id.go.kpu.jdih.i18n.Text;
import id.go.kpu.jdih.server.ServerException;
import id.go.kpu.jdih.server.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body that is not a multipart upload (those are bounded by
 * {@code spring.servlet.multipart.*}): a declared length over the limit is answered 413 before anything is read,
 * and a body without a declared length fails as soon as it passes the limit.
 */
public final class RequestSizeFilter extends OncePerRequestFilter {

  private final long maxBytes;
  private final Problems problems;

  /** A filter allowing {@code maxBytes} per body. */
  public RequestSizeFilter(long maxBytes, Problems problems) {
    this.maxBytes = maxBytes;
    this.problems = problems;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String type = request.getContentType();
    if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/")) {
      chain.doFilter(request, response);
      return;
    }
    if (request.getContentLengthLong() > maxBytes) {
      problems.write(request, response, new ServerException(ServerException.Kind.TOO_LARGE, Text.of(
          "Isi permintaan lebih dari %s bait", "The request body is over %s bytes").format(maxBytes)));
      return;
    }
    chain.doFilter(request.getContentLengthLong() >= 0 ? request : new Bounded(request, maxBytes), response);
  }

  /** A request whose body stream fails past the limit. */
  private static final class Bounded extends HttpServletRequestWrapper {
    private final long max;

    Bounded(HttpServletRequest request, long max) {
      super(request);
      this.max = max;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      ServletInputStream in = super.getInputStream();
      return new ServletInputStream() {
        private long read;

        @Override
        public int read() throws IOException {
          int b = in.read();
          if (b >= 0 && ++read > max) {
            throw new IOException("request body over " + max + " bytes");
          }
          return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
          int n = in.read(buf, off, len);
          if (n > 0 && (read += n) > max) {
            throw new IOException("request body over " + max + " bytes");
          }
          return n;
        }

        @Override
        public boolean isFinished() {
          return in.isFinished();
        }

        @Override
        public boolean isReady() {
          return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
          in.setReadListener(listener);
        }
      };
    }
  }
}
