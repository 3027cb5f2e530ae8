package cn.fivestar.conversation.remind;

import cn.fivestar.infra.PersonalData;
import cn.fivestar.infra.UserException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reminder scheduler inside {@code serve}: checks every half minute and runs {@link Reminders} once on each
 * working day (the deadline calendar decides) at or after the configured local time ({@code FIVESTAR_REMIND_AT},
 * default 09:00 Asia/Shanghai). A process started later in the day catches up within {@link #CATCH_UP} of that
 * time, never in the evening. Running twice is harmless (the {@link ReminderLog} claims keep each reminder to once
 * a day); remembering the day only saves the queries.
 */
public final class ReminderSchedule implements AutoCloseable {
  public static final String ENV = "FIVESTAR_REMIND_AT";
  public static final LocalTime DEFAULT_AT = LocalTime.of(9, 0);
  /** How long after the configured time a late start still sends that day's reminders. */
  static final Duration CATCH_UP = Duration.ofHours(8);
  private static final Logger log = LoggerFactory.getLogger(ReminderSchedule.class);

  private final Reminders reminders;
  private final LocalTime at;
  private final Clock clock;
  private volatile LocalDate done;
  private ScheduledExecutorService timer;

  public ReminderSchedule(Reminders reminders, LocalTime at, Clock clock) {
    this.reminders = reminders;
    this.at = at;
    this.clock = clock;
  }

  /**
   * The time of day from {@code FIVESTAR_REMIND_AT}: unset or blank is 09:00, "off" disables the scheduler (null),
   * anything but HH:mm is a usage error.
   */
  public static LocalTime parseTime(String value) {
    if (value == null || value.isBlank()) return DEFAULT_AT;
    String v = value.strip();
    if (v.equalsIgnoreCase("off")) return null;
    try {
      if (v.matches("\\d{1,2}:\\d{2}")) return LocalTime.parse(v.length() == 4 ? "0" + v : v);
    } catch (DateTimeParseException e) {
      // reported below
    }
    throw UserException.usage(ENV + " must be a time of day like 09:00 (Asia/Shanghai) or off, got: " + v);
  }

  /**
   * One check: runs today's reminders when today is a working day and the time has come (and not yet run today by
   * this scheduler). Returns what was done, or null when it was not time.
   */
  public Reminders.Outcome tick() {
    LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), cn.fivestar.cases.CaseService.ZONE);
    LocalDate today = now.toLocalDate();
    if (today.equals(done) || !reminders.calendar().isWorkingDay(today)) return null;
    LocalDateTime start = today.atTime(at);
    if (now.isBefore(start)) return null;
    if (!now.isBefore(start.plus(CATCH_UP))) {
      done = today;  // too late in the day for reminders
      return null;
    }
    Reminders.Outcome o = reminders.run(false);
    done = today;
    return o;
  }

  /** Starts checking in the background (a daemon thread) every {@code every}. */
  public synchronized void start(Duration every) {
    if (timer != null) return;
    timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "reminders");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        tick();
      } catch (RuntimeException e) {
        log.error("reminder run failed (retried at the next check): {}", PersonalData.mask(e.toString()));
      }
    }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    log.info("reminders at {} on working days", at);
  }

  @Override
  public synchronized void close() {
    if (timer != null) timer.shutdownNow();
    timer = null;
  }
}
