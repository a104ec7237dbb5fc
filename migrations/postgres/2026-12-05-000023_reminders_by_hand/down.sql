DROP TABLE jury_reminders_by_hand;
