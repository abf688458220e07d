//! Entry point of the browser app: mounts the Leptos `App` on the page body.
//! Built by Trunk for wasm32; the core it calls is browser-free.

fn main() {
    console_error_panic_hook::set_once();
    // Start-up as the benchmark and profile-load.mjs see it: the wasm running, the app on screen.
    mark("app-start");
    leptos::mount::mount_to_body(support_ops::ui::App);
    mark("app-mounted");
}

fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}
