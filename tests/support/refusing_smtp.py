"""An aiosmtpd handler for the tests: stores mail in a maildir as aiosmtpd's Mailbox does,
but refuses for good (550, as a real server does for an unknown user) every recipient
whose local part starts with "ukjent"."""

from aiosmtpd.handlers import Mailbox


class RefusingMailbox(Mailbox):
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address.split("@")[0].startswith("ukjent"):
            return "550 5.1.1 No such user here"
        envelope.rcpt_tos.append(address)
        return "250 OK"
