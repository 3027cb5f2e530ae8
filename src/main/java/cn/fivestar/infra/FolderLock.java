package cn.fivestar.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a folder shared by threads and by processes (serve, web and a cases command started together
 * on one data folder): a file lock for other processes, a plain lock for other threads of this one (the JVM refuses
 * two file locks on one file). Blocks until it is free; close to release.
 */
public final class FolderLock implements AutoCloseable {
  private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

  private final ReentrantLock local;
  private final FileChannel channel;
  private final FileLock lock;

  private FolderLock(ReentrantLock local, FileChannel channel, FileLock lock) {
    this.local = local;
    this.channel = channel;
    this.lock = lock;
  }

  /** Waits for the lock of {@code folder} (created if missing), held in the file {@code .lock} inside it. */
  public static FolderLock acquire(Path folder) {
    Path file = folder.toAbsolutePath().normalize().resolve(".lock");
    ReentrantLock local = LOCAL.computeIfAbsent(file, f -> new ReentrantLock());
    local.lock();
    FileChannel channel = null;
    try {
      Files.createDirectories(folder);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new FolderLock(local, channel, channel.lock());
    } catch (IOException e) {
      closeQuietly(channel);
      local.unlock();
      throw new UncheckedIOException("cannot lock " + folder + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      local.unlock();
      throw e;
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    } finally {
      closeQuietly(channel);
      local.unlock();
    }
  }

  private static void closeQuietly(FileChannel c) {
    if (c == null) return;
    try {
      c.close();
    } catch (IOException ignored) {
      // nothing more to release
    }
  }
}
