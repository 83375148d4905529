//! Prisoner exchanges, the campaign's news list and the designation explainer,
//! checked against the people in the case data both ways.

use crate::check::{is_slug, paragraphs, Checker};
use crate::{PartialDate, Person, Problem, Source, Status};
use chrono::NaiveDate;

/// The validated contents of the exchanges file.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Exchanges {
    pub exchanges: Vec<Exchange>,
    pub news: Vec<News>,
    pub designation: Explainer,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Exchange {
    pub id: String,
    pub date: PartialDate,
    pub end_date: Option<PartialDate>,
    pub date_note: Option<String>,
    /// A release with nothing given in return, not an exchange.
    pub release_only: bool,
    pub place: String,
    /// Released by the US and its allies.
    pub to_east: Vec<Party>,
    /// Released by the USSR/Russia and its allies.
    pub to_west: Vec<Party>,
    pub summary: String,
    pub note: Option<String>,
    pub sources: Vec<Source>,
}

impl Exchange {
    /// Whether any American came home in it: someone from the case data, or
    /// someone marked `american = true`.
    pub fn freed_americans(&self) -> bool {
        self.to_west.iter().any(|p| p.case.is_some() || p.american)
    }
}

/// Someone released in an exchange: a person of the case data, or a name.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Party {
    pub name: String,
    pub note: Option<String>,
    pub american: bool,
    /// The id of the person in the case data, for our people.
    pub case: Option<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct News {
    pub id: String,
    pub outlet: String,
    pub date: PartialDate,
    pub headline: String,
    pub excerpt: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Explainer {
    pub heading: String,
    pub body: Vec<String>,
    pub sources: Vec<Source>,
}

/// The file's shape exactly as editors write it; unknown fields are refused.
mod raw {
    use crate::check::raw::Source;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct File {
        #[serde(default)]
        pub exchange: Vec<toml::Table>,
        #[serde(default)]
        pub news: Vec<toml::Table>,
        pub designation: Explainer,
    }

    #[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
    #[serde(rename_all = "kebab-case")]
    pub enum Kind {
        Exchange,
        Release,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Exchange {
        pub id: String,
        pub date: String,
        pub end_date: Option<String>,
        pub date_note: Option<String>,
        pub kind: Option<Kind>,
        pub place: String,
        pub to_east: Vec<Party>,
        pub to_west: Vec<Party>,
        pub summary: String,
        pub note: Option<String>,
        #[serde(default)]
        pub source: Vec<Source>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Party {
        pub case: Option<String>,
        pub name: Option<String>,
        pub note: Option<String>,
        #[serde(default)]
        pub american: bool,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct News {
        pub id: String,
        pub outlet: String,
        pub date: String,
        pub headline: String,
        pub excerpt: String,
        pub url: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Explainer {
        pub heading: String,
        pub body: String,
        #[serde(default)]
        pub source: Vec<Source>,
    }
}

/// Validates the exchanges file named `file` against the validated `people`.
pub fn parse_exchanges(
    file: &str,
    text: &str,
    people: &[Person],
    today: NaiveDate,
) -> Result<Exchanges, Vec<Problem>> {
    let (mut check, raw): (Checker, raw::File) = Checker::document(file, text, today)?;
    let exchanges: Vec<Exchange> = raw
        .exchange
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let (subject, ex) = check.entry::<raw::Exchange>("exchange", i, t)?;
            check.exchange(&subject, ex, people)
        })
        .collect();
    check.across_exchanges(&exchanges, people);
    let news: Vec<News> = raw
        .news
        .into_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let (subject, n) = check.entry::<raw::News>("news", i, t)?;
            check.news(&subject, n)
        })
        .collect();
    check.news_order(&news);
    let designation = check.explainer(raw.designation);
    if check.problems.is_empty() {
        Ok(Exchanges {
            exchanges,
            news,
            designation,
        })
    } else {
        Err(check.problems)
    }
}

impl Checker<'_> {
    fn exchange(&mut self, s: &str, ex: raw::Exchange, people: &[Person]) -> Option<Exchange> {
        let before = self.problems.len();
        if !is_slug(&ex.id) {
            self.fail(s, "id", "must be a slug, e.g. 2024-08-ankara");
        }
        let date = self.date(s, "date", &ex.date);
        let date = self.not_future(s, "date", date);
        let end_date = ex.end_date.and_then(|d| self.date(s, "end_date", &d));
        if let (Some(start), Some(end)) = (date, end_date) {
            if end.first_day() < start.last_day() {
                self.fail(s, "end_date", format!("{end} is before the start {start}"));
            }
        }
        let to_east = self.parties(s, "to_east", ex.to_east, people);
        let to_west = self.parties(s, "to_west", ex.to_west, people);
        if let Some(i) = to_east.iter().position(|p| p.case.is_some()) {
            self.fail(
                s,
                &format!("to_east[{i}].case"),
                "people in the case data come home: list them in to_west",
            );
        }
        let sources = self.sources(s, ex.source);
        let exchange = Exchange {
            place: self.text(s, "place", ex.place),
            summary: self.text(s, "summary", ex.summary),
            date_note: ex.date_note.map(|n| self.text(s, "date_note", n)),
            note: ex.note.map(|n| self.text(s, "note", n)),
            release_only: ex.kind == Some(raw::Kind::Release),
            id: ex.id,
            date: date?,
            end_date,
            to_east,
            to_west,
            sources,
        };
        (self.problems.len() == before).then_some(exchange)
    }

    fn parties(
        &mut self,
        s: &str,
        side: &str,
        parties: Vec<raw::Party>,
        people: &[Person],
    ) -> Vec<Party> {
        let mut out = Vec::new();
        for (i, p) in parties.into_iter().enumerate() {
            let field = |name: &str| format!("{side}[{i}].{name}");
            match (p.case, p.name) {
                (Some(id), None) => match people.iter().find(|person| person.id == id) {
                    Some(person) => out.push(Party {
                        name: person.name.clone(),
                        note: p.note,
                        american: true,
                        case: Some(id),
                    }),
                    None => self.fail(
                        s,
                        &field("case"),
                        format!("no person in the case data has id '{id}'"),
                    ),
                },
                (None, Some(name)) => out.push(Party {
                    name: self.text(s, &field("name"), name),
                    note: p.note,
                    american: p.american,
                    case: None,
                }),
                _ => self.fail(
                    s,
                    &format!("{side}[{i}]"),
                    "give either `case` (an id from the case data) or `name`, not both",
                ),
            }
        }
        out
    }

    /// Oldest first, and a release that names an exchange appears in it, and
    /// the other way round.
    fn across_exchanges(&mut self, exchanges: &[Exchange], people: &[Person]) {
        for pair in exchanges.windows(2) {
            if pair[1].date.last_day() < pair[0].date.first_day() {
                let s = format!("exchange '{}'", pair[1].id);
                self.fail(
                    &s,
                    "date",
                    format!(
                        "{} comes before the previous exchange's {}; list exchanges oldest first",
                        pair[1].date, pair[0].date
                    ),
                );
            }
        }
        let mut seen = std::collections::HashSet::new();
        for ex in exchanges {
            if !seen.insert(ex.id.as_str()) {
                self.fail(
                    &format!("exchange '{}'", ex.id),
                    "id",
                    "two exchanges have this id",
                );
            }
        }
        for person in people {
            let Status::Released {
                date,
                exchange: named,
                ..
            } = &person.status
            else {
                continue;
            };
            let appears_in: Vec<&Exchange> = exchanges
                .iter()
                .filter(|ex| {
                    ex.to_west
                        .iter()
                        .any(|p| p.case.as_ref() == Some(&person.id))
                })
                .collect();
            match (named, appears_in.as_slice()) {
                (None, []) => {}
                (Some(id), [ex]) if *id == ex.id => {
                    let end = ex.end_date.unwrap_or(ex.date);
                    if date.first_day() < ex.date.first_day() || date.first_day() > end.last_day() {
                        self.fail(
                            &format!("exchange '{}'", ex.id),
                            "date",
                            format!(
                                "{} was released on {date}, outside the exchange's dates",
                                person.id
                            ),
                        );
                    }
                }
                (Some(id), _) if !exchanges.iter().any(|ex| &ex.id == id) => self.problems.push(
                    Problem {
                        file: "data/cases.toml".into(),
                        subject: format!("person '{}'", person.id),
                        field: "status.exchange".into(),
                        message: format!("no exchange in {} has id '{id}'", self.file),
                    },
                ),
                (Some(id), _) => self.fail(
                    &format!("exchange '{id}'"),
                    "to_west",
                    format!(
                        "{}'s release names this exchange: list {{ case = \"{}\" }} in to_west (and only here)",
                        person.id, person.id
                    ),
                ),
                (None, [ex, ..]) => self.fail(
                    &format!("exchange '{}'", ex.id),
                    "to_west",
                    format!(
                        "lists {} but their status.exchange in the case data does not name it",
                        person.id
                    ),
                ),
            }
        }
        for ex in exchanges {
            for (i, party) in ex.to_west.iter().enumerate() {
                let detained = people
                    .iter()
                    .any(|p| Some(&p.id) == party.case.as_ref() && p.is_detained());
                if detained {
                    self.fail(
                        &format!("exchange '{}'", ex.id),
                        &format!("to_west[{i}].case"),
                        format!(
                            "{} is still detained in the case data",
                            party.case.as_deref().unwrap_or_default()
                        ),
                    );
                }
            }
        }
    }

    fn news(&mut self, s: &str, n: raw::News) -> Option<News> {
        let before = self.problems.len();
        let date = self.date(s, "date", &n.date);
        let date = self.not_future(s, "date", date);
        if !(n.url.starts_with("https://") || n.url.starts_with("http://")) {
            self.fail(s, "url", format!("'{}' is not an http(s) URL", n.url));
        }
        let news = News {
            outlet: self.text(s, "outlet", n.outlet),
            headline: self.text(s, "headline", n.headline),
            excerpt: self.text(s, "excerpt", n.excerpt),
            id: n.id,
            date: date?,
            url: n.url,
        };
        (self.problems.len() == before).then_some(news)
    }

    fn news_order(&mut self, news: &[News]) {
        for pair in news.windows(2) {
            if pair[1].date > pair[0].date {
                self.fail(
                    &format!("news '{}'", pair[1].id),
                    "date",
                    "list news newest first",
                );
            }
        }
    }

    fn explainer(&mut self, e: raw::Explainer) -> Explainer {
        let s = "designation";
        let body: Vec<String> = paragraphs(&e.body);
        if body.is_empty() {
            self.fail(s, "body", "must not be empty");
        }
        Explainer {
            heading: self.text(s, "heading", e.heading),
            body,
            sources: self.sources(s, e.source),
        }
    }
}
