package cn.fivestar.cases;

/** Someone to notify about a case: its reporter or a follower, reachable at chatId on channel. */
public record Recipient(String channel, String userId, String chatId, boolean reporter) {}
