use chrono::Datelike;
use leptos::prelude::*;

use crate::domain::journal::{JournalEntry, Mood};
use crate::domain::patterns::{calendar_month, calendar_sentence, CalendarDay};
use crate::ui::format::{day_long, month_name, today};
use crate::ui::widgets::MoodMark;

use super::{mood_text, shift_month};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// A month of days, each coloured by its average mood and marked with the mood's
/// shape (told apart without colour), led by a sentence, with a legend in words.
#[component]
pub fn MoodCalendar(entries: Memo<Vec<JournalEntry>>) -> impl IntoView {
    let month = RwSignal::new(today());
    let month_days = Memo::new(move |_| {
        entries.with(|e| calendar_month(&e.iter().collect::<Vec<_>>(), month.get()))
    });
    let sentence = move || month_days.with(|d| calendar_sentence(d, &month_name(month.get())));
    let weeks = move || {
        let days = month_days.get();
        let lead = days
            .first()
            .map_or(0, |d| d.date.weekday().num_days_from_monday() as usize);
        let mut cells: Vec<Option<CalendarDay>> = vec![None; lead];
        cells.extend(days.into_iter().map(Some));
        while !cells.len().is_multiple_of(7) {
            cells.push(None);
        }
        cells.chunks(7).map(|w| w.to_vec()).collect::<Vec<_>>()
    };
    let legend = Mood::ALL
        .into_iter()
        .map(|m| view! { <li><span class=format!("swatch mood--{}", m.value()) aria-hidden="true"></span><MoodMark mood=m/>{m.word()}</li> })
        .collect_view();
    let at_latest = move || shift_month(month.get(), true) > today();
    view! {
        <p class="pattern__sentence">{sentence}</p>
        <div class="calendar__nav">
            <button type="button" class="button" on:click=move |_| month.update(|m| *m = shift_month(*m, false))>"Previous month"</button>
            <p class="calendar__month" aria-live="polite">{move || month_name(month.get())}</p>
            <button type="button" class="button" on:click=move |_| month.update(|m| *m = shift_month(*m, true))
                disabled=at_latest>"Next month"</button>
        </div>
        <table class="calendar">
            <caption class="visually-hidden">{move || format!("Mood calendar, {}", month_name(month.get()))}</caption>
            <thead><tr>{WEEKDAYS.map(|d| view! { <th scope="col">{d}</th> }).collect_view()}</tr></thead>
            <tbody>
                {move || weeks().into_iter().map(|week| view! {
                    <tr>
                        {week.into_iter().map(|cell| match cell {
                            None => view! { <td class="calendar__day calendar__day--empty"></td> }.into_any(),
                            Some(d) => {
                                let class = match d.average {
                                    Some(a) => format!("calendar__day mood--{}", Mood::nearest(a).value()),
                                    None => "calendar__day".to_string(),
                                };
                                let label = match d.average {
                                    Some(_) => format!("{}: {}", day_long(d.date), mood_text(d.average)),
                                    None if d.entries > 0 => format!("{}: entries, no mood", day_long(d.date)),
                                    None => format!("{}: no entries", day_long(d.date)),
                                };
                                let title = label.clone();
                                let mark = d.average.map(|a| view! { <MoodMark mood=Mood::nearest(a)/> });
                                view! {
                                    <td class=class title=title>
                                        <span aria-hidden="true" class="calendar__date">{d.date.day()}</span>
                                        {mark}
                                        <span class="visually-hidden">{label}</span>
                                    </td>
                                }.into_any()
                            }
                        }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
        <ul class="legend" aria-label="Legend">{legend}<li><span class="swatch" aria-hidden="true"></span>"No mood recorded"</li></ul>
    }
}
