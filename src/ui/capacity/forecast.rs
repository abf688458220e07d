//! The Volume forecast view under Capacity: the next months' tickets per channel from the plan's
//! measured history, each channel's method chosen by its backtest with the error shown, and one
//! click (one undo step) that sets the plan's monthly volume and channel mix from the busiest
//! forecast month. Without a measured history it says where one comes from.

use leptos::prelude::*;

use crate::edit::Edit;
use crate::forecast::{apply_to_plan, forecast, series_from_history, ChannelForecast, Forecast};
use crate::plan::limits::thousands;
use crate::plan::Plan;
use crate::ui::edit::Editor;
use crate::ui::table::TableScroll;

/// "this method missed the last 3 months by 6.2 % on average" (or why it was not backtested).
fn backtest_words(mape: Option<f64>) -> String {
    match mape {
        Some(error) => format!(
            "missed the last {} months by {error:.1} % on average",
            crate::forecast::BACKTEST_MONTHS
        ),
        None => "too little history to backtest".to_string(),
    }
}

fn month_words((year, month): (i32, u32)) -> String {
    format!("{year}-{month:02}")
}

/// The view.
#[component]
pub fn ForecastView(plan: RwSignal<Plan>) -> impl IntoView {
    let editor = Editor::of(plan);
    let horizon = RwSignal::new(6usize);
    let history = Memo::new(move |_| plan.with(|p| p.history.clone()));
    let channels = Memo::new(move |_| {
        plan.with(|p| {
            p.channels
                .iter()
                .map(|c| (c.name.clone(), c.kind))
                .collect::<Vec<_>>()
        })
    });
    let result = Memo::new(move |_| {
        channels.track();
        history.with(|h| {
            h.as_ref().map(|summary| {
                let series = plan.with_untracked(|p| series_from_history(summary, p));
                forecast(&series, horizon.get()).map_err(|e| e.to_string())
            })
        })
    });
    let said = RwSignal::new(None::<String>);
    let apply = move |_| {
        let Some(Ok(ahead)) = result.get_untracked() else {
            return;
        };
        let peak = ahead.peak_month();
        let (updated, unmatched) = plan.with_untracked(|p| apply_to_plan(p, &ahead, peak));
        // One change of the plan (volume and channel mix): one undo step.
        if let Ok(edit) = Edit::replace_plan("Applying the forecast", &updated) {
            let _ = editor.apply(edit);
        }
        let mut words = format!(
            "Monthly volume and channel mix set from {} ({} tickets). Undo takes it back.",
            month_words(ahead.months[peak]),
            thousands(ahead.total(peak).round() as usize)
        );
        if !unmatched.is_empty() {
            words.push_str(&format!(
                " Not in the plan's channels: {}.",
                unmatched.join(", ")
            ));
        }
        said.set(Some(words));
    };
    let choose_horizon = move |ev: leptos::ev::Event| {
        if let Ok(months) = event_target_value(&ev).parse() {
            horizon.set(months);
        }
    };
    view! {
        <section class="capacity-forecast" id="forecast" aria-labelledby="forecast-heading">
            <h3 id="forecast-heading">"Tickets forecast per month"</h3>
            {move || match result.get() {
                None => view! {
                    <p class="help">"Read a ticket export on the Today, measured page: its months are forecast here."</p>
                }
                .into_any(),
                Some(Err(why)) => view! { <p class="capacity-error" role="alert">{why}</p> }.into_any(),
                Some(Ok(ahead)) => view! {
                    <div class="field">
                        <label for="forecast-horizon">"Months ahead"</label>
                        <select id="forecast-horizon" on:change=choose_horizon>
                            {(3..=12).map(|m| view! { <option value=m.to_string() selected=m == horizon.get_untracked()>{m}</option> }).collect_view()}
                        </select>
                    </div>
                    {forecast_table(&ahead)}
                    <button type="button" id="forecast-apply" on:click=apply>
                        {format!("Set the plan's volume and mix from {}", month_words(ahead.months[ahead.peak_month()]))}
                    </button>
                }
                .into_any(),
            }}
            {move || said.get().map(|s| view! { <p class="measured-note" role="status" id="forecast-applied">{s}</p> })}
        </section>
    }
}

/// "level and damped trend (Holt): missed the last 3 months by 7.2 % on average".
fn method_words(channel: &ChannelForecast) -> String {
    format!(
        "{}: {}",
        channel.method.label(),
        backtest_words(channel.backtest_mape)
    )
}

/// The one method every channel was forecast by, in the same words (the months are split by
/// channel shares, so they usually are): said once above the table instead of on every row.
fn shared_method(ahead: &Forecast) -> Option<String> {
    let first = method_words(ahead.channels.first()?);
    ahead
        .channels
        .iter()
        .all(|c| method_words(c) == first)
        .then_some(first)
}

/// Per channel the months ahead (and its method and backtest error when channels differ in
/// them); the total last.
fn forecast_table(ahead: &Forecast) -> impl IntoView {
    let shared = shared_method(ahead);
    let per_row = shared.is_none();
    let months = ahead
        .months
        .iter()
        .map(|&m| view! { <th scope="col" class="number">{month_words(m)}</th> })
        .collect_view();
    let rows = ahead
        .channels
        .iter()
        .map(|c| {
            let values = c
                .values
                .iter()
                .map(|v| view! { <td class="number">{thousands(v.round() as usize)}</td> })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{c.channel.clone()}</th>
                    {per_row.then(|| view! { <td>{method_words(c)}</td> })}
                    {values}
                </tr>
            }
        })
        .collect_view();
    let totals = (0..ahead.months.len())
        .map(|i| view! { <td class="number">{thousands(ahead.total(i).round() as usize)}</td> })
        .collect_view();
    let notes = ahead
        .notes
        .iter()
        .map(|n| view! { <li>{n.clone()}</li> })
        .collect_view();
    view! {
        {shared.map(|words| view! { <p class="forecast-method" id="forecast-method">{format!("Method, chosen by backtest: {words}.")}</p> })}
        <TableScroll label="Forecast tickets per month">
            <table class="doc-table" id="forecast-table">
                <thead>
                    <tr>
                        <th scope="col">"Channel"</th>
                        {per_row.then(|| view! { <th scope="col">"Method (backtest)"</th> })}
                        {months}
                    </tr>
                </thead>
                <tbody>
                    {rows}
                    <tr><th scope="row">"All channels"</th>{per_row.then(|| view! { <td></td> })}{totals}</tr>
                </tbody>
            </table>
        </TableScroll>
        <ul class="capacity-notes">{notes}</ul>
    }
}
