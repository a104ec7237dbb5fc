// Portable column types only, so one schema serves SQLite and PostgreSQL.

diesel::table! {
    sequences (name) {
        name -> Text,
        value -> BigInt,
    }
}

diesel::table! {
    rounds (id) {
        id -> Integer,
        prize_year -> Integer,
        nomination_deadline -> Date,
        closes_at -> Timestamp,
        created_at -> Timestamp,
        jury_deadline -> Nullable<Date>,
        conference_date -> Nullable<Date>,
        phase -> Text,
        disagreement_threshold -> Double,
    }
}

diesel::table! {
    nominations (id) {
        id -> Integer,
        reference -> Text,
        round_id -> Integer,
        agency_name -> Text,
        org_number -> Text,
        contact_name -> Text,
        contact_email -> Text,
        contact_phone -> Nullable<Text>,
        title -> Text,
        categories -> Text,
        summary -> Text,
        background -> Text,
        what_was_done -> Text,
        results -> Text,
        savings_nok -> Nullable<BigInt>,
        savings_hours -> Nullable<BigInt>,
        user_effects -> Text,
        transfer_value -> Text,
        other_agencies -> Nullable<Text>,
        leadership_backing -> Bool,
        consent_publish -> Bool,
        status -> Text,
        language -> Text,
        edit_token_hash -> Text,
        submission_key -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        exclusion_reason -> Nullable<Text>,
        carried_from_round_id -> Nullable<Integer>,
    }
}

diesel::table! {
    tips (id) {
        id -> Integer,
        reference -> Text,
        initiative -> Text,
        agency -> Text,
        reason -> Text,
        tipster_name -> Nullable<Text>,
        tipster_email -> Nullable<Text>,
        may_contact -> Bool,
        triage_state -> Text,
        language -> Text,
        nomination_id -> Nullable<Integer>,
        submission_key -> Nullable<Text>,
        created_at -> Timestamp,
        closed_reason -> Nullable<Text>,
        triaged_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    outbox_messages (id) {
        id -> Integer,
        message_id -> Text,
        purpose -> Text,
        subject_ref -> Text,
        recipient -> Text,
        reply_to -> Nullable<Text>,
        subject -> Text,
        body_text -> Text,
        body_html -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        claimed_until -> Nullable<Timestamp>,
        claim_token -> Nullable<Text>,
        last_error -> Nullable<Text>,
        sent_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        recipient_hash -> Nullable<Text>,
        live_link -> Bool,
    }
}

diesel::table! {
    receipt_counts (recipient_hash, day) {
        recipient_hash -> Text,
        day -> Date,
        receipts -> Integer,
    }
}

diesel::table! {
    nomination_drafts (id) {
        id -> Integer,
        token_hash -> Text,
        reminder_token_hash -> Nullable<Text>,
        contact_email -> Text,
        content -> Text,
        language -> Text,
        submission_key -> Nullable<Text>,
        saved_at -> Timestamp,
        reminded_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    nomination_attachments (id) {
        id -> Integer,
        nomination_id -> Integer,
        file_name -> Text,
        content_type -> Text,
        size_bytes -> BigInt,
        content -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    outbox_attempts (id) {
        id -> Integer,
        outbox_message_id -> Integer,
        attempted_at -> Timestamp,
        succeeded -> Bool,
        error -> Nullable<Text>,
    }
}

diesel::table! {
    audit_events (id) {
        id -> Integer,
        occurred_at -> Timestamp,
        actor -> Text,
        action -> Text,
        subject_ref -> Text,
        detail -> Nullable<Text>,
    }
}

diesel::table! {
    users (id) {
        id -> Integer,
        email -> Text,
        name -> Text,
        role -> Text,
        password_hash -> Nullable<Text>,
        failed_logins -> Integer,
        locked_until -> Nullable<Timestamp>,
        created_at -> Timestamp,
        disabled_at -> Nullable<Timestamp>,
        totp_secret -> Nullable<Text>,
        totp_enrolled_at -> Nullable<Timestamp>,
        totp_last_step -> Nullable<BigInt>,
        erased_at -> Nullable<Timestamp>,
        language -> Nullable<Text>,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Integer,
        user_id -> Integer,
        code_hash -> Text,
        created_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    sessions (key_hash) {
        key_hash -> Text,
        user_id -> Nullable<Integer>,
        state -> Text,
        expires_at -> Timestamp,
        created_at -> Timestamp,
    }
}

diesel::table! {
    account_tokens (id) {
        id -> Integer,
        user_id -> Integer,
        token_hash -> Text,
        purpose -> Text,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    criteria (id) {
        id -> Integer,
        round_id -> Integer,
        code -> Text,
        name -> Text,
        description -> Text,
        weight -> Double,
        position -> Integer,
    }
}

diesel::table! {
    assignments (id) {
        id -> Integer,
        round_id -> Integer,
        juror_id -> Integer,
        nomination_id -> Integer,
    }
}

diesel::table! {
    affiliations (id) {
        id -> Integer,
        user_id -> Integer,
        org_number -> Text,
        organisation -> Text,
        role -> Text,
        period_from -> Nullable<Date>,
        period_to -> Nullable<Date>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    conflicts (id) {
        id -> Integer,
        nomination_id -> Integer,
        juror_id -> Integer,
        reason -> Text,
        status -> Text,
        decision_note -> Nullable<Text>,
        decided_by -> Nullable<Integer>,
        decided_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    scores (id) {
        id -> Integer,
        nomination_id -> Integer,
        juror_id -> Integer,
        criterion_id -> Integer,
        value -> Integer,
        justification -> Text,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    assessments (id) {
        id -> Integer,
        nomination_id -> Integer,
        juror_id -> Integer,
        holistic -> Text,
        submitted_at -> Nullable<Timestamp>,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    decisions (id) {
        id -> Integer,
        round_id -> Integer,
        kind -> Text,
        rationale -> Text,
        departs_from_ranking -> Bool,
        decided_by -> Integer,
        decided_at -> Timestamp,
    }
}

diesel::table! {
    decision_nominations (decision_id, nomination_id) {
        decision_id -> Integer,
        nomination_id -> Integer,
    }
}

diesel::table! {
    decision_absences (decision_id, nomination_id, juror_id) {
        decision_id -> Integer,
        nomination_id -> Integer,
        juror_id -> Integer,
    }
}

diesel::joinable!(nominations -> rounds (round_id));
diesel::joinable!(criteria -> rounds (round_id));
diesel::joinable!(scores -> criteria (criterion_id));
diesel::joinable!(scores -> nominations (nomination_id));
diesel::joinable!(assessments -> nominations (nomination_id));
diesel::joinable!(conflicts -> nominations (nomination_id));
diesel::table! {
    round_phase_changes (id) {
        id -> Integer,
        round_id -> Integer,
        from_phase -> Text,
        to_phase -> Text,
        reason -> Text,
        changed_by -> Integer,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    jury_reminders (id) {
        id -> Integer,
        round_id -> Integer,
        juror_id -> Integer,
        jury_deadline -> Date,
        days_before -> Integer,
        sent_at -> Timestamp,
    }
}

diesel::table! {
    library_entries (id) {
        id -> Integer,
        nomination_id -> Nullable<Integer>,
        prize_year -> Integer,
        outcome -> Text,
        title -> Text,
        agency_name -> Text,
        categories -> Text,
        summary -> Text,
        results -> Nullable<Text>,
        user_effects -> Nullable<Text>,
        transfer_value -> Nullable<Text>,
        other_agencies -> Nullable<Text>,
        show_contact -> Bool,
        published -> Bool,
        first_published_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::joinable!(round_phase_changes -> rounds (round_id));
diesel::table! {
    jury_reminders_by_hand (id) {
        id -> Integer,
        round_id -> Integer,
        juror_id -> Integer,
        sent_on -> Date,
        sent_at -> Timestamp,
    }
}

diesel::joinable!(jury_reminders -> rounds (round_id));
diesel::joinable!(jury_reminders_by_hand -> rounds (round_id));
diesel::joinable!(affiliations -> users (user_id));
diesel::joinable!(decision_nominations -> decisions (decision_id));
diesel::joinable!(sessions -> users (user_id));
diesel::joinable!(account_tokens -> users (user_id));
diesel::joinable!(recovery_codes -> users (user_id));
diesel::joinable!(tips -> nominations (nomination_id));
diesel::joinable!(nomination_attachments -> nominations (nomination_id));
diesel::joinable!(outbox_attempts -> outbox_messages (outbox_message_id));

diesel::allow_tables_to_appear_in_same_query!(
    sequences,
    rounds,
    nominations,
    tips,
    outbox_messages,
    outbox_attempts,
    receipt_counts,
    nomination_drafts,
    nomination_attachments,
    audit_events,
    users,
    sessions,
    account_tokens,
    recovery_codes,
    criteria,
    assignments,
    affiliations,
    conflicts,
    scores,
    assessments,
    decisions,
    decision_nominations,
    decision_absences,
    round_phase_changes,
    jury_reminders,
    jury_reminders_by_hand,
    library_entries,
);

diesel::table! {
    rate_limits (bucket, client) {
        bucket -> Text,
        client -> Text,
        tat_ms -> BigInt,
    }
}
