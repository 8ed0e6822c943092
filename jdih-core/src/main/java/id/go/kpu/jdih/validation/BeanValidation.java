package id.go.kpu.jdih.validation;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import id.go.kpu.jdih.i18n.Text;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.Map;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The library's shared Jakarta Validation engine (Hibernate Validator) and the translation of its violations into
 * bilingual {@link Violation}s.
 *
 * <p>The engine is built once, lazily, and is thread-safe. It uses Hibernate Validator's
 * {@link ParameterMessageInterpolator}, so no Expression Language implementation is needed at run time.
 */
public final class BeanValidation {

  private static final class Holder {
    static final ValidatorFactory FACTORY = Validation.byProvider(HibernateValidator.class)
        .configure()
        .messageInterpolator(new ParameterMessageInterpolator())
        .buildValidatorFactory();
  }

  // Indonesian and English texts of the standard constraints this library uses; %s takes the annotation's
  // main attribute where it has one.
  private static final ImmutableMap<String, Text> MESSAGES = ImmutableMap.<String, Text>builder()
      .put("NotNull", Text.of("wajib diisi", "is required"))
      .put("NotBlank", Text.of("wajib diisi dan tidak boleh kosong", "is required and must not be blank"))
      .put("NotBlankWhenPresent", Text.of("tidak boleh kosong bila diisi", "must not be blank when present"))
      .put("NotEmpty", Text.of("wajib berisi sedikitnya satu unsur", "must contain at least one element"))
      .put("Positive", Text.of("harus lebih besar dari 0", "must be greater than 0"))
      .put("PositiveOrZero", Text.of("tidak boleh negatif", "must not be negative"))
      .put("Pattern", Text.of("tidak sesuai format (%s)", "does not match the format (%s)"))
      .put("Size", Text.of("panjangnya harus antara %s dan %s", "size must be between %s and %s"))
      .put("Min", Text.of("minimal %s", "must be at least %s"))
      .put("Max", Text.of("maksimal %s", "must be at most %s"))
      .put("Email", Text.of("bukan alamat e-mail yang sah", "is not a valid e-mail address"))
      .put("PastOrPresent", Text.of("tidak boleh di masa depan", "must not be in the future"))
      .build();

  private BeanValidation() {}

  /** The shared validator. */
  public static Validator validator() {
    return Holder.FACTORY.getValidator();
  }

  /** Validates {@code object} and returns every violation, sorted by path. */
  public static ImmutableList<Violation> validate(Object object) {
    return validator().validate(object).stream()
        .map(BeanValidation::toViolation)
        .sorted()
        .distinct()
        .collect(ImmutableList.toImmutableList());
  }

  /** Translates one Jakarta Validation violation. */
  public static Violation toViolation(ConstraintViolation<?> cv) {
    String rule = cv.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    Map<String, Object> attrs = cv.getConstraintDescriptor().getAttributes();
    Text template = MESSAGES.get(rule);
    Text message;
    if (template == null) {
      message = Text.of(cv.getMessage(), cv.getMessage());
    } else if (rule.equals("Pattern")) {
      // A custom message on @Pattern is a short English name of the format; show it rather than the regex.
      String format = cv.getMessageTemplate().startsWith("{") ? String.valueOf(attrs.get("regexp")) : cv.getMessage();
      message = template.format(format);
    } else if (rule.equals("Size")) {
      message = template.format(attrs.get("min"), attrs.get("max"));
    } else if (rule.equals("Min") || rule.equals("Max")) {
      message = template.format(attrs.get("value"));
    } else {
      message = template;
    }
    return new Violation(path(cv.getPropertyPath()), rule, message);
  }

  // Renders a property path the way a reader expects: a.b[2].c, with Optional and map-value container nodes
  // folded into their property.
  private static String path(Path path) {
    StringBuilder sb = new StringBuilder();
    for (Path.Node node : path) {
      if (node.getIndex() != null) {
        sb.append('[').append(node.getIndex()).append(']');
      } else if (node.getKey() != null) {
        sb.append('[').append(node.getKey()).append(']');
      }
      String name = node.getName();
      if (name == null || name.isEmpty() || name.startsWith("<")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append(name);
    }
    return sb.toString();
  }
}
