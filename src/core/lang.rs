//! The languages the site is published in. English keeps the root URLs that
//! shared links and embed snippets already use; every other language lives
//! under its code (`/ru/`, `/uk/`).

/// A language of the site.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    En,
    Ru,
    Uk,
}

impl Lang {
    /// Every language, in the switcher's order.
    pub const ALL: [Lang; 3] = [Lang::En, Lang::Ru, Lang::Uk];

    /// The BCP 47 code: `<html lang>`, hreflang, `data-lang`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Ru => "ru",
            Lang::Uk => "uk",
        }
    }

    /// The language a code names, if the site has it.
    pub fn from_code(code: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The path this language's pages live under: "" for English, "ru/".
    pub fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Ru => "ru/",
            Lang::Uk => "uk/",
        }
    }

    /// `og:locale`: the language with the country whose readers it addresses.
    pub fn og_locale(self) -> &'static str {
        match self {
            Lang::En => "en_US",
            Lang::Ru => "ru_RU",
            Lang::Uk => "uk_UA",
        }
    }

    /// The language's name in itself, for the switcher.
    pub fn own_name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Ru => "Русский",
            Lang::Uk => "Українська",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_code_parses_back_and_english_keeps_the_root() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(
            Lang::from_code("ua"),
            None,
            "uk is the language, UA a country"
        );
        assert_eq!(Lang::En.prefix(), "");
        assert_eq!(Lang::Uk.prefix(), "uk/");
    }
}
