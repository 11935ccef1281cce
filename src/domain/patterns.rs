//! Patterns in journal entries: mood over time, a mood calendar, symptom trends,
//! triggers against mood, time of day, sleep, emotions, a summary since a date, and
//! the sentence in plain words each part of Patterns leads with.
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

// ---------------------------------------------------------------------------
// Patterns in plain words: the one sentence each part of Patterns leads with.
//
// A sentence never shows an average as a number; it says how two figures compare in
// words. On the 1 to 5 mood scale, a difference under a quarter of a step is "about
// the same", under three quarters of a step "a little", and more than that "clearly".
// Symptoms (0 to 10) use steps twice as wide. Comparisons say "on days when", never
// "because": Patterns sees what goes together, not what causes what.
// ---------------------------------------------------------------------------

/// Mood averages closer than this (on the 1 to 5 scale) are "about the same".
pub const MOOD_SAME_WITHIN: f64 = 0.25;
/// Mood averages this far apart or more differ "clearly"; between, "a little".
pub const MOOD_CLEARLY_FROM: f64 = 0.75;
/// The same for symptoms, rated 0 to 10.
pub const SYMPTOM_SAME_WITHIN: f64 = 0.5;
pub const SYMPTOM_CLEARLY_FROM: f64 = 1.5;
/// A night shorter than this many hours is a short night.
pub const SHORT_NIGHT_HOURS: f64 = 6.0;
/// Days with both sleep and a mood noted before short and long nights are compared,
/// and at least this many of each.
pub const SLEEP_DAYS_NEEDED: usize = 4;
pub const SLEEP_DAYS_EACH: usize = 2;
/// Days with and without a trigger (each) before their moods are compared.
pub const TRIGGER_DAYS_NEEDED: usize = 2;

/// How one figure compares with another, in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Change {
    ClearlyLower,
    ALittleLower,
    AboutTheSame,
    ALittleHigher,
    ClearlyHigher,
}

impl Change {
    /// Compares `now` with `before`, with the thresholds of the scale.
    pub fn between(now: f64, before: f64, same_within: f64, clearly_from: f64) -> Change {
        let d = now - before;
        if d.abs() < same_within {
            Change::AboutTheSame
        } else if d >= clearly_from {
            Change::ClearlyHigher
        } else if d > 0.0 {
            Change::ALittleHigher
        } else if d <= -clearly_from {
            Change::ClearlyLower
        } else {
            Change::ALittleLower
        }
    }

    pub fn of_moods(now: f64, before: f64) -> Change {
        Change::between(now, before, MOOD_SAME_WITHIN, MOOD_CLEARLY_FROM)
    }

    /// "a little lower than", "about the same as".
    pub fn words(self) -> &'static str {
        match self {
            Change::ClearlyLower => "clearly lower than",
            Change::ALittleLower => "a little lower than",
            Change::AboutTheSame => "about the same as",
            Change::ALittleHigher => "a little higher than",
            Change::ClearlyHigher => "clearly higher than",
        }
    }
}

/// A mood average as a word in a sentence: "okay", "very low".
pub fn mood_word(average: f64) -> String {
    Mood::nearest(average).word().to_lowercase()
}

/// A name as it reads inside a sentence: "Anxious" becomes "anxious", but a name
/// with capitals inside ("PTSD", "New job") keeps its first capital.
pub fn in_sentence(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if !chars.clone().any(char::is_uppercase) => {
            first.to_lowercase().chain(chars).collect()
        }
        _ => name.to_string(),
    }
}

/// A count in words up to ten ("two"), as figures after that.
pub fn count_word(n: usize) -> String {
    const WORDS: [&str; 11] = [
        "no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ];
    WORDS
        .get(n)
        .map_or_else(|| n.to_string(), |w| (*w).to_string())
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// "1 entry", "3 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The first day anything was written, if anything was.
pub fn first_day(entries: &[&JournalEntry]) -> Option<NaiveDate> {
    entries.iter().map(|e| local_day(e)).min()
}

/// True while the journal is younger than a week (or empty): Patterns then says what it
/// will show and when, alongside what is already true.
pub fn first_week(entries: &[&JournalEntry], today: NaiveDate) -> bool {
    is_first_week(first_day(entries), today)
}

fn is_first_week(first: Option<NaiveDate>, today: NaiveDate) -> bool {
    first.is_none_or(|f| f > today - Days::new(6))
}

/// Every day's mood and the first day written, in one pass over the entries: what the
/// sentences of Patterns share, so that each adds no pass of its own for moods.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DayMoods {
    pub moods: BTreeMap<NaiveDate, (f64, usize)>,
    pub first: Option<NaiveDate>,
}

impl DayMoods {
    pub fn of(entries: &[&JournalEntry]) -> DayMoods {
        let mut d = DayMoods::default();
        for e in entries {
            let day = local_day(e);
            d.first = Some(d.first.map_or(day, |f| f.min(day)));
            if let Some(m) = e.mood {
                let slot = d.moods.entry(day).or_default();
                slot.0 += m.value() as f64;
                slot.1 += 1;
            }
        }
        d
    }

    /// The day's average mood, if one was noted.
    fn on(&self, day: &NaiveDate) -> Option<f64> {
        self.moods.get(day).and_then(|(s, c)| mean(*s, *c))
    }
}

/// Mood this past week (the last 7 days) against the 7 days before.
#[derive(Clone, Debug, PartialEq)]
pub struct WeekMoods {
    pub this_week: Option<f64>,
    pub week_before: Option<f64>,
    /// The whole journal's mood, for what is true before there is a week to compare.
    pub overall: Option<f64>,
    pub first_week: bool,
}

pub fn week_moods(entries: &[&JournalEntry], today: NaiveDate) -> WeekMoods {
    week_moods_of(&DayMoods::of(entries), today)
}

pub fn week_moods_of(d: &DayMoods, today: NaiveDate) -> WeekMoods {
    let days = &d.moods;
    let window = |from: NaiveDate, to: NaiveDate| {
        let (s, c) = days
            .range(from..=to)
            .fold((0.0, 0), |(s, c), (_, (ds, dc))| (s + ds, c + dc));
        mean(s, c)
    };
    let (s, c) = days
        .range(..=today)
        .fold((0.0, 0), |(s, c), (_, (ds, dc))| (s + ds, c + dc));
    WeekMoods {
        this_week: window(today - Days::new(6), today),
        week_before: window(today - Days::new(13), today - Days::new(7)),
        overall: mean(s, c),
        first_week: is_first_week(d.first, today),
    }
}

/// The sentence "Mood over time" leads with.
pub fn week_sentence(w: &WeekMoods) -> String {
    const AFTER_A_WEEK: &str =
        "After a week of entries, you'll see how your mood moves from day to day.";
    match (w.this_week, w.week_before, w.overall) {
        (Some(now), Some(before), _) => format!(
            "This past week your mood was {} the week before.",
            Change::of_moods(now, before).words()
        ),
        (_, _, None) if w.first_week => AFTER_A_WEEK.to_string(),
        (Some(now), None, _) if w.first_week => format!(
            "{AFTER_A_WEEK} So far your mood has been {} on average.",
            mood_word(now)
        ),
        (Some(now), None, _) => format!(
            "This past week your mood was {} on average; nothing from the week before to compare with.",
            mood_word(now)
        ),
        (None, _, Some(all)) => format!(
            "No mood noted this past week. Before that your mood was {} on average.",
            mood_word(all)
        ),
        (None, _, None) => {
            "No mood noted yet. When your entries have a mood, you'll see how it moves from day to day."
                .to_string()
        }
    }
}

/// The sentence "Since my last session" leads with; `days` is how many days the
/// period covers (the days before it are compared over as many days).
pub fn since_sentence(s: &Summary, days: u64) -> String {
    if s.entries == 0 {
        return "Nothing written since then yet.".to_string();
    }
    let wrote = format!(
        "Since then you wrote {} on {}",
        plural(s.entries, "entry", "entries"),
        plural(s.days_written, "day", "days")
    );
    match (s.average_mood, s.average_before) {
        (Some(now), Some(before)) => format!(
            "{wrote}, and your mood was {} in the {} before.",
            Change::of_moods(now, before).words(),
            plural(days as usize, "day", "days")
        ),
        (Some(now), None) => format!("{wrote}, and your mood was {} on average.", mood_word(now)),
        (None, _) => format!("{wrote}, without a mood noted."),
    }
}

/// The sentence the calendar leads with, for the month it shows (`month` names it).
pub fn calendar_sentence(days: &[CalendarDay], month: &str) -> String {
    let mut counts = [0usize; 5];
    for d in days {
        if let Some(a) = d.average {
            counts[Mood::nearest(a).value() as usize - 1] += 1;
        }
    }
    let noted: usize = counts.iter().sum();
    if noted == 0 {
        return format!("No mood noted in {month}.");
    }
    // The most common mood; two tied are both named, more than two none.
    let top = counts.iter().copied().max().unwrap_or(0);
    let most: Vec<String> = Mood::ALL
        .into_iter()
        .filter(|m| counts[m.value() as usize - 1] == top)
        .map(|m| format!("“{}”", m.word().to_lowercase()))
        .collect();
    let noted = plural(noted, "day", "days");
    match most.as_slice() {
        [one] => format!("In {month} you noted a mood on {noted}, most often {one}."),
        [a, b] => format!("In {month} you noted a mood on {noted}, most often {a} and {b}."),
        _ => format!("In {month} you noted a mood on {noted}."),
    }
}

/// An emotion, the days it was named on, and mood on those days.
#[derive(Clone, Debug, PartialEq)]
pub struct EmotionStat {
    pub name: String,
    pub days: usize,
    pub mood_with: Option<f64>,
    /// The trigger named most often on the same days, and on how many of them.
    pub with_trigger: Option<(String, usize)>,
}

/// Emotions, most days first, with mood and the trigger most often alongside.
pub fn emotion_stats(entries: &[&JournalEntry]) -> Vec<EmotionStat> {
    emotion_stats_with(entries, &DayMoods::of(entries))
}

/// `emotion_stats` with the days' moods already worked out.
pub fn emotion_stats_with(entries: &[&JournalEntry], moods: &DayMoods) -> Vec<EmotionStat> {
    use std::collections::BTreeSet;
    let mut triggers_by_day: BTreeMap<NaiveDate, BTreeSet<String>> = BTreeMap::new();
    let mut emotions: Vec<(String, BTreeSet<NaiveDate>)> = Vec::new();
    for e in entries {
        let day = local_day(e);
        for t in &e.triggers {
            triggers_by_day
                .entry(day)
                .or_default()
                .insert(t.to_lowercase());
        }
        for n in &e.emotions {
            match emotions.iter_mut().find(|(k, _)| k.eq_ignore_ascii_case(n)) {
                Some(slot) => {
                    slot.1.insert(day);
                }
                None => emotions.push((n.clone(), BTreeSet::from([day]))),
            }
        }
    }
    let mut stats: Vec<EmotionStat> = emotions
        .into_iter()
        .map(|(name, days)| {
            let (mut s, mut c) = (0.0, 0);
            let mut together: BTreeMap<&str, usize> = BTreeMap::new();
            for d in &days {
                if let Some(m) = moods.on(d) {
                    s += m;
                    c += 1;
                }
                for t in triggers_by_day.get(d).into_iter().flatten() {
                    *together.entry(t.as_str()).or_default() += 1;
                }
            }
            let with_trigger = together
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
                .map(|(t, n)| (t.to_string(), n));
            EmotionStat {
                name,
                days: days.len(),
                mood_with: mean(s, c),
                with_trigger,
            }
        })
        .collect();
    stats.sort_unstable_by(|a, b| b.days.cmp(&a.days).then(a.name.cmp(&b.name)));
    stats
}

/// The sentence "Emotions" leads with.
pub fn emotion_sentence(stats: &[EmotionStat]) -> String {
    let Some(top) = stats.first() else {
        return "When you name your emotions in entries, Patterns will show which come up most."
            .to_string();
    };
    let felt = in_sentence(&top.name);
    match &top.with_trigger {
        // "Mostly": on more than half the days the emotion was named, and on two or more.
        Some((t, n)) if *n >= 2 && n * 2 > top.days => format!(
            "You felt {felt} most often, mostly on days with the trigger “{}”.",
            in_sentence(t)
        ),
        _ if top.days == 1 => format!("So far you named “{felt}” once."),
        _ => format!("You felt {felt} most often."),
    }
}

/// The sentence "Triggers" leads with: the trigger named on most days whose days
/// can be compared with the other days.
pub fn trigger_sentence(stats: &[TriggerStat]) -> String {
    if stats.is_empty() {
        return "When you name what set a feeling off (a trigger), Patterns will compare your mood on days with it and on other days."
            .to_string();
    }
    let mut by_days: Vec<&TriggerStat> = stats.iter().collect();
    by_days.sort_by(|a, b| b.days.cmp(&a.days).then(a.name.cmp(&b.name)));
    let comparable = by_days.into_iter().find(|t| {
        t.days >= TRIGGER_DAYS_NEEDED && t.mood_with.is_some() && t.mood_without.is_some()
    });
    match comparable {
        Some(t) => {
            let (with, without) = (t.mood_with.unwrap_or(3.0), t.mood_without.unwrap_or(3.0));
            format!(
                "On days with the trigger “{}” your mood was {} on other days.",
                in_sentence(&t.name),
                Change::of_moods(with, without).words()
            )
        }
        None => "Name a trigger on a few more days, with a mood, and Patterns can compare those days with the others."
            .to_string(),
    }
}

/// The sentence "Symptoms" leads with: the most noted symptom rated 0 to 10 this past
/// week against the week before.
pub fn symptom_sentence(trends: &[SymptomTrend]) -> String {
    let rated: Vec<&SymptomTrend> = trends
        .iter()
        .filter(|t| t.scale == Scale::Intensity)
        .collect();
    let Some(first) = rated.first() else {
        return "When you note symptoms, like anxiety or tiredness, Patterns will show how they change from week to week."
            .to_string();
    };
    match rated
        .iter()
        .find_map(|t| Some((t, t.last_week?, t.week_before?)))
    {
        Some((t, now, before)) => format!(
            "This past week “{}” was {} the week before.",
            in_sentence(&t.name),
            Change::between(now, before, SYMPTOM_SAME_WITHIN, SYMPTOM_CLEARLY_FROM).words()
        ),
        None => format!(
            "You noted “{}” {}; after two weeks of notes, Patterns can say how it is changing.",
            in_sentence(&first.name),
            match first.readings {
                1 => "once".to_string(),
                2 => "twice".to_string(),
                n => format!("{n} times"),
            }
        ),
    }
}

/// Mood on days after a short night against days after a longer one.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct SleepSplit {
    /// Days with both sleep and a mood noted, under `SHORT_NIGHT_HOURS`.
    pub short_days: usize,
    pub short_mood: Option<f64>,
    pub long_days: usize,
    pub long_mood: Option<f64>,
    /// Days with sleep noted, with or without a mood.
    pub days_with_sleep: usize,
    /// Average hours per day and the entries saying so, oldest first.
    pub daily: Vec<(NaiveDate, f64, usize)>,
}

/// Sleep per day (the average of the entries that say, read through
/// `JournalEntry::sleep_hours`), split into short and long nights.
pub fn sleep_split(entries: &[&JournalEntry]) -> SleepSplit {
    sleep_split_with(entries, &DayMoods::of(entries))
}

/// `sleep_split` with the days' moods already worked out.
pub fn sleep_split_with(entries: &[&JournalEntry], moods: &DayMoods) -> SleepSplit {
    let mut hours: BTreeMap<NaiveDate, (f64, usize)> = BTreeMap::new();
    for e in entries {
        if let Some(h) = e.sleep_hours() {
            let d = hours.entry(local_day(e)).or_default();
            d.0 += h;
            d.1 += 1;
        }
    }
    let mut split = SleepSplit {
        days_with_sleep: hours.len(),
        ..Default::default()
    };
    let (mut ss, mut ls) = (0.0, 0.0);
    for (day, (s, c)) in &hours {
        let h = s / *c as f64;
        split.daily.push((*day, h, *c));
        if let Some(m) = moods.on(day) {
            if h < SHORT_NIGHT_HOURS {
                split.short_days += 1;
                ss += m;
            } else {
                split.long_days += 1;
                ls += m;
            }
        }
    }
    split.short_mood = mean(ss, split.short_days);
    split.long_mood = mean(ls, split.long_days);
    split
}

/// The sentence "Sleep" leads with.
pub fn sleep_sentence(s: &SleepSplit) -> String {
    let noted = s.short_days + s.long_days;
    if s.days_with_sleep == 0 {
        return "Note how long you slept in an entry and Patterns can compare your mood after short and long nights."
            .to_string();
    }
    if noted < SLEEP_DAYS_NEEDED {
        let more = SLEEP_DAYS_NEEDED - noted;
        return format!(
            "{} more {} with sleep and a mood noted and Patterns can compare short and long nights.",
            capitalised(&count_word(more)),
            if more == 1 { "day" } else { "days" }
        );
    }
    match (s.short_mood, s.long_mood) {
        (Some(short), Some(long))
            if s.short_days >= SLEEP_DAYS_EACH && s.long_days >= SLEEP_DAYS_EACH =>
        {
            format!(
                "On days you slept under 6 hours your mood was {} on days you slept longer.",
                Change::of_moods(short, long).words()
            )
        }
        _ if s.short_days < SLEEP_DAYS_EACH => {
            "Few of the nights you noted were under 6 hours, too few yet to compare with the longer ones."
                .to_string()
        }
        _ => "Few of the nights you noted were 6 hours or longer, too few yet to compare with the short ones."
            .to_string(),
    }
}

/// The sentence "Time of day" leads with.
pub fn time_sentence(parts: &[TimeOfDay]) -> String {
    let total: usize = parts.iter().map(|p| p.entries).sum();
    if total < 3 {
        return "After a few more entries, Patterns will show the time of day you write most, and how your mood differs."
            .to_string();
    }
    let Some(most) = parts.iter().max_by_key(|p| p.entries) else {
        return String::new();
    };
    let name = |p: PartOfDay| match p {
        PartOfDay::Morning => "in the morning",
        PartOfDay::Afternoon => "in the afternoon",
        PartOfDay::Evening => "in the evening",
        PartOfDay::Night => "at night",
    };
    let tied = parts.iter().filter(|p| p.entries == most.entries).count() > 1;
    let mut s = if tied {
        "You write at different times of day".to_string()
    } else {
        format!("You write most often {}", name(most.part))
    };
    // Parts with a mood on two or more entries; the highest against the lowest.
    let with_mood: Vec<(PartOfDay, f64)> = parts
        .iter()
        .filter(|p| p.entries >= 2)
        .filter_map(|p| Some((p.part, p.average?)))
        .collect();
    let hi = with_mood.iter().max_by(|a, b| a.1.total_cmp(&b.1));
    let lo = with_mood.iter().min_by(|a, b| a.1.total_cmp(&b.1));
    if let (Some(hi), Some(lo)) = (hi, lo) {
        if Change::of_moods(hi.1, lo.1) != Change::AboutTheSame {
            s.push_str(&format!(", and your mood was highest {}", name(hi.0)));
        }
    }
    s.push('.');
    s
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
