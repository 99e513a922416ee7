use std::time::Duration;

use super::Timings;

#[test]
fn json_keeps_the_stage_order_and_tenths_of_a_millisecond() {
    let mut timings = Timings {
        entries: 3,
        decks: 1,
        cards: 2,
        total: Duration::from_micros(12_345),
        writing: Duration::from_micros(50),
        ..Timings::default()
    };
    // Not in alphabetical order: the JSON must keep the order the stages ran in.
    timings.stages.push(("read", Duration::from_micros(1_260)));
    timings
        .stages
        .push(("generate", Duration::from_micros(4_000)));
    timings.format("pdf", Duration::from_micros(7_049), 100);
    timings.file("pdf", "flashcards.pdf", Duration::from_micros(3_000), 40);

    let json = timings.to_json();
    assert!(json.ends_with("}\n"), "{json}");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The text, not a parsed map: serde_json's map may sort its keys.
    let read = json.find("\"read\": 1.3").unwrap();
    let generate = json.find("\"generate\": 4.0").unwrap();
    assert!(read < generate, "{json}");
    assert_eq!(value["total_ms"], 12.3);
    assert_eq!(value["writing_ms"], 0.1);
    assert_eq!(value["formats"]["pdf"]["render_ms"], 7.0);
    assert_eq!(value["formats"]["pdf"]["bytes"], 100);
    assert_eq!(value["files"]["flashcards.pdf"]["bytes"], 40);
    let mut keys: Vec<_> = value.as_object().unwrap().keys().collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "cards",
            "decks",
            "entries",
            "files",
            "formats",
            "peak_memory_bytes",
            "stages_ms",
            "total_ms",
            "writing_ms"
        ]
    );
}
