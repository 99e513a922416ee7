//! The `decksmith` command.

use std::process::ExitCode;

/// mimalloc rather than the system's allocator: a build allocates and frees millions of
/// small strings on all cores, where glibc's allocator slows the PDFs down.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    decksmith::cli::main()
}
