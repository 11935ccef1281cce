//! Something to look forward to (behavioural activation, shared/content/clinical.md):
//! small enjoyable plans for this week and the next; before each, how much the person
//! expects to enjoy it (0-10); once its day has come, whether it happened and how it
//! was (0-10). The gap between the two, over the weeks, is worth noticing: doing
//! something first often brings the motivation after it ("act first, motivation
//! follows").
//!
//! Days are formatted by the caller, and `today` is passed in, so everything here runs
//! natively in `cargo test`.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate, NaiveDateTime, Weekday};
use serde::{Deserialize, Serialize};

use super::dates;
use super::record::{Body, Kind, Record};

/// Longest "what", in characters.
pub const MAX_WHAT_CHARS: usize = 200;
/// Longest "with whom", in characters.
pub const MAX_WITH_CHARS: usize = 200;

/// One plan: something enjoyable, on a day, maybe at a time, maybe with someone.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub what: String,
    /// Kept as `YYYY-MM-DD` (`domain::dates`).
    #[serde(with = "dates::date")]
    pub day: NaiveDate,
    /// `HH:MM`, or empty for "some time that day".
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub with: String,
    /// How much the person expected to enjoy it, 0-10.
    #[serde(default)]
    pub expected: Option<u8>,
    /// Did it happen? `None` until the person says.
    #[serde(default)]
    pub happened: Option<bool>,
    /// How it was, 0-10 (only when it happened).
    #[serde(default)]
    pub enjoyed: Option<u8>,
}

impl Body for Plan {
    const KIND: Kind = Kind::LookForward;
}

impl Plan {
    /// Its time has come (an earlier day, or today once its time, if it has one, has
    /// come) and the person has not yet said how it went.
    pub fn awaits_looking_back(&self, now: NaiveDateTime) -> bool {
        self.happened.is_none()
            && match self.day.cmp(&now.date()) {
                std::cmp::Ordering::Less => true,
                std::cmp::Ordering::Greater => false,
                std::cmp::Ordering::Equal => {
                    dates::parse_time(&self.time).is_none_or(|t| t <= now.time())
                }
            }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PlanError {
    #[error("Write a few words about what you'd like to do.")]
    Empty,
    #[error("Keep it under 200 characters.")]
    TooLong,
    #[error("Keep who it's with under 200 characters.")]
    WithTooLong,
    #[error("Choose the day, or leave it as it is.")]
    BadDay,
    #[error("Choose a time, or leave the time empty.")]
    BadTime,
    #[error("How much you expect to enjoy it is a whole number from 0 to 10.")]
    Expected,
    #[error("How it was is a whole number from 0 to 10.")]
    Enjoyed,
}

/// A rating that is not a whole number from 0 to 10.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NotARating;

/// A 0-10 rating as typed: empty is no rating; anything else must be a whole number
/// from 0 to 10.
pub fn rating(text: &str) -> Result<Option<u8>, NotARating> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u8>() {
        Ok(n) if n <= 10 => Ok(Some(n)),
        _ => Err(NotARating),
    }
}

/// The plan form as typed, kept as a draft. Ratings stay text until saved, so a
/// number outside 0-10 is refused with a message rather than lost.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanDraft {
    pub what: String,
    /// `YYYY-MM-DD` as a date field gives it; empty is today.
    #[serde(default)]
    pub day: String,
    #[serde(default)]
    pub time: String,
    #[serde(default)]
    pub with: String,
    #[serde(default)]
    pub expected: String,
    /// "yes", "no" or "" (not said).
    #[serde(default)]
    pub happened: String,
    #[serde(default)]
    pub enjoyed: String,
}

impl Body for PlanDraft {
    const KIND: Kind = Kind::Draft;
}

fn rating_text(r: Option<u8>) -> String {
    r.map(|n| n.to_string()).unwrap_or_default()
}

impl PlanDraft {
    /// A new plan's form: today's date filled in.
    pub fn new_on(today: NaiveDate) -> PlanDraft {
        PlanDraft {
            day: dates::date_text(today),
            ..PlanDraft::default()
        }
    }

    pub fn of(p: &Plan) -> PlanDraft {
        PlanDraft {
            what: p.what.clone(),
            day: dates::date_text(p.day),
            time: p.time.clone(),
            with: p.with.clone(),
            expected: rating_text(p.expected),
            happened: match p.happened {
                Some(true) => "yes".into(),
                Some(false) => "no".into(),
                None => String::new(),
            },
            enjoyed: rating_text(p.enjoyed),
        }
    }

    /// The day as typed (today when empty), if it is a date.
    pub fn day(&self, today: NaiveDate) -> Option<NaiveDate> {
        match self.day.trim() {
            "" => Some(today),
            d => dates::parse_date(d),
        }
    }

    /// The plan to save, or why not. "Did it happen?" and "How was it?" count only
    /// once the plan's day has come (a plan in the past can be logged as done).
    pub fn plan(&self, today: NaiveDate) -> Result<Plan, PlanError> {
        let what = self.what.trim();
        if what.is_empty() {
            return Err(PlanError::Empty);
        }
        if what.chars().count() > MAX_WHAT_CHARS {
            return Err(PlanError::TooLong);
        }
        let with = self.with.trim();
        if with.chars().count() > MAX_WITH_CHARS {
            return Err(PlanError::WithTooLong);
        }
        let day = self.day(today).ok_or(PlanError::BadDay)?;
        let time = match self.time.trim() {
            "" => String::new(),
            t => dates::time_text(dates::parse_time(t).ok_or(PlanError::BadTime)?),
        };
        let expected = rating(&self.expected).map_err(|_| PlanError::Expected)?;
        let (happened, enjoyed) = if day <= today {
            let happened = match self.happened.as_str() {
                "yes" => Some(true),
                "no" => Some(false),
                _ => None,
            };
            let enjoyed = if happened == Some(false) {
                None
            } else {
                rating(&self.enjoyed).map_err(|_| PlanError::Enjoyed)?
            };
            // A rating of how it was says it happened.
            let happened = if enjoyed.is_some() {
                Some(true)
            } else {
                happened
            };
            (happened, enjoyed)
        } else {
            (None, None)
        };
        Ok(Plan {
            what: what.to_string(),
            day,
            time,
            with: with.to_string(),
            expected,
            happened,
            enjoyed,
        })
    }
}

/// The first day of the week `d` is in, for weeks starting on `first` (`domain::week`).
pub fn week_start(d: NaiveDate, first: Weekday) -> NaiveDate {
    super::week::Week::containing(d, first).start
}

/// The plans from `from` to `to` (both included), not deleted, in the order they come
/// (day, then time, a plan with no time first). For the week view and "This week".
pub fn between(list: &[Record<Plan>], from: NaiveDate, to: NaiveDate) -> Vec<&Record<Plan>> {
    let mut found: Vec<&Record<Plan>> = list
        .iter()
        .filter(|r| !r.meta.is_deleted() && r.body.day >= from && r.body.day <= to)
        .collect();
    in_order(&mut found);
    found
}

/// Plans by day, then time, then when they were made.
pub fn in_order(list: &mut [&Record<Plan>]) {
    list.sort_unstable_by(|a, b| {
        (a.body.day, &a.body.time, a.meta.created, &a.meta.id.0).cmp(&(
            b.body.day,
            &b.body.time,
            b.meta.created,
            &b.meta.id.0,
        ))
    });
}

/// This week and the next, as the Look forward screen lists them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weeks {
    pub this_week: (NaiveDate, NaiveDate),
    pub next_week: (NaiveDate, NaiveDate),
}

impl Weeks {
    pub fn of(today: NaiveDate, first: Weekday) -> Weeks {
        let start = week_start(today, first);
        let next = start + Days::new(7);
        Weeks {
            this_week: (start, start + Days::new(6)),
            next_week: (next, next + Days::new(6)),
        }
    }
}

/// Starters for the ideas list, in our own words.
pub const STARTERS: [&str; 8] = [
    "A walk somewhere green",
    "Coffee or tea with a friend",
    "Cook a meal I like",
    "A film or an episode of something I enjoy",
    "A long bath or shower",
    "Listen to music I love",
    "Visit a library, market or café",
    "Make something: draw, write, bake",
];

/// One idea to draw from: the person's own (a past plan) or a starter.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Idea {
    pub text: String,
    pub own: bool,
}

fn same_idea(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Ideas: the person's own past plans first (most recent first, each once whatever
/// its capitals), then the starters they have not already used.
pub fn ideas(list: &[Record<Plan>]) -> Vec<Idea> {
    let mut own: Vec<&Record<Plan>> = list.iter().filter(|r| !r.meta.is_deleted()).collect();
    own.sort_unstable_by(|a, b| {
        (b.body.day, b.meta.created, &b.meta.id.0).cmp(&(a.body.day, a.meta.created, &a.meta.id.0))
    });
    let mut out: Vec<Idea> = Vec::new();
    for r in own {
        let text = r.body.what.trim();
        if text.is_empty() || out.iter().any(|i| same_idea(&i.text, text)) {
            continue;
        }
        out.push(Idea {
            text: text.to_string(),
            own: true,
        });
    }
    for s in STARTERS {
        if !out.iter().any(|i| same_idea(&i.text, s)) {
            out.push(Idea {
                text: s.to_string(),
                own: false,
            });
        }
    }
    out
}

/// A plan that happened, with both ratings: what the summary is made of.
fn rated(p: &Plan) -> Option<(u8, u8)> {
    match (p.happened, p.expected, p.enjoyed) {
        (Some(true), Some(e), Some(j)) => Some((e, j)),
        _ => None,
    }
}

/// Expected against real enjoyment, over every plan that happened and was rated
/// both before and after.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gap {
    pub rated: usize,
    /// How it was beat what was expected.
    pub higher: usize,
    pub lower: usize,
    pub same: usize,
    pub expected: f64,
    pub enjoyed: f64,
}

pub fn gap<'a>(plans: impl IntoIterator<Item = &'a Plan>) -> Gap {
    let mut g = Gap::default();
    let (mut exp, mut enj) = (0.0, 0.0);
    for (e, j) in plans.into_iter().filter_map(rated) {
        g.rated += 1;
        exp += e as f64;
        enj += j as f64;
        match j.cmp(&e) {
            std::cmp::Ordering::Greater => g.higher += 1,
            std::cmp::Ordering::Less => g.lower += 1,
            std::cmp::Ordering::Equal => g.same += 1,
        }
    }
    if g.rated > 0 {
        g.expected = exp / g.rated as f64;
        g.enjoyed = enj / g.rated as f64;
    }
    g
}

fn one_decimal(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// The gap in a plain sentence, then the averages. Never a judgement: a lower
/// score than expected is something to notice, not a failure.
pub fn gap_sentence(g: &Gap) -> String {
    if g.rated == 0 {
        return "Once something you planned has happened and you've said how it was, you'll see here how it compared with what you expected.".to_string();
    }
    let averages = format!(
        " On average you expected {} out of 10, and it was {}.",
        one_decimal(g.expected),
        one_decimal(g.enjoyed)
    );
    if g.rated == 1 {
        let how = if g.higher == 1 {
            "more enjoyable than you expected"
        } else if g.lower == 1 {
            "less enjoyable than you expected"
        } else {
            "about as enjoyable as you expected"
        };
        return format!(
            "The one thing you've rated so far was {how}. You expected {} out of 10, and it was {}.",
            one_decimal(g.expected),
            one_decimal(g.enjoyed)
        );
    }
    let first = if g.higher == g.rated {
        "Everything you planned and rated was more enjoyable than you expected."
    } else if g.lower == g.rated {
        "Things you planned were less enjoyable than you expected. That's worth noticing, and worth talking over if you'd like."
    } else if g.same == g.rated {
        "Things you planned were about as enjoyable as you expected."
    } else if g.higher * 2 > g.rated {
        "Things you planned were usually more enjoyable than you expected."
    } else if g.lower * 2 > g.rated {
        "Things you planned were usually less enjoyable than you expected. That's worth noticing, and worth talking over if you'd like."
    } else if g.same * 2 > g.rated {
        "Things you planned were usually about as enjoyable as you expected."
    } else {
        "Some things you planned were more enjoyable than you expected, and some less."
    };
    format!("{first}{averages}")
}

/// Expected and real enjoyment in one week (by the plans' days).
#[derive(Clone, Debug, PartialEq)]
pub struct WeekGap {
    pub start: NaiveDate,
    pub expected: f64,
    pub enjoyed: f64,
    pub rated: usize,
}

/// Week by week, oldest first; weeks with nothing rated are left out.
pub fn gap_by_week<'a>(plans: impl IntoIterator<Item = &'a Plan>, first: Weekday) -> Vec<WeekGap> {
    let mut weeks: BTreeMap<NaiveDate, (f64, f64, usize)> = BTreeMap::new();
    for p in plans {
        if let Some((e, j)) = rated(p) {
            let w = weeks.entry(week_start(p.day, first)).or_default();
            w.0 += e as f64;
            w.1 += j as f64;
            w.2 += 1;
        }
    }
    weeks
        .into_iter()
        .map(|(start, (e, j, n))| WeekGap {
            start,
            expected: e / n as f64,
            enjoyed: j / n as f64,
            rated: n,
        })
        .collect()
}

#[cfg(test)]
mod tests;
