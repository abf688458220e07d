//! The Overview section: the plan's header, its business-hour calendars (weekly intervals,
//! overnight shifts, holidays) and its ordered priorities.

use leptos::prelude::*;

use crate::plan::{Calendar, ClockTime, Date, Holiday, Plan, Priority, Weekday, WeeklyInterval};

use super::super::inputs::{
    checkbox, enum_select, parsed_field, text_field, Field, CLOCK, COUNT, DATE,
};
use super::super::row_list::{row_list, ListLens, RowLayout};
use super::{group, read, write};

pub fn overview_form(plan: RwSignal<Plan>) -> impl IntoView {
    let header = view! {
        <div class="field-grid">
            {parsed_field(
                Field::new("header.monthly_volume", "Monthly volume (tickets)"),
                read(plan, |p| p.header.monthly_volume),
                write(plan, |p, v| p.header.monthly_volume = v),
                COUNT,
            )}
            {parsed_field(
                Field::new("header.team_size", "Team size (agents)"),
                read(plan, |p| p.header.team_size),
                write(plan, |p, v| p.header.team_size = v),
                COUNT,
            )}
            {text_field(
                Field::new("header.time_zone", "Home time zone"),
                read(plan, |p| p.header.time_zone.clone()),
                write(plan, |p, v| p.header.time_zone = v),
                false,
            )}
        </div>
    };
    view! {
        {group("Plan header", "The product name is at the top of the page.", header)}
        {group(
            "Calendars",
            "Business hours the channels, tiers and SLA clocks run on. 24/7 is built in.",
            calendars(plan),
        )}
        {group("Priorities", "Most urgent first. Use Move up / Move down to reorder.", priorities(plan))}
    }
}

fn new_calendar() -> Calendar {
    Calendar {
        name: String::new(),
        time_zone: String::new(),
        intervals: Vec::new(),
        holidays: Vec::new(),
    }
}

fn new_interval() -> WeeklyInterval {
    WeeklyInterval::new(
        Weekday::Mon,
        ClockTime::new(9, 0).unwrap_or(ClockTime::MIDNIGHT),
        ClockTime::new(17, 0).unwrap_or(ClockTime::END_OF_DAY),
    )
}

fn new_holiday() -> Holiday {
    Holiday {
        name: String::new(),
        date: Date {
            year: 2026,
            month: 12,
            day: 25,
        },
        yearly: true,
    }
}

fn calendars(plan: RwSignal<Plan>) -> impl IntoView {
    let lens = ListLens::new(
        "calendars",
        |p| Some(&p.calendars),
        |p| Some(&mut p.calendars),
    );
    row_list(
        plan,
        lens,
        "Calendar".into(),
        new_calendar,
        RowLayout::Card,
        move |row| {
            let intervals = row.nested("intervals", |c| &c.intervals, |c| &mut c.intervals);
            let holidays = row.nested("holidays", |c| &c.holidays, |c| &mut c.holidays);
            let interval_noun = format!("{} interval", row.name);
            let holiday_noun = format!("{} holiday", row.name);
            let weekdays = {
                let lens = intervals.clone();
                move |_| {
                    plan.update(|p| {
                        if let Some(list) = lens.list_mut(p) {
                            list.extend(Weekday::ALL[..5].iter().map(|&day| WeeklyInterval {
                                day,
                                ..new_interval()
                            }));
                        }
                    })
                }
            };
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|c: &Calendar| c.name.clone()),
                        row.write(|c: &mut Calendar, v| c.name = v),
                        false,
                    )}
                    {text_field(
                        row.field("time_zone", "Time zone"),
                        row.read(|c: &Calendar| c.time_zone.clone()),
                        row.write(|c: &mut Calendar, v| c.time_zone = v),
                        false,
                    )}
                </div>
                <h3 class="subhead">"Open hours"</h3>
                {row_list(plan, intervals, interval_noun, new_interval, RowLayout::Line, |row| {
                    view! {
                        <div class="field-grid compact">
                            {enum_select(
                                row.field("day", "Day"),
                                &Weekday::ALL,
                                Weekday::short_name,
                                row.read(|i: &WeeklyInterval| i.day),
                                row.write(|i: &mut WeeklyInterval, v| i.day = v),
                            )}
                            {parsed_field(
                                row.field("start", "Opens"),
                                row.read(|i: &WeeklyInterval| i.start),
                                row.write(|i: &mut WeeklyInterval, v| i.start = v),
                                CLOCK,
                            )}
                            {parsed_field(
                                row.field("end", "Closes"),
                                row.read(|i: &WeeklyInterval| i.end),
                                row.write(|i: &mut WeeklyInterval, v| i.end = v),
                                CLOCK,
                            )}
                            {checkbox(
                                row.field("overnight", "Overnight (ends next day)"),
                                row.read(|i: &WeeklyInterval| i.overnight),
                                row.write(|i: &mut WeeklyInterval, v| i.overnight = v),
                            )}
                        </div>
                    }
                }, None)}
                <button type="button" class="secondary-button" on:click=weekdays>
                    "+ Add Mon–Fri 09:00–17:00"
                </button>
                <h3 class="subhead">"Holidays"</h3>
                {row_list(plan, holidays, holiday_noun, new_holiday, RowLayout::Line, |row| {
                    view! {
                        <div class="field-grid compact">
                            {text_field(
                                row.field("name", "Holiday"),
                                row.read(|h: &Holiday| h.name.clone()),
                                row.write(|h: &mut Holiday, v| h.name = v),
                                false,
                            )}
                            {parsed_field(
                                row.field("date", "Date"),
                                row.read(|h: &Holiday| h.date),
                                row.write(|h: &mut Holiday, v| h.date = v),
                                DATE,
                            )}
                            {checkbox(
                                row.field("yearly", "Every year"),
                                row.read(|h: &Holiday| h.yearly),
                                row.write(|h: &mut Holiday, v| h.yearly = v),
                            )}
                        </div>
                    }
                }, None)}
            }
        },
        None,
    )
}

fn priorities(plan: RwSignal<Plan>) -> impl IntoView {
    let lens = ListLens::new(
        "priorities",
        |p| Some(&p.priorities),
        |p| Some(&mut p.priorities),
    );
    row_list(
        plan,
        lens,
        "Priority".into(),
        Priority::default,
        RowLayout::Card,
        |row| {
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|p: &Priority| p.name.clone()),
                        row.write(|p: &mut Priority, v| p.name = v),
                        false,
                    )}
                    {text_field(
                        row.field("description", "When to use it"),
                        row.read(|p: &Priority| p.description.clone()),
                        row.write(|p: &mut Priority, v| p.description = v),
                        false,
                    )}
                </div>
            }
        },
        None,
    )
}
