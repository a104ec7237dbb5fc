# The round at a glance (/sekretariat), the juror's progress (/jury), the scoring page and
# the jury's reminders (issue 8, §§ 1, 5 and 6).

desk-glance-heading = The round at a glance
desk-page-nav = On this page
desk-no-open-round = No round is open. Create next year's round under Rounds.
desk-round-heading = Bedre stat prize { $year }
desk-phase-now = Phase: { $phase }.
desk-next-nominations = Next step: once the nominations are screened, the jury starts scoring.
desk-next-scoring = Next step: once the jury has submitted, open the discussion, where everyone on the jury sees every assessment.
desk-next-discussion = Next step: record the winner with the rationale on the results page, and close the round.
desk-next-decided = The round is closed.
desk-move-to = Move on to the phase “{ $phase }”
desk-phase-moved = The round has moved on to the next phase.
desk-phase-not-moved = The round had already moved on. Nothing was changed.
desk-deadlines-heading = Deadlines
desk-deadline-nomination = Nomination deadline
desk-deadline-jury = Jury deadline
desk-deadline-conference = Styringskonferansen
desk-days-left = { $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}
desk-days-ago = { $days ->
    [1] yesterday
   *[other] { $days } days ago
}
desk-no-jury-deadline = The jury has no deadline yet.
desk-set-dates = Change deadlines and phase on the round's page
desk-nominations-heading = Nominations
desk-nominations-new = New, not screened
desk-nominations-eligible = Eligible
desk-nominations-excluded = Excluded
desk-nominations-carried = Carried from an earlier round
desk-nominations-link = See and screen the nominations
desk-jury-heading = The jury's progress
desk-jury-caption = Each juror's assessment of each nomination
desk-col-juror = Juror
desk-col-done = Submitted
desk-done-of = { $submitted } of { $total }
desk-cell-not_assigned = Not assigned
desk-cell-conflicted = Conflicted
desk-cell-not_started = Not started
desk-cell-draft = Draft
desk-cell-submitted = Submitted
desk-no-jurors = No juror has an account yet.
desk-no-eligible = No nomination is eligible yet.
desk-remind-button = Send a reminder now to { $count } jurors who are not done
desk-and = and
desk-remind-explained = The jury is reminded automatically { $days } days before the deadline. A conflict does not count as something left.
desk-reminder-sent = A reminder is in the mail queue for { $count } jurors.
desk-reminder-sent-some-today = A reminder is in the mail queue for { $count } jurors. { $today } already had one today and will get no new one until tomorrow.
desk-reminder-not-scoring = Reminders can only be sent while the jury is scoring and the deadline is set.
desk-conflicts-link = Conflict cases
desk-results-link = Results and decision
desk-tips-heading = Tips
desk-tips-counts = { $total } tips in all, by status:
desk-tips-link = See the tips
desk-mail-heading = E-mail
desk-mail-waiting = Waiting to be sent: { $count }
desk-mail-failed = Could not be sent: { $count }
desk-mail-ok = No e-mail has failed.
desk-mail-link = See the mail queue
desk-users-link = Users and invitations

desk-jury-progress = { $submitted } of { $total } assessed
desk-jury-deadline = The jury's deadline: { $date } ({ $when }).
desk-jury-left-heading = What is left
desk-jury-all-done = You have submitted all your assessments. Thank you!

desk-scoring-drafts = Everything you have written is saved each time you press either button. You can change a draft until you submit.
desk-conflict-summary = Report that you may have a conflict of interest
desk-scale-summary = How the 0–5 scale is used
desk-criterion-summary = About the criterion
desk-error-score-required = Choose a score for { $criterion }.
desk-error-score-range = Choose a score from 0 to 5 for { $criterion }.
desk-error-justification-required = Write a short justification of the score for { $criterion }.
desk-error-justification-long = Make the justification for { $criterion } shorter (at most 1000 characters).
desk-error-holistic-required = Write a holistic assessment before you submit.

email-jury-reminder-subject = Reminder: the jury's deadline for the Bedre stat prize { $year } is { $deadline }
email-jury-reminder-body = The jury's deadline for the Bedre stat prize { $year } is { $deadline } ({ $days ->
    [0] today
    [1] tomorrow
   *[other] in { $days } days
}). You have submitted { $submitted } of { $total } assessments. These are left:
email-jury-reminder-drafts = Your drafts are saved. You can carry on where you left off:
