## Attachments on a nomination (issue 9 §2): the form's file field, the lists, the errors.

attachments-legend = Attachments
field-attachments = Attach documentation
attachments-hint = At most { $count } files of at most { $mb } MB each: PDF, Word (DOCX), Excel (XLSX), PowerPoint (PPTX), OpenDocument text or spreadsheet (ODT, ODS), PNG or JPEG. You can choose several files at once.
attachments-current = Files attached:
attachments-remove = Remove { $name }
attachments-choose-again = The files you chose have not been saved yet. Choose them again before you send.
attachments-heading = Attachments
attachments-none = None
attachments-not-in-draft = Attachments are not saved in drafts. Attach them when you send the nomination.
attachments-email-heading = Attachments we received:
error-attachment-too-large = One of the files is larger than allowed. Choose a smaller file.
error-attachment-too-many = There are too many files. Remove some or choose fewer.
error-attachment-wrong-type = One of the files is not a type we accept. We look at its content, not its name: save the file as PDF, DOCX, XLSX, PPTX, ODT, ODS, PNG or JPEG.
