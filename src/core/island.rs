//! The contract between the prerendered page and the browser's WASM: which
//! live part an island is. One string form each, so the component that marks
//! an island and the code that mounts it cannot disagree, and a new kind is a
//! change the compiler guides through every match.

/// A live part of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IslandKind {
    /// A person's count-up timer.
    Timer,
    /// "Left behind: N days since the last exchange".
    LeftBehind,
    /// A widget's one-line counter.
    Counter,
    /// A day count alone, turning at midnight: the hero's and the tracked list's.
    Days,
    /// The timeline's "now" clock.
    NowClock,
    /// The button that pauses and resumes the timers.
    ClockToggle,
    /// The timeline's filter.
    Filter,
    /// The signature counter with its progress bar.
    PetitionCount,
    /// The petition form, brought to life by its own bundle.
    Petition,
}

impl IslandKind {
    /// Every kind, for tests and for parsing.
    pub const ALL: [IslandKind; 9] = [
        IslandKind::Timer,
        IslandKind::LeftBehind,
        IslandKind::Counter,
        IslandKind::Days,
        IslandKind::NowClock,
        IslandKind::ClockToggle,
        IslandKind::Filter,
        IslandKind::PetitionCount,
        IslandKind::Petition,
    ];

    /// The value of `data-island`.
    pub fn as_str(self) -> &'static str {
        match self {
            IslandKind::Timer => "timer",
            IslandKind::LeftBehind => "left-behind",
            IslandKind::Counter => "counter",
            IslandKind::Days => "days",
            IslandKind::NowClock => "now-clock",
            IslandKind::ClockToggle => "clock-toggle",
            IslandKind::Filter => "filter",
            IslandKind::PetitionCount => "petition-count",
            IslandKind::Petition => "petition",
        }
    }

    /// The kind a `data-island` value names, if any.
    pub fn parse(name: &str) -> Option<IslandKind> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_has_one_string_form_that_parses_back() {
        for kind in IslandKind::ALL {
            assert_eq!(IslandKind::parse(kind.as_str()), Some(kind));
        }
        let names: std::collections::HashSet<_> =
            IslandKind::ALL.iter().map(|k| k.as_str()).collect();
        assert_eq!(
            names.len(),
            IslandKind::ALL.len(),
            "no two kinds share a name"
        );
        assert_eq!(IslandKind::parse("timers"), None);
    }
}
