//! The data, compiled in by `build.rs` from `data/cases.toml`,
//! `data/exchanges.toml` and `data/petition.toml`, with the words of each
//! language of `data/languages.toml`: static memory, no parser in the
//! browser.
//!
//! The top-level statics are the English; `ru::` and `uk::` hold the same
//! values with translated words (and, in a preview language, the English
//! where there is no current translation: see `model`'s documentation).
//! Components take their words from [`content`]; the timers, the last
//! exchange and the endpoint are facts, and the same in every language.

use crate::core::lang::Lang;
use crate::core::model::*;
use crate::core::petition::payload::{Encoding, EndpointConfig, FieldNames};

include!(concat!(env!("OUT_DIR"), "/cases.rs"));

/// The timer span of the person with this id, for islands that find the
/// id in the page (components have `Person::timer`).
pub fn span_of(id: &str) -> Option<&'static TimerSpan> {
    TIMER_SPANS.iter().find(|c| c.id == id)
}

/// The exchange (or one-way release) with this id, in English: for its
/// facts and anchor (the same in every language; words are in [`content`]).
pub fn exchange_of(id: &str) -> Option<&'static Exchange> {
    EXCHANGES.iter().find(|e| e.id == id)
}

/// The words of the data in one language; facts are the same in all.
#[derive(Clone, Copy)]
pub struct Content {
    pub campaign: &'static Campaign,
    pub people: &'static [Person],
    pub exchanges: &'static [Exchange],
    pub news: &'static [News],
    pub designation: &'static Explainer,
    pub petition: &'static PetitionText,
    /// Whether the language is published: complete and current. A preview
    /// language's pages are `noindex` and left out of the switcher.
    pub published: bool,
}

/// Whether `lang` is published: listed in the switcher and to search engines.
pub fn published(lang: Lang) -> bool {
    content(lang).published
}

/// The data in `lang`, in the same order in every language: `people[i]` is
/// the same person whatever the language, and `Party::case` indexes it.
pub fn content(lang: Lang) -> Content {
    macro_rules! content {
        ($($m:ident::)?, $published:expr) => {
            Content {
                campaign: &$($m::)?CAMPAIGN,
                people: $($m::)?PEOPLE,
                exchanges: $($m::)?EXCHANGES,
                news: $($m::)?NEWS,
                designation: &$($m::)?DESIGNATION,
                petition: &$($m::)?PETITION,
                published: $published,
            }
        };
    }
    // A pinned build (the petition's, one per language) keeps one language's words.
    match crate::core::text::pinned(lang) {
        Lang::En => content!(, true),
        Lang::Ru => content!(ru::, ru::PUBLISHED),
        Lang::Uk => content!(uk::, uk::PUBLISHED),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_the_same_records_in_the_same_order() {
        let en = content(Lang::En);
        assert!(en.published);
        for lang in [Lang::En, Lang::Ru, Lang::Uk] {
            let c = content(lang);
            let ids = |people: &[Person]| people.iter().map(|p| p.id).collect::<Vec<_>>();
            assert_eq!(ids(c.people), ids(en.people), "{lang:?}");
            for (p, e) in c.people.iter().zip(en.people) {
                // The timers are the English data's (`&TIMER_SPANS[i]`).
                assert_eq!(p.timer, e.timer, "{lang:?} {}", p.id);
                assert_eq!(p.arrest.start, e.arrest.start);
            }
            for (x, e) in c.exchanges.iter().zip(en.exchanges) {
                assert_eq!(
                    (x.id, x.date, x.to_west.len()),
                    (e.id, e.date, e.to_west.len())
                );
            }
            assert_eq!(c.news.len(), en.news.len());
        }
    }

    #[test]
    fn only_a_preview_language_shows_english_fields_and_says_which() {
        let en = content(Lang::En);
        assert!(en.people.iter().all(|p| p.english.is_empty()));
        assert!(en.campaign.english.is_empty() && en.petition.english.is_empty());
        for lang in [Lang::Ru, Lang::Uk] {
            let c = content(lang);
            for (p, e) in c.people.iter().zip(en.people) {
                assert!(c.published <= p.english.is_empty(), "{lang:?} {}", p.id);
                // A field marked English is the English text.
                if p.in_english("story") {
                    assert_eq!(p.story, e.story);
                }
                if p.in_english("name") {
                    assert_eq!(p.name, e.name);
                }
            }
            for ex in c.exchanges {
                for (i, party) in ex.to_west.iter().enumerate() {
                    if let Some(person) = party.case {
                        // A linked party is named as the person is, in English or not alike.
                        assert_eq!(party.name, c.people[person].name);
                        let key = format!("to_west.{i}.name");
                        assert_eq!(ex.in_english(&key), c.people[person].in_english("name"));
                    }
                }
            }
        }
    }
}
