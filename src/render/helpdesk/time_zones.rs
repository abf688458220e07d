//! IANA time zones (what the plan stores) and the Rails names Zendesk and Freshdesk write
//! ("Eastern Time (US & Canada)"): all of Rails' names read back, and one name per zone written.

/// Every Rails time-zone name with the tz identifier Rails gives it: Rails'
/// `ActiveSupport::TimeZone::MAPPING` (activesupport/lib/active_support/values/time_zone.rb,
/// Rails 7.0 and later), all 151 names, in Rails' order. Some identifiers are names the tz
/// database has since renamed (see `RENAMED`).
pub(crate) const RAILS_ZONES: [(&str, &str); 151] = [
    ("International Date Line West", "Etc/GMT+12"),
    ("Midway Island", "Pacific/Midway"),
    ("American Samoa", "Pacific/Pago_Pago"),
    ("Hawaii", "Pacific/Honolulu"),
    ("Alaska", "America/Juneau"),
    ("Pacific Time (US & Canada)", "America/Los_Angeles"),
    ("Tijuana", "America/Tijuana"),
    ("Mountain Time (US & Canada)", "America/Denver"),
    ("Arizona", "America/Phoenix"),
    ("Chihuahua", "America/Chihuahua"),
    ("Mazatlan", "America/Mazatlan"),
    ("Central Time (US & Canada)", "America/Chicago"),
    ("Saskatchewan", "America/Regina"),
    ("Guadalajara", "America/Mexico_City"),
    ("Mexico City", "America/Mexico_City"),
    ("Monterrey", "America/Monterrey"),
    ("Central America", "America/Guatemala"),
    ("Eastern Time (US & Canada)", "America/New_York"),
    ("Indiana (East)", "America/Indiana/Indianapolis"),
    ("Bogota", "America/Bogota"),
    ("Lima", "America/Lima"),
    ("Quito", "America/Lima"),
    ("Atlantic Time (Canada)", "America/Halifax"),
    ("Caracas", "America/Caracas"),
    ("La Paz", "America/La_Paz"),
    ("Santiago", "America/Santiago"),
    ("Newfoundland", "America/St_Johns"),
    ("Brasilia", "America/Sao_Paulo"),
    ("Buenos Aires", "America/Argentina/Buenos_Aires"),
    ("Montevideo", "America/Montevideo"),
    ("Georgetown", "America/Guyana"),
    ("Puerto Rico", "America/Puerto_Rico"),
    ("Greenland", "America/Godthab"),
    ("Mid-Atlantic", "Atlantic/South_Georgia"),
    ("Azores", "Atlantic/Azores"),
    ("Cape Verde Is.", "Atlantic/Cape_Verde"),
    ("Dublin", "Europe/Dublin"),
    ("Edinburgh", "Europe/London"),
    ("Lisbon", "Europe/Lisbon"),
    ("London", "Europe/London"),
    ("Casablanca", "Africa/Casablanca"),
    ("Monrovia", "Africa/Monrovia"),
    ("UTC", "Etc/UTC"),
    ("Belgrade", "Europe/Belgrade"),
    ("Bratislava", "Europe/Bratislava"),
    ("Budapest", "Europe/Budapest"),
    ("Ljubljana", "Europe/Ljubljana"),
    ("Prague", "Europe/Prague"),
    ("Sarajevo", "Europe/Sarajevo"),
    ("Skopje", "Europe/Skopje"),
    ("Warsaw", "Europe/Warsaw"),
    ("Zagreb", "Europe/Zagreb"),
    ("Brussels", "Europe/Brussels"),
    ("Copenhagen", "Europe/Copenhagen"),
    ("Madrid", "Europe/Madrid"),
    ("Paris", "Europe/Paris"),
    ("Amsterdam", "Europe/Amsterdam"),
    ("Berlin", "Europe/Berlin"),
    ("Bern", "Europe/Zurich"),
    ("Zurich", "Europe/Zurich"),
    ("Rome", "Europe/Rome"),
    ("Stockholm", "Europe/Stockholm"),
    ("Vienna", "Europe/Vienna"),
    ("West Central Africa", "Africa/Algiers"),
    ("Bucharest", "Europe/Bucharest"),
    ("Cairo", "Africa/Cairo"),
    ("Helsinki", "Europe/Helsinki"),
    ("Kyiv", "Europe/Kiev"),
    ("Riga", "Europe/Riga"),
    ("Sofia", "Europe/Sofia"),
    ("Tallinn", "Europe/Tallinn"),
    ("Vilnius", "Europe/Vilnius"),
    ("Athens", "Europe/Athens"),
    ("Istanbul", "Europe/Istanbul"),
    ("Minsk", "Europe/Minsk"),
    ("Jerusalem", "Asia/Jerusalem"),
    ("Harare", "Africa/Harare"),
    ("Pretoria", "Africa/Johannesburg"),
    ("Kaliningrad", "Europe/Kaliningrad"),
    ("Moscow", "Europe/Moscow"),
    ("St. Petersburg", "Europe/Moscow"),
    ("Volgograd", "Europe/Volgograd"),
    ("Samara", "Europe/Samara"),
    ("Kuwait", "Asia/Kuwait"),
    ("Riyadh", "Asia/Riyadh"),
    ("Nairobi", "Africa/Nairobi"),
    ("Baghdad", "Asia/Baghdad"),
    ("Tehran", "Asia/Tehran"),
    ("Abu Dhabi", "Asia/Muscat"),
    ("Muscat", "Asia/Muscat"),
    ("Baku", "Asia/Baku"),
    ("Tbilisi", "Asia/Tbilisi"),
    ("Yerevan", "Asia/Yerevan"),
    ("Kabul", "Asia/Kabul"),
    ("Ekaterinburg", "Asia/Yekaterinburg"),
    ("Islamabad", "Asia/Karachi"),
    ("Karachi", "Asia/Karachi"),
    ("Tashkent", "Asia/Tashkent"),
    ("Chennai", "Asia/Kolkata"),
    ("Kolkata", "Asia/Kolkata"),
    ("Mumbai", "Asia/Kolkata"),
    ("New Delhi", "Asia/Kolkata"),
    ("Kathmandu", "Asia/Kathmandu"),
    ("Astana", "Asia/Dhaka"),
    ("Dhaka", "Asia/Dhaka"),
    ("Sri Jayawardenepura", "Asia/Colombo"),
    ("Almaty", "Asia/Almaty"),
    ("Novosibirsk", "Asia/Novosibirsk"),
    ("Rangoon", "Asia/Rangoon"),
    ("Bangkok", "Asia/Bangkok"),
    ("Hanoi", "Asia/Bangkok"),
    ("Jakarta", "Asia/Jakarta"),
    ("Krasnoyarsk", "Asia/Krasnoyarsk"),
    ("Beijing", "Asia/Shanghai"),
    ("Chongqing", "Asia/Chongqing"),
    ("Hong Kong", "Asia/Hong_Kong"),
    ("Urumqi", "Asia/Urumqi"),
    ("Kuala Lumpur", "Asia/Kuala_Lumpur"),
    ("Singapore", "Asia/Singapore"),
    ("Taipei", "Asia/Taipei"),
    ("Perth", "Australia/Perth"),
    ("Irkutsk", "Asia/Irkutsk"),
    ("Ulaanbaatar", "Asia/Ulaanbaatar"),
    ("Seoul", "Asia/Seoul"),
    ("Osaka", "Asia/Tokyo"),
    ("Sapporo", "Asia/Tokyo"),
    ("Tokyo", "Asia/Tokyo"),
    ("Yakutsk", "Asia/Yakutsk"),
    ("Darwin", "Australia/Darwin"),
    ("Adelaide", "Australia/Adelaide"),
    ("Canberra", "Australia/Melbourne"),
    ("Melbourne", "Australia/Melbourne"),
    ("Sydney", "Australia/Sydney"),
    ("Brisbane", "Australia/Brisbane"),
    ("Hobart", "Australia/Hobart"),
    ("Vladivostok", "Asia/Vladivostok"),
    ("Guam", "Pacific/Guam"),
    ("Port Moresby", "Pacific/Port_Moresby"),
    ("Magadan", "Asia/Magadan"),
    ("Srednekolymsk", "Asia/Srednekolymsk"),
    ("Solomon Is.", "Pacific/Guadalcanal"),
    ("New Caledonia", "Pacific/Noumea"),
    ("Fiji", "Pacific/Fiji"),
    ("Kamchatka", "Asia/Kamchatka"),
    ("Marshall Is.", "Pacific/Majuro"),
    ("Auckland", "Pacific/Auckland"),
    ("Wellington", "Pacific/Auckland"),
    ("Nuku'alofa", "Pacific/Tongatapu"),
    ("Tokelau Is.", "Pacific/Fakaofo"),
    ("Chatham Is.", "Pacific/Chatham"),
    ("Samoa", "Pacific/Apia"),
];

/// tz identifiers in Rails' table that the tz database has renamed since, with today's name (the
/// one the plan's zone list uses).
const RENAMED: [(&str, &str); 5] = [
    ("Europe/Kiev", "Europe/Kyiv"),
    ("Asia/Rangoon", "Asia/Yangon"),
    ("America/Godthab", "America/Nuuk"),
    ("Asia/Chongqing", "Asia/Shanghai"),
    ("Etc/UTC", "UTC"),
];

/// Today's name of a tz identifier Rails writes.
fn current_name(tz: &'static str) -> &'static str {
    RENAMED
        .iter()
        .find(|(old, _)| *old == tz)
        .map_or(tz, |(_, new)| *new)
}

/// The name the export writes for a zone, where Rails has several names for it or none: (IANA
/// name, Rails name), one Rails name per zone; a zone Rails has no name for gets the name of a zone
/// with the same clock. Any other zone in `RAILS_ZONES` gets its first Rails name there.
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
const MORE_ZONES: [(&str, &str); 11] = [
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
    // Rails calls Asia/Muscat both "Abu Dhabi" and "Muscat"; "Abu Dhabi" reads back as Asia/Dubai.
    ("Asia/Muscat", "Muscat"),
];

/// Every (IANA name, Rails name) pair, the export's choices first, for reading Rails' names back
/// (an IANA zone may come with several Rails names, and a Rails name with an old and a new zone).
pub fn zendesk_zone_names() -> impl Iterator<Item = (&'static str, &'static str)> {
    ZONES.iter().chain(MORE_ZONES.iter()).copied().chain(
        RAILS_ZONES
            .iter()
            .map(|&(rails, tz)| (current_name(tz), rails)),
    )
}

/// Zendesk's name for an IANA time zone; a name that already is a Rails name passes through.
pub fn zendesk_time_zone(iana: &str) -> Option<&'static str> {
    let iana = iana.trim();
    zendesk_zone_names()
        .chain(RAILS_ZONES.iter().map(|&(rails, tz)| (tz, rails)))
        .find(|(from, to)| *from == iana || *to == iana)
        .map(|(_, to)| to)
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
