SELECT '#not; a comment', "-- nor; this";
SELECT 2;
