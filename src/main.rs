//! Entry point of the browser app: mounts the Leptos `App` on the page body.
//! Built by Trunk for wasm32; the core it calls is browser-free.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(support_ops::ui::App);
}
