//! The pure parts of two-factor login: TOTP codes (RFC 6238: HMAC-SHA1, 6 digits, 30 s
//! steps, ±1 step accepted), the secret sealed for storage, the enrolment QR code, and
//! one-time recovery codes.

use aes_gcm::aead::{Aead as _, Payload};
use aes_gcm::{Aes256Gcm, KeyInit as _, Nonce};
use rand::RngCore as _;
use sha2::{Digest as _, Sha256};
use subtle::ConstantTimeEq as _;

/// The issuer shown in the authenticator app.
pub const ISSUER: &str = "Bedre stat-prisen";
/// How many recovery codes an enrolment gives.
pub const RECOVERY_CODES: usize = 10;
const SECRET_BYTES: usize = 20; // 160 bits, as RFC 4226 recommends
const RECOVERY_ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789"; // no l/o/0/1
const RECOVERY_CHARS: usize = 16; // 80 bits

/// Seals TOTP secrets for the database with AES-256-GCM under a key derived (HKDF-SHA256)
/// from `auth.session_secret`, with the user id as associated data: a copy of the
/// database alone gives no secret, and a sealed secret moved to another user's row does
/// not open. Without a configured session secret (a local run) there is no stable key:
/// secrets are then stored in the clear, marked `plain:` (the start-up warns), rather
/// than sealed with a key that dies with the process.
#[derive(Clone)]
pub struct SecretBox {
    key: Option<[u8; 32]>,
}

impl SecretBox {
    pub fn from_session_secret(session_secret: &str) -> Self {
        if session_secret.is_empty() {
            return Self { key: None };
        }
        let mut key = [0u8; 32];
        hkdf::Hkdf::<Sha256>::new(Some(b"bedre-stat"), session_secret.as_bytes())
            .expand(b"totp secret v1", &mut key)
            .expect("32 bytes is a valid HKDF-SHA256 length");
        Self { key: Some(key) }
    }

    fn cipher(&self) -> Option<Aes256Gcm> {
        self.key.map(|key| Aes256Gcm::new(&key.into()))
    }

    pub fn seal(&self, user_id: i32, secret: &[u8]) -> anyhow::Result<String> {
        let Some(cipher) = self.cipher() else {
            return Ok(format!("plain:{}", hex(secret)));
        };
        let mut nonce = [0u8; 12];
        rand::rng().fill_bytes(&mut nonce);
        let aad = aad(user_id);
        let sealed = cipher
            .encrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: secret,
                    aad: &aad,
                },
            )
            .map_err(|_| anyhow::anyhow!("sealing a TOTP secret"))?;
        Ok(format!("v1:{}:{}", hex(&nonce), hex(&sealed)))
    }

    pub fn open(&self, user_id: i32, stored: &str) -> anyhow::Result<Vec<u8>> {
        if let Some(plain) = stored.strip_prefix("plain:") {
            return unhex(plain).ok_or_else(|| anyhow::anyhow!("a malformed TOTP secret"));
        }
        let (nonce, sealed) = stored
            .strip_prefix("v1:")
            .and_then(|rest| rest.split_once(':'))
            .and_then(|(nonce, sealed)| Some((unhex(nonce)?, unhex(sealed)?)))
            .filter(|(nonce, _)| nonce.len() == 12)
            .ok_or_else(|| anyhow::anyhow!("a malformed TOTP secret"))?;
        let cipher = self.cipher().ok_or_else(|| {
            anyhow::anyhow!("a TOTP secret is sealed but auth.session_secret is not set")
        })?;
        let aad = aad(user_id);
        cipher
            .decrypt(
                Nonce::from_slice(&nonce),
                Payload {
                    msg: &sealed,
                    aad: &aad,
                },
            )
            .map_err(|_| {
                anyhow::anyhow!("a TOTP secret does not open (auth.session_secret changed?)")
            })
    }
}

fn aad(user_id: i32) -> Vec<u8> {
    format!("totp:user:{user_id}").into_bytes()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn unhex(text: &str) -> Option<Vec<u8>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

/// A new random secret for an authenticator.
pub fn new_secret() -> Vec<u8> {
    let mut secret = vec![0u8; SECRET_BYTES];
    rand::rng().fill_bytes(&mut secret);
    secret
}

fn totp(secret: &[u8], account: &str) -> anyhow::Result<totp_rs::Totp> {
    // A colon would split the label the app shows; the address is only a label here.
    let account = account.replace(':', " ");
    totp_rs::Builder::new()
        .with_secret(secret.to_vec())
        .with_issuer(Some(ISSUER))
        .with_account_name(account)
        .build()
        .map_err(|e| anyhow::anyhow!("building a TOTP: {e}"))
}

/// What the enrolment page shows: the secret in base32 for typing it in, the otpauth://
/// URI, and that URI drawn as an inline SVG QR code.
pub struct Enrolment {
    pub secret_base32: String,
    pub uri: String,
    pub qr_svg: String,
}

pub fn enrolment(secret: &[u8], account: &str, qr_label: &str) -> anyhow::Result<Enrolment> {
    let totp = totp(secret, account)?;
    let uri = totp
        .to_url()
        .map_err(|e| anyhow::anyhow!("the otpauth URI: {e}"))?;
    let code = qrcode::QrCode::new(uri.as_bytes()).map_err(|e| anyhow::anyhow!("QR: {e}"))?;
    let svg = code
        .render::<qrcode::render::svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .build();
    // Inline in the page: no XML declaration; an image with a name for screen readers.
    let svg = svg
        .trim_start_matches(r#"<?xml version="1.0" standalone="yes"?>"#)
        .replacen(
            "<svg ",
            &format!(
                r#"<svg role="img" aria-label="{}" "#,
                escape_attribute(qr_label)
            ),
            1,
        );
    Ok(Enrolment {
        secret_base32: totp.secret().to_base32(),
        uri,
        qr_svg: svg,
    })
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The time step `code` is right for at `unix_time` (the step before and after count
/// too, for clocks a little off), if any. The caller refuses a step already used.
pub fn check_code(secret: &[u8], code: &str, unix_time: u64) -> Option<i64> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let totp = totp(secret, "").ok()?;
    totp.check(&code, unix_time)
        .and_then(|step| i64::try_from(step).ok())
}

/// Whether the typed text looks like an app's code (6 digits) rather than a recovery code.
pub fn looks_like_totp_code(input: &str) -> bool {
    let digits: Vec<char> = input.chars().filter(|c| !c.is_whitespace()).collect();
    digits.len() == 6 && digits.iter().all(char::is_ascii_digit)
}

/// New recovery codes, shown once as `abcd-efgh-ijkm-npqr`.
pub fn new_recovery_codes() -> Vec<String> {
    let mut rng = rand::rng();
    (0..RECOVERY_CODES)
        .map(|_| {
            let chars: Vec<char> = (0..RECOVERY_CHARS)
                .map(|_| RECOVERY_ALPHABET[(rng.next_u32() % 32) as usize] as char)
                .collect();
            chars
                .chunks(4)
                .map(|chunk| chunk.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

fn normalise_recovery_code(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

fn digest(salt: &[u8], code: &str) -> [u8; 32] {
    let mut hasher = Sha256::new();
    hasher.update(salt);
    hasher.update(normalise_recovery_code(code).as_bytes());
    hasher.finalize().into()
}

/// The stored form of a recovery code: a random salt and SHA-256 of salt and code (80 bits
/// of randomness: a fast hash suffices, ASVS 2.6.2).
pub fn hash_recovery_code(code: &str) -> String {
    let mut salt = [0u8; 16];
    rand::rng().fill_bytes(&mut salt);
    format!("{}${}", hex(&salt), hex(&digest(&salt, code)))
}

/// Whether `code` is the one `stored` was made from (compared in constant time).
pub fn recovery_code_matches(code: &str, stored: &str) -> bool {
    let Some((salt, hash)) = stored
        .split_once('$')
        .and_then(|(salt, hash)| Some((unhex(salt)?, unhex(hash)?)))
    else {
        return false;
    };
    normalise_recovery_code(code).len() == RECOVERY_CHARS
        && bool::from(digest(&salt, code).as_slice().ct_eq(&hash))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_secret_opens_for_its_user_only() {
        let sealer = SecretBox::from_session_secret(&"k".repeat(64));
        let secret = new_secret();
        let sealed = sealer.seal(7, &secret).unwrap();
        assert!(sealed.starts_with("v1:"));
        assert!(!sealed.contains(&hex(&secret)));
        assert_eq!(sealer.open(7, &sealed).unwrap(), secret);
        assert!(sealer.open(8, &sealed).is_err(), "moved to another user");
        let other = SecretBox::from_session_secret(&"x".repeat(64));
        assert!(other.open(7, &sealed).is_err(), "another key");
        assert!(SecretBox::from_session_secret("").open(7, &sealed).is_err());
    }

    #[test]
    fn without_a_session_secret_the_secret_is_marked_plain() {
        let sealer = SecretBox::from_session_secret("");
        let sealed = sealer.seal(1, b"0123456789abcdefghij").unwrap();
        assert!(sealed.starts_with("plain:"));
        assert_eq!(sealer.open(1, &sealed).unwrap(), b"0123456789abcdefghij");
    }

    #[test]
    fn codes_match_rfc_6238_and_allow_one_step_of_drift() {
        // RFC 6238 appendix B, SHA-1, T = 59 s: 94287082 (8 digits) → last 6: 287082.
        let secret = b"12345678901234567890";
        assert_eq!(check_code(secret, "287082", 59), Some(1));
        assert_eq!(check_code(secret, "287 082", 59 + 30), Some(1));
        assert_eq!(check_code(secret, "287082", 59 + 90), None);
        assert_eq!(check_code(secret, "28708", 59), None);
        assert_eq!(check_code(secret, "+87082", 59), None);
    }

    #[test]
    fn recovery_codes_are_random_and_match_only_themselves() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        assert_eq!(codes[0].len(), 19);
        assert_ne!(codes[0], codes[1]);
        let stored = hash_recovery_code(&codes[0]);
        assert!(recovery_code_matches(&codes[0], &stored));
        assert!(recovery_code_matches(
            &codes[0].to_uppercase().replace('-', " "),
            &stored
        ));
        assert!(!recovery_code_matches(&codes[1], &stored));
        assert!(!recovery_code_matches("", &stored));
        assert_ne!(hash_recovery_code(&codes[0]), stored, "salted");
    }

    #[test]
    fn the_enrolment_shows_an_inline_svg_and_the_secret() {
        let enrolment = enrolment(b"12345678901234567890", "kari@dfo.no", "QR <kode>").unwrap();
        assert!(enrolment.uri.starts_with("otpauth://totp/"));
        assert_eq!(enrolment.secret_base32, "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        assert!(
            enrolment
                .qr_svg
                .starts_with("<svg role=\"img\" aria-label=\"QR &lt;kode&gt;\"")
        );
        assert!(!enrolment.qr_svg.contains("style"));
        assert!(looks_like_totp_code(" 123 456"));
        assert!(!looks_like_totp_code("abcd-efgh-ijkm-npqr"));
    }
}
