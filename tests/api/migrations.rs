use bedre_stat::db::Database;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestDatabase};
use diesel_migrations::MigrationHarness;

on_both_backends!(migrations_run_up_down_and_up_again);

async fn migrations_run_up_down_and_up_again(backend: Backend) {
    let database = TestDatabase::create(backend);
    let db = Database::connect(&database.url, 1).expect("migrates up");
    let mut conn = db.write_conn().unwrap();
    let applied = conn.applied_migrations().unwrap();
    assert!(!applied.is_empty());
    conn.revert_all_migrations(db.migrations())
        .expect("every migration reverts");
    assert!(conn.applied_migrations().unwrap().is_empty());
    conn.run_pending_migrations(db.migrations())
        .expect("and applies again");
    assert_eq!(conn.applied_migrations().unwrap(), applied);
}
