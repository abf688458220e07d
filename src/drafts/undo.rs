//! Undo and redo as a stack of whole snapshots, with rapid edits to one field joined into one step.
//! Pure logic: the browser side (`ui::history`) feeds it the plan, the focused field and the time.

/// Edits to the same field less than this many milliseconds apart are one undo step.
pub const JOIN_WINDOW_MS: f64 = 1000.0;

/// Most steps kept; the oldest are dropped beyond this.
pub const STEP_LIMIT: usize = 200;

/// Snapshots before each step (`past`) and after each undone step (`future`).
#[derive(Clone, Debug)]
pub struct UndoStack<T> {
    past: Vec<T>,
    future: Vec<T>,
    /// The field and time of the last recorded edit, while it may still be joined.
    last_edit: Option<(String, f64)>,
}

impl<T> Default for UndoStack<T> {
    fn default() -> Self {
        UndoStack {
            past: Vec::new(),
            future: Vec::new(),
            last_edit: None,
        }
    }
}

impl<T> UndoStack<T> {
    pub fn new() -> UndoStack<T> {
        UndoStack::default()
    }

    /// Records an edit that replaced `before`. An edit of the same `field` within
    /// [`JOIN_WINDOW_MS`] of the previous one joins that step (typing a word is one undo).
    /// Any redo steps are dropped: a new edit starts a new branch.
    pub fn record(&mut self, before: T, field: Option<&str>, at_ms: f64) {
        self.record_with(|| before, field, at_ms);
    }

    /// As `record`, asking for the snapshot only when the edit starts a new step: typing into
    /// one field copies the plan once per word, not once per keystroke.
    pub fn record_with(&mut self, before: impl FnOnce() -> T, field: Option<&str>, at_ms: f64) {
        self.future.clear();
        if !self.joins(field, at_ms) {
            self.past.push(before());
            if self.past.len() > STEP_LIMIT {
                self.past.remove(0);
            }
        }
        self.last_edit = field.map(|field| (field.to_string(), at_ms));
    }

    /// Whether an edit of `field` now would join the last step.
    fn joins(&self, field: Option<&str>, at_ms: f64) -> bool {
        match (&self.last_edit, field) {
            (Some((last_field, last_at)), Some(field)) => {
                last_field == field && at_ms - last_at <= JOIN_WINDOW_MS && !self.past.is_empty()
            }
            _ => false,
        }
    }

    /// Steps back: returns the snapshot to show, keeping `current` for redo.
    pub fn undo(&mut self, current: T) -> Option<T> {
        let previous = self.past.pop()?;
        self.future.push(current);
        self.last_edit = None;
        Some(previous)
    }

    /// Steps forward again after an undo.
    pub fn redo(&mut self, current: T) -> Option<T> {
        let next = self.future.pop()?;
        self.past.push(current);
        self.last_edit = None;
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Forgets every step (another draft was opened).
    pub fn clear(&mut self) {
        self.past.clear();
        self.future.clear();
        self.last_edit = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Types `text` into `field` one character per `gap_ms`, starting from `value`.
    fn type_into(
        stack: &mut UndoStack<String>,
        value: &mut String,
        field: &str,
        text: &str,
        start_ms: f64,
        gap_ms: f64,
    ) {
        for (i, c) in text.chars().enumerate() {
            stack.record(value.clone(), Some(field), start_ms + i as f64 * gap_ms);
            value.push(c);
        }
    }

    #[test]
    fn typing_a_word_quickly_is_one_undo_step() {
        let mut stack = UndoStack::new();
        let mut value = String::new();
        type_into(&mut stack, &mut value, "product", "Acme", 0.0, 100.0);
        assert_eq!(value, "Acme");
        assert_eq!(stack.undo(value.clone()).as_deref(), Some(""));
        assert!(!stack.can_undo());
    }

    #[test]
    fn a_pause_or_another_field_starts_a_new_step() {
        let mut stack = UndoStack::new();
        let mut value = String::new();
        type_into(&mut stack, &mut value, "product", "Ac", 0.0, 100.0);
        // Pause longer than the window, same field.
        type_into(&mut stack, &mut value, "product", "me", 5_000.0, 100.0);
        // Right away, but another field.
        type_into(&mut stack, &mut value, "time-zone", "!", 5_150.0, 100.0);
        let value = stack.undo(value).unwrap_or_default();
        assert_eq!(value, "Acme");
        let value = stack.undo(value).unwrap_or_default();
        assert_eq!(value, "Ac");
        let value = stack.undo(value).unwrap_or_default();
        assert_eq!(value, "");
        assert_eq!(stack.undo(value), None);
    }

    #[test]
    fn redo_brings_back_what_undo_took_and_a_new_edit_drops_redo() {
        let mut stack = UndoStack::new();
        stack.record("a".to_string(), None, 0.0);
        stack.record("ab".to_string(), None, 10.0);
        let current = "abc".to_string();
        let back = stack.undo(current).unwrap_or_default();
        assert_eq!(back, "ab");
        assert!(stack.can_redo());
        assert_eq!(stack.redo(back.clone()).as_deref(), Some("abc"));
        let back = stack.undo("abc".to_string()).unwrap_or_default();
        stack.record(back, None, 20.0);
        assert!(!stack.can_redo());
    }

    #[test]
    fn typing_after_undo_is_a_fresh_step() {
        let mut stack = UndoStack::new();
        let mut value = String::from("x");
        type_into(&mut stack, &mut value, "f", "ab", 0.0, 10.0);
        let mut value = stack.undo(value).unwrap_or_default();
        assert_eq!(value, "x");
        type_into(&mut stack, &mut value, "f", "c", 30.0, 10.0);
        assert_eq!(stack.undo(value).as_deref(), Some("x"));
    }

    #[test]
    fn old_steps_beyond_the_limit_are_dropped() {
        let mut stack = UndoStack::new();
        for step in 0..STEP_LIMIT + 5 {
            stack.record(step, None, 0.0);
        }
        let mut undone = 0;
        let mut current = STEP_LIMIT + 5;
        while let Some(previous) = stack.undo(current) {
            current = previous;
            undone += 1;
        }
        assert_eq!(undone, STEP_LIMIT);
        assert_eq!(current, 5);
    }
}
