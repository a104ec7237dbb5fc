## Attachments on a nomination (issue 9 §2): the form's file field, the lists, the errors.

attachments-legend = Vedlegg
field-attachments = Legg ved dokumentasjon
attachments-hint = Høyst { $count } filer på høyst { $mb } MB hver: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument-tekst eller -regneark (ODT, ODS), PNG eller JPEG. Du kan velge flere filer samtidig.
attachments-current = Filer som er lagt ved:
attachments-remove = Fjern { $name }
attachments-choose-again = Filene du valgte, er ikke lagret ennå. Velg dem på nytt før du sender.
attachments-heading = Vedlegg
attachments-none = Ingen
attachments-not-in-draft = Vedlegg blir ikke lagret i utkast. Legg dem ved når du sender inn nominasjonen.
attachments-email-heading = Vedlegg vi har mottatt:
error-attachment-too-large = En av filene er større enn det som er tillatt. Velg en mindre fil.
error-attachment-too-many = Det er for mange filer. Fjern noen eller velg færre.
error-attachment-wrong-type = En av filene er ikke en type vi tar imot. Vi ser på innholdet, ikke på navnet: lagre filen som PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG eller JPEG.
