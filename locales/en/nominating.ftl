## Nominating made easy: drafts ("Save and continue later") and the receipt's next steps.

draft-save = Save and continue later
draft-save-hint = Saves what you have written without sending it, and e-mails you a link so you can continue later. Only the e-mail address needs to be filled in.
draft-title = Continue your nomination
draft-lead = This is a draft that has not been sent. When you send it, it becomes a nomination for Bedre stat-prisen { $year } (the deadline is { $deadline }). The draft will be deleted on { $expires } unless you save it again or send it before then.
draft-saved-title = Your draft is saved
draft-saved-email = We have sent a link to { $email }. With it you can continue where you left off and send the nomination. The draft will be deleted on { $expires } unless you save it again or send it before then.
draft-saved-not-sent = A draft is not a nomination: the secretariat does not see it until you send it. If the e-mail does not arrive, look in your spam folder.
draft-saved-again = Your draft is saved. It will be deleted on { $expires } unless you save it again or send it before then.
drafts-count = Nomination drafts in progress (not sent; only the number is shown): { $count }
# Mail about a draft goes to an address nobody has confirmed: fixed text and the link only.
email-draft-subject = Link to your draft – Bedre stat-prisen
email-draft-reminder-subject = Your draft for Bedre stat-prisen will soon be deleted
email-draft-saved = You have saved a draft nomination for Bedre stat-prisen. It has not been sent.
email-draft-reminder = You have a draft nomination for Bedre stat-prisen that has not been sent.
email-draft-link = With this link you can continue the draft and send it. The draft will be deleted on { $expires }. The link is personal – do not share it:
receipt-next-heading = What happens next
receipt-next-screening = After the deadline, { $deadline }, the secretariat checks that the nomination meets the requirements. We will contact you if anything is unclear.
receipt-next-jury = The jury assesses the nominations that go forward, and chooses finalists and a winner.
receipt-next-conference = The winner is announced at Styringskonferansen on { $date }.
receipt-next-conference-unknown = The winner is announced at Styringskonferansen early in { $year }.
receipt-sent-heading = What you sent
