//! What the traveller's page fetches after its first paint: the rules (rules.rs), the words
//! of the law (words.rs) and the code of the screens after the first question (src/lazy.rs).
//! Each is a [`Later`], which holds all that they share:
//!
//! - where it stands ([`Arrival`]), a signal a view follows, said also by the page root's
//!   `data-<name>` attribute for tests and hosts (the page works the same without it);
//! - one fetch at a time: whoever asks while a fetch is under way waits for that one;
//! - a retry: asking again after a failure fetches again;
//! - its integrity, which is its loader's: each fetches with the hash the build pinned
//!   (the split's loader for the code modules and the rules, words.rs for the words), and
//!   bytes that are not this build's count as a failure.
//!
//! How a screen waits for one is widgets/fetched.rs.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};
use std::thread::LocalKey;

use leptos::prelude::*;

/// Where a resource stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arrival {
    Loading,
    Ready,
    Failed,
}

#[cfg(target_arch = "wasm32")]
impl Arrival {
    fn as_str(self) -> &'static str {
        match self {
            Arrival::Loading => "loading",
            Arrival::Ready => "ready",
            Arrival::Failed => "failed",
        }
    }
}

type Fetch<T> = Pin<Box<dyn Future<Output = Option<&'static T>>>>;

/// What fetches a resource: its value, or `None` if it cannot be had.
pub type Loader<T> = fn() -> Fetch<T>;

/// A resource that arrives after the first paint. Held in a `thread_local!` and used
/// through its [`LocalKey`] ([`Fetched`]), since its state is a signal (the page has one
/// thread).
pub struct Later<T: 'static> {
    core: Core,
    value: Cell<Option<&'static T>>,
    loader: Cell<Option<Loader<T>>>,
}

/// What does not depend on the value's type, once for all of them (code in the first load).
struct Core {
    /// Its name in the root's `data-<name>`.
    name: &'static str,
    state: ArcRwSignal<Arrival>,
    under_way: Cell<bool>,
    /// Those who asked while a fetch was under way.
    waiting: RefCell<Vec<Waker>>,
}

impl<T: 'static> Later<T> {
    /// A resource still to come.
    pub fn new(name: &'static str) -> Self {
        Later { core: Core::new(name, Arrival::Loading), value: Cell::new(None), loader: Cell::new(None) }
    }

    /// A resource that is here from the start (the group page's rules, the tests').
    #[cfg(any(test, feature = "group-page"))]
    pub fn here(name: &'static str, value: &'static T) -> Self {
        Later { core: Core::new(name, Arrival::Ready), value: Cell::new(Some(value)), loader: Cell::new(None) }
    }

    /// Its value if it is here (untracked).
    pub fn value(&self) -> Option<&'static T> {
        self.value.get()
    }

    /// Takes what a fetch brought: a value is kept for good; after a failure, asking again
    /// fetches again.
    fn arrived(&self, value: Option<&'static T>) {
        self.value.set(value);
        self.core.set(if value.is_some() { Arrival::Ready } else { Arrival::Failed });
        if value.is_none() {
            leptos::logging::warn!("{} could not be loaded", self.core.name);
        }
    }
}

impl Core {
    fn new(name: &'static str, arrival: Arrival) -> Self {
        Core { name, state: ArcRwSignal::new(arrival), under_way: Cell::new(false), waiting: RefCell::new(Vec::new()) }
    }

    /// Changes where it stands (only on a change: what reads it is not worked out again for
    /// nothing).
    fn set(&self, arrival: Arrival) {
        // Natively (the unit tests) there is no page.
        #[cfg(target_arch = "wasm32")]
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute(&format!("data-{}", self.name), arrival.as_str());
        }
        if self.state.get_untracked() != arrival {
            self.state.set(arrival);
        }
    }

    fn begin(&self) {
        self.under_way.set(true);
        self.set(Arrival::Loading);
    }

    /// A fetch has ended, or was dropped before its end: those waiting for it wake.
    fn end(&self) {
        self.under_way.set(false);
        self.waiting.take().into_iter().for_each(Waker::wake);
    }

    /// Ready once no fetch is under way.
    fn wait(&self, cx: &mut Context) -> Poll<()> {
        if !self.under_way.get() {
            return Poll::Ready(());
        }
        self.waiting.borrow_mut().push(cx.waker().clone());
        Poll::Pending
    }
}

/// A [`Later`] in its `thread_local!`, as the page uses it.
pub type Fetched<T> = &'static LocalKey<Later<T>>;

/// Sets what fetches `later` (once, as the page starts).
pub fn set_loader<T>(later: Fetched<T>, loader: Loader<T>) {
    later.with(|l| l.loader.set(Some(loader)));
}

/// Says at once that `later` is on its way, before its fetch starts.
pub fn on_the_way<T>(later: Fetched<T>) {
    later.with(|l| l.core.set(Arrival::Loading));
}

/// Where `later` stands (tracked: a view that reads it follows its arrival).
pub fn arrival<T>(later: Fetched<T>) -> Arrival {
    later.with(|l| l.core.state.get())
}

/// Its value once here (tracked, as [`arrival`]).
pub fn get<T>(later: Fetched<T>) -> Option<&'static T> {
    later.with(|l| {
        l.core.state.track();
        l.value.get()
    })
}

/// Marks a fetch under way for as long as it lives: when it ends, or when the task that
/// runs it is dropped (the screen that asked is gone), those waiting for it wake.
struct UnderWay<T: 'static>(Fetched<T>);

impl<T> Drop for UnderWay<T> {
    fn drop(&mut self) {
        let _ = self.0.try_with(|l| l.core.end());
    }
}

/// Its value, fetched if it is not here yet (waiting for a fetch under way); `None` if it
/// cannot be had, which [`arrival`] then says. Called again after a failure, it fetches
/// again.
pub async fn arrive<T>(later: Fetched<T>) -> Option<&'static T> {
    loop {
        let (value, under_way, loader) = later.with(|l| (l.value.get(), l.core.under_way.get(), l.loader.get()));
        if value.is_some() {
            return value;
        }
        if under_way {
            std::future::poll_fn(|cx| later.with(|l| l.core.wait(cx))).await;
            // That fetch failed: said, and not tried again until asked again. Dropped
            // before its end, it leaves this one to fetch.
            if later.with(|l| l.core.state.get_untracked() == Arrival::Failed) {
                return None;
            }
            continue;
        }
        let load = loader?;
        later.with(|l| l.core.begin());
        let _under_way = UnderWay(later);
        let value = load().await;
        later.with(|l| l.arrived(value));
        return value;
    }
}

/// Fetches `later` without waiting for it.
pub fn start<T>(later: Fetched<T>) {
    leptos::task::spawn_local(async move {
        arrive(later).await;
    });
}

/// Runs `then` with its value: at once if it is here, else once it has come. If it cannot
/// be had, [`arrival`] says so and `then` never runs: the screen that asked offers to try
/// again.
pub fn with<T>(later: Fetched<T>, then: impl FnOnce(&'static T) + 'static) {
    match later.with(|l| l.value.get()) {
        Some(value) => then(value),
        None => leptos::task::spawn_local(async move {
            if let Some(value) = arrive(later).await {
                then(value);
            }
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    thread_local! {
        static LOADS: Cell<u32> = const { Cell::new(0) };
        /// What the next fetch brings once it may end: a value, or a failure.
        static BRINGS: Cell<Option<&'static u32>> = const { Cell::new(None) };
        static MAY_END: Cell<bool> = const { Cell::new(true) };
        static THING: Later<u32> = Later::new("thing");
    }

    fn load() -> Fetch<u32> {
        LOADS.with(|n| n.set(n.get() + 1));
        Box::pin(std::future::poll_fn(|_| match MAY_END.with(Cell::get) {
            true => Poll::Ready(BRINGS.with(Cell::get)),
            false => Poll::Pending,
        }))
    }

    fn poll<F: Future>(f: &mut Pin<Box<F>>) -> Poll<F::Output> {
        f.as_mut().poll(&mut Context::from_waker(Waker::noop()))
    }

    fn fresh(brings: Option<&'static u32>, may_end: bool) {
        THING.with(|l| {
            l.value.set(None);
            l.core.end();
            l.core.state.set(Arrival::Loading);
        });
        LOADS.with(|n| n.set(0));
        BRINGS.with(|b| b.set(brings));
        MAY_END.with(|m| m.set(may_end));
        set_loader(&THING, load);
    }

    #[test]
    fn a_value_once_fetched_is_kept_and_not_fetched_again() {
        fresh(Some(&7), true);
        assert_eq!(get(&THING), None);
        assert_eq!(poll(&mut Box::pin(arrive(&THING))), Poll::Ready(Some(&7)));
        assert_eq!((get(&THING), arrival(&THING)), (Some(&7), Arrival::Ready));
        assert_eq!(poll(&mut Box::pin(arrive(&THING))), Poll::Ready(Some(&7)));
        assert_eq!(LOADS.with(Cell::get), 1);
    }

    #[test]
    fn a_failure_is_said_and_asking_again_fetches_again() {
        fresh(None, true);
        assert_eq!(poll(&mut Box::pin(arrive(&THING))), Poll::Ready(None));
        assert_eq!(arrival(&THING), Arrival::Failed);
        BRINGS.with(|b| b.set(Some(&3)));
        assert_eq!(poll(&mut Box::pin(arrive(&THING))), Poll::Ready(Some(&3)));
        assert_eq!((arrival(&THING), LOADS.with(Cell::get)), (Arrival::Ready, 2));
    }

    #[test]
    fn those_who_ask_during_a_fetch_wait_for_that_one() {
        fresh(Some(&5), false);
        let (mut first, mut second) = (Box::pin(arrive(&THING)), Box::pin(arrive(&THING)));
        assert_eq!((poll(&mut first), poll(&mut second)), (Poll::Pending, Poll::Pending));
        assert_eq!(arrival(&THING), Arrival::Loading);
        MAY_END.with(|m| m.set(true));
        assert_eq!((poll(&mut first), poll(&mut second)), (Poll::Ready(Some(&5)), Poll::Ready(Some(&5))));
        assert_eq!((arrival(&THING), LOADS.with(Cell::get)), (Arrival::Ready, 1));
    }

    #[test]
    fn a_fetch_dropped_before_its_end_leaves_a_waiter_to_fetch() {
        fresh(Some(&9), false);
        let (mut first, mut second) = (Box::pin(arrive(&THING)), Box::pin(arrive(&THING)));
        assert_eq!((poll(&mut first), poll(&mut second)), (Poll::Pending, Poll::Pending));
        drop(first);
        MAY_END.with(|m| m.set(true));
        assert_eq!(poll(&mut second), Poll::Ready(Some(&9)));
        assert_eq!(LOADS.with(Cell::get), 2);
    }

    #[test]
    fn those_waiting_for_a_fetch_that_fails_are_told_and_fetch_nothing() {
        fresh(None, false);
        let (mut first, mut second) = (Box::pin(arrive(&THING)), Box::pin(arrive(&THING)));
        assert_eq!((poll(&mut first), poll(&mut second)), (Poll::Pending, Poll::Pending));
        MAY_END.with(|m| m.set(true));
        assert_eq!((poll(&mut first), poll(&mut second)), (Poll::Ready(None), Poll::Ready(None)));
        assert_eq!((arrival(&THING), LOADS.with(Cell::get)), (Arrival::Failed, 1));
    }

    #[test]
    fn without_a_loader_nothing_comes_and_nothing_breaks() {
        thread_local! { static NONE: Later<u32> = Later::new("none"); }
        assert_eq!(poll(&mut Box::pin(arrive(&NONE))), Poll::Ready(None));
        assert_eq!(arrival(&NONE), Arrival::Loading);
    }
}
