//! Messages that belong to one draft — an import's outcome, a share link, the undo toast: each is
//! shown only while the draft it was said about is open, so another draft never shows or acts on it.

use leptos::prelude::*;

use super::Workspace;

/// A value said about the draft open at the time; reads as `None` while another draft is open.
pub struct DraftScoped<T: Send + Sync + 'static> {
    said: RwSignal<Option<(Option<String>, T)>>,
    open: Signal<Option<String>>,
}

impl<T: Send + Sync + 'static> Clone for DraftScoped<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for DraftScoped<T> {}

impl<T: Clone + Send + Sync + 'static> DraftScoped<T> {
    /// Nothing said yet. Without a workspace (component tests) every value belongs to one draft.
    pub fn new() -> Self {
        let open = match use_context::<Workspace>() {
            Some(workspace) => Signal::derive(move || {
                workspace
                    .current
                    .with(|meta| meta.as_ref().map(|m| m.id.clone()))
            }),
            None => Signal::derive(|| None),
        };
        DraftScoped {
            said: RwSignal::new(None),
            open,
        }
    }

    /// Says `value` about the draft open now.
    pub fn set(self, value: T) {
        let draft = self.open.get_untracked();
        self.said.set(Some((draft, value)));
    }

    pub fn clear(self) {
        self.said.set(None);
    }

    /// The value, if it was said about the open draft (tracked).
    pub fn get(self) -> Option<T> {
        self.with(|value| value.cloned())
    }

    /// Reads the value said about the open draft without copying it (tracked).
    pub fn with<R>(self, read: impl FnOnce(Option<&T>) -> R) -> R {
        let open = self.open.get();
        self.said.with(|said| {
            read(
                said.as_ref()
                    .filter(|(draft, _)| *draft == open)
                    .map(|(_, v)| v),
            )
        })
    }

    /// The same, untracked: for acting on a click.
    pub fn get_untracked(self) -> Option<T> {
        let open = self.open.get_untracked();
        self.said.with_untracked(|said| {
            said.as_ref()
                .filter(|(draft, _)| *draft == open)
                .map(|(_, v)| v.clone())
        })
    }

    /// Whether something is said about the open draft (tracked).
    pub fn is_some(self) -> bool {
        self.with(|value| value.is_some())
    }
}

impl<T: Clone + Send + Sync + 'static> Default for DraftScoped<T> {
    fn default() -> Self {
        Self::new()
    }
}
