package cn.fivestar.cases;

import java.time.LocalDate;

/**
 * The dates a case filter may name: cases are stamped with real dates, and a far-off date (year -999999999) would
 * overflow the millisecond arithmetic of the store, so filters stay within these bounds everywhere.
 */
public final class CaseDates {
  public static final LocalDate FIRST_DAY = LocalDate.of(2000, 1, 1);
  public static final LocalDate LAST_DAY = LocalDate.of(2099, 12, 31);

  private CaseDates() {}

  public static boolean inRange(LocalDate d) {
    return !d.isBefore(FIRST_DAY) && !d.isAfter(LAST_DAY);
  }
}
