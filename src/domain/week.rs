//! Weeks as a person's calendar has them: seven local dates from the locale's first
//! weekday (Monday in most of the world, Sunday in the United States, Saturday in
//! some countries). Everything is in local dates, never in milliseconds, so a week
//! with a daylight-saving change still has seven days and the next week starts on
//! the same weekday.

use chrono::{Datelike, Days, NaiveDate, Weekday};

/// The first day of the week from the locale's `firstDay` (`Intl.Locale`'s week
/// info: 1 is Monday … 7 is Sunday); Monday when it is missing or out of range.
pub fn first_weekday(first_day: Option<u32>) -> Weekday {
    match first_day {
        Some(n @ 1..=7) => Weekday::try_from((n - 1) as u8).unwrap_or(Weekday::Mon),
        _ => Weekday::Mon,
    }
}

/// One week: its first day, the locale's first weekday.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Week {
    pub start: NaiveDate,
}

impl Week {
    /// The week that holds `day`, starting on `first`.
    pub fn containing(day: NaiveDate, first: Weekday) -> Week {
        let back = (7 + day.weekday().num_days_from_monday() - first.num_days_from_monday()) % 7;
        Week {
            start: day.checked_sub_days(Days::new(back.into())).unwrap_or(day),
        }
    }

    /// The seven dates, in order.
    pub fn days(self) -> [NaiveDate; 7] {
        let mut days = [self.start; 7];
        for (n, d) in days.iter_mut().enumerate() {
            *d = self
                .start
                .checked_add_days(Days::new(n as u64))
                .unwrap_or(*d);
        }
        days
    }

    /// The week's last date.
    pub fn end(self) -> NaiveDate {
        self.days()[6]
    }

    pub fn contains(self, day: NaiveDate) -> bool {
        self.start <= day && day <= self.end()
    }

    pub fn previous(self) -> Week {
        Week {
            start: self
                .start
                .checked_sub_days(Days::new(7))
                .unwrap_or(self.start),
        }
    }

    pub fn next(self) -> Week {
        Week {
            start: self
                .start
                .checked_add_days(Days::new(7))
                .unwrap_or(self.start),
        }
    }

    /// The range in words: "23–29 November 2026", "30 November – 6 December 2026",
    /// "28 December 2026 – 3 January 2027".
    pub fn range_words(self) -> String {
        let (a, b) = (self.start, self.end());
        let month = |d: NaiveDate| super::dates::MONTHS[d.month0() as usize];
        if a.year() != b.year() {
            format!(
                "{} {} {} – {} {} {}",
                a.day(),
                month(a),
                a.year(),
                b.day(),
                month(b),
                b.year()
            )
        } else if a.month() != b.month() {
            format!(
                "{} {} – {} {} {}",
                a.day(),
                month(a),
                b.day(),
                month(b),
                b.year()
            )
        } else {
            format!("{}–{} {} {}", a.day(), b.day(), month(b), b.year())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::patterns::local_time;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn first_day_from_the_locale_with_monday_by_default() {
        assert_eq!(first_weekday(Some(1)), Weekday::Mon);
        assert_eq!(first_weekday(Some(6)), Weekday::Sat);
        assert_eq!(first_weekday(Some(7)), Weekday::Sun);
        assert_eq!(first_weekday(None), Weekday::Mon);
        assert_eq!(first_weekday(Some(0)), Weekday::Mon);
        assert_eq!(first_weekday(Some(9)), Weekday::Mon);
    }

    #[test]
    fn week_start_by_locale() {
        // Friday 27 November 2026.
        let fri = d(2026, 11, 27);
        assert_eq!(Week::containing(fri, Weekday::Mon).start, d(2026, 11, 23));
        assert_eq!(Week::containing(fri, Weekday::Sun).start, d(2026, 11, 22));
        assert_eq!(Week::containing(fri, Weekday::Sat).start, d(2026, 11, 21));
        // The first day itself starts its own week.
        assert_eq!(
            Week::containing(d(2026, 11, 23), Weekday::Mon).start,
            d(2026, 11, 23)
        );
        assert_eq!(
            Week::containing(d(2026, 11, 22), Weekday::Sun).start,
            d(2026, 11, 22)
        );
        assert_eq!(
            Week::containing(d(2026, 11, 28), Weekday::Sat).start,
            d(2026, 11, 28)
        );
        // The day before the first day belongs to the week before.
        assert_eq!(
            Week::containing(d(2026, 11, 22), Weekday::Mon).start,
            d(2026, 11, 16)
        );
        let days = Week::containing(fri, Weekday::Sun).days();
        assert_eq!(days[0].weekday(), Weekday::Sun);
        assert_eq!(days[6], d(2026, 11, 28));
    }

    #[test]
    fn a_week_across_a_month_and_a_year() {
        let w = Week::containing(d(2026, 12, 2), Weekday::Mon);
        assert_eq!(w.start, d(2026, 11, 30));
        assert_eq!(w.end(), d(2026, 12, 6));
        assert_eq!(w.range_words(), "30 November – 6 December 2026");

        let y = Week::containing(d(2027, 1, 1), Weekday::Mon);
        assert_eq!(y.start, d(2026, 12, 28));
        assert_eq!(y.end(), d(2027, 1, 3));
        assert_eq!(y.range_words(), "28 December 2026 – 3 January 2027");
        assert!(y.contains(d(2026, 12, 31)) && y.contains(d(2027, 1, 3)));
        assert!(!y.contains(d(2027, 1, 4)));
        assert_eq!(y.next().start, d(2027, 1, 4));
        assert_eq!(y.previous().start, d(2026, 12, 21));

        let same = Week::containing(d(2026, 11, 27), Weekday::Mon);
        assert_eq!(same.range_words(), "23–29 November 2026");
        // A leap day.
        let leap = Week::containing(d(2028, 2, 29), Weekday::Sun);
        assert_eq!(leap.days()[2], d(2028, 2, 29));
        assert_eq!(leap.range_words(), "27 February – 4 March 2028");
    }

    #[test]
    fn daylight_saving_weeks_still_have_seven_days() {
        // Europe springs forward on Sunday 29 March 2026 and falls back on 25 October;
        // the United States on 8 March and 1 November.
        for (day, first) in [
            (d(2026, 3, 29), Weekday::Mon),
            (d(2026, 10, 25), Weekday::Mon),
            (d(2026, 3, 8), Weekday::Sun),
            (d(2026, 11, 1), Weekday::Sun),
        ] {
            let w = Week::containing(day, first);
            let days = w.days();
            assert!(w.contains(day));
            for pair in days.windows(2) {
                assert_eq!((pair[1] - pair[0]).num_days(), 1);
            }
            assert_eq!(w.next().start.weekday(), first);
            assert_eq!(w.next().previous(), w);
            assert_eq!((w.next().start - w.start).num_days(), 7);
        }
        // An entry just after midnight before the change (UTC+1) and one late that day
        // after it (UTC+2) both belong to Sunday 29 March, by their own offsets.
        let w = Week::containing(d(2026, 3, 25), Weekday::Mon);
        let early = d(2026, 3, 28)
            .and_hms_opt(23, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        let late = d(2026, 3, 29)
            .and_hms_opt(21, 30, 0)
            .unwrap()
            .and_utc()
            .timestamp_millis();
        assert_eq!(local_time(early, 60).date(), d(2026, 3, 29));
        assert_eq!(local_time(late, 120).date(), d(2026, 3, 29));
        assert_eq!(w.days()[6], d(2026, 3, 29));
        // Adding 7 * 24 hours of milliseconds from Monday's local midnight in that week
        // would land at 01:00 the next Monday in summer time: dates never drift here.
        assert_eq!(w.next().start, d(2026, 3, 30));
    }
}
