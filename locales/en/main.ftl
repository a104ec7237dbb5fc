## English (British). Every id here must match nb/main.ftl exactly, in the same order
## (checked by a unit test in src/i18n.rs).

site-name = Bedre stat-prisen
site-owner = Norwegian Agency for Public and Financial Management (DFØ)
skip-to-content = Skip to main content
language-nav-label = Choose language
optional = (optional)
required-note = Fields not marked “optional” must be filled in.
footer-about = Bedre stat-prisen is awarded by DFØ at Styringskonferansen.
footer-privacy = Personal data in nominations and suggestions is used only in the work on the award. Logs never contain names, email addresses or free text.
footer-contact = Questions? Write to { $address }.

## Home page
home-title = Bedre stat-prisen
home-page-title = Home
home-lead = Every year, DFØ chooses the initiative that has done most to make efficient use of resources in central government – in governance, control, savings or quality improvement. Bedre stat-prisen (the Better State Award) is presented at Styringskonferansen.
home-purpose-heading = Why the award exists
home-purpose = The aim is to highlight good examples, to inspire, and to share experience between organisations.
home-areas-heading = The four areas
area-styring = Governance
area-styring-description = Better management by objectives and results, prioritisation and leadership.
area-kontroll = Control
area-kontroll-description = Better internal control and risk management that prevent errors and waste.
area-innsparing = Savings
area-innsparing-description = Documented savings in kroner or hours.
area-kvalitetsforbedring = Quality improvement
area-kvalitetsforbedring-description = Better services for users with the same resources.
home-jury-heading = What the jury looks for
home-jury-goal = the initiative’s goal, and whether it has been achieved
home-jury-effects = effects on the organisation, its users and society
home-jury-transfer = what others can learn (transfer value)
home-jury-innovation = whether the initiative is innovative
home-jury-gains = documented efficiency gains
home-jury-holistic = The jury makes an overall assessment. Points for each criterion are an indication, not the final answer – small initiatives can win too.
home-how-heading = How to take part
home-how-nominate = Organisations nominate their own initiatives using the form. You will get a reference and a receipt, and you can change the nomination until the deadline.
home-how-tip = Anyone can suggest an initiative to the secretariat. You can remain anonymous.
home-deadline = Deadline for nominations for the { $year } award: { $deadline }. Nominations are accepted all year round; those received after the deadline go forward to the following year’s award.
home-nominate-button = Nominate an initiative
home-tip-button = Tell us about an initiative
home-practice-heading = Good management by objectives and results
home-practice-lead = The award aims to spread a way of working based on these lessons:
practice-goals = Steer strategically towards overall goals.
practice-indicators = Use performance measures and indicators as indications, not as the answer.
practice-trust = Show trust and delegate authority and responsibility.
practice-learning = Foster a culture of learning and improvement.
practice-users = Bring users on board.
practice-context = Adapt management to the context and situation.
practice-stepwise = Improve step by step.
home-reading-heading = Further reading
home-reading-lead = For anyone who wants to explore management by objectives and results in more depth:

## Nomination form
nominate-title = Nominate an initiative
nominate-lead = Nominate an initiative in your organisation for Bedre stat-prisen { $year }. The deadline is { $deadline }.
nominate-edit-title = Edit nomination { $reference }
nominate-edit-lead = You can edit the nomination until the deadline, { $deadline }.
nominate-closed = The deadline for this round passed on { $deadline }. The nomination can no longer be changed, but you can read it here.
section-agency = Organisation
section-contact = Contact person
section-initiative = The initiative
section-effects = Results and effects
section-consent = Management backing and consent
field-agency_name = Name of the organisation
field-org_number = Organisation number
hint-org_number = Nine digits, for example 986 252 932.
field-contact_name = Name
field-contact_email = Email address
hint-contact_email = We will send the receipt and the link for editing the nomination to this address.
field-contact_phone = Phone number
field-title = Name of the initiative
field-categories = Area
hint-categories = Choose one or more.
field-summary = Short description
hint-summary = What is the initiative? A few sentences are enough.
field-background = Background
hint-background = What problem was the initiative meant to solve?
field-what_was_done = What was done
field-results = Results and documented effects on resource use
field-savings_nok = Estimated savings in kroner per year
field-savings_hours = Estimated savings in hours per year
hint-savings = Whole numbers. Leave the field blank if you do not have an estimate.
field-user_effects = Effects on users and society
field-transfer_value = What can others learn from the initiative?
field-other_agencies = Other organisations that took part
field-leadership_backing = The organisation’s management supports the nomination
field-consent_publish = We consent to DFØ publishing a description of the initiative if it becomes a finalist
field-website = Leave this field blank
nominate-submit = Send the nomination
nominate-save = Save the changes

## Tip form
tip-title = Tell us about an initiative
tip-lead = Do you know of an initiative that deserves Bedre stat-prisen? Your suggestion will go to the secretariat at DFØ. You can remain anonymous.
section-tip = The initiative
section-tipster = About you (optional)
field-initiative = What is the initiative?
field-agency = Which organisation is behind it?
field-reason = Why does the initiative deserve the award?
field-tipster_name = Your name
field-tipster_email = Your email address
hint-tipster_email = If you give your email address, you will get a receipt.
field-may_contact = The secretariat may contact me about my suggestion
tip-submit = Send the suggestion

## Errors
error-summary-heading = The form has errors that need to be corrected
error-required = This field must be filled in.
error-too-long = The text is too long.
error-org-number-format = The organisation number must have nine digits.
error-org-number-checksum = The organisation number is not valid. Check that the digits are correct.
error-email-invalid = Enter a valid email address, for example name@organisation.no.
error-phone-invalid = Enter a valid phone number with 8 to 15 digits.
error-category-required = Choose at least one area.
error-category-unknown = Choose from the four areas.
error-number-invalid = Enter a whole number without letters, for example 250 000.
error-email-required-for-contact = Enter your email address if you want the secretariat to be able to contact you.
error-honeypot = The form could not be accepted.
error-csrf = For security reasons, the form must be sent again. What you wrote has been kept – press the button again.
error-rate-limited = You have sent a lot of forms in a short time. Please wait a moment and try again.
error-page-title = Something went wrong
error-not-found = We could not find the page.
error-link-invalid = The link is invalid or has expired.
error-unexpected = An unexpected error occurred. Nothing was saved. Please try again shortly.
error-back-home = Go to the home page

## Receipts
receipt-nomination-title = Thank you for your nomination
receipt-nomination-lead = We have received the nomination “{ $title }” for Bedre stat-prisen { $year }.
receipt-reference = Reference: { $reference }
receipt-nomination-email = We have sent a receipt to { $email } with a link you can use to edit the nomination until the deadline, { $deadline }.
receipt-nomination-updated = Your changes have been saved.
receipt-tip-title = Thank you for your suggestion
receipt-tip-lead = Your suggestion has been received and passed on to the Bedre stat-prisen secretariat.
receipt-tip-email = We have sent a receipt to { $email }.
receipt-keep-reference = Keep the reference if you want to contact us about this matter.

## E-mail
email-tip-forward-subject = New suggestion for Bedre stat-prisen ({ $reference })
email-tip-forward-intro = A new suggestion has been received through the website.
email-tip-anonymous = The sender is anonymous.
email-tip-may-contact-yes = The sender may be contacted.
email-tip-may-contact-no = The sender does not wish to be contacted.
email-tip-receipt-subject = Receipt for your suggestion for Bedre stat-prisen ({ $reference })
email-tip-receipt-body = Thank you for your suggestion. It has been passed on to the Bedre stat-prisen secretariat.
email-nomination-receipt-subject = Receipt for your nomination for Bedre stat-prisen ({ $reference })
email-nomination-receipt-body = Thank you for nominating “{ $title }” for Bedre stat-prisen { $year }.
email-nomination-edit-link = You can view and edit the nomination until the deadline, { $deadline }, using this link. The link is personal – do not share it:
email-signature = Kind regards, the Bedre stat-prisen secretariat, DFØ
email-reference = Reference
email-sent-at = Received

## Dates: { $day } is the day of the month, { $month } the month's name.
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Yes and no, in read-only views
answer-yes = Yes
answer-no = No

## Accounts: the secretariat and the jury
nav-logout = Log out
signed-in-as = Logged in as { $name }
login-title = Log in
login-lead = For the secretariat and the jury of Bedre stat-prisen.
field-email = Email address
field-password = Password
field-password_confirmation = Repeat the password
hint-password = At least 12 characters. A sentence you remember makes a good password.
login-submit = Log in
login-forgot-link = Forgotten your password?
error-login-refused = Wrong email address or password. After { $attempts } failures in a row the account is locked for { $minutes } minutes.
forgot-title = Forgotten password
forgot-lead = Enter the email address you log in with, and we will send you a link to create a new password.
forgot-submit = Send the link
forgot-sent = If the address belongs to an account, we have sent a link to it. The link is valid for { $minutes } minutes.
password-title = Choose a password
password-lead = Choose a password for your account. All other logins to the account will be ended.
password-submit = Save the password
password-saved = Your password has been saved. You can now log in.
error-password-too-short = The password must have at least 12 characters.
error-password-mismatch = The passwords do not match.
error-role-unknown = Choose a role.
error-email-taken = An account with this email address already exists.
error-forbidden = You do not have access to this page.
secretariat-title = The secretariat
secretariat-lead = Overview of nominations, suggestions, users and email.
secretariat-counts = Nominations: { $nominations }. Suggestions: { $tips }. Emails waiting: { $waiting }. Emails that could not be sent: { $failed }.
secretariat-users-heading = Users
secretariat-invite-heading = Invite a user
field-name = Name
field-role = Role
role-admin = Secretariat
role-juror = Jury member
secretariat-invite-submit = Send the invitation
secretariat-invited = The invitation has been sent. The link to choose a password is valid for { $hours } hours.
jury-title = The jury
jury-lead = Welcome, { $name }.
jury-no-round = The nominations for you to assess will appear here when the secretariat has opened the jury's work.
email-hello = Hello { $name },
email-account-invite-subject = Invitation to Bedre stat-prisen
email-account-invite-body = You have been given an account in the Bedre stat-prisen portal. Choose your password with this link:
email-account-invite-expiry = The link can be used once and is valid for { $hours } hours.
email-account-reset-subject = New password for Bedre stat-prisen
email-account-reset-body = Someone has asked for a new password for your account. If it was not you, you can ignore this email. To create a new password, use this link:
email-account-reset-expiry = The link can be used once and is valid for { $minutes } minutes.
