//! The command line over the plan core: check, render, templates and schema.
//! Exit codes: 0 fine, 1 the plan has errors, 2 the command could not run.

fn main() {
    eprintln!("support-ops: the command line is being built");
    std::process::exit(2);
}
