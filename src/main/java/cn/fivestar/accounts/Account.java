package cn.fivestar.accounts;

import java.time.Instant;

/**
 * A web account. Its actions are recorded in case history as {@link #actor()} ("web:NAME"); telegramId (may be null)
 * is the Telegram user id of the same person, who then has this role in chat as well.
 */
public record Account(String name, AccountRole role, String telegramId, Instant createdAt, Instant passwordChangedAt) {
  /** The actor prefix of web accounts in case history. */
  public static final String ACTOR_PREFIX = "web:";

  public String actor() {
    return ACTOR_PREFIX + name;
  }

  /** The chat actor of the linked Telegram user ("telegram:ID"), or null. */
  public String telegramActor() {
    return telegramId == null ? null : "telegram:" + telegramId;
  }

  public boolean supervisor() {
    return role == AccountRole.SUPERVISOR;
  }
}
