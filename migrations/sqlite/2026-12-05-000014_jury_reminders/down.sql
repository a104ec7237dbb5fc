DROP TABLE jury_reminders;
