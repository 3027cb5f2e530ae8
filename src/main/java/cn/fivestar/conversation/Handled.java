package cn.fivestar.conversation;

import java.util.List;

/**
 * The outcome of one message: the replies, how it was taken ({@code handledAs}, null when nothing was handled, e.g. a
 * throttled flood) and the tracking number registered in this turn ({@code caseId}, else null).
 */
public record Handled(List<Outbound> replies, HandledAs handledAs, String caseId) {
  public Handled {
    replies = List.copyOf(replies);
  }
}
