//! What counts as a sensitive topic on a shared screen: words about suicide and
//! self-harm. Sessions and the check-in history show such a topic only after a tap
//! (while the Settings option, on by default, says so), so someone glancing at the
//! screen does not read it.
//!
//! This is a plain word list, matched on whole-word prefixes: it errs towards hiding.
//! Anything from a check-in's question 9 is sensitive whatever its words.

/// Starts of words (and short phrases) that make a text sensitive, in lower case.
const TOPICS: &[&str] = &[
    "suicid",
    "kill myself",
    "killing myself",
    "end my life",
    "ending my life",
    "better off dead",
    "want to die",
    "wanted to die",
    "self-harm",
    "self harm",
    "selfharm",
    "hurting myself",
    "hurt myself",
    "overdos",
    "self-injur",
    "self injur",
    "cut myself",
    "cutting myself",
];

/// True when the text names a sensitive topic.
pub fn is_sensitive(text: &str) -> bool {
    let lower = text.to_lowercase();
    TOPICS.iter().any(|t| starts_a_word(&lower, t))
}

/// `needle` occurs in `hay` where a word starts (not "unsuicidal"-style inside a word).
fn starts_a_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, _)| {
        hay[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::is_sensitive;

    #[test]
    fn suicide_and_self_harm_are_sensitive_in_any_case_and_form() {
        assert!(is_sensitive("Talk about the thoughts I've had of being better off dead or of hurting myself (from a check-in)."));
        assert!(is_sensitive("Suicidal thoughts again on Sunday"));
        assert!(is_sensitive("the urge to SELF-HARM"));
        assert!(is_sensitive("I wanted to die that night"));
        assert!(is_sensitive("Nearly overdosed"));
        assert!(is_sensitive("suicide"));
    }

    #[test]
    fn everyday_words_are_not_sensitive() {
        assert!(!is_sensitive("Work was hard and I felt tired"));
        assert!(!is_sensitive("Ask about changing the session time"));
        assert!(!is_sensitive(""));
        // Only where a word starts: "myself" alone, or a word that merely contains one.
        assert!(!is_sensitive("I was proud of myself"));
        assert!(!is_sensitive("cutting vegetables for the soup"));
    }
}
