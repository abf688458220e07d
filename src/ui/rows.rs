//! Per-row signals mirroring one list of the plan. One effect compares the list after each change
//! and sets only the rows that differ, so a keystroke in one row of 500 wakes that row alone.

use std::sync::Arc;

use leptos::prelude::*;

/// Reads a list, tracked: calls the visitor with the list's current items.
pub type ListSource<T> = Arc<dyn Fn(&mut dyn FnMut(&[T])) + Send + Sync>;

/// The rows of a list, each its own signal, and the list's length.
///
/// Why not a memo per row: every memo over the one plan signal re-subscribes on every keystroke,
/// and the signal's subscriber set makes that quadratic in the number of rows (500 category rows
/// with their nested lists took half a second a keystroke). Here the plan has one subscriber per
/// list, and each row's views subscribe to that row only.
pub struct RowStore<T: Send + Sync + 'static> {
    len: RwSignal<usize>,
    rows: StoredValue<Vec<ArcRwSignal<T>>>,
}

impl<T: Send + Sync + 'static> Clone for RowStore<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for RowStore<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> RowStore<T> {
    /// Mirrors the list `source` reads, from now on: the rows exist before the first render.
    pub fn new(source: ListSource<T>) -> Self {
        let store = RowStore {
            len: RwSignal::new(0),
            rows: StoredValue::new(Vec::new()),
        };
        untrack(|| source(&mut |items| store.sync(items)));
        Effect::new(move |_| source(&mut |items| store.sync(items)));
        store
    }

    /// Sets the rows that differ from `items`, adds and drops rows to match its length.
    fn sync(self, items: &[T]) {
        self.rows.update_value(|rows| {
            for (row, item) in rows.iter().zip(items) {
                if row.with_untracked(|current| current != item) {
                    row.set(item.clone());
                }
            }
            // A dropped row's signal lives on in the views that still hold it while they unmount.
            rows.truncate(items.len());
            let known = rows.len();
            rows.extend(items[known..].iter().cloned().map(ArcRwSignal::new));
        });
        if self.len.get_untracked() != items.len() {
            self.len.set(items.len());
        }
    }

    /// The length as a signal (for `For` and "None yet" messages).
    pub fn len_signal(self) -> Signal<usize> {
        self.len.into()
    }

    /// Row `index` as a signal of its own: its views re-run only when this row changes, and a
    /// row being removed keeps its last value while it unmounts. `None` past the end.
    pub fn row(self, index: usize) -> Option<Signal<T>> {
        let row = self.rows.with_value(|rows| rows.get(index).cloned())?;
        Some(RwSignal::from(row).into())
    }
}

/// A source reading a list straight from a signal (the plan), through `read`.
pub fn list_of<S, T>(
    signal: S,
    read: impl Fn(&S::Value) -> &[T] + Send + Sync + 'static,
) -> ListSource<T>
where
    S: With + Send + Sync + 'static,
    S::Value: Sized,
{
    Arc::new(move |visit: &mut dyn FnMut(&[T])| signal.with(|value| visit(read(value))))
}
