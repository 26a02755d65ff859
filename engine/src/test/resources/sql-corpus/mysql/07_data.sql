-- Data: backslash escapes, both comment styles, "--" that is not a comment.
INSERT INTO `people;` (`first name`, `last``name`, mood, score, `begin`) VALUES
    ('Ann', 'Smith', 'ok;fine', 80, '2020-01-01'),  -- a comment; after a row
    ('Bob', 'O\'Neil', 'it''s happy', 20, NULL),    # another; after a row
    ('Cy', 'Back\\slash;', '--not a comment', 5--1, NULL),
    ('Di', "Double \"quoted\"", '#nor this', 51, NULL),
    ('Eve', 'new\nline; tab\t', '/*nor this*/', NULL, NULL);
INSERT INTO orders (person_id, total, status) VALUES (1, 10.50, 'new;order'), (2, -3, '');
UPDATE `people;` SET score = 150 WHERE `first name` = 'Ann';
INSERT INTO t2 VALUES ('END;'), ('BEGIN'), ('END$$'), ('DELIMITER ;');
INSERT INTO minus_minus (a) VALUES (1--1), (2 -- 2
);
REPLACE INTO t2 SET a = 'replace; \' "';
CALL `weird;proc`(@total);
INSERT INTO audit (what, info) SELECT 'total', @total;
