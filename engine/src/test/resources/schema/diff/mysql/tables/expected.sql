-- drop constraint old_child.old_child_p
ALTER TABLE `old_child` DROP FOREIGN KEY `old_child_p`;

-- DESTRUCTIVE: drop table old_child
DROP TABLE `old_child`;

-- DESTRUCTIVE: drop table old_parent
DROP TABLE `old_parent`;

-- create table a
CREATE TABLE `a` (
    `id` int(11) NOT NULL,
    `b_id` int(11) NULL,
    `keep_id` int(11) NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci COMMENT='the a';

-- create table b
CREATE TABLE `b` (
    `id` int(11) NOT NULL,
    `a_id` int(11) NULL,
    PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;

-- create index a.a_b
CREATE INDEX `a_b` ON `a` (`b_id`);

-- create index a.a_keep
CREATE INDEX `a_keep` ON `a` (`keep_id`);

-- create index b.b_a
CREATE INDEX `b_a` ON `b` (`a_id`);

-- add constraint a.a_b
ALTER TABLE `a` ADD CONSTRAINT `a_b` FOREIGN KEY (`b_id`) REFERENCES `b` (`id`);

-- add constraint a.a_keep
ALTER TABLE `a` ADD CONSTRAINT `a_keep` FOREIGN KEY (`keep_id`) REFERENCES `keep` (`id`);

-- add constraint b.b_a
ALTER TABLE `b` ADD CONSTRAINT `b_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`);
