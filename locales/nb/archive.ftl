## Records for the archive (bedre-stat archive export): the Noark 5 titles and the PDF's
## texts. The archive copy is always in bokmål; the other languages keep the same messages.

archive-title-nomination = Nominasjon til Bedre stat-prisen { $year }: { $title } – { $agency }
archive-title-tip = Tips til Bedre stat-prisen: { $initiative } – { $agency }
archive-pdf-document = Dokument
archive-pdf-kind-nomination = Nominasjon til Bedre stat-prisen { $year }
archive-pdf-kind-tip = Tips til Bedre stat-prisen
archive-pdf-reference = Referanse
archive-pdf-received = Mottatt
archive-pdf-updated = Sist endret
archive-pdf-round = Prisår
archive-pdf-contact-erased = Slettet etter at oppbevaringstiden løp ut
archive-pdf-attachments = Vedlegg
archive-pdf-may-contact = Sekretariatet kan kontakte avsenderen om tipset
archive-pdf-tipster = Avsender
archive-pdf-page = { $reference } – side { $page } av { $pages }
archive-yes = Ja
archive-no = Nei
archive-anonymous = Anonym
