//! The browser's local storage as a `DraftStore`, with its failures named the way the core expects:
//! a missing or blocked storage is `Unavailable`, a full one (`QuotaExceededError`) `QuotaExceeded`.

use wasm_bindgen::JsValue;

use crate::drafts::{DraftStore, MemoryStore, StoreError};

/// `window.localStorage`, looked up on every call (it can be blocked at any time).
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

impl LocalStore {
    fn storage() -> Result<web_sys::Storage, StoreError> {
        web_sys::window()
            .ok_or(StoreError::Unavailable)?
            .local_storage()
            .map_err(|_| StoreError::Unavailable)?
            .ok_or(StoreError::Unavailable)
    }

    /// Whether this browser lets the page read storage at all.
    pub fn works() -> bool {
        let probe = "support-ops.probe";
        Self::storage()
            .and_then(|s| {
                s.get_item(probe).map_err(error_of)?;
                Ok(())
            })
            .is_ok()
    }

    /// Whether a tiny write goes through. A storage that is merely full refuses it with
    /// `QuotaExceeded` (deleting drafts can make room); one that refuses every write (older
    /// Safari's private mode throws a plain `Error`) is no place to keep work.
    pub fn refuses_every_write() -> bool {
        let probe = "support-ops.probe";
        match LocalStore.set(probe, "1") {
            Ok(()) => {
                let _ = LocalStore.remove(probe);
                false
            }
            Err(StoreError::QuotaExceeded) => false,
            Err(_) => true,
        }
    }
}

/// Maps a storage exception (a `DOMException`) to what it means for the user.
fn error_of(error: JsValue) -> StoreError {
    let name = js_sys::Reflect::get(&error, &JsValue::from_str("name"))
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StoreError::QuotaExceeded,
        "SecurityError" => StoreError::Unavailable,
        _ => {
            let message = js_sys::Reflect::get(&error, &JsValue::from_str("message"))
                .ok()
                .and_then(|m| m.as_string())
                .unwrap_or_else(|| "unknown error".to_string());
            StoreError::Other(if name.is_empty() {
                message
            } else {
                format!("{name}: {message}")
            })
        }
    }
}

impl DraftStore for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Self::storage()?.get_item(key).map_err(error_of)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        Self::storage()?.set_item(key, value).map_err(error_of)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        Self::storage()?.remove_item(key).map_err(error_of)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let storage = Self::storage()?;
        let length = storage.length().map_err(error_of)?;
        let mut keys = Vec::new();
        for i in 0..length {
            if let Some(key) = storage.key(i).map_err(error_of)? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Local storage when the browser allows it; otherwise memory, so the app still works in this tab.
#[derive(Debug)]
pub enum BrowserStore {
    Local(LocalStore),
    Memory(MemoryStore),
}

impl BrowserStore {
    /// Local storage when the page may read and write it. When it can be read but refuses every
    /// write, its drafts are copied into memory so they still open, and work stays in this tab.
    pub fn best_available() -> BrowserStore {
        if !LocalStore::works() {
            return BrowserStore::Memory(MemoryStore::new());
        }
        if !LocalStore::refuses_every_write() {
            return BrowserStore::Local(LocalStore);
        }
        let entries = LocalStore
            .keys()
            .unwrap_or_default()
            .into_iter()
            .filter_map(|key| Some((key.clone(), LocalStore.get(&key).ok()??)))
            .collect::<Vec<_>>();
        BrowserStore::Memory(MemoryStore::with_entries(entries))
    }

    pub fn is_memory_only(&self) -> bool {
        matches!(self, BrowserStore::Memory(_))
    }

    fn inner(&self) -> &dyn DraftStore {
        match self {
            BrowserStore::Local(store) => store,
            BrowserStore::Memory(store) => store,
        }
    }
}

impl DraftStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.inner().get(key)
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.inner().set(key, value)
    }

    fn remove(&self, key: &str) -> Result<(), StoreError> {
        self.inner().remove(key)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.inner().keys()
    }
}
