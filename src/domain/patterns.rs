//! Patterns in journal entries: mood over time, a mood calendar, symptom trends,
//! triggers against mood, time of day, and a summary since a date.
//!
//! Everything works on local days: an entry's day is its instant plus the UTC
//! offset it was written with, so daylight-saving changes and travel never move an
//! entry to another day. `today` is passed in; nothing here reads the clock.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Days, NaiveDate, NaiveDateTime, Timelike};

use super::journal::{scale_of, JournalEntry, Mood, Scale};
use super::record::Millis;

/// The local date and time an entry was written in.
pub fn local_time(at: Millis, offset_min: i32) -> NaiveDateTime {
    let shifted = at + offset_min as i64 * 60_000;
    DateTime::from_timestamp_millis(shifted)
        .map(|d| d.naive_utc())
        .unwrap_or_default()
}

pub fn local_day(e: &JournalEntry) -> NaiveDate {
    local_time(e.at, e.offset_min).date()
}

/// The period a mood chart covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span {
    Week,
    Month,
    Year,
    All,
}

impl Span {
    pub const ALL: [Span; 4] = [Span::Week, Span::Month, Span::Year, Span::All];

    pub fn label(self) -> &'static str {
        match self {
            Span::Week => "Week",
            Span::Month => "Month",
            Span::Year => "Year",
            Span::All => "All time",
        }
    }
}

/// Average mood over one bucket of days (a day, a week or a month).
#[derive(Clone, Debug, PartialEq)]
pub struct MoodPoint {
    /// First day of the bucket.
    pub start: NaiveDate,
    pub average: f64,
    /// Entries with a mood in the bucket.
    pub count: usize,
}

fn mean(sum: f64, count: usize) -> Option<f64> {
    (count > 0).then(|| sum / count as f64)
}

/// Sum and count of moods per local day.
pub fn moods_by_day(entries: &[&JournalEntry]) -> BTreeMap<NaiveDate, (f64, usize)> {
    let mut days: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
    for e in entries {
        if let Some(m) = e.mood {
            let d = days.entry(local_day(e)).or_default();
            d.0 += m.value() as f64;
            d.1 += 1;
        }
    }
    days
}

fn week_start(d: NaiveDate) -> NaiveDate {
    d - Days::new(d.weekday().num_days_from_monday() as u64)
}

fn month_start(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

/// Mood over `span` ending `today`: daily points for a week or a month, weekly for a
/// year, monthly for all time. Buckets with no mood are left out.
pub fn mood_series(entries: &[&JournalEntry], span: Span, today: NaiveDate) -> Vec<MoodPoint> {
    let (first, bucket): (Option<NaiveDate>, fn(NaiveDate) -> NaiveDate) = match span {
        Span::Week => (Some(today - Days::new(6)), |d| d),
        Span::Month => (Some(today - Days::new(29)), |d| d),
        Span::Year => (Some(today - Days::new(364)), week_start),
        Span::All => (None, month_start),
    };
    let mut buckets: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
    for (day, (sum, count)) in moods_by_day(entries) {
        if first.is_some_and(|f| day < f) || day > today {
            continue;
        }
        let b = buckets.entry(bucket(day)).or_default();
        b.0 += sum;
        b.1 += count;
    }
    buckets
        .into_iter()
        .filter_map(|(start, (sum, count))| {
            mean(sum, count).map(|average| MoodPoint {
                start,
                average,
                count,
            })
        })
        .collect()
}

/// One day of a month calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct CalendarDay {
    pub date: NaiveDate,
    pub average: Option<f64>,
    pub entries: usize,
}

/// Every day of the month containing `any_day`, with its average mood.
pub fn calendar_month(entries: &[&JournalEntry], any_day: NaiveDate) -> Vec<CalendarDay> {
    let first = month_start(any_day);
    let mut counts: BTreeMap<NaiveDate, usize> = BTreeMap::new();
    for e in entries {
        let d = local_day(e);
        if month_start(d) == first {
            *counts.entry(d).or_default() += 1;
        }
    }
    let moods = moods_by_day(entries);
    first
        .iter_days()
        .take_while(|d| d.month() == first.month())
        .map(|date| CalendarDay {
            date,
            average: moods.get(&date).and_then(|(s, c)| mean(*s, *c)),
            entries: counts.get(&date).copied().unwrap_or(0),
        })
        .collect()
}

/// How a symptom has gone: overall, and the last 7 days against the 7 before.
#[derive(Clone, Debug, PartialEq)]
pub struct SymptomTrend {
    pub name: String,
    pub scale: Scale,
    pub readings: usize,
    pub average: f64,
    pub last_week: Option<f64>,
    pub week_before: Option<f64>,
    /// Daily averages, oldest first.
    pub daily: Vec<(NaiveDate, f64)>,
}

pub fn symptom_trends(entries: &[&JournalEntry], today: NaiveDate) -> Vec<SymptomTrend> {
    let mut by_name: BTreeMap<String, BTreeMap<NaiveDate, (f64, usize)>> = BTreeMap::new();
    for e in entries {
        for s in &e.symptoms {
            let d = by_name
                .entry(s.name.clone())
                .or_default()
                .entry(local_day(e))
                .or_default();
            d.0 += s.value;
            d.1 += 1;
        }
    }
    let last_start = today - Days::new(6);
    let before_start = today - Days::new(13);
    let mut trends: Vec<SymptomTrend> = by_name
        .into_iter()
        .map(|(name, days)| {
            let window = |from: NaiveDate, to: NaiveDate| {
                let (s, c) = days
                    .range(from..=to)
                    .fold((0.0, 0), |(s, c), (_, (ds, dc))| (s + ds, c + dc));
                mean(s, c)
            };
            let (sum, readings) = days
                .values()
                .fold((0.0, 0), |(s, c), (ds, dc)| (s + ds, c + dc));
            SymptomTrend {
                scale: scale_of(&name),
                readings,
                average: sum / readings as f64,
                last_week: window(last_start, today),
                week_before: window(before_start, last_start - Days::new(1)),
                daily: days.iter().map(|(d, (s, c))| (*d, s / *c as f64)).collect(),
                name,
            }
        })
        .collect();
    trends.sort_unstable_by(|a, b| b.readings.cmp(&a.readings).then(a.name.cmp(&b.name)));
    trends
}

/// A trigger, how often it came up, and mood on days with it against days without.
#[derive(Clone, Debug, PartialEq)]
pub struct TriggerStat {
    pub name: String,
    /// Entries naming it.
    pub entries: usize,
    /// Days on which it was named.
    pub days: usize,
    pub mood_with: Option<f64>,
    pub mood_without: Option<f64>,
}

pub fn trigger_stats(entries: &[&JournalEntry]) -> Vec<TriggerStat> {
    let moods = moods_by_day(entries);
    let mut names: BTreeMap<String, (usize, std::collections::BTreeSet<NaiveDate>)> =
        BTreeMap::new();
    for e in entries {
        for t in &e.triggers {
            // Triggers are matched without regard to case, shown as first written.
            let key = names
                .keys()
                .find(|k| k.eq_ignore_ascii_case(t))
                .cloned()
                .unwrap_or_else(|| t.clone());
            let slot = names.entry(key).or_default();
            slot.0 += 1;
            slot.1.insert(local_day(e));
        }
    }
    let mut stats: Vec<TriggerStat> = names
        .into_iter()
        .map(|(name, (count, days))| {
            let (mut ws, mut wc, mut os, mut oc) = (0.0, 0, 0.0, 0);
            for (day, (sum, c)) in &moods {
                let avg = sum / *c as f64;
                if days.contains(day) {
                    ws += avg;
                    wc += 1;
                } else {
                    os += avg;
                    oc += 1;
                }
            }
            TriggerStat {
                name,
                entries: count,
                days: days.len(),
                mood_with: mean(ws, wc),
                mood_without: mean(os, oc),
            }
        })
        .collect();
    stats.sort_unstable_by(|a, b| b.entries.cmp(&a.entries).then(a.name.cmp(&b.name)));
    stats
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PartOfDay {
    Night,
    Morning,
    Afternoon,
    Evening,
}

impl PartOfDay {
    pub const ALL: [PartOfDay; 4] = [
        PartOfDay::Morning,
        PartOfDay::Afternoon,
        PartOfDay::Evening,
        PartOfDay::Night,
    ];

    pub fn of_hour(hour: u32) -> PartOfDay {
        match hour {
            5..=11 => PartOfDay::Morning,
            12..=16 => PartOfDay::Afternoon,
            17..=21 => PartOfDay::Evening,
            _ => PartOfDay::Night,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            PartOfDay::Morning => "Morning (5 to 12)",
            PartOfDay::Afternoon => "Afternoon (12 to 17)",
            PartOfDay::Evening => "Evening (17 to 22)",
            PartOfDay::Night => "Night (22 to 5)",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TimeOfDay {
    pub part: PartOfDay,
    pub entries: usize,
    pub average: Option<f64>,
}

pub fn time_of_day(entries: &[&JournalEntry]) -> Vec<TimeOfDay> {
    PartOfDay::ALL
        .into_iter()
        .map(|part| {
            let mut count = 0;
            let (mut sum, mut moods) = (0.0, 0);
            for e in entries {
                if PartOfDay::of_hour(local_time(e.at, e.offset_min).hour()) == part {
                    count += 1;
                    if let Some(m) = e.mood {
                        sum += m.value() as f64;
                        moods += 1;
                    }
                }
            }
            TimeOfDay {
                part,
                entries: count,
                average: mean(sum, moods),
            }
        })
        .collect()
}

/// What has happened since a date (the last session, or one the person picks).
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub entries: usize,
    pub days_written: usize,
    pub average_mood: Option<f64>,
    /// Average mood over the same number of days just before.
    pub average_before: Option<f64>,
    pub lowest_day: Option<(NaiveDate, f64)>,
    pub best_day: Option<(NaiveDate, f64)>,
    pub top_emotions: Vec<(String, usize)>,
    pub top_triggers: Vec<(String, usize)>,
    pub for_session: usize,
}

pub fn summary_since(entries: &[&JournalEntry], since: NaiveDate, today: NaiveDate) -> Summary {
    let within: Vec<&JournalEntry> = entries
        .iter()
        .copied()
        .filter(|e| (since..=today).contains(&local_day(e)))
        .collect();
    let span = (today - since).num_days().max(0) as u64 + 1;
    let before_start = since - Days::new(span);
    let before: Vec<&JournalEntry> = entries
        .iter()
        .copied()
        .filter(|e| (before_start..since).contains(&local_day(e)))
        .collect();
    let days = moods_by_day(&within);
    let avg = |days: &BTreeMap<NaiveDate, (f64, usize)>| {
        let (s, c) = days
            .values()
            .fold((0.0, 0), |(s, c), (ds, dc)| (s + ds, c + dc));
        mean(s, c)
    };
    let daily: Vec<(NaiveDate, f64)> = days.iter().map(|(d, (s, c))| (*d, s / *c as f64)).collect();
    let by = |f: fn(&(NaiveDate, f64), &(NaiveDate, f64)) -> std::cmp::Ordering| {
        daily.iter().copied().min_by(f)
    };
    let mut written: Vec<NaiveDate> = within.iter().map(|e| local_day(e)).collect();
    written.dedup();
    written.sort_unstable();
    written.dedup();
    Summary {
        entries: within.len(),
        days_written: written.len(),
        average_mood: avg(&days),
        average_before: avg(&moods_by_day(&before)),
        lowest_day: by(|a, b| a.1.total_cmp(&b.1).then(a.0.cmp(&b.0))),
        best_day: by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0))),
        top_emotions: top(within.iter().flat_map(|e| e.emotions.iter()), 3),
        top_triggers: top(within.iter().flat_map(|e| e.triggers.iter()), 3),
        for_session: within.iter().filter(|e| e.for_session).count(),
    }
}

fn top<'a>(names: impl Iterator<Item = &'a String>, n: usize) -> Vec<(String, usize)> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for name in names {
        *counts.entry(name.as_str()).or_default() += 1;
    }
    let mut list: Vec<(String, usize)> = counts
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
    list.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    list.truncate(n);
    list
}

/// Filters for the journal list; all set filters must match.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    pub query: String,
    pub mood: Option<Mood>,
    pub emotion: Option<String>,
    pub symptom: Option<String>,
    pub trigger: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.mood.is_none()
            && self.emotion.is_none()
            && self.symptom.is_none()
            && self.trigger.is_none()
            && self.from.is_none()
            && self.to.is_none()
    }

    /// A matcher with the query lower-cased once.
    pub fn matcher(&self) -> impl Fn(&JournalEntry) -> bool + '_ {
        let query = self.query.trim().to_lowercase();
        move |e| {
            let day = || local_day(e);
            self.mood.is_none_or(|m| e.mood == Some(m))
                && self
                    .emotion
                    .as_ref()
                    .is_none_or(|x| e.emotions.iter().any(|t| t.eq_ignore_ascii_case(x)))
                && self
                    .trigger
                    .as_ref()
                    .is_none_or(|x| e.triggers.iter().any(|t| t.eq_ignore_ascii_case(x)))
                && self
                    .symptom
                    .as_ref()
                    .is_none_or(|x| e.symptoms.iter().any(|s| s.name.eq_ignore_ascii_case(x)))
                && self.from.is_none_or(|f| day() >= f)
                && self.to.is_none_or(|t| day() <= t)
                && e.matches_text(&query)
        }
    }
}

/// Every distinct tag used, most used first: for pickers and filters.
pub fn used_tags<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for n in names {
        match counts.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(n)) {
            Some(slot) => slot.1 += 1,
            None => counts.push((n.to_string(), 1)),
        }
    }
    counts.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    counts.into_iter().map(|(k, _)| k).collect()
}

#[cfg(test)]
mod tests;
