//! The group check: the page `group/index.html` loads.

fn main() {
    kzvisa_web::start_group();
}
