-- drop constraint child.child_qty
ALTER TABLE `child` DROP CONSTRAINT `child_qty`;

-- add constraint child.child_qty
ALTER TABLE `child` ADD CONSTRAINT `child_qty` CHECK (`qty` >= 0);

-- add constraint child.child_small
ALTER TABLE `child` ADD CONSTRAINT `child_small` CHECK (`qty` < 1000);

-- add constraint child.primary key
ALTER TABLE `child` ADD PRIMARY KEY (`id`);

-- create index child.child_ab
CREATE INDEX `child_ab` ON `child` (`a`, `b`);

-- create index child.child_parent
CREATE INDEX `child_parent` ON `child` (`parent_id`);

-- add constraint child.child_ab
ALTER TABLE `child` ADD CONSTRAINT `child_ab` FOREIGN KEY (`a`, `b`) REFERENCES `parent` (`a`, `b`) ON UPDATE CASCADE;

-- add constraint child.child_parent
ALTER TABLE `child` ADD CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE;
