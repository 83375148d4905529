//! The link-preview images: a 1200 × 630 PNG per case page, one for the main
//! page (the campaign's people still held) and one for the timeline, in each
//! language, drawn here at build time from the same words and numbers as the
//! pages. No browser and no network: glyph outlines from the fonts committed
//! under `assets/fonts/` (the same pixels on every machine) are filled into
//! an RGB buffer (`ab_glyph`) and written as PNG (`png`). Nothing of this is
//! in any visitor's download.
//!
//! Each image comes with its alt text, built from the same lines it draws,
//! so the two cannot say different things.

use ab_glyph::{point, Font, FontRef, PxScale, ScaleFont};
use left_behind::core::lang::Lang;
use left_behind::core::milestone;
use left_behind::core::model::{still_left_behind, Date, Exchange, Person, Standing};
use left_behind::core::text;

pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// Where each image lives below its language's prefix (`ru/preview/…`).
/// Not under `case/`: the pages' rule there would give them the pages'
/// same-origin resource policy, which keeps a partner's editor from showing
/// an oEmbed thumbnail.
pub fn case_path(id: &str) -> String {
    format!("preview/case/{id}.png")
}
pub const SITE_PATH: &str = "preview/site.png";
pub const TIMELINE_PATH: &str = "preview/timeline.png";

static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

/// The site's hero colours (style/main.css: --lb-hero-bg, --lb-hero-panel,
/// --lb-hero-accent) and its status badges' light-theme pairs, so a preview
/// looks like the page it leads to.
const NAVY: Rgb = Rgb(0x1d, 0x35, 0x57);
const PANEL: Rgb = Rgb(0x28, 0x46, 0x71);
const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);
const YELLOW: Rgb = Rgb(0xff, 0xd2, 0x7a);
/// Secondary text on navy.
const LIGHT: Rgb = Rgb(0xd6, 0xdf, 0xeb);
const DETAINED: (Rgb, Rgb) = (Rgb(0x8c, 0x1d, 0x18), Rgb(0xfd, 0xe8, 0xe6));
const RELEASED: (Rgb, Rgb) = (Rgb(0x1e, 0x5b, 0x2c), Rgb(0xe3, 0xf1, 0xe6));
const UNCONFIRMED: (Rgb, Rgb) = (Rgb(0x6b, 0x45, 0x00), Rgb(0xfd, 0xf0, 0xd5));

/// Every pair of text colour and the colour behind it that the images use,
/// for the contrast test.
#[cfg(test)]
const TEXT_ON: [(Rgb, Rgb); 7] = [
    (WHITE, NAVY),
    (YELLOW, NAVY),
    (LIGHT, NAVY),
    (WHITE, PANEL),
    DETAINED,
    RELEASED,
    UNCONFIRMED,
];

/// The left and right margin, and the footer band's height.
const MARGIN: f32 = 72.0;
const FOOTER: f32 = 96.0;
/// The smallest text drawn: 28 px is 14 px when a feed shows the image at
/// 600 × 315, still readable.
const SMALLEST: f32 = 28.0;

/// An image and what it says, for `og:image:alt`.
pub struct Preview {
    pub png: Vec<u8>,
    pub alt: String,
}

/// What a case's image says, line by line.
pub struct CaseText {
    /// The status badge: "Detained", "Released".
    pub badge: String,
    pub standing: Standing,
    pub name: String,
    /// "Detained for", "Held for".
    pub label: String,
    /// "1,783 days".
    pub count: String,
    /// Under the count: "as of 1 December 2026", "home since 12 August 2026".
    pub details: Vec<String>,
    /// The most recent milestone, when recent: drawn under the details.
    pub milestone: Option<String>,
    /// The footer: the campaign's name and what it is.
    pub footer: String,
}

/// The calendar day of `now` (UTC), as the case pages' titles name it.
pub fn today(now: i64) -> Date {
    use chrono::Datelike;
    let day = chrono::DateTime::from_timestamp(now, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    Date {
        year: day.year(),
        month: day.month() as u8,
        day: day.day() as u8,
    }
}

impl CaseText {
    /// What `person`'s image says in `lang` at the reading `now`.
    pub fn of(person: &Person, now: i64, lang: Lang) -> Self {
        let (live, page) = (text::live(lang), text::page(lang));
        let spec = person.timer;
        let as_of = page.image_as_of(today(now));
        let details = match spec.standing {
            Standing::Held => vec![as_of],
            Standing::LastReported(d) => vec![live.last_reported(d), as_of],
            // The count stopped at the release: no "as of".
            Standing::Home(d) => vec![page
                .home_since(d)
                .trim_start_matches([' ', '—'])
                .to_string()],
        };
        CaseText {
            badge: page.badge(spec.standing).to_string(),
            standing: spec.standing,
            name: person.name.to_string(),
            label: live.timer_label(spec.standing).to_string(),
            count: live.total_days(&spec.elapsed(now), spec.day_known),
            details,
            // A milestone is news for a month after it passes.
            milestone: milestone::recent(person, now, milestone::RECENT_DAYS)
                .map(|m| page.milestone(&m)),
            footer: page.site_title.to_string(),
        }
    }

    /// The alt text: every line the image draws, in its order; the badge
    /// only where the label does not already say it ("Detained" before
    /// "Detained for …").
    pub fn alt(&self) -> String {
        let mut parts = vec![self.name.clone()];
        if !self
            .label
            .to_lowercase()
            .starts_with(&self.badge.to_lowercase())
        {
            parts.push(self.badge.clone());
        }
        parts.push(format!(
            "{} {}, {}",
            self.label,
            self.count,
            self.details.join(", ")
        ));
        parts.extend(self.milestone.clone());
        parts.push(self.footer.clone());
        sentences(&parts)
    }

    pub fn draw(&self) -> Vec<u8> {
        let fonts = Fonts::load();
        let mut c = Canvas::new(NAVY);
        c.frame();
        let (fg, bg) = match self.standing {
            Standing::Held => DETAINED,
            Standing::LastReported(_) => UNCONFIRMED,
            Standing::Home(_) => RELEASED,
        };
        let max = WIDTH as f32 - 2.0 * MARGIN;
        c.chip(&fonts.bold, 28.0, MARGIN, 64.0, &self.badge, fg, bg);
        let mut y = 130.0;
        y = c.line(
            &fonts.bold,
            fit(&fonts.bold, &self.name, 80.0, max),
            &self.name,
            y,
            WHITE,
        );
        y += 18.0;
        y = c.line(&fonts.regular, 36.0, &self.label, y, YELLOW);
        let count = fit(&fonts.bold, &self.count, 120.0, max);
        y = c.line(&fonts.bold, count, &self.count, y - 6.0, WHITE);
        for detail in &self.details {
            y = c.line(
                &fonts.regular,
                fit(&fonts.regular, detail, 34.0, max),
                detail,
                y,
                LIGHT,
            );
        }
        if let Some(m) = &self.milestone {
            c.line(
                &fonts.bold,
                fit(&fonts.bold, m, 34.0, max),
                m,
                y + 8.0,
                YELLOW,
            );
        }
        c.footer(&fonts.bold, &self.footer);
        c.png()
    }
}

/// `person`'s image in `lang` at the reading `now`.
pub fn case(person: &Person, now: i64, lang: Lang) -> Preview {
    let text = CaseText::of(person, now, lang);
    Preview {
        png: text.draw(),
        alt: text.alt(),
    }
}

/// The main page's image: the campaign's people still held, each with their
/// count; the day it is as of in the footer.
pub fn site(people: &'static [Person], now: i64, lang: Lang) -> Preview {
    let (live, page) = (text::live(lang), text::page(lang));
    let held: Vec<(&str, String)> = still_left_behind(people)
        .map(|p| {
            let spec = p.timer;
            (
                p.name,
                live.counter(spec.total_days(now), spec.day_known, spec.standing),
            )
        })
        .collect();
    let as_of = page.image_as_of(today(now));
    let fonts = Fonts::load();
    let mut c = Canvas::new(NAVY);
    c.frame();
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let mut y = c.line(&fonts.bold, 34.0, page.site_title, 60.0, YELLOW);
    let alt;
    if held.is_empty() {
        for l in wrap(&fonts.bold, page.still_held_none, 48.0, max) {
            y = c.line(&fonts.bold, 48.0, &l, y + 8.0, WHITE);
        }
        alt = sentences(&[
            page.site_title.into(),
            page.still_held_none.into(),
            as_of.clone(),
        ]);
    } else {
        y = c.line(&fonts.bold, 64.0, page.left_behind_heading, y + 16.0, WHITE);
        // Each person a name and a counter; smaller when there are many.
        let room = HEIGHT as f32 - FOOTER - y - 24.0;
        let each = (room / held.len() as f32).min(128.0);
        let (name_size, line_size) = ((each * 0.42).max(SMALLEST), (each * 0.29).max(SMALLEST));
        for (name, counter) in &held {
            y = c.line(
                &fonts.bold,
                fit(&fonts.bold, name, name_size, max),
                name,
                y + 14.0,
                WHITE,
            );
            // A long counter ("1,801 days since the arrest, last reported
            // held …") goes on to a second line rather than off the edge.
            for l in wrap(&fonts.regular, counter, line_size, max) {
                y = c.line(&fonts.regular, line_size, &l, y, LIGHT);
            }
        }
        let list: Vec<String> = held.iter().map(|(n, c)| format!("{n}, {c}")).collect();
        alt = sentences(&[
            page.site_title.into(),
            format!("{}: {}", page.left_behind_heading, list.join("; ")),
            as_of.clone(),
        ]);
    }
    c.footer(&fonts.regular, &as_of);
    Preview { png: c.png(), alt }
}

/// The timeline's image: its heading, a dot per exchange along the years,
/// and how long the people still held have been left behind since the last.
pub fn timeline(
    people: &'static [Person],
    exchanges: &'static [Exchange],
    now: i64,
    lang: Lang,
) -> Preview {
    let (live, page) = (text::live(lang), text::page(lang));
    let fonts = Fonts::load();
    let mut c = Canvas::new(NAVY);
    c.frame();
    let max = WIDTH as f32 - 2.0 * MARGIN;
    let mut y = c.line(&fonts.bold, 34.0, page.site_title, 60.0, YELLOW);
    let heading = wrap(&fonts.bold, page.timeline_heading, 52.0, max);
    for l in &heading {
        y = c.line(&fonts.bold, 52.0, l, y + 4.0, WHITE);
    }
    // The years along the axis, first exchange to this year.
    let this_year = today(now).year;
    let first = exchanges
        .iter()
        .map(|e| e.date.year)
        .min()
        .unwrap_or(this_year);
    let axis = y + 70.0;
    let span = (this_year - first).max(1) as f32;
    let x_of = |year: i32| MARGIN + 12.0 + (year - first) as f32 / span * (max - 24.0);
    c.rect(MARGIN, axis - 2.0, max, 4.0, LIGHT);
    for e in exchanges {
        c.circle(x_of(e.date.year), axis, 12.0, YELLOW);
    }
    let years_y = axis + 24.0;
    c.text(
        &fonts.regular,
        28.0,
        MARGIN,
        years_y + 28.0,
        &first.to_string(),
        LIGHT,
    );
    let last_label = this_year.to_string();
    let w = width(&fonts.regular, &last_label, 28.0);
    c.text(
        &fonts.regular,
        28.0,
        MARGIN + max - w,
        years_y + 28.0,
        &last_label,
        LIGHT,
    );
    y = years_y + 44.0;
    // Everyone still held was left behind by the same last exchange.
    let left = still_left_behind(people)
        .find_map(|p| p.timer.left_behind)
        .map(|x| live.left_behind(x.elapsed(now).total_days, x.date));
    let mut alt = vec![
        page.site_title.to_string(),
        page.timeline_heading.to_string(),
    ];
    if let Some(left) = left {
        for l in wrap(&fonts.bold, &left, 36.0, max) {
            y = c.line(&fonts.bold, 36.0, &l, y + 6.0, YELLOW);
        }
        alt.push(left);
    }
    let as_of = page.image_as_of(today(now));
    c.footer(&fonts.regular, &as_of);
    alt.push(as_of);
    Preview {
        png: c.png(),
        alt: sentences(&alt),
    }
}

/// `parts` as sentences: each ends with one full stop (a Russian date's
/// «г.» already has it) and starts with a capital.
fn sentences(parts: &[String]) -> String {
    let capital = |s: &str| {
        let mut chars = s.chars();
        chars.next().map_or(String::new(), |c| {
            c.to_uppercase().chain(chars).collect::<String>()
        })
    };
    parts
        .iter()
        .map(|p| {
            let p = capital(p.trim());
            if p.ends_with(['.', '!', '?']) {
                p
            } else {
                format!("{p}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

struct Fonts {
    regular: FontRef<'static>,
    bold: FontRef<'static>,
}

impl Fonts {
    fn load() -> Self {
        Fonts {
            regular: FontRef::try_from_slice(REGULAR).expect("assets/fonts/DejaVuSans.ttf parses"),
            bold: FontRef::try_from_slice(BOLD).expect("assets/fonts/DejaVuSans-Bold.ttf parses"),
        }
    }
}

/// How wide `text` runs at `size` px, with the font's kerning.
fn width(font: &FontRef, text: &str, size: f32) -> f32 {
    let font = font.as_scaled(PxScale::from(size));
    let mut x = 0.0;
    let mut prev = None;
    for ch in text.chars() {
        let id = font.glyph_id(ch);
        if let Some(p) = prev {
            x += font.kern(p, id);
        }
        x += font.h_advance(id);
        prev = Some(id);
    }
    x
}

/// The largest size up to `size` at which `text` fits in `max` px, but no
/// smaller than [`SMALLEST`]: a long name shrinks rather than runs off.
fn fit(font: &FontRef, text: &str, size: f32, max: f32) -> f32 {
    let w = width(font, text, size);
    if w <= max {
        size
    } else {
        (size * max / w).floor().max(SMALLEST)
    }
}

/// `text` broken at spaces into lines no wider than `max` at `size`.
fn wrap(font: &FontRef, text: &str, size: f32, max: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split(' ') {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if !line.is_empty() && width(font, &candidate, size) > max {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        } else {
            line = candidate;
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// An RGB image being drawn.
struct Canvas {
    pixels: Vec<u8>,
}

impl Canvas {
    fn new(bg: Rgb) -> Self {
        Canvas {
            pixels: [bg.0, bg.1, bg.2].repeat((WIDTH * HEIGHT) as usize),
        }
    }

    /// `color` over the pixel at (`x`, `y`) with coverage `alpha` (0–1).
    fn blend(&mut self, x: i32, y: i32, color: Rgb, alpha: f32) {
        if x < 0 || y < 0 || x >= WIDTH as i32 || y >= HEIGHT as i32 || alpha <= 0.0 {
            return;
        }
        let a = alpha.min(1.0);
        let at = ((y as u32 * WIDTH + x as u32) * 3) as usize;
        for (i, c) in [color.0, color.1, color.2].into_iter().enumerate() {
            let under = f32::from(self.pixels[at + i]);
            self.pixels[at + i] = (under + (f32::from(c) - under) * a).round() as u8;
        }
    }

    /// An opaque rectangle, row by row (the prerender runs unoptimized).
    fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Rgb) {
        let clamp = |v: f32, max: u32| (v.round().max(0.0) as u32).min(max) as usize;
        let (x0, x1) = (clamp(x, WIDTH), clamp(x + w, WIDTH));
        let row = [color.0, color.1, color.2].repeat(x1.saturating_sub(x0));
        for py in clamp(y, HEIGHT)..clamp(y + h, HEIGHT) {
            let at = (py * WIDTH as usize + x0) * 3;
            self.pixels[at..at + row.len()].copy_from_slice(&row);
        }
    }

    /// A rectangle with corners rounded by `r`, its edges smoothed.
    fn rounded(&mut self, x: f32, y: f32, w: f32, h: f32, r: f32, color: Rgb) {
        for py in y.floor() as i32..(y + h).ceil() as i32 {
            for px in x.floor() as i32..(x + w).ceil() as i32 {
                let (cx, cy) = (px as f32 + 0.5, py as f32 + 0.5);
                // Distance outside the rounded shape, through the nearest corner's centre.
                let dx = (x + r - cx).max(cx - (x + w - r)).max(0.0);
                let dy = (y + r - cy).max(cy - (y + h - r)).max(0.0);
                let outside = (dx * dx + dy * dy).sqrt() - r;
                self.blend(px, py, color, 0.5 - outside);
            }
        }
    }

    fn circle(&mut self, cx: f32, cy: f32, r: f32, color: Rgb) {
        self.rounded(cx - r, cy - r, 2.0 * r, 2.0 * r, r, color);
    }

    /// Draws `text` from `x` on the baseline `baseline`; returns its width.
    fn text(
        &mut self,
        font: &FontRef,
        size: f32,
        x: f32,
        baseline: f32,
        text: &str,
        color: Rgb,
    ) -> f32 {
        let scale = PxScale::from(size);
        let scaled = font.as_scaled(scale);
        let mut caret = x;
        let mut prev = None;
        for ch in text.chars() {
            let id = scaled.glyph_id(ch);
            // A missing glyph would draw an empty box: the fonts cover the
            // site's languages, and a test holds them to every word.
            assert!(
                id.0 != 0 || ch.is_whitespace(),
                "the preview font has no glyph for {ch:?} in {text:?}"
            );
            if let Some(p) = prev {
                caret += scaled.kern(p, id);
            }
            let glyph = id.with_scale_and_position(scale, point(caret, baseline));
            caret += scaled.h_advance(id);
            prev = Some(id);
            if let Some(outline) = font.outline_glyph(glyph) {
                let bounds = outline.px_bounds();
                outline.draw(|gx, gy, coverage| {
                    self.blend(
                        bounds.min.x as i32 + gx as i32,
                        bounds.min.y as i32 + gy as i32,
                        color,
                        coverage,
                    );
                });
            }
        }
        caret - x
    }

    /// One line of text at the margin whose top is `top`; returns the top of
    /// the next line.
    fn line(&mut self, font: &FontRef, size: f32, text: &str, top: f32, color: Rgb) -> f32 {
        let ascent = font.as_scaled(PxScale::from(size)).ascent();
        self.text(font, size, MARGIN, top + ascent, text, color);
        top + size * 1.22
    }

    /// A badge: `text` on a rounded `bg`, its top-left at (`x`, `top`).
    #[allow(clippy::too_many_arguments)]
    fn chip(&mut self, font: &FontRef, size: f32, x: f32, top: f32, text: &str, fg: Rgb, bg: Rgb) {
        let (pad, h) = (18.0, size * 1.7);
        let w = width(font, text, size) + 2.0 * pad;
        self.rounded(x, top, w, h, h / 2.0, bg);
        let scaled = font.as_scaled(PxScale::from(size));
        // Cap height centred: the ascent less the accent room DejaVu keeps.
        let baseline = top + h / 2.0 + (scaled.ascent() + scaled.descent()) / 2.0;
        self.text(font, size, x + pad, baseline, text, fg);
    }

    /// The accent bar along the left edge, the same on every image.
    fn frame(&mut self) {
        self.rect(0.0, 0.0, 16.0, HEIGHT as f32 - FOOTER, YELLOW);
    }

    /// The band along the bottom with `text` in it.
    fn footer(&mut self, font: &FontRef, text: &str) {
        let top = HEIGHT as f32 - FOOTER;
        self.rect(0.0, top, WIDTH as f32, FOOTER, PANEL);
        let max = WIDTH as f32 - 2.0 * MARGIN;
        let size = fit(font, text, 32.0, max);
        let scaled = font.as_scaled(PxScale::from(size));
        let baseline = top + FOOTER / 2.0 + (scaled.ascent() + scaled.descent()) / 2.0;
        self.text(font, size, MARGIN, baseline, text, WHITE);
    }

    fn png(&self) -> Vec<u8> {
        let mut out = Vec::new();
        let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
        encoder.set_color(png::ColorType::Rgb);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(png::Compression::High);
        let mut writer = encoder.write_header().expect("write the PNG header");
        writer
            .write_image_data(&self.pixels)
            .expect("write the PNG's pixels");
        writer.finish().expect("finish the PNG");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use left_behind::core::data;

    /// A build's reading: 1 December 2026, 12:00 UTC.
    const NOW: i64 = 1_796_126_400;

    fn fixture() -> CaseText {
        CaseText {
            badge: "Detained".into(),
            standing: Standing::Held,
            name: "Jane Q. Example".into(),
            label: "Detained for".into(),
            count: "1,783 days".into(),
            details: vec!["as of 1 December 2026".into()],
            milestone: None,
            footer: "Left Behind: Americans detained in Russia".into(),
        }
    }

    /// Width, height and RGB pixels of a PNG.
    fn decode(png: &[u8]) -> (u32, u32, Vec<u8>) {
        let decoder = png::Decoder::new(std::io::Cursor::new(png));
        let mut reader = decoder.read_info().expect("a PNG");
        let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
        let info = reader.next_frame(&mut pixels).expect("a frame");
        assert_eq!(info.color_type, png::ColorType::Rgb);
        pixels.truncate(info.buffer_size());
        (info.width, info.height, pixels)
    }

    /// How many pixels within `region` (x0, y0, x1, y1) are near `color`.
    fn count_near(pixels: &[u8], color: Rgb, (x0, y0, x1, y1): (u32, u32, u32, u32)) -> usize {
        let mut n = 0;
        for y in y0..y1 {
            for x in x0..x1 {
                let at = ((y * WIDTH + x) * 3) as usize;
                let d = |i: usize, c: u8| (i32::from(pixels[at + i]) - i32::from(c)).abs();
                if d(0, color.0) + d(1, color.1) + d(2, color.2) < 24 {
                    n += 1;
                }
            }
        }
        n
    }

    fn variance(pixels: &[u8]) -> f64 {
        let n = pixels.len() as f64;
        let mean = pixels.iter().map(|&p| f64::from(p)).sum::<f64>() / n;
        pixels
            .iter()
            .map(|&p| (f64::from(p) - mean).powi(2))
            .sum::<f64>()
            / n
    }

    #[test]
    fn a_case_image_is_1200_by_630_small_and_carries_its_text() {
        let png = fixture().draw();
        assert!(png.len() <= 100 * 1024, "{} bytes", png.len());
        let (w, h, pixels) = decode(&png);
        assert_eq!((w, h), (WIDTH, HEIGHT));
        assert!(variance(&pixels) > 500.0, "not one flat colour");
        // The name's white letters fill part of its line; the count's more.
        let name = count_near(&pixels, WHITE, (72, 130, 1128, 230));
        assert!(name > 3_000, "{name} white pixels where the name is");
        let count = count_near(&pixels, WHITE, (72, 250, 1128, 420));
        assert!(count > 10_000, "{count} white pixels where the count is");
        // The badge is the detained pair, and the footer band is there.
        assert!(count_near(&pixels, DETAINED.1, (72, 64, 400, 112)) > 2_000);
        assert!(count_near(&pixels, PANEL, (0, 540, 1200, 630)) > 50_000);
    }

    #[test]
    fn different_words_draw_different_pixels() {
        let a = decode(&fixture().draw()).2;
        let other = CaseText {
            count: "1,784 days".into(),
            ..fixture()
        };
        let b = decode(&other.draw()).2;
        assert_ne!(a, b, "a day later the count's pixels change");
    }

    #[test]
    fn every_text_colour_has_a_contrast_of_at_least_4_5_to_1() {
        fn luminance(c: Rgb) -> f64 {
            let lin = |v: u8| {
                let s = f64::from(v) / 255.0;
                if s <= 0.04045 {
                    s / 12.92
                } else {
                    ((s + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
        }
        for (fg, bg) in TEXT_ON {
            let (a, b) = (luminance(fg), luminance(bg));
            let ratio = (a.max(b) + 0.05) / (a.min(b) + 0.05);
            assert!(ratio >= 4.5, "{fg:?} on {bg:?}: {ratio:.2}");
        }
    }

    #[test]
    fn every_language_draws_every_case_and_both_page_images_within_budget() {
        for lang in Lang::ALL {
            let content = data::content(lang);
            let mut images = vec![
                site(content.people, NOW, lang),
                timeline(content.people, content.exchanges, NOW, lang),
            ];
            images.extend(content.people.iter().map(|p| case(p, NOW, lang)));
            for image in images {
                assert!(
                    image.png.len() <= 100 * 1024,
                    "{lang:?}: {} bytes",
                    image.png.len()
                );
                assert_eq!(decode(&image.png).0, WIDTH);
                assert!(!image.alt.is_empty());
            }
        }
    }

    #[test]
    fn the_alt_text_says_what_the_case_image_says() {
        let barnes = data::content(Lang::Ru)
            .people
            .iter()
            .find(|p| p.id == "david-barnes")
            .expect("David Barnes is in the data");
        let text = CaseText::of(barnes, NOW, Lang::Ru);
        let alt = text.alt();
        for line in [&text.name, &text.label, &text.count, &text.footer]
            .into_iter()
            .chain(&text.details)
        {
            assert!(alt.contains(line.as_str()), "{line:?} not in {alt:?}");
        }
        assert!(
            alt.contains("по состоянию на 1 декабря 2026\u{a0}г."),
            "{alt}"
        );
        assert!(!alt.contains(".."), "one full stop after «г.»: {alt}");
        assert_eq!(
            alt.matches("Под стражей").count(),
            1,
            "the badge is the label's word: {alt}"
        );
        assert!(
            text.count.ends_with("дня")
                || text.count.ends_with("дней")
                || text.count.ends_with("день")
        );
    }

    #[test]
    fn a_freed_persons_image_says_home_since_and_no_as_of() {
        let gilman = data::content(Lang::En)
            .people
            .iter()
            .find(|p| p.id == "robert-gilman")
            .expect("Robert Gilman is in the data");
        let text = CaseText::of(gilman, NOW, Lang::En);
        assert_eq!(text.badge, "Released");
        assert_eq!(text.details, ["home since 11 August 2026"]);
        let alt = text.alt();
        assert!(
            alt.starts_with("Robert Gilman. Released. Held for "),
            "{alt}"
        );
        assert!(!alt.contains("as of"));
    }

    #[test]
    fn a_milestone_of_the_past_month_is_named_in_the_image_and_its_alt() {
        let barnes = data::content(Lang::Ru)
            .people
            .iter()
            .find(|p| p.id == "david-barnes")
            .expect("Barnes is in the data");
        let passed = milestone::around(barnes.timer, NOW)
            .last
            .expect("Barnes has passed milestones");
        let a_week_on = passed.at + 7 * milestone::DAY;
        let words = text::page(Lang::Ru).milestone(&passed);
        let shown = CaseText::of(barnes, a_week_on, Lang::Ru);
        assert_eq!(shown.milestone.as_deref(), Some(words.as_str()));
        assert!(shown.alt().contains(&words), "{}", shown.alt());
        let two_months_on = passed.at + 60 * milestone::DAY;
        let next = milestone::around(barnes.timer, two_months_on).last;
        if next.map(|m| m.at) == Some(passed.at) {
            assert_eq!(
                CaseText::of(barnes, two_months_on, Lang::Ru).milestone,
                None
            );
        }
    }
}
