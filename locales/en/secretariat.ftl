## The secretariat's management of the jury's work: rounds, rubric, screening,
## assignments, impartiality and the audit log.

secretariat-work-heading = The jury's work
secretariat-link-rounds = Rounds, criteria and nominations
secretariat-link-conflicts = Impartiality
secretariat-link-log = Audit log
secretariat-back-overview = Back to the overview
secretariat-back-rounds = Back to the rounds
secretariat-back-round = Back to the round
secretariat-back-nominations = Back to the nominations for { $year }
secretariat-back-conflicts = Back to impartiality
secretariat-saved = The change is saved.
secretariat-save = Save
secretariat-edit = Edit
secretariat-remove = Remove
secretariat-actions = Actions
secretariat-yes = Yes
secretariat-no = No
secretariat-date-hint = Write the date as YYYY-MM-DD, for example 2027-10-01.
error-round-year-taken = There is already a round for this prize year.

## Rounds
secretariat-rounds-title = Rounds
secretariat-rounds-none = There are no rounds yet.
secretariat-round-new-heading = New round
secretariat-round-new-lead = The nomination deadline lasts until midnight Norwegian time. The round gets the default criteria, which you can change until the first score is given.
secretariat-round-create = Create the round
secretariat-round-title = The { $year } round
secretariat-round-nominations-link = The round's nominations ({ $count })
secretariat-round-edit-heading = Dates and phase
secretariat-threshold-hint = Standard deviation on the 0–5 scale above which the jury's disagreement is flagged, for example 1.0.
field-prize_year = Prize year
field-nomination_deadline = Nomination deadline
field-jury_deadline = Deadline for the jury's assessments
field-conference_date = Date of Styringskonferansen
field-round_phase = Phase
field-disagreement_threshold = Disagreement threshold
secretariat-phase-nominations = Nominations
secretariat-phase-scoring = Scoring
secretariat-phase-discussion = Discussion
secretariat-phase-decided = Decided

## Rubric
secretariat-rubric-heading = Criteria
secretariat-rubric-open = The criteria can be changed until the first score in the round is given. Then they are locked.
secretariat-rubric-locked = The criteria are locked because the jury has started scoring in this round.
secretariat-rubric-refused = The change was not saved: the criteria are locked because the jury has started scoring.
secretariat-criterion-add-heading = Add a criterion
secretariat-criterion-add = Add the criterion
secretariat-criterion-edit-heading = Edit the criterion
secretariat-weight-hint = A number greater than 0, for example 1 or 1.5.
field-criterion_name = Criterion
field-criterion_description = Description
field-criterion_weight = Weight
secretariat-scale-heading = The 0–5 scale
secretariat-scale-lead = Each criterion gets a score from 0 to 5 with a short justification. Scores support the jury's holistic judgement; they do not decide it.
secretariat-scale-value = Score
secretariat-scale-meaning = Meaning
anchor-0 = No contribution in this area.
anchor-1 = Slight contribution: some signs of effect, but poorly supported.
anchor-2 = Some contribution: a clear but limited effect.
anchor-3 = Good contribution: a clear and documented effect.
anchor-4 = Strong contribution: a substantial, well-documented effect that others can learn from.
anchor-5 = Outstanding: an exceptional, well-documented effect and a model for the state.

## Screening and assignments
secretariat-nominations-title = Nominations for { $year }
secretariat-nominations-none = The round has no nominations yet.
secretariat-reference = Reference
secretariat-status = Status
secretariat-status-submitted = Not screened
secretariat-status-eligible = Eligible
secretariat-status-excluded = Excluded
secretariat-carried-tag = (carried from an earlier round)
secretariat-carried-from = Carried from the { $year } round.
secretariat-nomination-content = The nomination
secretariat-received = Received
secretariat-screening-heading = Screening
field-screening = Is the nomination eligible?
field-exclusion_reason = Reason for exclusion
secretariat-exclusion-hint = Required when the nomination is excluded.
secretariat-carry-heading = Carry into a later round
secretariat-carry-lead = The nomination keeps its reference and is screened again in the new round.
secretariat-carry-none = There is no later round to carry it into. Create that round first.
secretariat-carry-submit = Carry the nomination
field-target_round = Round
secretariat-assignments-heading = Assignment to jurors
secretariat-assignments-rule = Without any assignment in the round, every juror gets every eligible nomination. As soon as one nomination in the round is assigned, each juror gets only the nominations assigned to them.
secretariat-assignments-all = The round has no assignments: every juror gets every eligible nomination.
secretariat-assignments-explicit = The round has assignments: each juror gets only the nominations assigned to them.
secretariat-assignments-submit = Save the assignment
field-assigned_jurors = Jurors who assess this nomination
secretariat-jurors-none = There are no jurors yet.
secretariat-submitted-heading = Submitted assessments
secretariat-submitted-none = No juror has submitted an assessment of this nomination.
secretariat-juror = Juror
secretariat-submitted-at = Submitted
secretariat-reopen = Reopen for changes

## Impartiality
secretariat-conflicts-title = Impartiality
secretariat-conflicts-lead = Conflicts of interest jurors have declared, and nominations from organisations a juror is affiliated with. A juror is kept out of the nomination until the secretariat has decided.
secretariat-conflicts-open = Awaiting a decision
secretariat-conflicts-decided = Decided
secretariat-conflicts-none = No cases await a decision.
secretariat-conflicts-none-decided = No cases have been decided yet.
secretariat-nomination = Nomination
secretariat-conflict-grounds = Grounds
secretariat-conflict-declared = Declared by the juror
secretariat-conflict-affiliated = Affiliated with the organisation (org. no. { $org })
secretariat-conflict-decide = Decide
secretariat-conflict-upheld = Conflicted
secretariat-conflict-dismissed = Not conflicted
secretariat-conflict-title = Decision on impartiality
secretariat-conflict-law = Under the Public Administration Act (forvaltningsloven) §§ 6 and 8. A conflicted juror sees no scores or assessments of the nomination, does not score it, is left out of its aggregation and is recorded as absent from the jury's decision.
field-conflict_decision = Decision
field-conflict_note = Reason for the decision

## Audit log
secretariat-log-title = Audit log
secretariat-log-lead = Newest first. Page { $page } of { $pages } ({ $total } events).
secretariat-log-time = Time
secretariat-log-actor = By
secretariat-log-action = Event
secretariat-log-subject = Subject
secretariat-log-detail = Details
secretariat-log-paging = Pages of the log
secretariat-log-newer = Newer events
secretariat-log-older = Older events
