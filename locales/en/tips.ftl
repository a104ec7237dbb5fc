# The secretariat's triage of tips, the search and the filtered list of nominations.
tips-state = Status
tips-state-new = New
tips-state-under_review = Under review
tips-state-linked = Linked to a nomination
tips-state-invited = Agency invited
tips-state-closed = Closed
tips-action-review = start the review
tips-action-link = link the tip to a nomination
tips-action-invite = invite the agency
tips-action-close = close the tip
tips-action-reopen = reopen the tip
tips-refused-not-from = Cannot { $action }: the tip's status is “{ $state }”.
tips-refused-changed = Someone else changed the tip at the same time; its status is now “{ $state }”. Look over the tip and try again if needed.
tips-triaged = Saved. The tip's status is now “{ $state }”.
tips-back = Back to the tips
tips-heading = Tip { $reference }
tips-triaged-at = last changed
tips-tipster = Tipster
tips-tipster-anonymous = The tipster is anonymous.
tips-tipster-no-contact = The tipster does not wish to be contacted.
tips-language = Written in
tips-language-nb = Norwegian Bokmål
tips-language-nn = Norwegian Nynorsk
tips-language-en = English
tips-linked-to = Linked to
tips-triage-heading = Triage
tips-review-lead = Mark that the secretariat is looking into the tip.
tips-action-review-button = Start review
tips-reopen-lead = Reopen the tip to triage it again. Its link or its reason for closing is removed.
tips-action-reopen-button = Reopen
tips-link-heading = Link to a nomination
tips-action-link-button = Link to the nomination
tips-link-none = There are no nominations to link the tip to yet.
tips-invite-heading = Invite the agency to nominate
tips-invite-lead = The e-mail is filled in for you. Edit it as you like before sending. It goes through the outbox, and replies go to the secretariat.
tips-invite-draft-language = Language of the e-mail
tips-invite-draft-button = Fill in the template in this language
tips-invite-in-language = The template is in
tips-invite-recipient-hint = The agency's address, e.g. postmottak@agency.no.
tips-action-invite-button = Send the invitation
tips-close-heading = Close the tip
tips-close-hint = For example: outside the prize's scope, a duplicate of another tip, too little to go on.
tips-action-close-button = Close the tip
tips-duplicates-heading = Likely duplicates
tips-duplicates-lead = Tips and nominations about the same agency or with similar text, side by side with this tip.
tips-duplicate-caption = Compared with { $reference }
tips-duplicate-same-agency = same agency
tips-duplicate-similarity = { $percent } % similar text
tips-duplicate-this = This tip ({ $reference })
tips-duplicate-kind-tip = Tip { $reference }
tips-duplicate-kind-nomination = Nomination { $reference }
tips-duplicate-text = Text
tips-duplicates-none = No other tip or nomination resembles this one.
tips-linked-heading = Tips about this initiative
field-link_nomination = Nomination
field-closed_reason = Reason for closing
field-invite_recipient = To (e-mail address)
field-invite_language = Language
field-invite_subject = Subject
field-invite_body = Text
email-agency-invitation-subject = Invitation to nominate for the Bedre stat prize
email-agency-invitation-greeting = Hello,
email-agency-invitation-intro = The secretariat of the Bedre stat prize has received a tip about an initiative at { $agency }:
email-agency-invitation-ask = We would like you to nominate the initiative. You will find the nomination form here:
email-agency-invitation-about = The Bedre stat prize is awarded by DFØ to initiatives that have contributed to efficient use of resources in the Norwegian state, within governance, control, savings or quality improvement. Feel free to reply to this e-mail with any questions.
search-link = Search nominations and tips
search-title = Search
search-lead = Search all text in nominations and tips. Inflected forms match: “innkjøp” also finds “innkjøpene”.
search-field = Search terms
search-button = Search
search-results = { $count ->
    [0] No results
    [one] One result
   *[other] { $count } results
}
search-kind-tip = Tip
search-kind-nomination = Nomination
search-none = No nomination or tip contains all the search terms.
find-link = All nominations, with filters
find-title = Nominations
find-round = Round
find-any = All
find-agency = Agency (name or organisation number)
find-button = Show
find-count = { $count ->
    [0] No nominations
    [one] One nomination
   *[other] { $count } nominations
}
secretariat-mail-purpose-agency_invitation = Invitation to an agency to nominate
