package cn.fivestar.conversation;

import java.util.List;

/** The one bot brain every channel talks to: a message in, the replies for that chat out. */
public interface ConversationEngine {
  /** The replies to one message. */
  List<Outbound> handle(Inbound message);

  /** The replies with how the message was taken and the case it registered (engines that know say so). */
  default Handled process(Inbound message) {
    return new Handled(handle(message), null, null);
  }
}
