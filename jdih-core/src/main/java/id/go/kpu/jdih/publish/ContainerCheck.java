package id.go.kpu.jdih.publish;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Optional;

/**
 * What the platform said about a container.
 *
 * @param status the status
 * @param detail the platform's detail (Instagram's {@code status} subcode, Threads' {@code error_message}), if any
 */
public record ContainerCheck(ContainerStatus status, Optional<String> detail) {

  /** Both fields are required. */
  public ContainerCheck {
    checkNotNull(status, "status");
    checkNotNull(detail, "detail");
  }

  /** A check without detail. */
  public static ContainerCheck of(ContainerStatus status) {
    return new ContainerCheck(status, Optional.empty());
  }
}
