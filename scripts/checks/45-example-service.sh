# The example service (examples/orders-service): its own crate and lock file, errcat with
# default-features = false and feature axum. Its tests start the server on 127.0.0.1 and ask it over
# HTTP in each wire format and language. Also runs errcat's unit tests of the http/axum glue, which
# the default build (neither feature) leaves out.
set -euo pipefail
# The same target directory as errcat's own build: the dependencies they share are built once.
export CARGO_TARGET_DIR="$PWD/target"
(cd examples/orders-service && cargo test --locked --quiet)
cargo test --locked --quiet --lib --features axum -- runtime::web:: runtime::wire::
