//! capacity
//! (being built)
