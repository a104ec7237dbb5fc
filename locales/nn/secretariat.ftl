## The secretariat's management of the jury's work: rounds, rubric, screening,
## assignments, impartiality and the audit log.

secretariat-work-heading = Juryarbeidet
secretariat-link-rounds = Rundar, vurderingskriterium og nominasjonar
secretariat-link-conflicts = Habilitet
secretariat-link-log = Logg over hendingar
secretariat-back-overview = Tilbake til oversikta
secretariat-back-rounds = Tilbake til rundane
secretariat-back-round = Tilbake til runden
secretariat-back-nominations = Tilbake til nominasjonane for { $year }
secretariat-back-conflicts = Tilbake til habilitet
secretariat-saved = Endringa er lagra.
secretariat-save = Lagre
secretariat-edit = Endre
secretariat-remove = Fjern
secretariat-actions = Handlingar
secretariat-yes = Ja
secretariat-no = Nei
secretariat-date-hint = Skriv datoen som ÅÅÅÅ-MM-DD, til dømes 2027-10-01.
error-round-year-taken = Det finst allereie ein runde for dette prisåret.

## Rounds
secretariat-rounds-title = Rundar
secretariat-rounds-none = Det er ingen rundar enno.
secretariat-round-new-heading = Ny runde
secretariat-round-new-lead = Fristen for nominasjonar gjeld til midnatt norsk tid. Runden får standardkriteria, som du kan endre til den første poengsummen er gitt.
secretariat-round-create = Opprett runden
secretariat-round-title = Runden for { $year }
secretariat-round-nominations-link = Nominasjonane i runden ({ $count })
secretariat-round-edit-heading = Datoar og fase
secretariat-threshold-hint = Standardavvik på skalaen 0–5 der usemje i juryen blir markert, til dømes 1,0.
field-prize_year = Prisår
field-nomination_deadline = Frist for nominasjonar
field-jury_deadline = Frist for vurderingane til juryen
field-conference_date = Dato for Styringskonferansen
field-round_phase = Fase
field-disagreement_threshold = Terskel for usemje
secretariat-phase-nominations = Nominasjon
secretariat-phase-scoring = Vurdering
secretariat-phase-discussion = Diskusjon
secretariat-phase-decided = Avgjort

## Rubric
secretariat-rubric-heading = Vurderingskriterium
secretariat-rubric-open = Kriteria kan endrast til den første poengsummen i runden er gitt. Då blir dei låste.
secretariat-rubric-locked = Kriteria er låste fordi juryen har byrja å gi poeng i denne runden.
secretariat-rubric-refused = Endringa vart ikkje lagra: kriteria er låste fordi juryen har byrja å gi poeng.
secretariat-criterion-add-heading = Legg til eit kriterium
secretariat-criterion-add = Legg til kriteriet
secretariat-criterion-edit-heading = Endre kriteriet
secretariat-weight-hint = Eit tal større enn 0, til dømes 1 eller 1,5.
field-criterion_name = Kriterium
field-criterion_description = Skildring
field-criterion_weight = Vekt
secretariat-scale-heading = Skalaen 0–5
secretariat-scale-lead = Kvart kriterium får ein poengsum frå 0 til 5 med ei kort grunngjeving. Poengsummane er ei støtte for heilskapsvurderinga til juryen, ikkje ein fasit.
secretariat-scale-value = Poeng
secretariat-scale-meaning = Tyding
anchor-0 = Ikkje noko bidrag på dette området.
anchor-1 = Lite bidrag: nokre spor av effekt, men svakt underbygd.
anchor-2 = Noko bidrag: ein tydeleg, men avgrensa effekt.
anchor-3 = Godt bidrag: ein klar og dokumentert effekt.
anchor-4 = Sterkt bidrag: ein monaleg og godt dokumentert effekt som andre kan lære av.
anchor-5 = Framifrå: ein eksepsjonell effekt, godt dokumentert, og eit førebilete for staten.

## Screening and assignments
secretariat-nominations-title = Nominasjonar for { $year }
secretariat-nominations-none = Runden har ingen nominasjonar enno.
secretariat-reference = Referanse
secretariat-status = Status
secretariat-status-submitted = Ikkje vurdert
secretariat-status-eligible = Kvalifisert
secretariat-status-excluded = Avvist
secretariat-carried-tag = (overført frå ein tidlegare runde)
secretariat-carried-from = Overført frå runden for { $year }.
secretariat-nomination-content = Nominasjonen
secretariat-received = Motteken
secretariat-screening-heading = Kvalifisering
field-screening = Er nominasjonen kvalifisert?
field-exclusion_reason = Grunngjeving for avvising
secretariat-exclusion-hint = Påkravd når nominasjonen blir avvist.
secretariat-carry-heading = Overfør til ein seinare runde
secretariat-carry-lead = Nominasjonen held på referansen sin og må kvalifiserast på nytt i den nye runden.
secretariat-carry-none = Det finst ingen seinare runde å overføre til. Opprett runden først.
secretariat-carry-submit = Overfør nominasjonen
field-target_round = Runde
secretariat-assignments-heading = Tildeling til jurymedlemmer
secretariat-assignments-rule = Utan nokon tildeling i runden får alle jurymedlemmer alle kvalifiserte nominasjonar. Så snart éin nominasjon i runden er tildelt, får kvart jurymedlem berre dei nominasjonane det er tildelt.
secretariat-assignments-all = Runden har ingen tildelingar: alle jurymedlemmer får alle kvalifiserte nominasjonar.
secretariat-assignments-explicit = Runden har tildelingar: kvart jurymedlem får berre nominasjonane det er tildelt.
secretariat-assignments-submit = Lagre tildelinga
field-assigned_jurors = Jurymedlemmer som skal vurdere nominasjonen
secretariat-jurors-none = Det er ingen jurymedlemmer enno.
secretariat-submitted-heading = Innleverte vurderingar
secretariat-submitted-none = Ingen jurymedlemmer har levert vurderinga si av denne nominasjonen.
secretariat-juror = Jurymedlem
secretariat-submitted-at = Levert
secretariat-reopen = Opne for endringar

## Impartiality
secretariat-conflicts-title = Habilitet
secretariat-conflicts-lead = Inhabilitet som jurymedlemmer har meldt, og nominasjonar frå verksemder eit jurymedlem er knytt til. Eit jurymedlem blir halde utanfor nominasjonen til sekretariatet har avgjort saka.
secretariat-conflicts-open = Ventar på avgjerd
secretariat-conflicts-decided = Avgjort
secretariat-conflicts-none = Ingen saker ventar på avgjerd.
secretariat-conflicts-none-decided = Ingen saker er avgjorde enno.
secretariat-nomination = Nominasjon
secretariat-conflict-grounds = Grunnlag
secretariat-conflict-declared = Meldt av jurymedlemmet
secretariat-conflict-affiliated = Knytt til verksemda (org.nr. { $org })
secretariat-conflict-decide = Avgjer
secretariat-conflict-upheld = Inhabil
secretariat-conflict-dismissed = Ikkje inhabil
secretariat-conflict-title = Avgjerd om habilitet
secretariat-conflict-law = Etter forvaltningslova §§ 6 og 8. Eit inhabilt jurymedlem ser ikkje poeng eller vurderingar av nominasjonen, gir ikkje poeng, blir ikkje rekna med og blir ført som fråverande når juryen avgjer.
field-conflict_decision = Avgjerd
field-conflict_note = Grunngjeving for avgjerda

## Audit log
secretariat-log-title = Logg over hendingar
secretariat-log-lead = Nyaste først. Side { $page } av { $pages } ({ $total } hendingar).
secretariat-log-time = Tidspunkt
secretariat-log-actor = Utført av
secretariat-log-action = Hending
secretariat-log-subject = Gjeld
secretariat-log-detail = Detaljar
secretariat-log-paging = Sider i loggen
secretariat-log-newer = Nyare hendingar
secretariat-log-older = Eldre hendingar
