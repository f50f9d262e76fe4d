//! A bare Leptos counter: the floor a Leptos app's first load cannot go under.

use leptos::prelude::*;

#[component]
fn Counter() -> impl IntoView {
    let (count, set_count) = signal(0);
    view! {
        <main>
            <h1>"Counter"</h1>
            <button on:click=move |_| set_count.update(|n| *n += 1)>"Add one: " {count}</button>
        </main>
    }
}

fn main() {
    mount_to_body(Counter);
}
