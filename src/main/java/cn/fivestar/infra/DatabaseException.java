package cn.fivestar.infra;

/** A failure of the database itself (I/O, a broken connection, a violated constraint), not of the caller's input. */
public final class DatabaseException extends IllegalStateException {
  public DatabaseException(String message, Throwable cause) {
    super(message, cause);
  }
}
