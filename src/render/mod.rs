//! render
//! (being built)

pub mod helpdesk;
