package id.go.kpu.jdih.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * An optional text that, when present, must not be blank. Meant for {@code Optional<@NotBlankWhenPresent String>}:
 * Hibernate Validator hands an empty {@code Optional} to the constraint as {@code null}, which
 * {@link jakarta.validation.constraints.NotBlank} would reject.
 */
@Documented
@Constraint(validatedBy = NotBlankWhenPresent.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface NotBlankWhenPresent {

  /** The message. */
  String message() default "must not be blank when present";

  /** Groups. */
  Class<?>[] groups() default {};

  /** Payload. */
  Class<? extends Payload>[] payload() default {};

  /** Null is valid; anything else must contain a non-white-space character. */
  final class Validator implements ConstraintValidator<NotBlankWhenPresent, CharSequence> {
    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
      return value == null || !value.toString().isBlank();
    }
  }
}
