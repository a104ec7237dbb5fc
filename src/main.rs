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
    /// Manage the accounts of the secretariat and the jury.
    #[command(subcommand)]
    User(UserCommand),
    /// A person's rights over their data (GDPR art. 15 and 17), by e-mail address.
    #[command(subcommand)]
    Privacy(PrivacyCommand),
    /// Write a consistent copy of the SQLite database to a new file, while serving. For
    /// PostgreSQL it says how to use pg_dump.
    Backup {
        #[arg(long)]
        out: std::path::PathBuf,
    },
    /// Remove the personal data whose retention period ([retention] in the configuration)
    /// has run out: tipsters' and nominees' contact details, accounts disabled long
    /// enough. `serve` does this once a day by itself.
    Purge {
        /// Only print how many records of each kind would lose their personal data.
        #[arg(long)]
        dry_run: bool,
        /// Apply the rules as of this time (UTC, `YYYY-MM-DDTHH:MM:SS`) instead of now:
        /// for tests.
        #[arg(long, hide = true)]
        as_of: Option<chrono::NaiveDateTime>,
    },
    /// Records for the archive (Noark 5), for journalling in DFØ's archive system.
    #[command(subcommand)]
    Archive(ArchiveCommand),
    /// Put a SQLite backup in place of the database (stop the server first).
    Restore {
        #[arg(long)]
        from: std::path::PathBuf,
    },
}

#[derive(Subcommand)]
enum ArchiveCommand {
    /// Write every nomination and tip of a round to a folder: one folder per record, named
    /// by its reference, with metadata.xml (Noark 5 arkivmelding, a journalpost of type
    /// "Inngående dokument"), the document as PDF/A and its attachments.
    Export {
        /// The round's prize year (e.g. 2027).
        #[arg(long)]
        round: i32,
        /// A new or empty folder to write to.
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Print, as JSON, everything stored about an e-mail address.
    Export {
        #[arg(long)]
        email: String,
    },
    /// Erase an e-mail address, and the name and phone number given with it, from tips,
    /// nominations and mail, and anonymise the staff account with the address (its scores
    /// and assessments stay, under its id). The tips and nominations themselves stay.
    Erase {
        #[arg(long)]
        email: String,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    /// Create an account and print a one-time link to set its password (the same link is
    /// e-mailed through the outbox; the running server delivers it).
    Add {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// admin (the secretariat) or juror.
        #[arg(long)]
        role: String,
        /// Language of the e-mail: nb, nn or en.
        #[arg(long, default_value = "nb")]
        lang: String,
    },
    /// Switch an account off: its sessions end at once, it cannot log in, and its open
    /// invitation or reset links stop working.
    Disable {
        #[arg(long)]
        email: String,
    },
    /// Switch a disabled account on again.
    Enable {
        #[arg(long)]
        email: String,
    },
    /// Take away an account's authenticator (a lost phone): its recovery codes go too, its
    /// sessions end, and it enrols again at its next login if two-factor is required.
    ResetTotp {
        #[arg(long)]
        email: String,
    },
}

/// Large blocks (1 MiB and up) straight from the kernel, and back to it when freed.
///
/// glibc's default raises this threshold to the largest block freed so far: after the
/// first password check, argon2id's 19 MiB. From then on each hash's memory is carved out
/// of a malloc arena, where small allocations of other threads (database reads, requests)
/// land above it and keep it from being given back. A flood of logins with wrong
/// passwords grew the process from 25 MiB to ~290 MiB, with at most two hashes running
/// (`bench/run.sh`'s login flood); with the threshold fixed it peaks at idle plus the
/// hashes running (~19 MiB each) and falls back after.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn return_large_blocks_to_the_kernel() {
    // SAFETY: `mallopt` only changes malloc's tuning, and may be called at any time.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, 1 << 20);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn return_large_blocks_to_the_kernel() {}

#[actix_web::main]
async fn main() -> anyhow::Result<()> {
    return_large_blocks_to_the_kernel();
    let cli = Cli::parse();
    let settings = Settings::load(cli.config.as_deref())?;
    bedre_stat::telemetry::init(settings.logging.format);
    match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let app = Application::build(settings.clone())?;
            tracing::info!(host = %settings.server.host, port = app.port(), "serving Bedre stat-prisen");
            app.run_until_stopped().await
        }
        Command::User(UserCommand::Add {
            email,
            name,
            role,
            lang,
        }) => add_user(settings, &email, &name, &role, &lang).await,
        Command::User(UserCommand::Disable { email }) => switch_user(settings, &email, true).await,
        Command::User(UserCommand::Enable { email }) => switch_user(settings, &email, false).await,
        Command::User(UserCommand::ResetTotp { email }) => reset_totp(settings, &email).await,
        Command::Privacy(command) => privacy(settings, command).await,
        Command::Purge { dry_run, as_of } => purge(settings, dry_run, as_of).await,
        Command::Archive(ArchiveCommand::Export { round, out }) => {
            archive_export(settings, round, &out).await
        }
        Command::Backup { out } => {
            let db = Database::connect(&settings.database.url, 1)?;
            bedre_stat::db::backup::backup(&db, &out)?;
            println!("Backup written to {}.", out.display());
            Ok(())
        }
        Command::Restore { from } => {
            bedre_stat::db::backup::restore(&settings.database.url, &from)?;
            println!(
                "Restored {} to {}.",
                from.display(),
                &*settings.database.url
            );
            Ok(())
        }
        Command::Migrate => {
            Database::connect(&settings.database.url, 1)?;
            tracing::info!("migrations applied");
            Ok(())
        }
    }
}

async fn add_user(
    settings: Settings,
    email: &str,
    name: &str,
    role: &str,
    lang: &str,
) -> anyhow::Result<()> {
    use bedre_stat::accounts::CreateUserError;
    use bedre_stat::domain::{Actor, EmailAddress, Role, ShortText};
    use bedre_stat::i18n::Lang;
    let email = EmailAddress::parse(email)
        .map_err(|_| anyhow::anyhow!("--email is not a valid e-mail address"))?;
    let name = ShortText::parse(name)
        .map_err(|_| anyhow::anyhow!("--name must be given (at most 200 characters)"))?;
    let role = Role::parse(role).map_err(|_| anyhow::anyhow!("--role must be admin or juror"))?;
    let lang =
        Lang::from_code(lang).ok_or_else(|| anyhow::anyhow!("--lang must be nb, nn or en"))?;
    let accounts = accounts_for_cli(&settings)?;
    match accounts
        .create_user(email, name, role, lang, Actor::Cli)
        .await
    {
        Ok((user, link)) => {
            println!("Created user {} ({}).", user.id, role.code());
            println!("One-time link to set the password (also e-mailed): {link}");
            Ok(())
        }
        Err(CreateUserError::EmailTaken) => {
            anyhow::bail!("an account with this e-mail address exists")
        }
        Err(CreateUserError::Unexpected(error)) => Err(error),
    }
}

fn accounts_for_cli(settings: &Settings) -> anyhow::Result<bedre_stat::accounts::Accounts> {
    let db = Database::connect(&settings.database.url, 1)?;
    let identity = bedre_stat::email::MailIdentity::new(
        &settings.mail.from,
        &settings.mail.tip_recipient,
        &settings.server.base_url,
    )?;
    Ok(bedre_stat::accounts::Accounts::new(
        db,
        identity,
        Default::default(),
        settings.auth.clone(),
    ))
}

/// Why the CLI refuses to switch off or erase the one enabled secretariat account.
const LAST_ADMIN: &str = "this is the only enabled secretariat account, and nobody could \
    sign in to run the portal without it: add another first (bedre-stat user add --role admin)";

async fn switch_user(settings: Settings, email: &str, disable: bool) -> anyhow::Result<()> {
    use bedre_stat::accounts::Switched;
    use bedre_stat::domain::Actor;
    let accounts = accounts_for_cli(&settings)?;
    let Some(user) = accounts.find_by_email(email.to_owned()).await? else {
        anyhow::bail!("no account has this e-mail address");
    };
    match accounts.set_disabled(user.id, disable, Actor::Cli).await? {
        Switched::Done if disable => {
            println!("Disabled user {}; their sessions have ended.", user.id)
        }
        Switched::Done => println!("Enabled user {} again.", user.id),
        Switched::AlreadySo if disable => println!("User {} was already disabled.", user.id),
        Switched::AlreadySo => println!("User {} was not disabled.", user.id),
        Switched::LastAdmin => anyhow::bail!("{LAST_ADMIN}"),
        Switched::NoSuchUser => anyhow::bail!("no account has this e-mail address"),
    }
    Ok(())
}

async fn reset_totp(settings: Settings, email: &str) -> anyhow::Result<()> {
    let accounts = accounts_for_cli(&settings)?;
    let Some(user) = accounts.find_by_email(email.to_owned()).await? else {
        anyhow::bail!("no account has this e-mail address");
    };
    match accounts
        .reset_two_factor(user.id, bedre_stat::domain::Actor::Cli)
        .await?
    {
        Some(true) => println!(
            "Reset the authenticator of user {}; their sessions have ended.",
            user.id
        ),
        Some(false) => println!("User {} had no authenticator.", user.id),
        None => anyhow::bail!("no account has this e-mail address"),
    }
    Ok(())
}

async fn privacy(settings: Settings, command: PrivacyCommand) -> anyhow::Result<()> {
    use bedre_stat::db::{audit, privacy};
    use bedre_stat::domain::Actor;
    let db = Database::connect(&settings.database.url, 1)?;
    match command {
        PrivacyCommand::Export { email } => {
            let data = db
                .read(move |conn| Ok(privacy::export(conn, &email)?))
                .await?;
            println!("{}", serde_json::to_string_pretty(&data)?);
        }
        PrivacyCommand::Erase { email } => {
            let erased = db
                .write(move |conn| {
                    if privacy::is_the_last_admin(conn, &email)? {
                        return Ok(None);
                    }
                    let erased = privacy::erase(conn, &email, Actor::Cli)?;
                    let detail = format!(
                        "tips:{} nominations:{} drafts:{} messages:{} accounts:{} files_kept:{}",
                        erased.tips,
                        erased.nominations,
                        erased.drafts,
                        erased.messages,
                        erased.accounts,
                        erased.attachments_kept
                    );
                    audit::record(conn, Actor::Cli, "privacy.erased", "person", Some(&detail))?;
                    Ok(Some(erased))
                })
                .await?;
            let Some(erased) = erased else {
                anyhow::bail!("{LAST_ADMIN}");
            };
            println!(
                "Erased from {} tips, {} nominations and {} messages; {} staff accounts anonymised; {} drafts deleted.",
                erased.tips, erased.nominations, erased.messages, erased.accounts, erased.drafts
            );
            if erased.attachments_kept > 0 {
                println!(
                    "Files kept on those nominations: {}. They are the agency's documents: \
                     read them in the secretariat's desk if the request covers what they \
                     say about the person.",
                    erased.attachments_kept
                );
            }
        }
    }
    Ok(())
}

async fn purge(
    settings: Settings,
    dry_run: bool,
    as_of: Option<chrono::NaiveDateTime>,
) -> anyhow::Result<()> {
    use bedre_stat::services::retention;
    let db = Database::connect(&settings.database.url, 1)?;
    let now = as_of.unwrap_or_else(bedre_stat::db::now);
    let periods = settings.retention;
    let (counts, verb) = if dry_run {
        (retention::preview(&db, periods, now).await?, "Would remove")
    } else {
        let actor = bedre_stat::domain::Actor::Cli;
        (retention::purge(&db, periods, now, actor).await?, "Removed")
    };
    println!("{verb} the personal data of:");
    println!(
        "  tips (tipster's name and e-mail):       {}",
        counts.tip_contacts
    );
    println!(
        "  nominations (contact person):           {}",
        counts.nomination_contacts
    );
    println!(
        "  staff accounts (disabled, anonymised):  {}",
        counts.accounts
    );
    Ok(())
}

async fn archive_export(
    settings: Settings,
    year: i32,
    out: &std::path::Path,
) -> anyhow::Result<()> {
    use bedre_stat::services::archive;
    let db = Database::connect(&settings.database.url, 1)?;
    let actor = bedre_stat::domain::Actor::Cli;
    let counts = archive::export(&db, year, out, actor, bedre_stat::db::now()).await?;
    println!(
        "Exported {} nominations and {} tips of the {year} round ({} documents) to {}.",
        counts.nominations,
        counts.tips,
        counts.files,
        out.display()
    );
    Ok(())
}
