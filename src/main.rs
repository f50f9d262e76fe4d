//! The traveller's check: the page `index.html` loads.

// The feature builds the group page (group.html), whose build leaves this page out (lib.rs).
#[cfg(feature = "group-page")]
compile_error!("the traveller's page is built without the `group-page` feature");

fn main() {
    kzvisa_web::start();
}
