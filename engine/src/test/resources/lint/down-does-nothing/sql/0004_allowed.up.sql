CREATE INDEX t_note ON t (note);
