package cn.fivestar.conversation;

import java.util.List;

/**
 * One reply. {@code buttons} are inline buttons (rows); {@code keyboard} is a persistent reply keyboard
 * (rows of labels). Channels without buttons render them as text the person can type instead.
 *
 * <p>{@code refused} marks the reply to a button press the engine did not carry out (a resident pressing 接办, a
 * stale or unknown button): channels that use a button up when it is pressed must leave that message as it was.
 */
public record Outbound(String text, List<List<Button>> buttons, List<List<String>> keyboard, boolean refused) {

  public Outbound {
    text = text == null ? "" : text;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
    keyboard = keyboard == null ? List.of() : List.copyOf(keyboard);
  }

  public Outbound(String text, List<List<Button>> buttons, List<List<String>> keyboard) {
    this(text, buttons, keyboard, false);
  }

  public static Outbound text(String text) {
    return new Outbound(text, List.of(), List.of());
  }

  public static Outbound withButtons(String text, List<List<Button>> buttons) {
    return new Outbound(text, buttons, List.of());
  }

  /** The reply to a button press that did nothing. */
  public static Outbound refusal(String text) {
    return new Outbound(text, List.of(), List.of(), true);
  }

  /** This reply, marked as refusing the button press it answers. */
  public Outbound asRefusal() {
    return refused ? this : new Outbound(text, buttons, keyboard, true);
  }
}
