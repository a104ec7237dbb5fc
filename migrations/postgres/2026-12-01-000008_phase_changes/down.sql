DROP TABLE round_phase_changes;
