## Why a mail was not delivered, explained on the outbox page (/sekretariat/epost);
## one per class in src/domain/mail_error.rs.

mail-error-unreachable = The portal could not reach the mail server. If this lasts, operations must check that the server runs and that the address in the settings is right.
mail-error-timeout = The mail server did not answer in time.
mail-error-tls = The encrypted connection to the mail server could not be set up (for example a certificate that is not accepted). Operations must check the settings.
mail-error-authentication = The mail server did not accept the portal's login. Operations must check the user name and password for the mail server.
mail-error-recipient-rejected = The recipient's address does not exist or is refused by the recipient's mail server. Check the address and contact the recipient another way.
mail-error-too-large = The message was too large for the recipient's mail server.
mail-error-temporary = The mail server refused the message for now (for example a full mailbox or too much traffic).
mail-error-refused = The mail server refused the message. It will not be delivered unless something changes; see the technical description.
mail-error-invalid-address = The address in the message is not a valid e-mail address, so it could not be sent.
mail-error-protocol = The mail server answered something the portal did not understand.
mail-error-shutdown = The portal was stopped while sending the message.
mail-error-unknown = Sending failed for an unknown reason; see the technical description.
mail-error-details = Technical description
mail-error-will-retry = The portal tries again by itself at the time under "Next attempt".
mail-error-gave-up = The portal gave up after { $attempts ->
        [one] one attempt
       *[other] { $attempts } attempts
    }. Press "Send again" once the fault is fixed.
