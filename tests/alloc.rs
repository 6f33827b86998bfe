//! The run-time API allocates nothing for argument-free messages: a counting global allocator
//! checks `localize` (exact tags and typical `Accept-Language` values) and serializing the JSON
//! body into a reserved buffer.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

/// Counts allocations per thread, so that tests running in parallel do not see each other's.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.with(|n| n.set(n.get() + 1));
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// How many allocations `f` makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (usize, T) {
    let before = ALLOCATIONS.with(Cell::get);
    let value = f();
    (ALLOCATIONS.with(Cell::get) - before, value)
}

fn catalog() -> &'static errcat::Catalog {
    let catalog = errcat::catalog();
    assert_eq!(catalog.codes().len(), 70, "the shipped catalog loaded");
    catalog
}

const HEADERS: &[&str] = &[
    "zh-CN,zh;q=0.9,en;q=0.8",
    "en-US,en;q=0.9",
    "en-GB,en;q=0.8,zh;q=0.5",
    "zh;q=0.9, en;q=0.8, *;q=0.1",
    "en",
    "zh",
    "EN-us",
    "zh_CN",
    "",
    "*",
];

#[test]
fn the_counter_counts() {
    let (n, v) = allocations(|| vec![1u8; 16]);
    assert_eq!((n, v.len()), (1, 16));
}

#[test]
fn localize_with_an_exact_tag_does_not_allocate() {
    let catalog = catalog();
    for entry in catalog.codes() {
        for tag in ["zh-CN", "en-US"] {
            let (n, localized) = allocations(|| catalog.localize(entry.code(), tag));
            let localized = localized.expect("known code");
            assert_eq!(n, 0, "{} {tag}: {n} allocations", entry.code());
            assert_eq!(localized.locale, tag);
            drop(localized);
        }
    }
}

/// A regional variant of an available language (`en-GB`) is matched by the slow path once per
/// language and cached; every later request is allocation-free.
fn warm_up(catalog: &errcat::Catalog) {
    for header in HEADERS {
        let _ = catalog.localize("CSBS.0001", header);
    }
}

#[test]
fn localize_with_typical_accept_language_values_does_not_allocate() {
    let catalog = catalog();
    warm_up(catalog);
    for entry in catalog.codes() {
        for header in HEADERS {
            let (n, localized) = allocations(|| catalog.localize(entry.code(), header));
            assert!(localized.is_ok());
            assert_eq!(n, 0, "{} {header:?}: {n} allocations", entry.code());
        }
    }
}

#[test]
fn serializing_the_body_into_a_reserved_buffer_does_not_allocate() {
    let catalog = catalog();
    warm_up(catalog);
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);
    for entry in catalog.codes() {
        for header in HEADERS {
            let (n, ()) = allocations(|| {
                buffer.clear();
                let response = catalog.error_response(entry.code(), header).expect("known code");
                serde_json::to_writer(&mut buffer, &response.body).expect("a Vec accepts every write");
            });
            assert_eq!(n, 0, "{} {header:?}: {n} allocations", entry.code());
            let body: serde_json::Value = serde_json::from_slice(&buffer).expect("valid JSON");
            assert_eq!(body["error_code"], entry.code());
        }
    }
}
