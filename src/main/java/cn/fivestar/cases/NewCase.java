package cn.fivestar.cases;

import java.util.List;

/**
 * A request as taken in by a channel. channel + userId identify the reporter; chatId is where to notify them
 * (null for a phone call logged by staff). category may be null (→ 其他), kind null (→ help); photoIds may be null.
 */
public record NewCase(String channel, String userId, String chatId, String displayName, String phone,
                      String text, String location, String category, CaseKind kind, List<String> photoIds) {}
