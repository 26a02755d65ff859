-- drop constraint child.child_parent
ALTER TABLE `child` DROP FOREIGN KEY `child_parent`;

-- alter column child.parent_id
ALTER TABLE `child` MODIFY COLUMN `parent_id` bigint(20) NULL;

-- alter column parent.id
ALTER TABLE `parent` MODIFY COLUMN `id` bigint(20) NOT NULL;

-- add constraint child.child_parent
ALTER TABLE `child` ADD CONSTRAINT `child_parent` FOREIGN KEY (`parent_id`) REFERENCES `parent` (`id`) ON DELETE CASCADE;
