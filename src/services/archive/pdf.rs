//! A nomination or tip as the archive keeps it: a PDF/A-2b document (ISO 19005-2, level B,
//! the archival PDF the Norwegian National Archives accept), A4, with the fonts subset and
//! embedded, so it reads the same on any machine in fifty years.
//!
//! The font is DejaVu Sans, bundled in `static/fonts/` (its licence beside it): the output
//! does not depend on the fonts of the machine that exports. krilla writes the PDF and
//! checks the PDF/A rules as it does; the layout (lines broken to the width, pages broken
//! when full) is ours — a handful of lines where a layout engine would be a large tree.

use crate::i18n::Lang;
use krilla::Document;
use krilla::SerializeSettings;
use krilla::configure::{Archival, ConfigurationBuilder};
use krilla::geom::Point;
use krilla::metadata::{DateTime, Metadata};
use krilla::page::PageSettings;
use krilla::text::{Font, TextDirection};

static REGULAR: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans.ttf");
static BOLD: &[u8] = include_bytes!("../../../static/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, and the margins (2 cm).
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
const MARGIN: f32 = 56.7;
const TEXT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
/// The footer's baseline, below the text area.
const FOOTER_BASELINE: f32 = PAGE_HEIGHT - MARGIN / 2.0;

const TITLE_SIZE: f32 = 16.0;
const BODY_SIZE: f32 = 10.5;
const FOOTER_SIZE: f32 = 8.0;
const LEADING: f32 = 1.4;

/// What the document shows, top to bottom.
#[derive(Debug, Clone)]
pub enum Block {
    /// The document's title, large and bold.
    Title(String),
    /// A short fact on one line: "Referanse: BSP-2027-0007".
    Fact { label: String, value: String },
    /// A section heading.
    Heading(String),
    /// A field: its label in bold, its text below, wrapped, paragraphs kept.
    Field { label: String, text: String },
}

/// The document's identity, for the PDF's own metadata and the footer of each page.
#[derive(Debug, Clone)]
pub struct Identity {
    pub title: String,
    pub reference: String,
    /// When the content was last written (UTC); the PDF's creation date, so the same
    /// record exports to the same file.
    pub written_at: chrono::NaiveDateTime,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Face {
    Regular,
    Bold,
}

struct Fonts {
    regular: (Font, ttf_parser::Face<'static>),
    bold: (Font, ttf_parser::Face<'static>),
}

impl Fonts {
    fn load() -> anyhow::Result<Self> {
        let load = |bytes: &'static [u8]| -> anyhow::Result<(Font, ttf_parser::Face<'static>)> {
            let font = Font::new(bytes.into(), 0)
                .ok_or_else(|| anyhow::anyhow!("the bundled font cannot be read"))?;
            let face = ttf_parser::Face::parse(bytes, 0)?;
            Ok((font, face))
        };
        Ok(Self {
            regular: load(REGULAR)?,
            bold: load(BOLD)?,
        })
    }

    fn get(&self, face: Face) -> &(Font, ttf_parser::Face<'static>) {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
        }
    }

    /// The text with what the font cannot draw replaced: control characters by spaces,
    /// characters without a glyph by U+FFFD (PDF/A forbids drawing the "missing glyph").
    fn drawable(&self, text: &str) -> String {
        let face = &self.regular.1;
        text.chars()
            .map(|c| match c {
                '\n' => '\n',
                c if c.is_control() => ' ',
                c if face.glyph_index(c).is_some() && self.bold.1.glyph_index(c).is_some() => c,
                _ => '\u{FFFD}',
            })
            .collect()
    }

    /// The width of `text` in points. Kerning is left out: it narrows a line by a fraction
    /// of a point, which the margin of `fits` covers.
    fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let face = &self.get(face).1;
        let units: u32 = text
            .chars()
            .map(|c| {
                face.glyph_index(c)
                    .and_then(|glyph| face.glyph_hor_advance(glyph))
                    .map_or(0, u32::from)
            })
            .sum();
        units as f32 * size / f32::from(face.units_per_em())
    }

    fn fits(&self, face: Face, size: f32, text: &str, width: f32) -> bool {
        self.width(face, size, text) <= width - 1.0
    }

    /// The text broken into lines no wider than `width`: at spaces, and inside a word only
    /// when the word alone is wider than a line. Paragraphs (line breaks typed) are kept;
    /// an empty line between them stays empty.
    fn wrap(&self, face: Face, size: f32, text: &str, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split_whitespace() {
                let candidate = if line.is_empty() {
                    word.to_owned()
                } else {
                    format!("{line} {word}")
                };
                if self.fits(face, size, &candidate, width) {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                // A word wider than the line is cut where the line is full.
                for c in word.chars() {
                    let mut longer = line.clone();
                    longer.push(c);
                    if !line.is_empty() && !self.fits(face, size, &longer, width) {
                        lines.push(std::mem::take(&mut line));
                    }
                    line.push(c);
                }
            }
            lines.push(line);
        }
        // Trailing empty paragraphs add nothing.
        while lines.len() > 1 && lines.last().is_some_and(String::is_empty) {
            lines.pop();
        }
        lines
    }
}

/// One line placed on a page: its baseline, font and text.
struct Line {
    x: f32,
    baseline: f32,
    face: Face,
    size: f32,
    text: String,
}

/// Places the blocks on pages: each line where it goes, a new page when one is full.
struct Layout<'a> {
    fonts: &'a Fonts,
    pages: Vec<Vec<Line>>,
    /// The top of the next line on the current page.
    y: f32,
}

impl<'a> Layout<'a> {
    fn new(fonts: &'a Fonts) -> Self {
        Self {
            fonts,
            pages: vec![Vec::new()],
            y: MARGIN,
        }
    }

    fn room_left(&self) -> f32 {
        PAGE_HEIGHT - MARGIN - self.y
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Makes sure `height` fits on this page, starting a new one if not (and if this one
    /// has something on it: a block taller than a page is broken by `line`).
    fn keep(&mut self, height: f32) {
        if height > self.room_left() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn line(&mut self, face: Face, size: f32, x: f32, text: String) {
        let height = size * LEADING;
        self.keep(height);
        let baseline = self.y + size;
        self.pages.last_mut().expect("a page").push(Line {
            x,
            baseline,
            face,
            size,
            text,
        });
        self.y += height;
    }

    fn space(&mut self, height: f32) {
        self.y += height;
    }

    fn block(&mut self, block: &Block) {
        let fonts = self.fonts;
        match block {
            Block::Title(title) => {
                for line in fonts.wrap(Face::Bold, TITLE_SIZE, title, TEXT_WIDTH) {
                    self.line(Face::Bold, TITLE_SIZE, MARGIN, line);
                }
                self.space(BODY_SIZE * 0.6);
            }
            Block::Fact { label, value } => {
                let label = format!("{label}: ");
                let indent = fonts.width(Face::Bold, BODY_SIZE, &label);
                let lines = fonts.wrap(Face::Regular, BODY_SIZE, value, TEXT_WIDTH - indent);
                self.keep(BODY_SIZE * LEADING);
                let top = self.y;
                self.line(Face::Bold, BODY_SIZE, MARGIN, label);
                self.y = top;
                for line in lines {
                    self.line(Face::Regular, BODY_SIZE, MARGIN + indent, line);
                }
            }
            Block::Heading(heading) => {
                self.space(BODY_SIZE * 0.8);
                // A heading is kept with at least two lines after it.
                self.keep(13.0 * LEADING + 2.0 * BODY_SIZE * LEADING);
                for line in fonts.wrap(Face::Bold, 13.0, heading, TEXT_WIDTH) {
                    self.line(Face::Bold, 13.0, MARGIN, line);
                }
            }
            Block::Field { label, text } => {
                self.space(BODY_SIZE * 0.5);
                let label_lines = fonts.wrap(Face::Bold, BODY_SIZE, label, TEXT_WIDTH);
                // A label is kept with the first line of its text.
                self.keep((label_lines.len() + 1) as f32 * BODY_SIZE * LEADING);
                for line in label_lines {
                    self.line(Face::Bold, BODY_SIZE, MARGIN, line);
                }
                for line in fonts.wrap(Face::Regular, BODY_SIZE, text, TEXT_WIDTH) {
                    self.line(Face::Regular, BODY_SIZE, MARGIN, line);
                }
            }
        }
    }
}

/// The document as PDF/A-2b bytes.
pub fn render(identity: &Identity, blocks: &[Block]) -> anyhow::Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let blocks: Vec<Block> = blocks
        .iter()
        .map(|block| match block {
            Block::Title(text) => Block::Title(fonts.drawable(text)),
            Block::Heading(text) => Block::Heading(fonts.drawable(text)),
            Block::Fact { label, value } => Block::Fact {
                label: fonts.drawable(label),
                value: fonts.drawable(value),
            },
            Block::Field { label, text } => Block::Field {
                label: fonts.drawable(label),
                text: fonts.drawable(text),
            },
        })
        .collect();
    let mut layout = Layout::new(&fonts);
    for block in &blocks {
        layout.block(block);
    }
    let pages = layout.pages;

    let configuration = ConfigurationBuilder::new()
        .with_archival_validator(Archival::A2_B)
        .finish()
        .map_err(|e| anyhow::anyhow!("PDF/A configuration: {e:?}"))?;
    let mut document = Document::new_with(SerializeSettings {
        configuration,
        ..SerializeSettings::default()
    });
    let total = pages.len();
    for (index, lines) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT)
            .ok_or_else(|| anyhow::anyhow!("page size"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in lines {
            surface.draw_text(
                Point::from_xy(line.x, line.baseline),
                fonts.get(line.face).0.clone(),
                line.size,
                &line.text,
                false,
                TextDirection::Auto,
            );
        }
        let footer = fonts.drawable(&Lang::Nb.text_with(
            "archive-pdf-page",
            &[
                ("reference", &identity.reference),
                ("page", &(index + 1).to_string()),
                ("pages", &total.to_string()),
            ],
        ));
        surface.draw_text(
            Point::from_xy(MARGIN, FOOTER_BASELINE),
            fonts.regular.0.clone(),
            FOOTER_SIZE,
            &footer,
            false,
            TextDirection::Auto,
        );
        surface.finish();
        page.finish();
    }
    document.set_metadata(metadata(identity));
    document
        .finish()
        .map_err(|e| anyhow::anyhow!("the PDF could not be written: {e:?}"))
}

fn metadata(identity: &Identity) -> Metadata {
    use chrono::{Datelike, Timelike};
    let t = identity.written_at;
    let created = DateTime::new(u16::try_from(t.year()).unwrap_or(1970))
        .month(t.month() as u8)
        .day(t.day() as u8)
        .hour(t.hour() as u8)
        .minute(t.minute() as u8)
        .second(t.second() as u8)
        .utc_offset_hour(0)
        .utc_offset_minute(0);
    Metadata::new()
        .title(identity.title.clone())
        .language("nb".to_owned())
        .creator("Bedre stat-prisen".to_owned())
        .creation_date(created)
        .document_id(identity.reference.clone())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_fit_the_width_and_paragraphs_stay() {
        let fonts = Fonts::load().unwrap();
        let text = "Første avsnitt med nok ord til å bryte linjen flere ganger når den er smal.\n\nAndre avsnitt.";
        let lines = fonts.wrap(Face::Regular, BODY_SIZE, text, 120.0);
        assert!(lines.len() > 3, "{lines:?}");
        for line in &lines {
            assert!(
                fonts.width(Face::Regular, BODY_SIZE, line) <= 120.0,
                "{line}"
            );
        }
        assert!(
            lines.contains(&String::new()),
            "the empty line between paragraphs"
        );
        assert_eq!(lines.last().unwrap(), "Andre avsnitt.");
        // No word is lost or split when it fits.
        assert_eq!(
            lines.join(" ").split_whitespace().collect::<Vec<_>>(),
            text.split_whitespace().collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        let fonts = Fonts::load().unwrap();
        let word = "æøå".repeat(40);
        let lines = fonts.wrap(Face::Regular, BODY_SIZE, &word, 100.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), word);
    }

    #[test]
    fn what_the_font_cannot_draw_is_replaced() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.drawable("Blåbær\u{7}🦀\n"), "Blåbær \u{FFFD}\n");
    }

    #[test]
    fn long_text_breaks_into_pages_and_renders_as_pdf_a() {
        let identity = Identity {
            title: "Tittel".into(),
            reference: "BSP-2027-0001".into(),
            written_at: crate::clock::test_time::at(2026, 10, 1, 8, 0),
        };
        let long = "Lang tekst med æøå. ".repeat(800);
        let blocks = [
            Block::Title("Tittel".into()),
            Block::Field {
                label: "Felt".into(),
                text: long,
            },
        ];
        let fonts = Fonts::load().unwrap();
        let mut layout = Layout::new(&fonts);
        for block in &blocks {
            layout.block(block);
        }
        assert!(layout.pages.len() > 2);
        for page in &layout.pages {
            for line in page {
                assert!(line.baseline <= PAGE_HEIGHT - MARGIN);
            }
        }
        let pdf = render(&identity, &blocks).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
    }
}
