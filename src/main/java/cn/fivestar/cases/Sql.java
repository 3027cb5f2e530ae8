package cn.fivestar.cases;

import cn.fivestar.infra.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Connections for the case store: a few pooled connections, reads run concurrently (WAL), writes are serialised
 * in this process by a lock and across processes by BEGIN IMMEDIATE (which waits on the busy timeout instead of
 * failing when a read transaction would later need to upgrade).
 */
final class Sql implements AutoCloseable {
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final Database db;
  private final BlockingQueue<Connection> idle = new ArrayBlockingQueue<>(4);
  private final ReentrantLock writeLock = new ReentrantLock();
  private volatile boolean closed;

  Sql(Database db) {
    this.db = db;
  }

  <T> T read(Work<T> work) {
    Connection c = borrow();
    boolean healthy = false;
    try {
      T result = work.run(c);
      healthy = true;
      return result;
    } catch (SQLException e) {
      throw storeError(e);
    } finally {
      release(c, healthy);
    }
  }

  /** Runs work in one transaction; any exception rolls it back and propagates (CaseException unchanged). */
  <T> T write(Work<T> work) {
    writeLock.lock();
    try {
      Connection c = borrow();
      boolean healthy = false;
      try (Statement s = c.createStatement()) {
        s.execute("BEGIN IMMEDIATE");
        try {
          T result = work.run(c);
          s.execute("COMMIT");
          healthy = true;
          return result;
        } catch (SQLException | RuntimeException e) {
          try {
            s.execute("ROLLBACK");
            healthy = true;
          } catch (SQLException ignored) {
            // the connection is dropped below
          }
          throw e;
        }
      } catch (SQLException e) {
        throw storeError(e);
      } finally {
        release(c, healthy);
      }
    } finally {
      writeLock.unlock();
    }
  }

  private Connection borrow() {
    if (closed) throw new IllegalStateException("case store is closed");
    Connection c = idle.poll();
    if (c != null) return c;
    try {
      return db.connect();
    } catch (SQLException e) {
      throw storeError(e);
    }
  }

  private void release(Connection c, boolean healthy) {
    if (healthy && !closed && idle.offer(c)) return;
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException ignored) {
      // nothing left to do
    }
  }

  private static IllegalStateException storeError(SQLException e) {
    return new IllegalStateException("case store error: " + e.getMessage(), e);
  }

  @Override
  public void close() {
    closed = true;
    for (Connection c; (c = idle.poll()) != null; ) closeQuietly(c);
  }
}
