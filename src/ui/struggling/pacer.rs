use std::time::Duration;

use leptos::prelude::*;

use crate::domain::exercise::{Beat, Pattern, Phase};

/// The breathing pacer: a circle that grows and shrinks (hidden under reduced motion),
/// the cue in a polite live region, a count, optional vibration, and Stop.
#[component]
pub fn Pacer() -> impl IntoView {
    let pattern = RwSignal::new(Pattern::Box);
    let elapsed = RwSignal::new(None::<u32>);
    let finished = RwSignal::new(false);
    let vibrate = RwSignal::new(false);
    let can_vibrate =
        js_sys::Reflect::has(&window().navigator(), &"vibrate".into()).unwrap_or(false);
    let timer = StoredValue::new(None::<IntervalHandle>);

    let stop_timer = move || {
        if let Some(Some(h)) = timer.try_update_value(|t| t.take()) {
            h.clear();
        }
    };
    let stop = move || {
        stop_timer();
        elapsed.set(None);
    };
    on_cleanup(stop_timer);

    let beat = Memo::new(move |_| elapsed.get().and_then(|t| pattern.get().beat_at(t)));
    let buzz = move |b: Option<Beat>| {
        if let Some(b) = b {
            if vibrate.get_untracked() && b.left == b.length {
                let _ = window()
                    .navigator()
                    .vibrate_with_duration(if b.phase == Phase::In { 150 } else { 60 });
            }
        }
    };
    let start = move || {
        stop_timer();
        finished.set(false);
        elapsed.set(Some(0));
        buzz(beat.get_untracked());
        let handle = set_interval_with_handle(
            move || {
                let next = elapsed.get_untracked().map_or(0, |t| t + 1);
                if pattern.get_untracked().beat_at(next).is_none() {
                    stop();
                    finished.set(true);
                } else {
                    elapsed.set(Some(next));
                    buzz(beat.get_untracked());
                }
            },
            Duration::from_secs(1),
        )
        .ok();
        timer.set_value(handle);
    };

    let circle_class = move || {
        let modifier = match beat.get() {
            None => "rest".to_string(),
            Some(Beat {
                phase: Phase::In,
                length,
                ..
            }) => format!("in-{length}"),
            Some(Beat {
                phase: Phase::HoldFull,
                ..
            }) => "full".to_string(),
            Some(Beat {
                phase: Phase::Out,
                length,
                ..
            }) => format!("out-{length}"),
            Some(Beat {
                phase: Phase::HoldEmpty,
                ..
            }) => "empty".to_string(),
        };
        format!("pacer__circle pacer__circle--{modifier}")
    };
    let running = move || elapsed.get().is_some();
    let choices = Pattern::ALL
        .into_iter()
        .map(|p| {
            view! {
                <button type="button" class="button" aria-pressed=move || (pattern.get() == p).to_string()
                    disabled=running on:click=move |_| pattern.set(p)>{p.name()}</button>
            }
        })
        .collect_view();

    view! {
        <div class="pacer">
            <div class="actions" role="group" aria-label="Breathing pattern">{choices}</div>
            <p class="muted">{move || pattern.get().how()}</p>
            <div class="pacer__stage" aria-hidden="true">
                <div class=circle_class></div>
            </div>
            <p class="pacer__cue" role="status" aria-live="polite">
                {move || match beat.get() {
                    Some(b) => b.phase.cue().to_string(),
                    None if finished.get() => "Well done. Breathe normally now.".to_string(),
                    None => String::new(),
                }}
            </p>
            <p class="pacer__count">
                {move || beat.get().map(|b| format!("{} · round {} of {}", b.left, b.round, pattern.get().rounds()))}
            </p>
            {can_vibrate.then(|| view! {
                <label class="choice">
                    <input type="checkbox" bind:checked=vibrate/>
                    "Vibrate when it changes"
                </label>
            })}
            <div class="actions">
                <Show when=running fallback=move || view! {
                    <button type="button" class="button button--primary button--big" on:click=move |_| start()>"Start"</button>
                }>
                    <button type="button" class="button button--big" on:click=move |_| stop()>"Stop"</button>
                </Show>
            </div>
        </div>
    }
}
