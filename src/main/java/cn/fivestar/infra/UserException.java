package cn.fivestar.infra;

/** A failure caused by the user's input or environment: reported as one line, no stack trace. */
public class UserException extends RuntimeException {
  private final int exitCode;

  public UserException(String message) {
    this(message, 1);
  }

  public UserException(String message, int exitCode) {
    super(message);
    this.exitCode = exitCode;
  }

  /** Bad usage (exit code 2). */
  public static UserException usage(String message) {
    return new UserException(message, 2);
  }

  public int exitCode() {
    return exitCode;
  }
}
