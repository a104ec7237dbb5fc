## The privacy statement (/personvern), the accessibility statement (/tilgjengelighet)
## and the footer's links to them. Periods and addresses come from the configuration.

footer-statements-label = About this site
footer-privacy-link = Privacy statement
footer-accessibility-link = Accessibility statement
footer-write-to = Questions? Write to

privacy-title = Privacy statement
privacy-lead = This page explains what personal data the Bedre stat-prisen website collects, why, who sees it, how long it is kept, and what your rights are.
privacy-controller-heading = Who is responsible
privacy-controller = The Norwegian Agency for Public and Financial Management (DFØ) is the controller of the data on this website. The award's secretariat at DFØ processes it.
privacy-contact = If you have questions about privacy here, write to
privacy-collected-heading = What we collect, and why
privacy-what = What
privacy-why = Purpose
privacy-basis = Legal basis
privacy-who = Who sees it
privacy-how-long = How long

privacy-nomination-heading = The nomination form
privacy-nomination-what = The agency and its organisation number, a description of the initiative and its results, and a contact person: name, email address and, optionally, phone number. Documents the agency attaches (for example reports), which may contain personal data; we ask that they hold none beyond the names of those who worked on the initiative.
privacy-nomination-why = To handle the nomination, send a receipt with a link for changing it, and get in touch with the agency about it.
privacy-nomination-basis = A task carried out in the public interest (GDPR Article 6(1)(e)): DFØ awards the prize as part of its work for good management in central government.
privacy-nomination-who = The secretariat at DFØ and the jury. The contact person receives the receipt by email. Nothing is published unless the agency has agreed to it.
privacy-nomination-how-long = The contact person is deleted { $years ->
    [one] one year
   *[other] { $years } years
} after the round (after Styringskonferansen, or after the deadline if no conference date has been set), unless the initiative is in the public library of good examples. The nomination itself is kept as part of the award's history.

privacy-tip-heading = The suggestion form
privacy-tip-what = The initiative, the agency and why you suggest it. Your name and email address are optional, and you decide whether the secretariat may contact you.
privacy-tip-why = To assess the suggestion, and to contact you about it if you have said we may.
privacy-tip-basis = A task carried out in the public interest (GDPR Article 6(1)(e)). You give your name and email address voluntarily.
privacy-tip-who = The suggestion is forwarded by email to the secretariat ({ $recipient }). If you give your email address, you receive a receipt.
privacy-tip-how-long = Your name and email address are deleted { $days ->
    [one] one day
   *[other] { $days } days
} after the Styringskonferansen of the round the suggestion is for. If that round has no conference date, the time counts from its nomination deadline; if the suggestion belongs to no round yet, from the day it arrived. The suggestion itself is kept.

privacy-staff-heading = Accounts for the secretariat and the jury
privacy-staff-what = Name, email address, role, password (only as a salted hash), the key for two-step login if used, links to organisations, and the jurors' scores, justifications and assessments.
privacy-staff-why = To give access to the work on the award, and to make sure nobody assesses a nomination they have a conflict of interest in.
privacy-staff-basis = A task in the public interest (Article 6(1)(e)) and a legal obligation (Article 6(1)(c)): the impartiality rules of the Public Administration Act, section 6.
privacy-staff-who = The secretariat. The jury's assessments are part of the basis for the decision on the winner.
privacy-staff-how-long = An account that has been disabled for { $accountdays ->
    [one] one day
   *[other] { $accountdays } days
} is anonymised: name, email address, password and two-step key are deleted. Scores, assessments and decisions remain without a name, so the jury's work can still be reviewed.

privacy-technical-heading = Using the website
privacy-technical-what = Cookies for signing in and for your choice of language, and your IP address for short periods.
privacy-technical-why = Signing in, remembering your language, and protection against abuse (limits on how many forms and login attempts can be sent).
privacy-technical-basis = A task carried out in the public interest (Article 6(1)(e)). The cookies are strictly necessary for the service and need no consent.
privacy-technical-who = No one outside DFØ. The website uses no analytics and no third-party cookies.
privacy-technical-how-long = A login lasts { $hours } hours. IP addresses used for the limits are held in memory only and forgotten once they are no longer needed.

privacy-mail-heading = Email
privacy-mail = Email sent by the website (receipts, forwarded suggestions, invitations) keeps its recipient and content for { $maildays ->
    [one] one day
   *[other] { $maildays } days
} after delivery. After that only the subject, reference and times remain. An email containing a personal link loses its content as soon as it has been delivered.
privacy-log-heading = Logs
privacy-log = The audit log shows what was done, by whom (as a user ID) and on which case (a reference). It never holds names, email addresses or free text; nor do the technical logs.

privacy-rights-heading = Your rights
privacy-rights-lead = You have the right to
privacy-right-access = know what data we hold about you, and get a copy of it
privacy-right-rectify = have incorrect data corrected
privacy-right-erase = have data about you deleted, unless we are required to keep it
privacy-right-restrict = ask us to restrict processing while a question is being settled
privacy-right-object = object to the processing on grounds relating to your particular situation
privacy-right-portability = receive the data you gave us in a machine-readable format
privacy-rights-how = To use your rights, write to us. We answer as soon as we can, and within one month at the latest:
privacy-complaint = If you believe we process your data unlawfully, you can complain to
privacy-complaint-link = the Norwegian Data Protection Authority, Datatilsynet (datatilsynet.no)

a11y-title = Accessibility statement
a11y-lead = This statement covers the Bedre stat-prisen website ({ $site }), including the nomination and suggestion forms and the pages for the secretariat and the jury.
a11y-standard-heading = Requirements
a11y-standard = The website must meet WCAG 2.1 at level AA, as required by the Norwegian regulations on universal design of ICT solutions.
a11y-status-heading = Status
a11y-status = As far as we have been able to test, the website meets the requirements, with the exceptions below. Every page works without JavaScript and is available in Bokmål, Nynorsk and English.
a11y-deviations-heading = Known issues
a11y-deviation-manual = The pages are tested automatically, but have not been reviewed by hand with a screen reader or by users with disabilities. Automated tests do not find every problem.
a11y-deviation-external = The links to articles on the home page lead to websites we are not responsible for; some of them are in English or Danish.
a11y-deviation-exports = The score table the secretariat can download (CSV) is a spreadsheet, not a web page, and has not been tested for accessibility.
a11y-how-heading = How we test
a11y-how = Every page is tested automatically with axe-core against WCAG 2.1 levels A and AA, in Bokmål and Nynorsk, in a real browser (Chromium).
a11y-checked = Last automated test
a11y-statement-date = Statement last reviewed
a11y-checked-how = The website cannot see for itself when the tests last ran: the date is set in the configuration by whoever runs the tests before a new version goes live.
a11y-feedback-heading = Feedback
a11y-feedback = Did something on the website stop you, or do you need the content in another format? Write to
a11y-complaint = If you get no answer, or are not satisfied with it, you can notify
a11y-complaint-link = the Authority for Universal Design of ICT (uutilsynet.no)
