//! render
//! (being built)
