//! The group check (`#view=group`): one trip for many travellers, read from a CSV file
//! pasted or opened, for tour operators, schools and delegations. The trip is kept in the
//! URL like a traveller's; the file and its names stay in this page alone.

use kzvisa_rules::group::{self, Outcome, TableError, MAX_PAGE_ROWS};
use kzvisa_rules::{InputError, InputErrorCode, RawCase};
use leptos::prelude::*;

use crate::i18n::*;
use crate::state::{rules, Key, Store};
use crate::steps::{entry_points, purposes};
use crate::widgets::{focus_after_update, tr, tr_signal, DateInput, DateParts, ErrorSummary, Radios};

mod file;
mod row;
mod table;

/// The field the travellers' file is given in.
const CSV_FIELD: &str = "group_csv";

/// A file that cannot be read as a group, as an error of its field.
fn table_error(e: &TableError) -> InputError {
    use group::TableErrorCode as T;
    let code = match e.code() {
        T::Empty => InputErrorCode::GroupEmpty,
        T::NotUtf8 => InputErrorCode::GroupNotUtf8,
        T::NoHeader => InputErrorCode::GroupNoHeader,
        T::MissingColumn => InputErrorCode::GroupMissingColumn,
        T::DuplicateColumn => InputErrorCode::GroupDuplicateColumn,
    };
    InputError::new(CSV_FIELD, code, e.to_string())
}

/// The shared trip as the form holds it.
#[derive(Clone, Copy)]
struct Trip {
    purpose: RwSignal<Option<String>>,
    entry: RwSignal<DateParts>,
    exit: RwSignal<DateParts>,
    point: RwSignal<Option<String>>,
}

impl Trip {
    fn from_url(store: Store) -> Self {
        let case = store.fragment.with_untracked(|f| f.case.clone());
        Trip {
            purpose: RwSignal::new(case.purpose),
            entry: RwSignal::new(DateParts::from_value(case.trip.entry.as_deref())),
            exit: RwSignal::new(DateParts::from_value(case.trip.exit.as_deref())),
            point: RwSignal::new(case.trip.entry_point),
        }
    }

    /// The case every traveller shares: this trip, and the URL's date and law.
    fn shared(&self, store: Store) -> RawCase {
        let mut case = RawCase {
            purpose: self.purpose.get_untracked(),
            today: Some(store.today()),
            law: store.fragment.with_untracked(|f| f.case.law.clone()),
            ..RawCase::default()
        };
        case.trip.entry = self.entry.get_untracked().to_value();
        case.trip.exit = self.exit.get_untracked().to_value();
        case.trip.entry_point = self.point.get_untracked();
        case
    }
}

/// A group assessed: a verdict or an error per row, and the file's columns not read.
#[derive(Clone)]
struct Checked {
    outcomes: Vec<Outcome>,
    ignored: Vec<String>,
}

/// Reads and assesses the group, or says what is wrong with the trip or the file.
fn check(shared: &RawCase, csv: &str) -> Result<Checked, Vec<InputError>> {
    let table = group::read_csv(csv.as_bytes()).map_err(|e| vec![table_error(&e)])?;
    if table.rows.len() > MAX_PAGE_ROWS {
        let message = format!("at most {MAX_PAGE_ROWS} travellers");
        return Err(vec![InputError::new(CSV_FIELD, InputErrorCode::GroupTooLarge, message)]);
    }
    let outcomes = group::assess(rules(), shared, &table).map_err(|e| e.0)?;
    Ok(Checked { outcomes, ignored: table.ignored })
}

#[component]
pub fn GroupScreen() -> impl IntoView {
    let store = expect_context::<Store>();
    let trip = Trip::from_url(store);
    let csv = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<InputError>::new());
    let checked = RwSignal::new(None::<Checked>);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let shared = trip.shared(store);
        // The trip goes into the URL (a link reopens it); the travellers never do.
        store.update(false, |f| {
            f.case.purpose = shared.purpose.clone();
            f.case.trip = shared.trip.clone();
        });
        match check(&shared, &csv.get_untracked()) {
            Ok(group) => {
                errors.set(Vec::new());
                checked.set(Some(group));
                focus_after_update("group-results");
            }
            Err(list) => {
                errors.set(list);
                checked.set(None);
                focus_after_update("error-summary");
            }
        }
    };
    view! {
        <ErrorSummary errors=errors />
        <form class="question group-form no-print" novalidate on:submit=on_submit>
            <h1 id="main-heading" tabindex="-1">{tr(|l| td_string!(l, group.heading))}</h1>
            <p class="lead">{tr(|l| td_string!(l, group.lead))}</p>
            <Radios field="purpose" legend=tr_signal(|l| td_string!(l, group.purpose)) choices=purposes() value=trip.purpose errors=errors />
            <DateInput field="trip.entry" legend=tr_signal(|l| td_string!(l, trip.entry)) value=trip.entry errors=errors />
            <DateInput field="trip.exit" legend=tr_signal(|l| td_string!(l, trip.exit)) value=trip.exit errors=errors />
            <Radios field="trip.entry_point" legend=tr_signal(|l| td_string!(l, trip.entry_point)) choices=entry_points() value=trip.point errors=errors />
            <file::Travellers text=csv errors=errors />
            <button type="submit" class="button" data-action="check-group">{tr(|l| td_string!(l, group.check))}</button>
        </form>
        {move || checked.get().map(|c| view! { <table::Results outcomes=c.outcomes ignored=c.ignored /> })}
        <p class="no-print">
            <a href=move || format!("../#lang={}", store.param(Key::Lang).unwrap_or_default())>
                {tr(|l| td_string!(l, group.single))}
            </a>
        </p>
    }
}
