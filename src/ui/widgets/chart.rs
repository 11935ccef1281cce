use leptos::prelude::*;

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

/// An SVG line chart with a table of the same figures for screen readers and for
/// anyone who prefers numbers ("Show as a table").
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
) -> impl IntoView {
    let as_table = RwSignal::new(false);
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
            .map(|(i, p)| (x(i, n), y(p.value)))
            .collect::<Vec<_>>()
    };
    let path = move || {
        coords()
            .iter()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
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
    view! {
        <figure class="chart">
            <svg class="chart__svg" viewBox=format!("0 0 {W} {H}") role="img" aria-label=summary>
                {grid}
                <polyline class="chart__line" points=path fill="none"/>
                {move || coords().into_iter().map(|(cx, cy)| view! { <circle class="chart__dot" cx=cx cy=cy r="3"/> }).collect_view()}
                {ends}
            </svg>
            <figcaption>
                <button type="button" class="link-button" aria-expanded=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)>
                    {move || if as_table.get() { "Hide the table" } else { "Show as a table" }}
                </button>
            </figcaption>
            // Tables ignore a 1 px width, so the wrapper is what hides it visually.
            // Shown, it may scroll sideways on a narrow screen: it can take focus, and is named.
            <div class=move || if as_table.get() { "chart__table" } else { "visually-hidden" }
                tabindex=move || as_table.get().then_some("0")
                role=move || as_table.get().then_some("region")
                aria-label=move || as_table.get().then(|| title.get())>
            <table class="table">
                <caption>{move || title.get()}</caption>
                <thead><tr><th scope="col">"Period"</th><th scope="col">"Value"</th><th scope="col">"Entries"</th></tr></thead>
                <tbody>
                    {move || points.get().into_iter().map(|p| view! {
                        <tr><th scope="row">{p.label.clone()}</th><td>{value_text.run(p.value)}</td><td>{p.count}</td></tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="visually-hidden">{move || format!("Values from {} to {}.", number(min), number(max))}</p>
        </figure>
    }
}
