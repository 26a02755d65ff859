CREATE INDEX t_id_idx ON t (id);
CREATE TABLE u (id integer);
CREATE INDEX u_id_idx ON u (id);
