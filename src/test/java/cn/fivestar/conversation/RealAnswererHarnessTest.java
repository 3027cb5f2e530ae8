package cn.fivestar.conversation;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Conversations against the real answerer and a fresh store per test: the harness the round-by-round tests share. */
abstract class RealAnswererHarnessTest {
  @TempDir Path dir;
  Harness h;

  @BeforeEach
  void start() {
    h = new Harness(dir, Harness.realAnswerer(), null);
  }

  @AfterEach
  void stop() {
    h.close();
  }
}
