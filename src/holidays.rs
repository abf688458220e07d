//! Public-holiday presets: the national holidays of a few countries for a range of years, with the
//! day each is observed worked out (a US July 4 on a Sunday is kept on Monday July 5) and the
//! Easter-based ones computed, so a calendar gets its holidays without typing them.
//!
//! Each preset date is one-off (`yearly: false`): an observed date moves from year to year, so
//! "every year" would keep the wrong day. The lists are the national ones only; regional holidays
//! (a German Land's, a Canadian province's, an Australian state's) are not included.

use crate::plan::{Date, Holiday, Weekday};

/// A country whose national holidays the designer can add.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Country {
    UnitedStates,
    EnglandAndWales,
    Germany,
    France,
    Canada,
    Australia,
    India,
}

impl Country {
    pub const ALL: [Country; 7] = [
        Country::UnitedStates,
        Country::EnglandAndWales,
        Country::Germany,
        Country::France,
        Country::Canada,
        Country::Australia,
        Country::India,
    ];

    /// The preset's name, saying which list it is.
    pub const fn label(self) -> &'static str {
        match self {
            Country::UnitedStates => "United States (federal)",
            Country::EnglandAndWales => "United Kingdom (England and Wales bank holidays)",
            Country::Germany => "Germany (national)",
            Country::France => "France (national)",
            Country::Canada => "Canada (federal statutory)",
            Country::Australia => "Australia (national)",
            Country::India => "India (national gazetted, fixed dates only)",
        }
    }

    /// What the preset leaves out, in a sentence, or empty.
    pub const fn note(self) -> &'static str {
        match self {
            Country::UnitedStates => "Federal holidays; on a Saturday kept on the Friday before, on a Sunday on the Monday after.",
            Country::EnglandAndWales => "Bank holidays; one on a weekend is kept on the next working day.",
            Country::Germany => "The nine holidays of every Land; the Länder add their own.",
            Country::France => "The eleven jours fériés; not moved when they fall on a weekend. Alsace-Moselle adds two.",
            Country::Canada => "Federal statutory holidays; on a weekend kept on the next Monday (Christmas and Boxing Day on the next working days). Provinces differ.",
            Country::Australia => "The national public holidays; on a weekend kept on the next Monday (Anzac Day not moved). States add their own.",
            Country::India => "Republic Day, Independence Day and Gandhi Jayanti only: the other gazetted holidays follow lunar calendars and are announced each year.",
        }
    }
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, as in
/// Meeus, *Astronomical Algorithms*, ch. 8).
pub fn easter_sunday(year: i32) -> Date {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date {
        year,
        month: month as u8,
        day: day as u8,
    }
}

/// The date `days` after `date` (negative: before).
fn shifted(date: Date, days: i64) -> Date {
    Date::from_days_since_epoch(date.days_since_epoch() + days)
}

fn date(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// The `n`-th (1-based) `weekday` of a month.
fn nth_weekday(year: i32, month: u8, weekday: Weekday, n: u32) -> Date {
    let first = date(year, month, 1);
    let ahead = (weekday.index() + 7 - first.weekday().index()) % 7;
    shifted(first, ahead as i64 + 7 * (i64::from(n) - 1))
}

/// The last `weekday` of a month.
fn last_weekday(year: i32, month: u8, weekday: Weekday) -> Date {
    let last = date(year, month, crate::plan::days_in_month(year, month));
    let back = (last.weekday().index() + 7 - weekday.index()) % 7;
    shifted(last, -(back as i64))
}

/// The last `weekday` strictly before `date` (Victoria Day: the Monday before May 25).
fn weekday_before(date: Date, weekday: Weekday) -> Date {
    let back = (date.weekday().index() + 7 - weekday.index()) % 7;
    shifted(date, -(if back == 0 { 7 } else { back as i64 }))
}

/// US federal rule: Saturday → the Friday before, Sunday → the Monday after.
fn nearest_weekday(day: Date) -> Date {
    match day.weekday() {
        Weekday::Sat => shifted(day, -1),
        Weekday::Sun => shifted(day, 1),
        _ => day,
    }
}

/// A weekend day moves to the next Monday.
fn next_monday(day: Date) -> Date {
    match day.weekday() {
        Weekday::Sat => shifted(day, 2),
        Weekday::Sun => shifted(day, 1),
        _ => day,
    }
}

/// Christmas Day and the day after, each kept on a working day: Saturday 25th → Monday 27th and
/// Tuesday 28th; Sunday 25th → Tuesday 27th for Christmas, Monday 26th for the day after.
fn christmas_pair(year: i32) -> (Date, Date) {
    let christmas = date(year, 12, 25);
    match christmas.weekday() {
        Weekday::Fri => (christmas, date(year, 12, 28)),
        Weekday::Sat => (date(year, 12, 27), date(year, 12, 28)),
        Weekday::Sun => (date(year, 12, 27), date(year, 12, 26)),
        _ => (christmas, date(year, 12, 26)),
    }
}

/// A holiday with the day it is kept; "(observed)" in the name when that is not the day itself.
fn kept(name: &str, actual: Date, observed: Date) -> Holiday {
    let name = if actual == observed {
        name.to_string()
    } else {
        format!("{name} (observed)")
    };
    Holiday {
        name,
        date: observed,
        yearly: false,
    }
}

fn on(name: &str, day: Date) -> Holiday {
    kept(name, day, day)
}

/// The holidays of one country and year, in date order.
pub fn holidays(country: Country, year: i32) -> Vec<Holiday> {
    let easter = easter_sunday(year);
    let mut list = match country {
        Country::UnitedStates => united_states(year),
        Country::EnglandAndWales => england_and_wales(year, easter),
        Country::Germany => germany(year, easter),
        Country::France => france(year, easter),
        Country::Canada => canada(year, easter),
        Country::Australia => australia(year, easter),
        Country::India => india(year),
    };
    list.sort_by_key(|h| h.date.days_since_epoch());
    list
}

/// The United States federal holidays of `year`, with their observed days.
fn united_states(year: i32) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    let observed = |name: &str, day: Date| kept(name, day, nearest_weekday(day));
    vec![
        observed("New Year's Day", fixed(1, 1)),
        on(
            "Birthday of Martin Luther King, Jr.",
            nth_weekday(year, 1, Weekday::Mon, 3),
        ),
        on(
            "Washington's Birthday",
            nth_weekday(year, 2, Weekday::Mon, 3),
        ),
        on("Memorial Day", last_weekday(year, 5, Weekday::Mon)),
        observed("Juneteenth National Independence Day", fixed(6, 19)),
        observed("Independence Day", fixed(7, 4)),
        on("Labor Day", nth_weekday(year, 9, Weekday::Mon, 1)),
        on("Columbus Day", nth_weekday(year, 10, Weekday::Mon, 2)),
        observed("Veterans Day", fixed(11, 11)),
        on("Thanksgiving Day", nth_weekday(year, 11, Weekday::Thu, 4)),
        observed("Christmas Day", fixed(12, 25)),
    ]
}

/// The bank holidays of England and Wales of `year`; `easter` is its Easter Sunday.
fn england_and_wales(year: i32, easter: Date) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    let (christmas, boxing) = christmas_pair(year);
    vec![
        kept("New Year's Day", fixed(1, 1), next_monday(fixed(1, 1))),
        on("Good Friday", shifted(easter, -2)),
        on("Easter Monday", shifted(easter, 1)),
        on(
            "Early May bank holiday",
            nth_weekday(year, 5, Weekday::Mon, 1),
        ),
        on("Spring bank holiday", last_weekday(year, 5, Weekday::Mon)),
        on("Summer bank holiday", last_weekday(year, 8, Weekday::Mon)),
        kept("Christmas Day", fixed(12, 25), christmas),
        kept("Boxing Day", fixed(12, 26), boxing),
    ]
}

/// Germany's national holidays of `year`; `easter` is its Easter Sunday.
fn germany(year: i32, easter: Date) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    vec![
        on("Neujahr", fixed(1, 1)),
        on("Karfreitag", shifted(easter, -2)),
        on("Ostermontag", shifted(easter, 1)),
        on("Tag der Arbeit", fixed(5, 1)),
        on("Christi Himmelfahrt", shifted(easter, 39)),
        on("Pfingstmontag", shifted(easter, 50)),
        on("Tag der Deutschen Einheit", fixed(10, 3)),
        on("1. Weihnachtstag", fixed(12, 25)),
        on("2. Weihnachtstag", fixed(12, 26)),
    ]
}

/// France's public holidays of `year`; `easter` is its Easter Sunday.
fn france(year: i32, easter: Date) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    vec![
        on("Jour de l'an", fixed(1, 1)),
        on("Lundi de Pâques", shifted(easter, 1)),
        on("Fête du Travail", fixed(5, 1)),
        on("Victoire 1945", fixed(5, 8)),
        on("Ascension", shifted(easter, 39)),
        on("Lundi de Pentecôte", shifted(easter, 50)),
        on("Fête nationale", fixed(7, 14)),
        on("Assomption", fixed(8, 15)),
        on("Toussaint", fixed(11, 1)),
        on("Armistice 1918", fixed(11, 11)),
        on("Noël", fixed(12, 25)),
    ]
}

/// Canada's federal holidays of `year`; `easter` is its Easter Sunday.
fn canada(year: i32, easter: Date) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    let (christmas, boxing) = christmas_pair(year);
    let monday = |name: &str, day: Date| kept(name, day, next_monday(day));
    vec![
        monday("New Year's Day", fixed(1, 1)),
        on("Good Friday", shifted(easter, -2)),
        on("Victoria Day", weekday_before(fixed(5, 25), Weekday::Mon)),
        monday("Canada Day", fixed(7, 1)),
        on("Civic Holiday", nth_weekday(year, 8, Weekday::Mon, 1)),
        on("Labour Day", nth_weekday(year, 9, Weekday::Mon, 1)),
        monday("National Day for Truth and Reconciliation", fixed(9, 30)),
        on("Thanksgiving", nth_weekday(year, 10, Weekday::Mon, 2)),
        monday("Remembrance Day", fixed(11, 11)),
        kept("Christmas Day", fixed(12, 25), christmas),
        kept("Boxing Day", fixed(12, 26), boxing),
    ]
}

/// Australia's national holidays of `year`; `easter` is its Easter Sunday.
fn australia(year: i32, easter: Date) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    let (christmas, boxing) = christmas_pair(year);
    vec![
        kept("New Year's Day", fixed(1, 1), next_monday(fixed(1, 1))),
        kept("Australia Day", fixed(1, 26), next_monday(fixed(1, 26))),
        on("Good Friday", shifted(easter, -2)),
        on("Easter Monday", shifted(easter, 1)),
        on("Anzac Day", fixed(4, 25)),
        kept("Christmas Day", fixed(12, 25), christmas),
        kept("Boxing Day", fixed(12, 26), boxing),
    ]
}

/// India's national holidays of `year` (fixed dates only).
fn india(year: i32) -> Vec<Holiday> {
    let fixed = |month, day| date(year, month, day);
    vec![
        on("Republic Day", fixed(1, 26)),
        on("Independence Day", fixed(8, 15)),
        on("Gandhi Jayanti", fixed(10, 2)),
    ]
}

/// The holidays of one country for the years `from..=to`, in date order.
pub fn holidays_for_years(country: Country, from: i32, to: i32) -> Vec<Holiday> {
    (from..=to)
        .flat_map(|year| holidays(country, year))
        .collect()
}

/// The preset's holidays a calendar does not have yet (same date), to add without duplicates.
pub fn missing_from(existing: &[Holiday], preset: Vec<Holiday>) -> Vec<Holiday> {
    preset
        .into_iter()
        .filter(|h| !existing.iter().any(|e| e.falls_on(h.date)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(country: Country, year: i32) -> Vec<String> {
        holidays(country, year)
            .iter()
            .map(|h| format!("{} {}", h.date, h.name))
            .collect()
    }

    /// Easter Sundays as published (e.g. the US Naval Observatory's table).
    #[test]
    fn easter_matches_known_dates() {
        for (year, month, day) in [
            (1961, 4, 2),
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2019, 4, 21),
            (2024, 3, 31),
            (2025, 4, 20),
            (2026, 4, 5),
            (2027, 3, 28),
            (2028, 4, 16),
            (2038, 4, 25),
            (2285, 3, 22),
        ] {
            assert_eq!(easter_sunday(year), date(year, month, day), "{year}");
        }
    }

    /// US 2027, checked by hand against a 2027 calendar: New Year Fri Jan 1; MLK the third
    /// Monday of January, Jan 18; Washington's Birthday Feb 15; Memorial Day the last Monday of
    /// May, May 31; Juneteenth Sat Jun 19 → Fri Jun 18; Independence Day Sun Jul 4 → Mon Jul 5;
    /// Labor Day Sep 6; Columbus Day Oct 11; Veterans Day Thu Nov 11; Thanksgiving the fourth
    /// Thursday, Nov 25; Christmas Sat Dec 25 → Fri Dec 24.
    #[test]
    fn united_states_2027_with_observed_days() {
        assert_eq!(
            dates(Country::UnitedStates, 2027),
            [
                "2027-01-01 New Year's Day",
                "2027-01-18 Birthday of Martin Luther King, Jr.",
                "2027-02-15 Washington's Birthday",
                "2027-05-31 Memorial Day",
                "2027-06-18 Juneteenth National Independence Day (observed)",
                "2027-07-05 Independence Day (observed)",
                "2027-09-06 Labor Day",
                "2027-10-11 Columbus Day",
                "2027-11-11 Veterans Day",
                "2027-11-25 Thanksgiving Day",
                "2027-12-24 Christmas Day (observed)",
            ]
        );
        // New Year 2028 falls on a Saturday: kept on Friday 31 December 2027, in 2027's list of
        // dates but named for 2028 (the OPM rule); the preset keeps it under 2028's year.
        assert_eq!(
            holidays(Country::UnitedStates, 2028)[0].date,
            date(2027, 12, 31)
        );
    }

    /// England and Wales 2027 (gov.uk bank holidays): New Year Fri Jan 1; Good Friday Mar 26
    /// and Easter Monday Mar 29 (Easter Mar 28); early May May 3; spring May 31; summer Aug 30;
    /// Christmas Sat Dec 25 → Mon Dec 27; Boxing Day Sun Dec 26 → Tue Dec 28.
    #[test]
    fn england_and_wales_2027() {
        assert_eq!(
            dates(Country::EnglandAndWales, 2027),
            [
                "2027-01-01 New Year's Day",
                "2027-03-26 Good Friday",
                "2027-03-29 Easter Monday",
                "2027-05-03 Early May bank holiday",
                "2027-05-31 Spring bank holiday",
                "2027-08-30 Summer bank holiday",
                "2027-12-27 Christmas Day (observed)",
                "2027-12-28 Boxing Day (observed)",
            ]
        );
    }

    /// Germany 2026 (Easter Apr 5): Karfreitag Apr 3, Ostermontag Apr 6, Himmelfahrt May 14
    /// (Easter + 39), Pfingstmontag May 25 (Easter + 50); fixed days never move.
    #[test]
    fn germany_2026() {
        assert_eq!(
            dates(Country::Germany, 2026),
            [
                "2026-01-01 Neujahr",
                "2026-04-03 Karfreitag",
                "2026-04-06 Ostermontag",
                "2026-05-01 Tag der Arbeit",
                "2026-05-14 Christi Himmelfahrt",
                "2026-05-25 Pfingstmontag",
                "2026-10-03 Tag der Deutschen Einheit",
                "2026-12-25 1. Weihnachtstag",
                "2026-12-26 2. Weihnachtstag",
            ]
        );
    }

    /// France 2027 (Easter Mar 28): Lundi de Pâques Mar 29, Ascension May 6, Pentecôte Monday
    /// May 17; 1 May on a Saturday stays on Saturday (France does not move holidays).
    #[test]
    fn france_2027() {
        let list = dates(Country::France, 2027);
        assert_eq!(list.len(), 11);
        for expected in [
            "2027-03-29 Lundi de Pâques",
            "2027-05-01 Fête du Travail",
            "2027-05-06 Ascension",
            "2027-05-17 Lundi de Pentecôte",
            "2027-07-14 Fête nationale",
        ] {
            assert!(list.iter().any(|d| d == expected), "{expected} in {list:?}");
        }
    }

    /// Canada 2027: Good Friday Mar 26; Victoria Day the Monday before May 25, May 24;
    /// Canada Day Thu Jul 1; Civic Holiday Aug 2; Labour Day Sep 6; Truth and Reconciliation
    /// Thu Sep 30; Thanksgiving Oct 11; Remembrance Day Thu Nov 11; Christmas Sat → Mon Dec 27;
    /// Boxing Day Sun → Tue Dec 28. 2028: Canada Day Sat Jul 1 → Mon Jul 3.
    #[test]
    fn canada_2027_and_a_weekend_canada_day() {
        let list = dates(Country::Canada, 2027);
        for expected in [
            "2027-03-26 Good Friday",
            "2027-05-24 Victoria Day",
            "2027-07-01 Canada Day",
            "2027-10-11 Thanksgiving",
            "2027-12-27 Christmas Day (observed)",
            "2027-12-28 Boxing Day (observed)",
        ] {
            assert!(list.iter().any(|d| d == expected), "{expected} in {list:?}");
        }
        assert!(dates(Country::Canada, 2028)
            .iter()
            .any(|d| d == "2028-07-03 Canada Day (observed)"));
        // Victoria Day when May 25 is itself a Monday (2026): the Monday before, May 18.
        assert!(dates(Country::Canada, 2026)
            .iter()
            .any(|d| d == "2026-05-18 Victoria Day"));
    }

    /// Australia 2027: Australia Day Tue Jan 26; Good Friday Mar 26; Easter Monday Mar 29;
    /// Anzac Day Sun Apr 25 (not moved nationally); Christmas Sat → Mon Dec 27; Boxing Day
    /// Sun → Tue Dec 28. 2028: Australia Day Wed; New Year Sat Jan 1 → Mon Jan 3.
    #[test]
    fn australia_2027() {
        assert_eq!(
            dates(Country::Australia, 2027),
            [
                "2027-01-01 New Year's Day",
                "2027-01-26 Australia Day",
                "2027-03-26 Good Friday",
                "2027-03-29 Easter Monday",
                "2027-04-25 Anzac Day",
                "2027-12-27 Christmas Day (observed)",
                "2027-12-28 Boxing Day (observed)",
            ]
        );
        assert_eq!(
            dates(Country::Australia, 2028)[0],
            "2028-01-03 New Year's Day (observed)"
        );
    }

    /// India: the three fixed national holidays, never moved.
    #[test]
    fn india_fixed_dates() {
        assert_eq!(
            dates(Country::India, 2027),
            [
                "2027-01-26 Republic Day",
                "2027-08-15 Independence Day",
                "2027-10-02 Gandhi Jayanti",
            ]
        );
    }

    #[test]
    fn a_range_of_years_and_no_duplicates() {
        let both = holidays_for_years(Country::UnitedStates, 2027, 2028);
        assert_eq!(both.len(), 22);
        let again = missing_from(&both, holidays_for_years(Country::UnitedStates, 2028, 2029));
        assert_eq!(again.len(), 11, "only 2029's are new");
        assert!(both.iter().all(|h| !h.yearly));
    }
}
