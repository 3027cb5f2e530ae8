package cn.fivestar.cases;

import cn.fivestar.infra.UserException;

/**
 * A case operation refused by the rules or the input. The message is plain Chinese meant to be shown to the
 * person who asked (resident or staff); {@link #reason()} lets callers branch without parsing it. On the command
 * line invalid input exits with 2 (bad usage), everything else with 1.
 */
public class CaseException extends UserException {
  public enum Reason { NOT_FOUND, INVALID_INPUT, ILLEGAL_TRANSITION, NOT_ALLOWED }

  private final Reason reason;

  public CaseException(Reason reason, String message) {
    super(message, reason == Reason.INVALID_INPUT ? 2 : 1);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  static CaseException invalid(String message) {
    return new CaseException(Reason.INVALID_INPUT, message);
  }

  static CaseException notFound(String id) {
    return new CaseException(Reason.NOT_FOUND, "找不到编号为 " + id + " 的诉求，请核对编号（形如 20260105-0001）。");
  }

  static CaseException illegal(String message) {
    return new CaseException(Reason.ILLEGAL_TRANSITION, message);
  }

  static CaseException notAllowed(String message) {
    return new CaseException(Reason.NOT_ALLOWED, message);
  }
}
