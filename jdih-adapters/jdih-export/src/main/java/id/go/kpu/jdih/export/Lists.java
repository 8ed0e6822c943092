package id.go.kpu.jdih.export;

import java.util.ArrayList;
import java.util.List;

/**
 * List punctuation of the SOP's first page: every item but the last ends with {@code ;}, the last with {@code .}.
 * Definitions store items without it; an item that already ends with {@code ;}, {@code ,} or {@code .} is given
 * the right mark instead of a second one.
 */
final class Lists {

  private Lists() {}

  /** The items with their list punctuation. */
  static List<String> punctuated(List<String> items) {
    List<String> out = new ArrayList<>(items.size());
    for (int i = 0; i < items.size(); i++) {
      String item = items.get(i).strip();
      while (!item.isEmpty() && ";,.".indexOf(item.charAt(item.length() - 1)) >= 0) {
        item = item.substring(0, item.length() - 1).stripTrailing();
      }
      out.add(item + (i == items.size() - 1 ? "." : ";"));
    }
    return out;
  }
}
