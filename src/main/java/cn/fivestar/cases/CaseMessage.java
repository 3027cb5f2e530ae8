package cn.fivestar.cases;

import java.time.Instant;

/** A reply (resident-visible) or an internal note on a case. */
public record CaseMessage(long seq, String caseId, Instant at, String author, String text) {}
