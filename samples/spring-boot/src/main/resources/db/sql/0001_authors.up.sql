CREATE TABLE author (
    id BIGINT NOT NULL PRIMARY KEY,
    name VARCHAR(200) NOT NULL
);

INSERT INTO author (id, name) VALUES (1, 'Ursula K. Le Guin');
INSERT INTO author (id, name) VALUES (2, 'Stanisław Lem');
