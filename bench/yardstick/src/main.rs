//! Yardstick for wasm size: a small TodoMVC in Leptos 0.8 (CSR), built exactly like the app
//! by bench/yardstick.sh, so the benchmark can show what a small Leptos app costs next to ours.

use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use leptos::web_sys;

/// One todo. Its title and state are signals of their own, so editing or toggling one
/// re-renders only that row, not the list.
#[derive(Clone, Copy)]
struct Todo {
    id: u32,
    title: RwSignal<String>,
    completed: RwSignal<bool>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Active,
    Completed,
}

impl Filter {
    fn from_hash(hash: &str) -> Self {
        match hash {
            "/active" => Filter::Active,
            "/completed" => Filter::Completed,
            _ => Filter::All,
        }
    }

    fn shows(self, todo: &Todo) -> bool {
        match self {
            Filter::All => true,
            Filter::Active => !todo.completed.get(),
            Filter::Completed => todo.completed.get(),
        }
    }
}

/// Removes the todos `keep` rejects and frees their signals (the list, not the row, owns them).
fn retain(todos: RwSignal<Vec<Todo>>, keep: impl Fn(&Todo) -> bool) {
    todos.update(|list| {
        list.retain(|todo| {
            let kept = keep(todo);
            if !kept {
                todo.title.dispose();
                todo.completed.dispose();
            }
            kept
        })
    });
}

#[component]
fn App() -> impl IntoView {
    let todos = RwSignal::new(Vec::<Todo>::new());
    let next_id = StoredValue::new(0u32);
    let filter = RwSignal::new(Filter::from_hash(&location_hash().unwrap_or_default()));
    // The root lives as long as the page, so the listener is never removed.
    let _ = window_event_listener(ev::hashchange, move |_| {
        filter.set(Filter::from_hash(&location_hash().unwrap_or_default()));
    });

    let remaining =
        Memo::new(move |_| todos.with(|t| t.iter().filter(|t| !t.completed.get()).count()));
    let total = Memo::new(move |_| todos.with(Vec::len));
    let visible = move || {
        let filter = filter.get();
        todos.with(|t| {
            t.iter()
                .filter(|todo| filter.shows(todo))
                .copied()
                .collect::<Vec<_>>()
        })
    };

    let add = move |input: web_sys::HtmlInputElement| {
        let title = input.value().trim().to_string();
        if title.is_empty() {
            return;
        }
        let id = next_id.get_value();
        next_id.set_value(id + 1);
        let todo = Todo {
            id,
            title: RwSignal::new(title),
            completed: RwSignal::new(false),
        };
        todos.update(|t| t.push(todo));
        input.set_value("");
    };

    let toggle_all = move |_| {
        let done = remaining.get_untracked() > 0;
        todos.with_untracked(|t| t.iter().for_each(|todo| todo.completed.set(done)));
    };

    let filter_link = move |to: Filter, href: &'static str, label: &'static str| {
        view! {
            <li>
                <a href=href class:selected=move || filter.get() == to>{label}</a>
            </li>
        }
    };

    view! {
        <section class="todoapp">
            <header class="header">
                <h1>"todos"</h1>
                <input
                    class="new-todo"
                    placeholder="What needs to be done?"
                    autofocus
                    on:keydown:target=move |ev| if ev.key() == "Enter" { add(ev.target()) }
                />
            </header>
            <Show when=move || { total.get() > 0 }>
                <section class="main">
                    <input
                        id="toggle-all"
                        class="toggle-all"
                        type="checkbox"
                        prop:checked=move || remaining.get() == 0
                        on:change=toggle_all
                    />
                    <label for="toggle-all">"Mark all as complete"</label>
                    <ul class="todo-list">
                        <For each=visible key=|todo| todo.id let:todo>
                            <TodoItem todo todos/>
                        </For>
                    </ul>
                </section>
                <footer class="footer">
                    <span class="todo-count">
                        <strong>{remaining}</strong>
                        {move || if remaining.get() == 1 { " item left" } else { " items left" }}
                    </span>
                    <ul class="filters">
                        {filter_link(Filter::All, "#/", "All")}
                        {filter_link(Filter::Active, "#/active", "Active")}
                        {filter_link(Filter::Completed, "#/completed", "Completed")}
                    </ul>
                    <Show when=move || { total.get() > remaining.get() }>
                        <button
                            class="clear-completed"
                            on:click=move |_| retain(todos, |todo| !todo.completed.get_untracked())
                        >
                            "Clear completed"
                        </button>
                    </Show>
                </footer>
            </Show>
        </section>
        <footer class="info">
            <p>"Double-click to edit a todo"</p>
        </footer>
    }
}

#[component]
fn TodoItem(todo: Todo, todos: RwSignal<Vec<Todo>>) -> impl IntoView {
    let editing = RwSignal::new(false);
    let edit_input = NodeRef::<Input>::new();
    // Focus the edit field as soon as it is mounted.
    Effect::new(move |_| {
        if let Some(input) = edit_input.get() {
            let _ = input.focus();
        }
    });

    let remove = move || retain(todos, |t| t.id != todo.id);
    // Saving an empty title deletes the todo, as TodoMVC specifies.
    let save = move |value: String| {
        if !editing.get_untracked() {
            return; // already cancelled (Escape) or saved (Enter before blur)
        }
        editing.set(false);
        let value = value.trim();
        if value.is_empty() {
            remove();
        } else {
            todo.title.set(value.to_string());
        }
    };

    view! {
        <li class:completed=move || todo.completed.get() class:editing=move || editing.get()>
            <div class="view">
                <input class="toggle" type="checkbox" bind:checked=todo.completed/>
                <label on:dblclick=move |_| editing.set(true)>{move || todo.title.get()}</label>
                <button class="destroy" on:click=move |_| remove()></button>
            </div>
            <Show when=move || editing.get()>
                <input
                    class="edit"
                    node_ref=edit_input
                    prop:value=move || todo.title.get_untracked()
                    on:blur:target=move |ev| save(ev.target().value())
                    on:keydown:target=move |ev| match ev.key().as_str() {
                        "Enter" => save(ev.target().value()),
                        "Escape" => editing.set(false),
                        _ => {}
                    }
                />
            </Show>
        </li>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(App);
}
