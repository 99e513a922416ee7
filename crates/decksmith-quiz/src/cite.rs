//! Citations resolved against the course's sources.

use decksmith_model::{Citation, Course, Locator};

use crate::types::{CitationView, LocatorView};

/// The citations of an entry, ready for display. Validation guarantees every source exists.
pub fn resolve(course: &Course, citations: &[Citation]) -> Vec<CitationView> {
    citations
        .iter()
        .filter_map(|c| {
            let source = course.source(&c.source)?;
            Some(CitationView {
                id: source.id.clone(),
                short: source.short.clone(),
                title: source.title.clone(),
                locator: c.locator.as_ref().map(|l| match l {
                    Locator::Quote(q) => LocatorView::Quote(q.clone()),
                    Locator::Paragraph(p) => LocatorView::Paragraph(*p),
                    Locator::Page(p) => LocatorView::Page(p.clone()),
                }),
                url: source.url.clone(),
            })
        })
        .collect()
}
