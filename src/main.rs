use bedre_stat::config::Settings;
use bedre_stat::db::Database;
use bedre_stat::startup::Application;
use clap::{Parser, Subcommand};
use std::path::PathBuf;

/// Bedre stat-prisen: the nomination portal for DFØ's yearly award.
#[derive(Parser)]
#[command(version, about)]
struct Cli {
    /// A TOML file whose keys override config/default.toml (environment variables
    /// BEDRE_STAT__<SECTION>__<KEY> override both).
    #[arg(long, global = true, env = "BEDRE_STAT_CONFIG")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web portal and deliver e-mail (the default).
    Serve,
    /// Apply pending database migrations and exit.
    Migrate,
}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    bedre_stat::telemetry::init();
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(settings.clone())?;
            tracing::info!(host = %settings.server.host, port = app.port(), "serving Bedre stat-prisen");
            app.run_until_stopped().await
        }
        Command::Migrate => {
            Database::connect(&settings.database.url, 1)?;
            tracing::info!("migrations applied");
            Ok(())
        }
    }
}
