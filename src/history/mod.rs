//! Ticket history: a support lead's ticket export (Zendesk's incremental export JSON, a Freshdesk
//! CSV, or any ticket CSV through a column mapping) read as a stream of byte chunks into compact
//! per-ticket records, summarised as aggregates ("Today, measured") and replayed against the
//! plan's SLA policies. Nothing here touches the browser; the same code runs in a Web Worker and
//! natively in the CLI. Only the aggregates of `HistorySummary` ever enter a plan.

mod apply;
mod clock;
mod csv;
mod csv_source;
mod decode;
mod histogram;
mod mapping;
mod preview;
mod reader;
mod record;
mod replay;
mod summary;
mod timestamp;
mod writer;
mod zendesk;

pub use apply::{arrival_profile, baselines, channel_mix, Baselines, ChannelFromHistory};
pub use decode::Encoding;
pub use mapping::{ColumnMapping, MappedColumn, Meaning, Question};
pub use preview::{local_words, preview, Preview, Understood, ROWS_SHOWN};
pub use reader::{
    AsideGroup, FileReport, History, HistoryReader, ReadError, ReadOptions, SetAside, Why,
};
pub use record::{Csat, Id, Interner, Ticket, Tickets};
pub use replay::{
    channel_kind, plan_channel, plan_priority, replay, Attainment, Comparison, Coverage, Replay,
};
pub use summary::{
    summarise, ChannelArrivals, Count, HistorySummary, Period, Share, Spread, HOURS_PER_WEEK,
};
pub use timestamp::DateOrder;
pub use writer::{
    attainment_words, coverage_words, hour_words, minutes_words, share_words, spread_words,
    to_markdown, to_text, zone_of as writer_zone, HistoryReport,
};
