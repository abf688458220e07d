//! IANA time zones (what the plan stores) to the Rails-style names Zendesk schedules use
//! ("Eastern Time (US & Canada)"). Covers the common zones; the export reports any other.

/// (IANA name, Zendesk name), from Rails' `ActiveSupport::TimeZone::MAPPING`, one Zendesk name per zone.
const ZONES: [(&str, &str); 96] = [
    ("UTC", "UTC"),
    ("Etc/UTC", "UTC"),
    ("Etc/GMT", "UTC"),
    ("GMT", "UTC"),
    ("Pacific/Midway", "Midway Island"),
    ("Pacific/Pago_Pago", "American Samoa"),
    ("Pacific/Honolulu", "Hawaii"),
    ("America/Juneau", "Alaska"),
    ("America/Anchorage", "Alaska"),
    ("America/Los_Angeles", "Pacific Time (US & Canada)"),
    ("America/Tijuana", "Tijuana"),
    ("America/Denver", "Mountain Time (US & Canada)"),
    ("America/Phoenix", "Arizona"),
    ("America/Chihuahua", "Chihuahua"),
    ("America/Mazatlan", "Mazatlan"),
    ("America/Chicago", "Central Time (US & Canada)"),
    ("America/Regina", "Saskatchewan"),
    ("America/Mexico_City", "Mexico City"),
    ("America/Monterrey", "Monterrey"),
    ("America/Guatemala", "Central America"),
    ("America/New_York", "Eastern Time (US & Canada)"),
    ("America/Detroit", "Eastern Time (US & Canada)"),
    ("America/Toronto", "Eastern Time (US & Canada)"),
    ("America/Indiana/Indianapolis", "Indiana (East)"),
    ("America/Bogota", "Bogota"),
    ("America/Lima", "Lima"),
    ("America/Halifax", "Atlantic Time (Canada)"),
    ("America/Caracas", "Caracas"),
    ("America/La_Paz", "La Paz"),
    ("America/Santiago", "Santiago"),
    ("America/St_Johns", "Newfoundland"),
    ("America/Sao_Paulo", "Brasilia"),
    ("America/Argentina/Buenos_Aires", "Buenos Aires"),
    ("America/Montevideo", "Montevideo"),
    ("America/Guyana", "Georgetown"),
    ("America/Puerto_Rico", "Puerto Rico"),
    ("America/Godthab", "Greenland"),
    ("America/Nuuk", "Greenland"),
    ("Atlantic/South_Georgia", "Mid-Atlantic"),
    ("Atlantic/Azores", "Azores"),
    ("Atlantic/Cape_Verde", "Cape Verde Is."),
    ("Europe/Dublin", "Dublin"),
    ("Europe/London", "London"),
    ("Europe/Lisbon", "Lisbon"),
    ("Africa/Casablanca", "Casablanca"),
    ("Africa/Monrovia", "Monrovia"),
    ("Europe/Belgrade", "Belgrade"),
    ("Europe/Bratislava", "Bratislava"),
    ("Europe/Budapest", "Budapest"),
    ("Europe/Ljubljana", "Ljubljana"),
    ("Europe/Prague", "Prague"),
    ("Europe/Sarajevo", "Sarajevo"),
    ("Europe/Skopje", "Skopje"),
    ("Europe/Warsaw", "Warsaw"),
    ("Europe/Zagreb", "Zagreb"),
    ("Europe/Brussels", "Brussels"),
    ("Europe/Copenhagen", "Copenhagen"),
    ("Europe/Madrid", "Madrid"),
    ("Europe/Paris", "Paris"),
    ("Europe/Amsterdam", "Amsterdam"),
    ("Europe/Berlin", "Berlin"),
    ("Europe/Zurich", "Zurich"),
    ("Europe/Rome", "Rome"),
    ("Europe/Stockholm", "Stockholm"),
    ("Europe/Oslo", "Copenhagen"),
    ("Europe/Vienna", "Vienna"),
    ("Africa/Algiers", "West Central Africa"),
    ("Africa/Lagos", "West Central Africa"),
    ("Europe/Bucharest", "Bucharest"),
    ("Africa/Cairo", "Cairo"),
    ("Europe/Helsinki", "Helsinki"),
    ("Europe/Kiev", "Kyiv"),
    ("Europe/Kyiv", "Kyiv"),
    ("Europe/Riga", "Riga"),
    ("Europe/Sofia", "Sofia"),
    ("Europe/Tallinn", "Tallinn"),
    ("Europe/Vilnius", "Vilnius"),
    ("Europe/Athens", "Athens"),
    ("Europe/Istanbul", "Istanbul"),
    ("Asia/Jerusalem", "Jerusalem"),
    ("Africa/Johannesburg", "Pretoria"),
    ("Europe/Moscow", "Moscow"),
    ("Asia/Riyadh", "Riyadh"),
    ("Africa/Nairobi", "Nairobi"),
    ("Asia/Dubai", "Abu Dhabi"),
    ("Asia/Karachi", "Karachi"),
    ("Asia/Kolkata", "New Delhi"),
    ("Asia/Calcutta", "New Delhi"),
    ("Asia/Dhaka", "Dhaka"),
    ("Asia/Bangkok", "Bangkok"),
    ("Asia/Jakarta", "Jakarta"),
    ("Asia/Shanghai", "Beijing"),
    ("Asia/Hong_Kong", "Hong Kong"),
    ("Asia/Singapore", "Singapore"),
    ("Asia/Tokyo", "Tokyo"),
    ("Asia/Seoul", "Seoul"),
];

/// More zones, kept apart so the table above stays readable.
const MORE_ZONES: [(&str, &str); 10] = [
    ("Asia/Taipei", "Taipei"),
    ("Asia/Kuala_Lumpur", "Kuala Lumpur"),
    ("Asia/Manila", "Beijing"),
    ("Australia/Perth", "Perth"),
    ("Australia/Adelaide", "Adelaide"),
    ("Australia/Brisbane", "Brisbane"),
    ("Australia/Sydney", "Sydney"),
    ("Australia/Melbourne", "Melbourne"),
    ("Pacific/Auckland", "Auckland"),
    ("Pacific/Fiji", "Fiji"),
];

/// Every (IANA name, Zendesk name) pair this table knows, for reading Zendesk's names back.
pub fn zendesk_zone_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    ZONES.iter().chain(MORE_ZONES.iter()).copied()
}

/// Zendesk's name for an IANA time zone; a name that already is a Zendesk name passes through.
pub fn zendesk_time_zone(iana: &str) -> Option<&'static str> {
    let iana = iana.trim();
    ZONES
        .iter()
        .chain(MORE_ZONES.iter())
        .find(|(from, to)| *from == iana || *to == iana)
        .map(|(_, to)| *to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_zones_get_their_rails_names() {
        assert_eq!(
            zendesk_time_zone("America/New_York"),
            Some("Eastern Time (US & Canada)")
        );
        assert_eq!(
            zendesk_time_zone("America/Los_Angeles"),
            Some("Pacific Time (US & Canada)")
        );
        assert_eq!(zendesk_time_zone("Europe/Berlin"), Some("Berlin"));
        assert_eq!(zendesk_time_zone("UTC"), Some("UTC"));
        assert_eq!(zendesk_time_zone("London"), Some("London"));
        assert_eq!(zendesk_time_zone("Mars/Olympus_Mons"), None);
    }
}
