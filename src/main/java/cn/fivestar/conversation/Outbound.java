package cn.fivestar.conversation;

import java.util.List;

/**
 * One reply. {@code buttons} are inline buttons (rows); {@code keyboard} is a persistent reply keyboard
 * (rows of labels). Channels without buttons render them as text the person can type instead.
 */
public record Outbound(String text, List<List<Button>> buttons, List<List<String>> keyboard) {

  public Outbound {
    text = text == null ? "" : text;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
  }

  public static Outbound text(String text) {
    return new Outbound(text, List.of(), List.of());
  }

  public static Outbound withButtons(String text, List<List<Button>> buttons) {
    return new Outbound(text, buttons, List.of());
  }
}
