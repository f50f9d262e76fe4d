//! The traveller's check: the page `index.html` loads.

fn main() {
    kzvisa_web::start();
}
