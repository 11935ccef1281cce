//! Crisis lines per region, encoded once from shared/content/crisis-lines.md.
//!
//! A wrong number is fixed here and nowhere else. Every number was checked on
//! [`LAST_CHECKED`]; never add one that is not in that file.

/// When the numbers below were last checked against their sources.
pub const LAST_CHECKED: &str = "November 2026";

/// The international directory to point to where a region has no entry.
pub const DIRECTORY_URL: &str = "https://findahelpline.com";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    Us,
    Canada,
    Uk,
    Ireland,
    Australia,
    NewZealand,
    Germany,
    France,
    Spain,
    Netherlands,
    India,
    /// Any other country: the emergency number and where to find a helpline.
    Other,
}

/// One way to reach a line: a call or a text, with what to show on the button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reach {
    Call {
        number: &'static str,
        label: &'static str,
    },
    Text {
        number: &'static str,
        keyword: Option<&'static str>,
        label: &'static str,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub name: &'static str,
    pub note: &'static str,
    pub reach: &'static [Reach],
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionLines {
    pub region: Region,
    pub lines: &'static [Line],
    /// Emergency numbers, the first one leading.
    pub emergency: &'static [&'static str],
    /// Extra words under the emergency button, if any.
    pub emergency_note: &'static str,
}

impl Region {
    pub const ALL: [Region; 12] = [
        Region::Us,
        Region::Canada,
        Region::Uk,
        Region::Ireland,
        Region::Australia,
        Region::NewZealand,
        Region::Germany,
        Region::France,
        Region::Spain,
        Region::Netherlands,
        Region::India,
        Region::Other,
    ];

    /// Stable code kept in preferences.
    pub fn code(self) -> &'static str {
        match self {
            Region::Us => "us",
            Region::Canada => "ca",
            Region::Uk => "gb",
            Region::Ireland => "ie",
            Region::Australia => "au",
            Region::NewZealand => "nz",
            Region::Germany => "de",
            Region::France => "fr",
            Region::Spain => "es",
            Region::Netherlands => "nl",
            Region::India => "in",
            Region::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn name(self) -> &'static str {
        match self {
            Region::Us => "United States",
            Region::Canada => "Canada",
            Region::Uk => "United Kingdom",
            Region::Ireland => "Ireland",
            Region::Australia => "Australia",
            Region::NewZealand => "New Zealand",
            Region::Germany => "Germany",
            Region::France => "France",
            Region::Spain => "Spain",
            Region::Netherlands => "Netherlands",
            Region::India => "India",
            Region::Other => "Another country",
        }
    }

    /// A best guess from a browser language tag such as `en-GB` or `de`.
    pub fn from_language(tag: &str) -> Region {
        let tag = tag.replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-');
        let lang = parts.next().unwrap_or("");
        // The country subtag is the first two-letter part after the language.
        let country = parts.find(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()));
        match (lang, country) {
            (_, Some("us")) => Region::Us,
            (_, Some("ca")) => Region::Canada,
            (_, Some("gb")) | (_, Some("uk")) => Region::Uk,
            (_, Some("ie")) => Region::Ireland,
            (_, Some("au")) => Region::Australia,
            (_, Some("nz")) => Region::NewZealand,
            (_, Some("de")) => Region::Germany,
            (_, Some("fr")) => Region::France,
            (_, Some("es")) => Region::Spain,
            (_, Some("nl")) => Region::Netherlands,
            (_, Some("in")) => Region::India,
            (_, Some(_)) => Region::Other,
            ("en", None) => Region::Us,
            ("ga", None) => Region::Ireland,
            ("mi", None) => Region::NewZealand,
            ("de", None) => Region::Germany,
            ("fr", None) => Region::France,
            ("es", None) => Region::Spain,
            ("nl", None) => Region::Netherlands,
            ("hi", None) => Region::India,
            _ => Region::Other,
        }
    }

    pub fn lines(self) -> &'static RegionLines {
        REGIONS
            .iter()
            .find(|r| r.region == self)
            .expect("every region has an entry")
    }
}

impl Reach {
    pub fn href(&self) -> String {
        match *self {
            Reach::Call { number, .. } => tel_href(number),
            Reach::Text {
                number, keyword, ..
            } => sms_href(number, keyword),
        }
    }

    pub fn label(&self) -> &'static str {
        match *self {
            Reach::Call { label, .. } | Reach::Text { label, .. } => label,
        }
    }
}

/// `tel:` link for a number as people write it ("1-800-273-8255", "+44 116 123").
pub fn tel_href(number: &str) -> String {
    format!("tel:{}", dial_digits(number))
}

/// `sms:` link, with the keyword already typed where the line asks for one.
/// The `?&body=` form is the one both iOS and Android read.
pub fn sms_href(number: &str, keyword: Option<&str>) -> String {
    match keyword {
        Some(k) => format!("sms:{}?&body={}", dial_digits(number), k),
        None => format!("sms:{}", dial_digits(number)),
    }
}

/// Keeps a leading `+` and the digits; drops spaces, dashes, dots and brackets.
pub fn dial_digits(number: &str) -> String {
    let trimmed = number.trim();
    let mut out = String::with_capacity(trimmed.len());
    if trimmed.starts_with('+') {
        out.push('+');
    }
    out.extend(trimmed.chars().filter(|c| c.is_ascii_digit()));
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PhoneError {
    #[error("no digits")]
    Empty,
    #[error("letters or symbols in a phone number")]
    NotANumber,
}

/// Checks a phone number typed by a person and returns what to dial.
pub fn parse_phone(input: &str) -> Result<String, PhoneError> {
    let trimmed = input.trim();
    let allowed =
        |(i, c): (usize, char)| c.is_ascii_digit() || " -.()/".contains(c) || (c == '+' && i == 0);
    if !trimmed.char_indices().all(allowed) {
        return Err(PhoneError::NotANumber);
    }
    let digits = dial_digits(trimmed);
    if digits.trim_start_matches('+').len() < 2 {
        return Err(PhoneError::Empty);
    }
    Ok(digits)
}

const fn call(number: &'static str, label: &'static str) -> Reach {
    Reach::Call { number, label }
}

const fn text(number: &'static str, keyword: Option<&'static str>, label: &'static str) -> Reach {
    Reach::Text {
        number,
        keyword,
        label,
    }
}

static REGIONS: [RegionLines; 12] = [
    RegionLines {
        region: Region::Us,
        lines: &[
            Line {
                name: "988 Suicide & Crisis Lifeline",
                note: "Call or text, any time. Chat at 988lifeline.org. Also reachable at 1-800-273-8255.",
                reach: &[call("988", "Call 988"), text("988", None, "Text 988")],
            },
            Line {
                name: "Crisis Text Line",
                note: "Text HOME to 741741, any time.",
                reach: &[text("741741", Some("HOME"), "Text HOME to 741741")],
            },
            Line {
                name: "Veterans Crisis Line",
                note: "Call 988, then press 1. Or text 838255.",
                reach: &[call("988", "Call 988, then press 1"), text("838255", None, "Text 838255")],
            },
        ],
        emergency: &["911"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Canada,
        lines: &[
            Line {
                name: "9-8-8 Suicide Crisis Helpline",
                note: "Call or text, any time, in English or French.",
                reach: &[call("988", "Call 988"), text("988", None, "Text 988")],
            },
            Line {
                name: "Kids Help Phone",
                note: "Any time.",
                reach: &[
                    text("686868", Some("CONNECT"), "Text CONNECT to 686868"),
                    call("+1-800-668-6868", "Call 1-800-668-6868"),
                ],
            },
        ],
        emergency: &["911"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Uk,
        lines: &[
            Line {
                name: "Samaritans",
                note: "Free from any phone, any time.",
                reach: &[call("116 123", "Call 116 123")],
            },
            Line {
                name: "Shout",
                note: "Text SHOUT to 85258, any time.",
                reach: &[text("85258", Some("SHOUT"), "Text SHOUT to 85258")],
            },
        ],
        emergency: &["999", "112"],
        emergency_note: "In England, NHS 111 (choose the mental health option) is there for urgent help that is not an emergency.",
    },
    RegionLines {
        region: Region::Ireland,
        lines: &[
            Line {
                name: "Samaritans",
                note: "Free, any time.",
                reach: &[call("116 123", "Call 116 123")],
            },
            Line {
                name: "50808 text line",
                note: "Free, any time.",
                reach: &[text("50808", None, "Text 50808")],
            },
        ],
        emergency: &["112", "999"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Australia,
        lines: &[Line {
            name: "Lifeline",
            note: "Any time.",
            reach: &[call("13 11 14", "Call 13 11 14"), text("0477 13 11 14", None, "Text 0477 13 11 14")],
        }],
        emergency: &["000"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::NewZealand,
        lines: &[Line {
            name: "Need to talk? 1737",
            note: "Free call or text, any time.",
            reach: &[call("1737", "Call 1737"), text("1737", None, "Text 1737")],
        }],
        emergency: &["111"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Germany,
        lines: &[Line {
            name: "TelefonSeelsorge",
            note: "Free and anonymous, any time.",
            reach: &[call("0800 111 0 111", "Call 0800 111 0 111"), call("0800 111 0 222", "Call 0800 111 0 222")],
        }],
        emergency: &["112"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::France,
        lines: &[Line {
            name: "Numéro national de prévention du suicide",
            note: "Free, any time.",
            reach: &[call("3114", "Call 3114")],
        }],
        emergency: &["112"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Spain,
        lines: &[Line {
            name: "Línea 024",
            note: "Free, any time.",
            reach: &[call("024", "Call 024")],
        }],
        emergency: &["112"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Netherlands,
        lines: &[Line {
            name: "113 Zelfmoordpreventie",
            note: "Any time. Chat at 113.nl.",
            reach: &[call("113", "Call 113"), call("0800-0113", "Call 0800-0113")],
        }],
        emergency: &["112"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::India,
        lines: &[Line {
            name: "Tele-MANAS",
            note: "Free, any time, in many languages.",
            reach: &[call("14416", "Call 14416"), call("1-800-891-4416", "Call 1-800-891-4416")],
        }],
        emergency: &["112"],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Other,
        lines: &[],
        emergency: &["112"],
        emergency_note: "Call your local emergency number. 112 works in every EU country. findahelpline.com lists free, confidential helplines in more than 130 countries.",
    },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_has_an_entry_and_an_emergency_number() {
        for r in Region::ALL {
            let lines = r.lines();
            assert_eq!(lines.region, r);
            assert!(!lines.emergency.is_empty(), "{r:?} has no emergency number");
            assert_eq!(Region::from_code(r.code()), Some(r));
            if r != Region::Other {
                assert!(!lines.lines.is_empty(), "{r:?} has no line");
            }
        }
        assert!(!LAST_CHECKED.is_empty());
    }

    #[test]
    fn every_number_is_well_formed() {
        for r in Region::ALL {
            let lines = r.lines();
            for n in lines.emergency {
                assert!(n.chars().all(|c| c.is_ascii_digit()), "{n}");
            }
            for line in lines.lines {
                assert!(!line.reach.is_empty());
                for reach in line.reach {
                    let href = reach.href();
                    let (scheme, rest) = href.split_once(':').unwrap();
                    assert!(scheme == "tel" || scheme == "sms");
                    let number = rest.split('?').next().unwrap();
                    let digits = number.trim_start_matches('+');
                    assert!(
                        digits.len() >= 3 && digits.chars().all(|c| c.is_ascii_digit()),
                        "{href}"
                    );
                    // The label names the number it dials.
                    let label_digits: String =
                        reach.label().chars().filter(char::is_ascii_digit).collect();
                    assert!(
                        digits.ends_with(&label_digits)
                            || label_digits.ends_with(digits)
                            || label_digits.starts_with(digits),
                        "{href} vs {}",
                        reach.label()
                    );
                }
            }
        }
    }

    #[test]
    fn links_match_the_checked_facts() {
        let us = Region::Us.lines();
        assert_eq!(
            us.lines[0].reach[0].href(),
            "tel:988",
            "988 leads in the US"
        );
        assert_eq!(us.lines[1].reach[0].href(), "sms:741741?&body=HOME");
        assert_eq!(Region::Uk.lines().lines[0].reach[0].href(), "tel:116123");
        assert_eq!(
            Region::Uk.lines().lines[1].reach[0].href(),
            "sms:85258?&body=SHOUT"
        );
        assert_eq!(
            Region::Canada.lines().lines[1].reach[0].href(),
            "sms:686868?&body=CONNECT"
        );
        assert_eq!(
            Region::Canada.lines().lines[1].reach[1].href(),
            "tel:+18006686868"
        );
        assert_eq!(
            Region::Australia.lines().lines[0].reach[1].href(),
            "sms:0477131114"
        );
        assert_eq!(Region::Australia.lines().emergency, &["000"]);
    }

    #[test]
    fn region_from_browser_language() {
        assert_eq!(Region::from_language("en-US"), Region::Us);
        assert_eq!(Region::from_language("en"), Region::Us);
        assert_eq!(Region::from_language("en-GB"), Region::Uk);
        assert_eq!(Region::from_language("fr-CA"), Region::Canada);
        assert_eq!(Region::from_language("fr"), Region::France);
        assert_eq!(Region::from_language("de-AT"), Region::Other);
        assert_eq!(Region::from_language("de"), Region::Germany);
        assert_eq!(Region::from_language("en_AU"), Region::Australia);
        assert_eq!(Region::from_language("zh-Hans-CN"), Region::Other);
        assert_eq!(Region::from_language("hi-IN"), Region::India);
        assert_eq!(Region::from_language(""), Region::Other);
    }

    #[test]
    fn phone_numbers_as_people_type_them() {
        assert_eq!(
            parse_phone("+44 (0)20 7946-0000").unwrap(),
            "+4402079460000"
        );
        assert_eq!(parse_phone(" 555.123.4567 ").unwrap(), "5551234567");
        assert_eq!(parse_phone("call me"), Err(PhoneError::NotANumber));
        assert_eq!(parse_phone("12+3"), Err(PhoneError::NotANumber));
        assert_eq!(parse_phone(" - "), Err(PhoneError::Empty));
    }
}
