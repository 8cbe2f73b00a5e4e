package org.segplan.generate;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/** Public holidays and promotion days over the generated window. */
final class EventCalendar {
    record Event(LocalDate date, String name, boolean isHoliday) {
    }

    private static final List<MonthDay> FIXED_HOLIDAYS = List.of(
            MonthDay.of(1, 1), MonthDay.of(5, 1), MonthDay.of(10, 3), MonthDay.of(11, 1),
            MonthDay.of(12, 24), MonthDay.of(12, 25), MonthDay.of(12, 26), MonthDay.of(12, 31));
    private static final List<String> FIXED_HOLIDAY_NAMES = List.of(
            "New Year", "Labour Day", "Unity Day", "All Saints", "Christmas Eve", "Christmas", "Boxing Day",
            "New Year's Eve");

    private EventCalendar() {
    }

    static List<Event> events(LocalDate start, LocalDate end) {
        List<Event> events = new ArrayList<>();
        for (int year = start.getYear(); year <= end.getYear(); year++) {
            for (int index = 0; index < FIXED_HOLIDAYS.size(); index++) {
                events.add(new Event(FIXED_HOLIDAYS.get(index).atYear(year), FIXED_HOLIDAY_NAMES.get(index), true));
            }
            LocalDate easter = easterSunday(year);
            events.add(new Event(easter.minusDays(2), "Good Friday", true));
            events.add(new Event(easter.plusDays(1), "Easter Monday", true));
            events.add(new Event(easter.plusDays(39), "Ascension", true));
            events.add(new Event(easter.plusDays(50), "Whit Monday", true));
            LocalDate blackFriday = LocalDate.of(year, 11, 1)
                    .with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY)).plusDays(1);
            for (int day = 0; day < 4; day++) {
                events.add(new Event(blackFriday.plusDays(day), "Black Friday weekend", false));
            }
            LocalDate springSale = LocalDate.of(year, 3, 15).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
            for (int day = 0; day < 7; day++) {
                events.add(new Event(springSale.plusDays(day), "Spring sale", false));
            }
            LocalDate summerSale = LocalDate.of(year, 7, 1);
            for (int day = 0; day < 10; day++) {
                events.add(new Event(summerSale.plusDays(day), "Summer sale", false));
            }
        }
        return events.stream().filter(event -> !event.date().isBefore(start) && !event.date().isAfter(end))
                .sorted(java.util.Comparator.comparing(Event::date)).toList();
    }

    /** Anonymous Gregorian algorithm. */
    static LocalDate easterSunday(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int day = ((h + l - 7 * m + 114) % 31) + 1;
        return LocalDate.of(year, month, day);
    }
}
