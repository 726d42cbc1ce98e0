//! Records are owned and can cross threads.

fn assert_send_sync_static<T: Send + Sync + 'static>() {}

#[test]
fn records_are_send_sync_static() {
    assert_send_sync_static::<fupin::Quantity>();
    assert_send_sync_static::<fupin::PovertyIndicator>();
    assert_send_sync_static::<fupin::ParseError>();
    assert_send_sync_static::<fupin::TimeExpr>();
    assert_send_sync_static::<fupin::Extractor>();
}

#[test]
fn pieces_cross_threads() {
    assert_send_sync_static::<fupin::Pieces>();
    assert_send_sync_static::<fupin::Piece<'static>>();
    assert_send_sync_static::<fupin::Indicators<'static>>();
}
