package cn.fivestar.conversation;

import java.util.List;

/** The one bot brain every channel talks to: a message in, the replies for that chat out. */
public interface ConversationEngine {
  List<Outbound> handle(Inbound message);
}
