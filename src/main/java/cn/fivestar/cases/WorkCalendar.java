package cn.fivestar.cases;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;

/**
 * Working days: Monday–Friday, minus listed holidays, plus listed adjusted workdays (调休上班). Deadlines count
 * whole working days starting the day after intake, and end at the last instant of the last one — so a consultation
 * (2 working days) received on Friday is due at the end of Tuesday, and one received on Saturday likewise.
 * Loaded from classpath cases/calendar.txt (China's 2026 holidays) or DATA/cases/calendar.txt.
 */
public final class WorkCalendar {
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> workdays;

  public WorkCalendar(Set<LocalDate> holidays, Set<LocalDate> workdays) {
    this.holidays = Set.copyOf(holidays);
    this.workdays = Set.copyOf(workdays);
  }

  public static WorkCalendar defaults() {
    return CaseFiles.defaults("calendar.txt", WorkCalendar::parse);
  }

  /** DATA/cases/calendar.txt when present, else the default. */
  public static WorkCalendar forDataDir(Path dataDir) {
    return CaseFiles.forDataDir(dataDir, "calendar.txt", WorkCalendar::parse);
  }

  /** Lines "DATE[..DATE] holiday|workday [note]"; # starts a comment. Errors name the line. */
  public static WorkCalendar parse(String content, String source) {
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> workdays = new HashSet<>();
    int n = 0;
    for (String raw : content.split("\\R")) {
      n++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) continue;
      String[] f = line.split("\\s+");
      if (f.length < 2) throw new IllegalArgumentException(source + " line " + n + ": expected 'DATE holiday|workday'");
      Set<LocalDate> target = switch (f[1]) {
        case "holiday" -> holidays;
        case "workday" -> workdays;
        default -> throw new IllegalArgumentException(source + " line " + n + ": type must be holiday or workday");
      };
      try {
        String[] range = f[0].split("\\.\\.");
        LocalDate from = LocalDate.parse(range[0]);
        LocalDate to = range.length > 1 ? LocalDate.parse(range[1]) : from;
        if (to.isBefore(from) || from.plusDays(60).isBefore(to)) {
          throw new IllegalArgumentException(source + " line " + n + ": bad date range " + f[0]);
        }
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) target.add(d);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(source + " line " + n + ": bad date " + f[0]);
      }
    }
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(workdays);
    if (!both.isEmpty()) throw new IllegalArgumentException(source + ": both holiday and workday: " + both);
    return new WorkCalendar(holidays, workdays);
  }

  public boolean isWorkingDay(LocalDate d) {
    if (workdays.contains(d)) return true;
    if (holidays.contains(d)) return false;
    return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
  }

  /** The n-th working day after start (start itself never counts); start for n = 0. */
  public LocalDate addWorkingDays(LocalDate start, int n) {
    if (n < 0) throw new IllegalArgumentException("n must be >= 0");
    LocalDate d = start;
    for (int left = n; left > 0; ) {
      d = d.plusDays(1);
      if (isWorkingDay(d)) left--;
    }
    return d;
  }

  /** The last instant (…23:59:59.999 local) of the n-th working day after the local date of from. */
  public Instant deadline(Instant from, int n, ZoneId zone) {
    LocalDate last = addWorkingDays(from.atZone(zone).toLocalDate(), n);
    return last.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1);
  }
}
