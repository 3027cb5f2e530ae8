package cn.fivestar.conversation;

import java.util.ArrayList;
import java.util.List;

/** One incoming message being handled: the message, its cleaned text, the dialog state as it evolves, the replies. */
final class Turn {
  final Inbound in;
  final String channel;
  final String chatId;
  final String userId;
  final String text;
  DialogState state;
  final List<Outbound> out = new ArrayList<>();
  /** Set when a pressed button did nothing: every reply of this turn then says so ({@link Outbound#refused}). */
  boolean refused;
  /** How this message was taken (set by whoever handles it). */
  HandledAs handledAs;
  /** Whether this turn refused something (the refusal is kept for one message, in case the person insists). */
  boolean refusedNow;
  /** Whether this turn dropped the report under way (kept for one message, to take up again). */
  boolean dropped;
  /** Whether this turn added to an urgent case (the next message may bring its place or phone too). */
  boolean urgentOngoing;
  /** The tracking number registered in this turn, if any. */
  String registered;

  Turn(Inbound in, String channel, String chatId, String userId, String text, DialogState state) {
    this.in = in;
    this.channel = channel;
    this.chatId = chatId;
    this.userId = userId;
    this.text = text;
    this.state = state;
  }

  /** The stable name recorded on case changes this person makes (staff commands, ratings). */
  String actor() {
    return channel + ":" + userId;
  }

  Role role() {
    return in.role();
  }

  void say(String text) {
    out.add(Outbound.text(text));
  }

  /** Replies to a button press that is not carried out (not allowed, stale, unknown). */
  void refuse(String text) {
    refused = true;
    say(text);
  }

  void say(String text, List<List<Button>> buttons) {
    out.add(Outbound.withButtons(text, buttons));
  }

  /** A reply that also sets the persistent keyboard of main actions. */
  void sayWithKeyboard(String text, List<List<String>> keyboard) {
    out.add(new Outbound(text, List.of(), keyboard));
  }
}
