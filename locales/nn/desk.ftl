# The round at a glance (/sekretariat), the juror's progress (/jury), the scoring page and
# the jury's reminders (issue 8, §§ 1, 5 and 6).

desk-glance-heading = Runden på eit augneblink
desk-page-nav = På denne sida
desk-no-open-round = Ingen runde er open. Opprett runden for neste år under Rundar.
desk-round-heading = Bedre stat-prisen { $year }
desk-phase-now = Fase: { $phase }.
desk-next-nominations = Neste steg: når nominasjonane er vurderte, startar juryen poenggivinga.
desk-next-scoring = Neste steg: når juryen har levert, blir diskusjonen opna, og alle i juryen ser alle vurderingane.
desk-next-discussion = Neste steg: registrer vinnaren med grunngiving på resultatsida, og avslutt runden.
desk-next-decided = Runden er avslutta.
desk-move-to = Gå vidare til fasen «{ $phase }»
desk-phase-moved = Runden er flytta til neste fase.
desk-phase-not-moved = Runden var alt flytta. Ingenting er endra.
desk-deadlines-heading = Fristar
desk-deadline-nomination = Nominasjonsfrist
desk-deadline-jury = Fristen til juryen
desk-deadline-conference = Styringskonferansen
desk-days-left = { $days ->
    [0] i dag
    [1] i morgon
   *[other] om { $days } dagar
}
desk-days-ago = { $days ->
    [1] i går
   *[other] for { $days } dagar sidan
}
desk-no-jury-deadline = Juryen har ingen frist enno.
desk-set-dates = Endre fristar og fase på rundesida
desk-nominations-heading = Nominasjonar
desk-nominations-new = Nye, ikkje vurderte
desk-nominations-eligible = Kvalifiserte
desk-nominations-excluded = Avviste
desk-nominations-carried = Overførte frå ein tidlegare runde
desk-nominations-link = Sjå og vurder nominasjonane
desk-jury-heading = Framdrifta til juryen
desk-jury-caption = Vurderinga til kvart jurymedlem av kvar nominasjon
desk-col-juror = Jurymedlem
desk-col-done = Sendt inn
desk-done-of = { $submitted } av { $total }
desk-cell-not_assigned = Ikkje tildelt
desk-cell-conflicted = Ugild
desk-cell-not_started = Ikkje påbyrja
desk-cell-draft = Utkast
desk-cell-submitted = Sendt inn
desk-no-jurors = Ingen jurymedlemmar har konto enno.
desk-no-eligible = Ingen nominasjonar er kvalifiserte enno.
desk-remind-button = Send påminning no til { $count } jurymedlemmar som ikkje er ferdige
desk-and = og
desk-remind-explained = Juryen får automatisk påminning { $days } dagar før fristen. Ugildskap tel ikkje som noko som står att.
desk-reminder-sent = Påminning er lagd i e-postkøen til { $count } jurymedlemmar.
desk-reminder-sent-some-today = Påminning er lagd i e-postkøen til { $count } jurymedlemmar. { $today } hadde alt fått ei påminning i dag og får inga ny før i morgon.
desk-reminder-not-scoring = Påminningar kan berre sendast medan juryen gir poeng og fristen er sett.
desk-conflicts-link = Ugildskapssaker
desk-results-link = Resultat og vedtak
desk-tips-heading = Tips
desk-tips-counts = { $total } tips i alt, etter status:
desk-tips-link = Sjå tipsa
desk-mail-heading = E-post
desk-mail-waiting = Ventar på å bli send: { $count }
desk-mail-failed = Kunne ikkje sendast: { $count }
desk-mail-ok = Ingen e-post har feila.
desk-mail-link = Sjå e-postkøen
desk-users-link = Brukarar og invitasjonar

desk-jury-progress = { $submitted } av { $total } vurderte
desk-jury-deadline = Fristen til juryen: { $date } ({ $when }).
desk-jury-left-heading = Dette står att
desk-jury-all-done = Du har sendt inn alle vurderingane dine. Takk!

desk-scoring-drafts = Alt du har skrive, blir lagra kvar gong du trykkjer på ein av knappane. Eit utkast kan du endre til du sender inn.
desk-conflict-summary = Meld frå om at du kan vere inhabil
desk-scale-summary = Slik blir skalaen 0–5 brukt
desk-criterion-summary = Om kriteriet
desk-error-score-required = Vel ein poengsum for { $criterion }.
desk-error-score-range = Vel ein poengsum frå 0 til 5 for { $criterion }.
desk-error-justification-required = Skriv ei kort grunngiving for poengsummen for { $criterion }.
desk-error-justification-long = Gjer grunngivinga for { $criterion } kortare (høgst 1000 teikn).
desk-error-holistic-required = Skriv ei heilskapsvurdering før du sender inn.

email-jury-reminder-subject = Påminning: fristen til juryen for Bedre stat-prisen { $year } er { $deadline }
email-jury-reminder-body = Fristen til juryen for Bedre stat-prisen { $year } er { $deadline } ({ $days ->
    [0] i dag
    [1] i morgon
   *[other] om { $days } dagar
}). Du har sendt inn { $submitted } av { $total } vurderingar. Desse står att:
email-jury-reminder-drafts = Utkasta dine er lagra. Du kan halde fram der du slapp:
