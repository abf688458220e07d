//! Where drafts live: a small key–value `DraftStore` (the browser's local storage in the app)
//! and an in-memory store for tests and for browsers that refuse to store anything.

use std::collections::BTreeMap;
use std::fmt;
use std::sync::Mutex;

/// Why the store could not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser does not let this page store anything (private mode, blocked storage).
    Unavailable,
    /// The browser's storage for this page is full.
    QuotaExceeded,
    /// Anything else, with the browser's own words.
    Other(String),
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Unavailable => f.write_str(
                "this browser is not letting the page save anything (private browsing or blocked storage)",
            ),
            StoreError::QuotaExceeded => f.write_str("the browser's storage for this page is full"),
            StoreError::Other(message) => write!(f, "the browser could not save ({message})"),
        }
    }
}

impl std::error::Error for StoreError {}

/// A place to keep text under keys. All methods take `&self`: a browser's storage is shared.
pub trait DraftStore {
    /// The text under `key`, or `None` if nothing is stored there.
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    /// Stores `value` under `key`, replacing what was there.
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError>;
    /// Removes `key` (no error if it was not there).
    fn remove(&self, key: &str) -> Result<(), StoreError>;
    /// Every key in the store: used to recover drafts when the draft list itself is broken.
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// A shared reference to a store is a store (two "tabs" over one storage in tests).
impl<T: DraftStore + ?Sized> DraftStore for &T {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        (**self).get(key)
    }
    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        (**self).set(key, value)
    }
    fn remove(&self, key: &str) -> Result<(), StoreError> {
        (**self).remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        (**self).keys()
    }
}

/// Keeps everything in memory. `quota` (in characters, keys plus values) lets tests fill it up.
#[derive(Debug, Default)]
pub struct MemoryStore {
    entries: Mutex<BTreeMap<String, String>>,
    quota: Option<usize>,
}

impl MemoryStore {
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// A store holding `entries` to begin with (a copy of a storage that can be read but not
    /// written, so its drafts can still be opened in this tab).
    pub fn with_entries(entries: impl IntoIterator<Item = (String, String)>) -> MemoryStore {
        MemoryStore {
            entries: Mutex::new(entries.into_iter().collect()),
            quota: None,
        }
    }

    /// A store that refuses writes once keys and values together pass `characters`.
    pub fn with_quota(characters: usize) -> MemoryStore {
        MemoryStore {
            entries: Mutex::default(),
            quota: Some(characters),
        }
    }

    fn entries(&self) -> Result<std::sync::MutexGuard<'_, BTreeMap<String, String>>, StoreError> {
        self.entries
            .lock()
            .map_err(|_| StoreError::Other("the in-memory store was poisoned".to_string()))
    }
}

impl DraftStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries()?.get(key).cloned())
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut entries = self.entries()?;
        if let Some(quota) = self.quota {
            let others: usize = entries
                .iter()
                .filter(|(k, _)| k.as_str() != key)
                .map(|(k, v)| k.len() + v.len())
                .sum();
            if others + key.len() + value.len() > quota {
                return Err(StoreError::QuotaExceeded);
            }
        }
        entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.entries()?.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries()?.keys().cloned().collect())
    }
}
