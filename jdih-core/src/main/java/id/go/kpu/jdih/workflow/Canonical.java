package id.go.kpu.jdih.workflow;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A canonical, unambiguous text encoding of event data for hashing. Strings are length-prefixed, records are
 * tagged with their simple name and list their components in declaration order, sets and maps are sorted by the
 * encoding of their elements and keys, so that equal values always encode to the same text, whatever the order a
 * store gave back.
 */
final class Canonical {

  private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected Method[] computeValue(Class<?> type) {
      RecordComponent[] components = type.getRecordComponents();
      Method[] methods = new Method[components.length];
      for (int i = 0; i < components.length; i++) {
        methods[i] = components[i].getAccessor();
        methods[i].setAccessible(true);
      }
      return methods;
    }
  };

  private Canonical() {}

  static void encode(Object value, StringBuilder out) {
    if (value == null) {
      out.append('~');
    } else if (value instanceof String s) {
      out.append('s').append(s.length()).append(':').append(s);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Boolean) {
      out.append('n').append(value).append(';');
    } else if (value instanceof Double || value instanceof Float) {
      out.append('d').append(Double.toString(((Number) value).doubleValue())).append(';');
    } else if (value instanceof Enum<?> e) {
      out.append('e').append(e.name().length()).append(':').append(e.name());
    } else if (value instanceof Instant i) {
      out.append('t').append(i.toString()).append(';');
    } else if (value instanceof LocalDate d) {
      out.append('D').append(d.toString()).append(';');
    } else if (value instanceof Optional<?> o) {
      out.append('o');
      encode(o.orElse(null), out);
    } else if (value instanceof OptionalInt o) {
      out.append('o');
      encode(o.isPresent() ? Integer.valueOf(o.getAsInt()) : null, out);
    } else if (value instanceof Record r) {
      encodeRecord(r, out);
    } else if (value instanceof Map<?, ?> m) {
      List<String> entries = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        StringBuilder sb = new StringBuilder();
        encode(e.getKey(), sb);
        sb.append('=');
        encode(e.getValue(), sb);
        entries.add(sb.toString());
      }
      entries.sort(null);
      out.append('{').append(entries.size()).append(':');
      entries.forEach(out::append);
      out.append('}');
    } else if (value instanceof Set<?> set) {
      List<String> items = new ArrayList<>();
      for (Object o : set) {
        StringBuilder sb = new StringBuilder();
        encode(o, sb);
        items.add(sb.toString());
      }
      items.sort(null);
      out.append('<').append(items.size()).append(':');
      items.forEach(out::append);
      out.append('>');
    } else if (value instanceof Collection<?> c) {
      out.append('[').append(c.size()).append(':');
      for (Object o : c) {
        encode(o, out);
      }
      out.append(']');
    } else {
      // URI, ZoneId and other value types: their string form is canonical.
      String s = value.toString();
      out.append('v').append(value.getClass().getSimpleName()).append(':').append(s.length()).append(':').append(s);
    }
  }

  private static void encodeRecord(Record r, StringBuilder out) {
    String name = r.getClass().getSimpleName();
    out.append('(').append(name.length()).append(':').append(name);
    for (Method accessor : ACCESSORS.get(r.getClass())) {
      try {
        encode(accessor.invoke(r), out);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException("cannot read " + accessor, e);
      }
    }
    out.append(')');
  }
}
