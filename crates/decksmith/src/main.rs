//! The `decksmith` command.

use std::process::ExitCode;

fn main() -> ExitCode {
    decksmith::cli::main()
}
