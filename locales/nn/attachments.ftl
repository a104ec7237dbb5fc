## Attachments on a nomination (issue 9 §2): the form's file field, the lists, the errors.

attachments-legend = Vedlegg
field-attachments = Legg ved dokumentasjon
attachments-hint = Høgst { $count } filer på høgst { $mb } MB kvar: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument-tekst eller -rekneark (ODT, ODS), PNG eller JPEG. Du kan velje fleire filer samtidig.
attachments-current = Filer som er lagde ved:
attachments-remove = Fjern { $name }
attachments-choose-again = Filene du valde, er ikkje lagra enno. Vel dei på nytt før du sender.
attachments-heading = Vedlegg
attachments-none = Ingen
attachments-not-in-draft = Vedlegg blir ikkje lagra i utkast. Legg dei ved når du sender inn nominasjonen.
attachments-email-heading = Vedlegg vi har fått:
error-attachment-too-large = Ei av filene er større enn det som er tillate. Vel ei mindre fil.
error-attachment-too-many = Det er for mange filer. Fjern nokre eller vel færre.
error-attachment-wrong-type = Ei av filene er ikkje ein type vi tek imot. Vi ser på innhaldet, ikkje på namnet: lagre fila som PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG eller JPEG.
