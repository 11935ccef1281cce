//! Crisis lines per region, encoded once from shared/content/crisis-lines.md.
//!
//! A wrong number is fixed here and nowhere else: the crisis card, the PHQ-9 item 9
//! help and the static help page (`src/bin/help_page.rs`, built into `help.html`)
//! all read this table. Every number comes from that file, and each line carries the
//! date it was last checked. Never add one that is not in the file.

/// The international directory to point to where a region has no entry.
pub const DIRECTORY_URL: &str = "https://findahelpline.com";
/// The directory as a person reads it.
pub const DIRECTORY_NAME: &str = "findahelpline.com";

/// Checked in the first table of crisis-lines.md.
const CHECKED_1: &str = "2026-11";
/// Checked in the second table ("More countries").
const CHECKED_2: &str = "2026-11-27";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Region {
    Argentina,
    Australia,
    Austria,
    Belgium,
    Brazil,
    Canada,
    Chile,
    Finland,
    France,
    Germany,
    HongKong,
    India,
    Ireland,
    Israel,
    Italy,
    Japan,
    Kenya,
    Mexico,
    Netherlands,
    NewZealand,
    Norway,
    Philippines,
    Poland,
    Portugal,
    Singapore,
    SouthAfrica,
    SouthKorea,
    Spain,
    Sweden,
    Switzerland,
    Turkey,
    Uk,
    Us,
    /// Not known, or a country with no entry: the general card (call your local
    /// emergency number, findahelpline.com).
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
    /// Cost, hours and who it is for, only as crisis-lines.md says: "free" only where
    /// the file says free, hours only where it gives them.
    pub note: &'static str,
    /// Whether the file says the line is free (checked against `note` by a test).
    pub free: bool,
    pub reach: &'static [Reach],
    /// Ways to reach it shown as text only: a chat site, a WhatsApp number, a code
    /// to dial by hand.
    pub also: &'static [&'static str],
    /// When it was last checked, `YYYY-MM` or `YYYY-MM-DD`.
    pub checked: &'static str,
}

/// An emergency number, with what it is for where the country has several.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Emergency {
    pub number: &'static str,
    /// "ambulance", "police"...; empty for the one number for everything.
    pub what: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RegionLines {
    pub region: Region,
    pub lines: &'static [Line],
    /// Emergency numbers, the first one leading. Empty where the file gives none:
    /// then the card says "call your local emergency number" in words.
    pub emergency: &'static [Emergency],
    /// Extra words under the emergency numbers, if any.
    pub emergency_note: &'static str,
}

impl RegionLines {
    /// Whether to point to findahelpline.com: where there is no line of our own.
    pub fn needs_directory(&self) -> bool {
        self.lines.is_empty()
    }
}

impl Region {
    /// Every region, in the order the picker lists them (by name, "Another country" last).
    pub const ALL: [Region; 34] = [
        Region::Argentina,
        Region::Australia,
        Region::Austria,
        Region::Belgium,
        Region::Brazil,
        Region::Canada,
        Region::Chile,
        Region::Finland,
        Region::France,
        Region::Germany,
        Region::HongKong,
        Region::India,
        Region::Ireland,
        Region::Israel,
        Region::Italy,
        Region::Japan,
        Region::Kenya,
        Region::Mexico,
        Region::Netherlands,
        Region::NewZealand,
        Region::Norway,
        Region::Philippines,
        Region::Poland,
        Region::Portugal,
        Region::Singapore,
        Region::SouthAfrica,
        Region::SouthKorea,
        Region::Spain,
        Region::Sweden,
        Region::Switzerland,
        Region::Turkey,
        Region::Uk,
        Region::Us,
        Region::Other,
    ];

    /// Stable code kept in preferences: the ISO 3166 country code, lower case.
    pub fn code(self) -> &'static str {
        match self {
            Region::Argentina => "ar",
            Region::Australia => "au",
            Region::Austria => "at",
            Region::Belgium => "be",
            Region::Brazil => "br",
            Region::Canada => "ca",
            Region::Chile => "cl",
            Region::Finland => "fi",
            Region::France => "fr",
            Region::Germany => "de",
            Region::HongKong => "hk",
            Region::India => "in",
            Region::Ireland => "ie",
            Region::Israel => "il",
            Region::Italy => "it",
            Region::Japan => "jp",
            Region::Kenya => "ke",
            Region::Mexico => "mx",
            Region::Netherlands => "nl",
            Region::NewZealand => "nz",
            Region::Norway => "no",
            Region::Philippines => "ph",
            Region::Poland => "pl",
            Region::Portugal => "pt",
            Region::Singapore => "sg",
            Region::SouthAfrica => "za",
            Region::SouthKorea => "kr",
            Region::Spain => "es",
            Region::Sweden => "se",
            Region::Switzerland => "ch",
            Region::Turkey => "tr",
            Region::Uk => "gb",
            Region::Us => "us",
            Region::Other => "other",
        }
    }

    pub fn from_code(code: &str) -> Option<Region> {
        Region::ALL.into_iter().find(|r| r.code() == code)
    }

    pub fn name(self) -> &'static str {
        match self {
            Region::Argentina => "Argentina",
            Region::Australia => "Australia",
            Region::Austria => "Austria",
            Region::Belgium => "Belgium",
            Region::Brazil => "Brazil",
            Region::Canada => "Canada",
            Region::Chile => "Chile",
            Region::Finland => "Finland",
            Region::France => "France",
            Region::Germany => "Germany",
            Region::HongKong => "Hong Kong",
            Region::India => "India",
            Region::Ireland => "Ireland",
            Region::Israel => "Israel",
            Region::Italy => "Italy",
            Region::Japan => "Japan",
            Region::Kenya => "Kenya",
            Region::Mexico => "Mexico",
            Region::Netherlands => "Netherlands",
            Region::NewZealand => "New Zealand",
            Region::Norway => "Norway",
            Region::Philippines => "Philippines",
            Region::Poland => "Poland",
            Region::Portugal => "Portugal",
            Region::Singapore => "Singapore",
            Region::SouthAfrica => "South Africa",
            Region::SouthKorea => "South Korea",
            Region::Spain => "Spain",
            Region::Sweden => "Sweden",
            Region::Switzerland => "Switzerland",
            Region::Turkey => "Turkey",
            Region::Uk => "United Kingdom",
            Region::Us => "United States",
            Region::Other => "Another country",
        }
    }

    /// The name inside a sentence: "Showing lines for the United States."
    pub fn name_in_sentence(self) -> String {
        match self {
            Region::Uk | Region::Us | Region::Netherlands | Region::Philippines => {
                format!("the {}", self.name())
            }
            _ => self.name().to_string(),
        }
    }

    /// The region a browser language tag names, or `Other` when it names none.
    ///
    /// Only a two-letter region subtag that is a listed country counts (`pt-BR`,
    /// `zh-Hant-HK`). A three-digit area (`es-419`, `001`), a tag with no region
    /// (`es`, `en`) and an unlisted country are unknown: the language alone never
    /// picks a country (`es` is not Spain for a person in Mexico).
    pub fn from_language(tag: &str) -> Region {
        let tag = tag.trim().replace('_', "-").to_ascii_lowercase();
        let mut parts = tag.split('-').skip(1).peekable();
        // An optional four-letter script subtag comes before the region.
        if parts
            .peek()
            .is_some_and(|p| p.len() == 4 && p.chars().all(|c| c.is_ascii_alphabetic()))
        {
            parts.next();
        }
        match parts.next() {
            Some(p) if p.len() == 2 && p.chars().all(|c| c.is_ascii_alphabetic()) => {
                let code = if p == "uk" { "gb" } else { p };
                Region::from_code(code)
                    .filter(|r| *r != Region::Other)
                    .unwrap_or(Region::Other)
            }
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

impl Emergency {
    /// What the button says: "Call 911", "Call 192 (ambulance)".
    pub fn label(&self) -> String {
        if self.what.is_empty() {
            format!("Call {}", self.number)
        } else {
            format!("Call {} ({})", self.number, self.what)
        }
    }

    pub fn href(&self) -> String {
        tel_href(self.number)
    }
}

impl Line {
    /// "Last checked November 2026", "Last checked 27 November 2026".
    pub fn checked_words(&self) -> String {
        format!("Last checked {}", checked_words(self.checked))
    }
}

/// A `YYYY-MM` or `YYYY-MM-DD` date in words ("November 2026", "27 November 2026").
pub fn checked_words(date: &str) -> String {
    let mut parts = date.split('-');
    let year = parts.next().unwrap_or("");
    let month = parts
        .next()
        .and_then(|m| m.parse::<usize>().ok())
        .and_then(|m| super::dates::MONTHS.get(m.wrapping_sub(1)));
    let day = parts.next().and_then(|d| d.parse::<u32>().ok());
    match (month, day) {
        (Some(m), Some(d)) => format!("{d} {m} {year}"),
        (Some(m), None) => format!("{m} {year}"),
        _ => date.to_string(),
    }
}

/// `tel:` link for a number as people write it ("1-800-273-8255", "+44 116 123",
/// "*4141"). A `#` is escaped, as a URI needs.
pub fn tel_href(number: &str) -> String {
    format!("tel:{}", dial_digits(number).replace('#', "%23"))
}

/// `sms:` link, with the keyword already typed where the line asks for one.
/// The `?&body=` form is the one both iOS and Android read.
pub fn sms_href(number: &str, keyword: Option<&str>) -> String {
    match keyword {
        Some(k) => format!("sms:{}?&body={}", dial_digits(number), k),
        None => format!("sms:{}", dial_digits(number)),
    }
}

/// Keeps a leading `+`, the digits, and `*` and `#` (service codes such as Chile's
/// `*4141`); drops spaces, dashes, dots and brackets.
pub fn dial_digits(number: &str) -> String {
    let trimmed = number.trim();
    let mut out = String::with_capacity(trimmed.len());
    if trimmed.starts_with('+') {
        out.push('+');
    }
    out.extend(
        trimmed
            .chars()
            .filter(|c| c.is_ascii_digit() || *c == '*' || *c == '#'),
    );
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

const fn em(number: &'static str, what: &'static str) -> Emergency {
    Emergency { number, what }
}

/// A line from the first table of crisis-lines.md.
const fn first(
    name: &'static str,
    note: &'static str,
    free: bool,
    reach: &'static [Reach],
    also: &'static [&'static str],
) -> Line {
    Line {
        name,
        note,
        free,
        reach,
        also,
        checked: CHECKED_1,
    }
}

/// A line from the second table ("More countries").
const fn more(
    name: &'static str,
    note: &'static str,
    free: bool,
    reach: &'static [Reach],
    also: &'static [&'static str],
) -> Line {
    Line {
        name,
        note,
        free,
        reach,
        also,
        checked: CHECKED_2,
    }
}

const FREE: bool = true;
const NOT_SAID: bool = false;

static REGIONS: [RegionLines; 34] = [
    // First table (checked 2026-11).
    RegionLines {
        region: Region::Us,
        lines: &[
            first(
                "988 Suicide & Crisis Lifeline",
                "Call or text 988.",
                NOT_SAID,
                &[call("988", "Call 988"), text("988", None, "Text 988")],
                &["Chat at 988lifeline.org.", "Also reachable at 1-800-273-8255."],
            ),
            first(
                "Crisis Text Line",
                "Text HOME to 741741, any time.",
                NOT_SAID,
                &[text("741741", Some("HOME"), "Text HOME to 741741")],
                &[],
            ),
            first(
                "Veterans Crisis Line",
                "Call 988, then press 1. Or text 838255.",
                NOT_SAID,
                &[call("988", "Call 988, then press 1"), text("838255", None, "Text 838255")],
                &[],
            ),
        ],
        emergency: &[em("911", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Canada,
        lines: &[
            first(
                "9-8-8 Suicide Crisis Helpline",
                "Call or text, any time, in English or French.",
                NOT_SAID,
                &[call("988", "Call 988"), text("988", None, "Text 988")],
                &[],
            ),
            first(
                "Kids Help Phone",
                "Any time.",
                NOT_SAID,
                &[
                    text("686868", Some("CONNECT"), "Text CONNECT to 686868"),
                    call("+1-800-668-6868", "Call 1-800-668-6868"),
                ],
                &[],
            ),
        ],
        emergency: &[em("911", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Uk,
        lines: &[
            first("Samaritans", "Free from any phone, any time.", FREE, &[call("116 123", "Call 116 123")], &[]),
            first(
                "Shout",
                "Text SHOUT to 85258, any time.",
                NOT_SAID,
                &[text("85258", Some("SHOUT"), "Text SHOUT to 85258")],
                &[],
            ),
        ],
        emergency: &[em("999", ""), em("112", "")],
        emergency_note: "In England, NHS 111 (choose the mental health option) is there for urgent help that is not an emergency.",
    },
    RegionLines {
        region: Region::Ireland,
        lines: &[
            first("Samaritans", "Free, any time.", FREE, &[call("116 123", "Call 116 123")], &[]),
            first("50808 text line", "Text 50808, any time.", NOT_SAID, &[text("50808", None, "Text 50808")], &[]),
        ],
        emergency: &[em("112", ""), em("999", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Australia,
        lines: &[first(
            "Lifeline",
            "Any time.",
            NOT_SAID,
            &[call("13 11 14", "Call 13 11 14"), text("0477 13 11 14", None, "Text 0477 13 11 14")],
            &[],
        )],
        emergency: &[em("000", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::NewZealand,
        lines: &[first(
            "Need to talk? 1737",
            "Free call or text, any time.",
            FREE,
            &[call("1737", "Call 1737"), text("1737", None, "Text 1737")],
            &[],
        )],
        emergency: &[em("111", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Germany,
        lines: &[first(
            "TelefonSeelsorge",
            "Free and anonymous, any time.",
            FREE,
            &[call("0800 111 0 111", "Call 0800 111 0 111"), call("0800 111 0 222", "Call 0800 111 0 222")],
            &[],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::France,
        lines: &[first(
            "Numéro national de prévention du suicide",
            "Free, any time.",
            FREE,
            &[call("3114", "Call 3114")],
            &[],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Spain,
        lines: &[first("Línea 024", "Free, any time.", FREE, &[call("024", "Call 024")], &[])],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Netherlands,
        lines: &[first(
            "113 Zelfmoordpreventie",
            "Any time.",
            NOT_SAID,
            &[call("113", "Call 113"), call("0800-0113", "Call 0800-0113")],
            &["Chat at 113.nl."],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::India,
        lines: &[first(
            "Tele-MANAS",
            "Free, any time, in many languages.",
            FREE,
            &[call("14416", "Call 14416"), call("1-800-891-4416", "Call 1-800-891-4416")],
            &[],
        )],
        // crisis-lines.md gives no emergency number for India.
        emergency: &[],
        emergency_note: "",
    },
    // Second table, "More countries" (checked 2026-11-27).
    RegionLines {
        region: Region::Mexico,
        lines: &[more(
            "Línea de la Vida",
            "Free, any time, every day. From the Secretaría de Salud.",
            FREE,
            &[call("800 911 2000", "Call 800 911 2000")],
            &[],
        )],
        emergency: &[em("911", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Brazil,
        lines: &[more(
            "CVV, Centro de Valorização da Vida",
            "Free, any time, every day.",
            FREE,
            &[call("188", "Call 188")],
            &["Chat at cvv.org.br."],
        )],
        emergency: &[em("192", "ambulance, SAMU"), em("190", "police")],
        emergency_note: "Brazil has no single emergency number.",
    },
    RegionLines {
        region: Region::Argentina,
        lines: &[more(
            "Línea Nacional de Salud Mental",
            "Free and anonymous, any time.",
            FREE,
            &[call("0800 999 0091", "Call 0800 999 0091")],
            &[],
        )],
        emergency: &[em("911", ""), em("107", "medical, city of Buenos Aires")],
        emergency_note: "Each province runs its own emergency service.",
    },
    RegionLines {
        region: Region::Chile,
        lines: &[more(
            "Línea de Prevención del Suicidio (Minsal)",
            "Free, any time. Call from a mobile phone.",
            FREE,
            &[call("*4141", "Call *4141")],
            &["If the button does not dial (iPhones do not), dial *4141 by hand."],
        )],
        emergency: &[em("131", "ambulance"), em("133", "police")],
        emergency_note: "Chile has no single emergency number.",
    },
    RegionLines {
        region: Region::Portugal,
        lines: &[
            more(
                "Linha Nacional de Prevenção do Suicídio",
                "Any time, every day.",
                NOT_SAID,
                &[call("1411", "Call 1411")],
                &[],
            ),
            more(
                "SNS 24 psychological support",
                "Call 808 24 24 24, then choose option 4. Any time.",
                NOT_SAID,
                &[call("808 24 24 24", "Call 808 24 24 24")],
                &[],
            ),
        ],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Belgium,
        lines: &[
            more(
                "Zelfmoordlijn 1813",
                "In Dutch. Free; the phone line is open any time.",
                FREE,
                &[call("1813", "Call 1813")],
                &["Chat at zelfmoord1813.be."],
            ),
            more(
                "Centre de Prévention du Suicide",
                "In French. Free and anonymous, any time.",
                FREE,
                &[call("0800 32 123", "Call 0800 32 123")],
                &[],
            ),
        ],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Switzerland,
        lines: &[
            more(
                "Die Dargebotene Hand / La Main Tendue / Telefono Amico",
                "Free and anonymous, any time, in every language region.",
                FREE,
                &[call("143", "Call 143")],
                &["Chat at 143.ch."],
            ),
            more(
                "Pro Juventute",
                "For young people up to 25. Free, any time.",
                FREE,
                &[call("147", "Call 147")],
                &["Chat at 147.ch."],
            ),
        ],
        emergency: &[em("144", "ambulance"), em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Austria,
        lines: &[
            more(
                "TelefonSeelsorge",
                "Free, any time, with no area code.",
                FREE,
                &[call("142", "Call 142")],
                &[],
            ),
            more(
                "Rat auf Draht",
                "For children and young people. Free, any time.",
                FREE,
                &[call("147", "Call 147")],
                &[],
            ),
        ],
        emergency: &[em("144", "ambulance"), em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Sweden,
        lines: &[more(
            "Mind Självmordslinjen",
            "Anonymous, any time.",
            NOT_SAID,
            &[call("90101", "Call 90101")],
            &["Chat at mind.se."],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Norway,
        lines: &[
            more(
                "Mental Helse Hjelpetelefonen",
                "Free, any time.",
                FREE,
                &[call("116 123", "Call 116 123")],
                &[],
            ),
            more("Kirkens SOS", "Any time.", NOT_SAID, &[call("22 40 00 40", "Call 22 40 00 40")], &[]),
        ],
        emergency: &[em("113", "medical, including suicide risk"), em("112", "police")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Finland,
        lines: &[more(
            "MIELI Crisis Helpline",
            "In Finnish (any time) or in Swedish. MIELI does not charge for the call; your operator's call rates apply.",
            NOT_SAID,
            &[call("09 2525 0111", "Call 09 2525 0111 (Finnish)"), call("09 2525 0112", "Call 09 2525 0112 (Swedish)")],
            &[],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Poland,
        lines: &[
            more(
                "Telefon zaufania dla dorosłych w kryzysie emocjonalnym",
                "For adults. Free and anonymous.",
                FREE,
                &[call("116 123", "Call 116 123")],
                &["Chat at 116sos.pl."],
            ),
            more(
                "Telefon zaufania dla dzieci i młodzieży",
                "For children and young people. Free and anonymous, any time.",
                FREE,
                &[call("116 111", "Call 116 111")],
                &[],
            ),
        ],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Italy,
        lines: &[more(
            "Telefono Amico Italia",
            "Not open at night: every day from 9:00 to 24:00.",
            NOT_SAID,
            &[call("02 2327 2327", "Call 02 2327 2327")],
            &[],
        )],
        emergency: &[em("112", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Japan,
        lines: &[
            more(
                "Yorisoi Hotline (よりそいホットライン)",
                "Free, any time. Other languages through its menu.",
                FREE,
                &[call("0120-279-338", "Call 0120-279-338")],
                &[],
            ),
            more(
                "Inochi no Denwa (いのちの電話)",
                "Free.",
                FREE,
                &[call("0120-783-556", "Call 0120-783-556")],
                &[],
            ),
            more(
                "Unified mental-health line (こころの健康相談統一ダイヤル)",
                "You pay for this call. It connects you to your local public line; hours vary.",
                NOT_SAID,
                &[call("0570-064-556", "Call 0570-064-556")],
                &[],
            ),
        ],
        emergency: &[em("119", "ambulance"), em("110", "police")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::SouthKorea,
        lines: &[more(
            "Suicide prevention line (자살예방상담전화)",
            "Any time.",
            NOT_SAID,
            &[call("109", "Call 109")],
            &[],
        )],
        emergency: &[em("119", "ambulance"), em("112", "police")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Philippines,
        lines: &[more(
            "NCMH Crisis Hotline",
            "Free, any time.",
            FREE,
            &[call("0917 899 8727", "Call 0917 899 8727"), call("1553", "Call 1553")],
            &[],
        )],
        emergency: &[em("911", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Singapore,
        lines: &[
            more(
                "National mindline 1771",
                "Free, any time.",
                FREE,
                &[call("1771", "Call 1771")],
                &["WhatsApp: +65 6669 1771."],
            ),
            more(
                "Samaritans of Singapore",
                "Any time.",
                NOT_SAID,
                &[call("1767", "Call 1767")],
                &["WhatsApp: 9151 1767."],
            ),
        ],
        emergency: &[em("995", "ambulance"), em("999", "police")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::HongKong,
        lines: &[
            more(
                "18111 Mental Health Support Hotline",
                "Any time.",
                NOT_SAID,
                &[call("18111", "Call 18111")],
                &[],
            ),
            more(
                "The Samaritans",
                "Any time, in many languages.",
                NOT_SAID,
                &[call("2896 0000", "Call 2896 0000")],
                &[],
            ),
        ],
        emergency: &[em("999", "")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::SouthAfrica,
        lines: &[
            more(
                "SADAG Suicide Crisis Helpline",
                "Free to call (toll-free).",
                FREE,
                &[call("0800 567 567", "Call 0800 567 567")],
                &[],
            ),
            more(
                "SADAG 24-hour helpline",
                "Free, any time.",
                FREE,
                &[call("0800 456 789", "Call 0800 456 789")],
                &[],
            ),
        ],
        emergency: &[em("112", "from any mobile"), em("10111", "police"), em("10177", "ambulance")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Kenya,
        lines: &[more(
            "Kenya Red Cross counselling",
            "Free to call (toll-free), any time.",
            FREE,
            &[call("1199", "Call 1199")],
            &[],
        )],
        // crisis-lines.md gives no emergency number for Kenya.
        emergency: &[],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Israel,
        lines: &[more(
            "ERAN, Emotional First Aid",
            "Free and anonymous, any time, in Hebrew, Arabic, Russian, English and more.",
            FREE,
            &[call("1201", "Call 1201")],
            &[],
        )],
        emergency: &[em("101", "ambulance"), em("100", "police")],
        emergency_note: "",
    },
    RegionLines {
        region: Region::Turkey,
        // No national crisis line was found: the emergency number and the directory.
        lines: &[],
        emergency: &[em("112", "")],
        emergency_note: "One number for every emergency, in every province.",
    },
    RegionLines { region: Region::Other, lines: &[], emergency: &[], emergency_note: "" },
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Every number in shared/content/crisis-lines.md (as dialled), and nothing else.
    const FROM_THE_FILE: &[&str] = &[
        // First table.
        "988",
        "18002738255",
        "838255",
        "741741",
        "911",
        "686868",
        "+18006686868",
        "116123",
        "85258",
        "999",
        "112",
        "111",
        "50808",
        "131114",
        "0477131114",
        "000",
        "1737",
        "08001110111",
        "08001110222",
        "3114",
        "024",
        "113",
        "08000113",
        "14416",
        "18008914416",
        // Second table.
        "8009112000",
        "188",
        "192",
        "190",
        "08009990091",
        "107",
        "*4141",
        "131",
        "133",
        "1411",
        "808242424",
        "1813",
        "080032123",
        "143",
        "147",
        "144",
        "142",
        "90101",
        "22400040",
        "0925250111",
        "0925250112",
        "116111",
        "0223272327",
        "0120279338",
        "0120783556",
        "0570064556",
        "119",
        "110",
        "109",
        "09178998727",
        "1553",
        "1771",
        "+6566691771",
        "1767",
        "91511767",
        "995",
        "18111",
        "28960000",
        "0800567567",
        "0800456789",
        "10111",
        "10177",
        "1199",
        "1201",
        "101",
        "100",
    ];
    /// Retired or wrong numbers still found in public lists: never shown.
    const RETIRED: &[&str] = &["1393", "141", "199284284", "1190", "1101"];

    /// Every number the app shows for a region: links, emergency numbers, and numbers
    /// in the words (notes and text-only contacts).
    fn numbers(r: Region) -> Vec<String> {
        let data = r.lines();
        let mut out: Vec<String> = data
            .emergency
            .iter()
            .map(|e| dial_digits(e.number))
            .collect();
        let mut words: Vec<&str> = vec![data.emergency_note];
        for line in data.lines {
            for reach in line.reach {
                let href = reach.href();
                let number = href
                    .split_once(':')
                    .unwrap()
                    .1
                    .split('?')
                    .next()
                    .unwrap()
                    .to_string();
                out.push(number);
            }
            words.push(line.note);
            words.push(line.name);
            words.extend(line.also.iter().copied());
        }
        for w in words {
            // A number in words is a run of digits, spaces and dashes, maybe after + or *.
            let mut current = String::new();
            for c in w.chars().chain(std::iter::once('.')) {
                let starts = (c == '+' || c == '*') && current.is_empty();
                let joins =
                    (c == ' ' || c == '-') && current.ends_with(|d: char| d.is_ascii_digit());
                if c.is_ascii_digit() || starts || joins {
                    current.push(c);
                } else {
                    // Digits run into letters ("116sos.pl") are part of a name, not a number.
                    let n = dial_digits(current.trim_end_matches([' ', '-']));
                    if !c.is_alphabetic() && n.trim_start_matches(['+', '*']).len() >= 3 {
                        out.push(n);
                    }
                    current.clear();
                }
            }
        }
        out
    }

    #[test]
    fn every_region_has_lines_or_the_directory() {
        assert_eq!(Region::ALL.len(), REGIONS.len());
        for r in Region::ALL {
            let data = r.lines();
            assert_eq!(data.region, r);
            assert_eq!(Region::from_code(r.code()), Some(r));
            assert!(
                !data.lines.is_empty() || data.needs_directory(),
                "{r:?} has neither lines nor the directory"
            );
            for line in data.lines {
                assert!(!line.reach.is_empty(), "{}", line.name);
                assert!(
                    line.checked == "2026-11" || line.checked == "2026-11-27",
                    "{}",
                    line.name
                );
            }
        }
        assert!(Region::Turkey.lines().needs_directory());
        assert_eq!(Region::Turkey.lines().emergency, &[em("112", "")]);
        assert!(Region::Other.lines().needs_directory());
        assert!(
            Region::Other.lines().emergency.is_empty(),
            "no guessed emergency number for an unknown region"
        );
        // Every country of crisis-lines.md, and nothing else.
        let names: Vec<&str> = Region::ALL.iter().map(|r| r.name()).collect();
        for country in [
            "United States",
            "Canada",
            "United Kingdom",
            "Ireland",
            "Australia",
            "New Zealand",
            "Germany",
            "France",
            "Spain",
            "Netherlands",
            "India",
            "Mexico",
            "Brazil",
            "Argentina",
            "Chile",
            "Portugal",
            "Belgium",
            "Switzerland",
            "Austria",
            "Sweden",
            "Norway",
            "Finland",
            "Poland",
            "Italy",
            "Japan",
            "South Korea",
            "Philippines",
            "Singapore",
            "Hong Kong",
            "South Africa",
            "Kenya",
            "Israel",
            "Turkey",
        ] {
            assert!(names.contains(&country), "{country}");
        }
        let mut sorted = names[..names.len() - 1].to_vec();
        sorted.sort();
        assert_eq!(
            sorted,
            names[..names.len() - 1],
            "the picker lists countries by name"
        );
    }

    #[test]
    fn no_number_outside_the_file_and_none_retired() {
        let mut seen = std::collections::HashSet::new();
        for r in Region::ALL {
            for n in numbers(r) {
                assert!(
                    FROM_THE_FILE.contains(&n.as_str()),
                    "{r:?} shows {n}, which is not in crisis-lines.md"
                );
                assert!(
                    !RETIRED.contains(&n.as_str()),
                    "{r:?} shows the retired {n}"
                );
                seen.insert(n);
            }
        }
        for n in FROM_THE_FILE {
            assert!(seen.contains(*n), "{n} from crisis-lines.md is not shown");
        }
        // The retired numbers appear nowhere, not even inside another text.
        for r in Region::ALL {
            let data = r.lines();
            for line in data.lines {
                let all = format!("{} {} {}", line.name, line.note, line.also.join(" "));
                for retired in ["1393", "199 284 284", "1190", "1101"] {
                    assert!(!all.contains(retired), "{retired} in {}", line.name);
                }
            }
        }
    }

    #[test]
    fn free_only_where_the_file_says_free() {
        let free_in_file = [
            "Samaritans", // UK and Ireland
            "Need to talk? 1737",
            "TelefonSeelsorge", // Germany and Austria
            "Numéro national de prévention du suicide",
            "Línea 024",
            "Tele-MANAS",
            "Línea de la Vida",
            "CVV, Centro de Valorização da Vida",
            "Línea Nacional de Salud Mental",
            "Línea de Prevención del Suicidio (Minsal)",
            "Zelfmoordlijn 1813",
            "Centre de Prévention du Suicide",
            "Die Dargebotene Hand / La Main Tendue / Telefono Amico",
            "Pro Juventute",
            "Rat auf Draht",
            "Mental Helse Hjelpetelefonen",
            "Telefon zaufania dla dorosłych w kryzysie emocjonalnym",
            "Telefon zaufania dla dzieci i młodzieży",
            "Yorisoi Hotline (よりそいホットライン)",
            "Inochi no Denwa (いのちの電話)",
            "NCMH Crisis Hotline",
            "National mindline 1771",
            "SADAG Suicide Crisis Helpline",
            "SADAG 24-hour helpline",
            "Kenya Red Cross counselling",
            "ERAN, Emotional First Aid",
        ];
        for r in Region::ALL {
            for line in r.lines().lines {
                let says_free = line.note.to_lowercase().contains("free")
                    || line.also.iter().any(|a| a.to_lowercase().contains("free"));
                assert_eq!(
                    says_free, line.free,
                    "{}: the note and the flag disagree",
                    line.name
                );
                // Hong Kong's and Singapore's Samaritans are not said to be free.
                let other_samaritans =
                    line.name == "Samaritans" && !matches!(r, Region::Uk | Region::Ireland);
                let expected = free_in_file.contains(&line.name) && !other_samaritans;
                assert_eq!(line.free, expected, "{:?} {}", r, line.name);
            }
        }
    }

    #[test]
    fn hours_as_the_file_gives_them() {
        let italy = Region::Italy.lines().lines[0];
        assert!(
            italy.note.contains("9:00 to 24:00"),
            "a line that is not 24 h shows its hours"
        );
        assert!(!italy.note.contains("any time"));
        let inochi = Region::Japan.lines().lines[1];
        assert_eq!(inochi.note, "Free.", "hours vary: show none");
        let poland_adults = Region::Poland.lines().lines[0];
        assert!(
            !poland_adults.note.contains("any time"),
            "no hours in the file"
        );
        assert!(
            !Region::Us.lines().lines[0].note.contains("any time"),
            "the file gives no hours for 988"
        );
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
        assert_eq!(us.emergency[0].label(), "Call 911");
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
        assert_eq!(Region::Australia.lines().emergency, &[em("000", "")]);
        assert_eq!(
            Region::Mexico.lines().lines[0].reach[0].href(),
            "tel:8009112000"
        );
        assert_eq!(
            Region::Brazil.lines().emergency[0].label(),
            "Call 192 (ambulance, SAMU)"
        );
        assert_eq!(
            Region::Philippines.lines().lines[0].reach[1].href(),
            "tel:1553",
            "1553 listed second"
        );
        assert_eq!(
            Region::SouthKorea.lines().lines[0].reach[0].href(),
            "tel:109"
        );
        assert_eq!(
            Region::Us.lines().lines[0].checked_words(),
            "Last checked November 2026"
        );
        assert_eq!(
            Region::Mexico.lines().lines[0].checked_words(),
            "Last checked 27 November 2026"
        );
    }

    #[test]
    fn chile_star_code_dials_and_is_also_shown_to_dial_by_hand() {
        let chile = Region::Chile.lines().lines[0];
        assert_eq!(chile.reach[0].href(), "tel:*4141");
        assert!(chile
            .also
            .iter()
            .any(|a| a.contains("*4141") && a.contains("by hand")));
        assert_eq!(tel_href("*#06#"), "tel:*%2306%23");
    }

    #[test]
    fn every_number_is_well_formed() {
        for r in Region::ALL {
            let data = r.lines();
            for e in data.emergency {
                assert!(e.number.chars().all(|c| c.is_ascii_digit()), "{}", e.number);
            }
            for line in data.lines {
                for reach in line.reach {
                    let href = reach.href();
                    let (scheme, rest) = href.split_once(':').unwrap();
                    assert!(scheme == "tel" || scheme == "sms");
                    let number = rest.split('?').next().unwrap();
                    let digits = number.trim_start_matches(['+', '*']);
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
    fn region_from_browser_language() {
        // A two-letter region that is a listed country picks it.
        assert_eq!(Region::from_language("en-US"), Region::Us);
        assert_eq!(Region::from_language("es-MX"), Region::Mexico);
        assert_eq!(Region::from_language("pt-BR"), Region::Brazil);
        assert_eq!(Region::from_language("zh-HK"), Region::HongKong);
        assert_eq!(Region::from_language("zh-Hant-HK"), Region::HongKong);
        assert_eq!(Region::from_language("en-GB"), Region::Uk);
        assert_eq!(Region::from_language("fr-CA"), Region::Canada);
        assert_eq!(Region::from_language("de-AT"), Region::Austria);
        assert_eq!(Region::from_language("en_AU"), Region::Australia);
        assert_eq!(Region::from_language("hi-IN"), Region::India);
        assert_eq!(Region::from_language("es-ES"), Region::Spain);
        // Three-digit areas, no region, unlisted countries: unknown, never guessed.
        assert_eq!(Region::from_language("es-419"), Region::Other);
        assert_eq!(Region::from_language("en-001"), Region::Other);
        assert_eq!(
            Region::from_language("es"),
            Region::Other,
            "es is not Spain for a person in Mexico"
        );
        assert_eq!(Region::from_language("en"), Region::Other);
        assert_eq!(Region::from_language("fr"), Region::Other);
        assert_eq!(Region::from_language("de"), Region::Other);
        assert_eq!(Region::from_language("zh-Hans"), Region::Other);
        assert_eq!(Region::from_language("zh-Hans-CN"), Region::Other);
        assert_eq!(Region::from_language("xx-ZZ"), Region::Other);
        assert_eq!(Region::from_language("en-other"), Region::Other);
        assert_eq!(Region::from_language(""), Region::Other);
    }

    #[test]
    fn names_in_sentences() {
        assert_eq!(Region::Us.name_in_sentence(), "the United States");
        assert_eq!(Region::Mexico.name_in_sentence(), "Mexico");
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
        assert_eq!(parse_phone("*4141"), Err(PhoneError::NotANumber));
        assert_eq!(parse_phone(" - "), Err(PhoneError::Empty));
    }
}
