# Decision-support pictures (issue 8 §4) and the explanations of the measures.
charts-heading = Poenga som bilete
charts-lead = Bileta viser dei same tala som tabellane, og tala bak kvart bilete står i ein tabell under det. Kvart jurymedlem har eit nummer:
charts-juror-legend = Numra til jurymedlemmane
charts-method-vektet = Vekta snitt
charts-method-median = Median
charts-method-z = Z-snitt
charts-method-borda = Borda
charts-slope-heading = Rangeringa etter kvar metode
charts-slope-title = Plassering etter vekta snitt, median, z-normalisert snitt og Borda-poeng
charts-slope-desc = Kvar linje er éin nominasjon, med plassen han får under kvar metode. Tynne, stipla, flate linjer: metodane gir same plass. Tjukke, heiltrekte linjer: metodane gir ulik plass.
charts-slope-disagree = Metodane gir ulik plass til { $list }.
charts-slope-agree = Alle metodane gir kvar nominasjon same plass.
charts-slope-table = Tala står i tabellen over.
charts-heatmap-heading = Vekta poengsum per jurymedlem
charts-heatmap-title = Den vekta poengsummen til kvart jurymedlem per nominasjon
charts-heatmap-desc = Radene er nominasjonar, kolonnane jurymedlemmar (nummer som i lista). Mørkare blått er høgare poengsum, og talet står i ruta. Skravert rute med ordet «inhabil»: jurymedlemmet er inhabil. Kvit, stipla rute med ordet «manglar»: ingen innsende poeng.
charts-conflict = inhabil
charts-conflict-short = inh.
charts-missing = manglar
charts-missing-short = –
charts-legend-conflict = Inhabil (skravert)
charts-legend-missing = Manglar poeng (stipla)
charts-show-table = Vis tala som tabell
charts-col-nomination = Nominasjon
charts-col-criterion = Kriterium
charts-col-spread = Maks − min
charts-criterion-flag = usamde
charts-strips-heading = Poeng per kriterium
charts-strips-lead = Kvar sirkel er poenga til eitt jurymedlem på skalaen 0–5, med nummeret til jurymedlemmet i sirkelen. Like poeng står over kvarandre, så spreiinga og den som skil seg ut, syner med ein gong.
charts-strip-title = Poeng per kriterium for { $reference }
charts-strip-desc = Poeng frå kvart jurymedlem per kriterium, på skalaen 0–5.
charts-strip-flagged = Jurymedlemmane er usamde om { $list }.
charts-strip-calm = Ingen kriterium der jurymedlemmane er usamde.
charts-few-jurors = Berre { $counted } av { $jury } jurymedlemmar har poeng som tel her. Les plasseringa med varsemd.
charts-few-jurors-tag = Berre { $counted } jurymedlemmar
charts-criteria-flagged-one = Usamde om eitt kriterium
charts-criteria-flagged = Usamde om { $count } kriterium
explain-z = Z-normalisert snitt rettar opp for at somme jurymedlemmar gir strengt og andre romsleg: poenga til kvart jurymedlem blir målte mot snittet og spreiinga til same jurymedlem, og resultatet blir sett på ein skala frå 0 til 5 for denne runden.
explain-z-summary = Formelen for z-normalisert snitt
explain-z-formula = For jurymedlem j med snitt x̄ⱼ og standardavvik sⱼ: z = (x − x̄ⱼ) / sⱼ. Snittet av z per nominasjon blir skalert til 0–5: 5 · (z − z_min) / (z_max − z_min).
explain-borda = Borda-poeng tel plasseringar, ikkje avstandar: kvart jurymedlem gir ein nominasjon eitt poeng for kvar nominasjon jurymedlemmet gav lågare poengsum, og eit halvt poeng for kvar som fekk like mykje.
explain-borda-summary = Formelen for Borda-poeng
explain-borda-formula = B(n) = Σⱼ [ talet på m der xⱼₘ < xⱼₙ + ½ · talet på m ≠ n der xⱼₘ = xⱼₙ ], summert over jurymedlemmane j som gav n poeng.
explain-criteria = Usemje blir òg flagga per kriterium: når poenga til jurymedlemmane på eitt kriterium ligg to poeng eller meir frå kvarandre, sjølv om snittet deira er likt.
explain-kendall = Kendalls W måler kor samde jurymedlemmane er om rekkjefølgja: 1 tyder at alle rangerer nominasjonane likt, 0 at rangeringane ikkje heng saman.
explain-kendall-summary = Formelen for Kendalls W
explain-kendall-formula = W = 12 S / (m²(n³ − n) − m · ΣT), der S = Σᵢ (Rᵢ − m(n + 1)/2)², Rᵢ er summen av plassane nominasjon i fekk, m er talet på jurymedlemmar, n talet på nominasjonar og T ei retting for delte plassar.
