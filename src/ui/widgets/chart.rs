use leptos::prelude::*;

use crate::domain::journal::Mood;
use crate::ui::format::number;

/// One point of a line chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub label: String,
    pub value: f64,
    pub count: usize,
}

const W: f64 = 320.0;
const H: f64 = 150.0;
const LEFT: f64 = 62.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 24.0;

/// A mood's shape as the chart draws it around (0, 0), 10 units across: the same
/// shapes as `MoodMark` (down triangle, square, circle, diamond, up triangle), so
/// points are told apart without colour.
fn mark_path(mood: Mood) -> &'static str {
    match mood {
        Mood::VeryLow => "M-5 -4h10L0 5z",
        Mood::Low => "M-4 -4h8v8h-8z",
        Mood::Okay => "M-4.5 0a4.5 4.5 0 1 0 9 0a4.5 4.5 0 1 0 -9 0z",
        Mood::Good => "M0 -5.5 5.5 0 0 5.5 -5.5 0z",
        Mood::VeryGood => "M0 -5 5 4H-5z",
    }
}

/// The numbers behind a part of Patterns, behind a "Show as a table" button that says
/// whether it is open. The table is named by its caption, and built only once opened.
/// On a narrow screen (or with large text) each row reflows into a block of its own
/// lines, each cell led by its column's name, so nothing scrolls sideways.
#[component]
pub fn Numbers(
    #[prop(into)] caption: Signal<String>,
    /// Column names; the first names the row headers.
    head: Vec<&'static str>,
    /// Rows: the row header, then one cell per further column.
    #[prop(into)]
    rows: Signal<Vec<Vec<String>>>,
    /// The button's words when a part has more than one table.
    #[prop(default = "Show as a table")]
    label: &'static str,
) -> impl IntoView {
    let open = RwSignal::new(false);
    let head = StoredValue::new(head);
    view! {
        <div class="numbers">
            <button type="button" class="link-button" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || if open.get() { "Hide the table" } else { label }}
            </button>
            {move || open.get().then(|| view! {
                <table class="table numbers__table">
                    <caption>{move || caption.get()}</caption>
                    <thead><tr>{head.with_value(|h| h.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view())}</tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|row| {
                            let mut cells = row.into_iter();
                            let first = cells.next().unwrap_or_default();
                            let rest = cells
                                .enumerate()
                                .map(|(i, c)| {
                                    let label = head.with_value(|h| h.get(i + 1).copied().unwrap_or(""));
                                    view! { <td data-label=label>{c}</td> }
                                })
                                .collect_view();
                            view! { <tr><th scope="row">{first}</th>{rest}</tr> }
                        }).collect_view()}
                    </tbody>
                </table>
            })}
        </div>
    }
}

/// An SVG line chart that scales to its width, with the numbers behind "Show as a
/// table". With `marks`, each point is drawn in the shape of its nearest mood.
#[component]
pub fn LineChart(
    #[prop(into)] title: Signal<String>,
    #[prop(into)] points: Signal<Vec<Point>>,
    min: f64,
    max: f64,
    /// Labels on the value axis.
    axis: Vec<(f64, &'static str)>,
    /// How a value reads in words, for the table.
    #[prop(into)]
    value_text: Callback<f64, String>,
    /// The table's name for the value column.
    #[prop(default = "Value")]
    value_head: &'static str,
    /// The table's name for the count column.
    #[prop(default = "Entries")]
    count_head: &'static str,
    /// Draw each point as the shape of its nearest mood.
    #[prop(optional)]
    marks: bool,
) -> impl IntoView {
    let y = move |v: f64| TOP + (H - TOP - BOTTOM) * (1.0 - (v - min) / (max - min));
    let x = move |i: usize, n: usize| {
        if n <= 1 {
            LEFT + (W - LEFT - 10.0) / 2.0
        } else {
            LEFT + (W - LEFT - 10.0) * i as f64 / (n - 1) as f64
        }
    };
    let coords = move || {
        let pts = points.get();
        let n = pts.len();
        pts.iter()
            .enumerate()
            .map(|(i, p)| (x(i, n), y(p.value), p.value))
            .collect::<Vec<_>>()
    };
    let path = move || {
        coords()
            .iter()
            .map(|(x, y, _)| format!("{x:.1},{y:.1}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let grid = axis
        .iter()
        .map(|(v, label)| {
            let yy = y(*v);
            view! {
                <line class="chart__grid" x1=LEFT x2=W - 4.0 y1=yy y2=yy/>
                <text class="chart__label" x=LEFT - 6.0 y=yy + 4.0 text-anchor="end">{*label}</text>
            }
        })
        .collect_view();
    let summary = move || {
        let pts = points.get();
        if pts.is_empty() {
            return format!("{}: nothing recorded yet", title.get());
        }
        let avg = pts.iter().map(|p| p.value).sum::<f64>() / pts.len() as f64;
        format!(
            "{}: {} points from {} to {}, overall {}",
            title.get(),
            pts.len(),
            pts[0].label,
            pts[pts.len() - 1].label,
            value_text.run(avg)
        )
    };
    let ends = move || {
        let pts = points.get();
        (pts.len() > 1).then(|| {
            let first = pts[0].label.clone();
            let last = pts[pts.len() - 1].label.clone();
            view! {
                <text class="chart__label" x=LEFT y=H - 6.0>{first}</text>
                <text class="chart__label" x=W - 10.0 y=H - 6.0 text-anchor="end">{last}</text>
            }
        })
    };
    let dots = move || {
        coords()
            .into_iter()
            .map(|(cx, cy, v)| {
                if marks {
                    let mood = Mood::nearest(v);
                    view! {
                        <path class=format!("chart__dot chart__mark mood-mark--{}", mood.value())
                            transform=format!("translate({cx:.1} {cy:.1})") d=mark_path(mood)/>
                    }
                    .into_any()
                } else {
                    view! { <circle class="chart__dot" cx=cx cy=cy r="3"/> }.into_any()
                }
            })
            .collect_view()
    };
    let rows = Signal::derive(move || {
        points
            .get()
            .into_iter()
            .map(|p| vec![p.label, value_text.run(p.value), p.count.to_string()])
            .collect::<Vec<_>>()
    });
    view! {
        <figure class="chart">
            <svg class="chart__svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary>
                {grid}
                <polyline class="chart__line" points=path fill="none"/>
                {dots}
                {ends}
            </svg>
            <p class="visually-hidden">{move || format!("Values from {} to {}.", number(min), number(max))}</p>
            <figcaption>
                <Numbers caption=title head=vec!["Period", value_head, count_head] rows=rows/>
            </figcaption>
        </figure>
    }
}
