-- include another file
\i other.sql
