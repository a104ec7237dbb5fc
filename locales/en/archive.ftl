## Records for the archive (bedre-stat archive export): the Noark 5 titles and the PDF's
## texts. The archive copy is always in bokmål; the other languages keep the same messages.

archive-title-nomination = Nomination for Bedre stat-prisen { $year }: { $title } – { $agency }
archive-title-tip = Tip for Bedre stat-prisen: { $initiative } – { $agency }
archive-pdf-document = Document
archive-pdf-kind-nomination = Nomination for Bedre stat-prisen { $year }
archive-pdf-kind-tip = Tip for Bedre stat-prisen
archive-pdf-reference = Reference
archive-pdf-received = Received
archive-pdf-updated = Last changed
archive-pdf-round = Prize year
archive-pdf-contact-erased = Erased when the retention period ran out
archive-pdf-attachments = Attachments
archive-pdf-may-contact = The secretariat may contact the sender about the tip
archive-pdf-tipster = Sender
archive-pdf-page = { $reference } – page { $page } of { $pages }
archive-yes = Yes
archive-no = No
archive-anonymous = Anonymous
