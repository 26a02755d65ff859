-- alter table item
ALTER TABLE `item` CONVERT TO CHARACTER SET utf8mb3 COLLATE utf8mb3_general_ci;

-- alter table item
ALTER TABLE `item` MODIFY COLUMN `name` varchar(80) NULL COMMENT 'the name';

-- alter table item
ALTER TABLE `item` MODIFY COLUMN `code` varchar(10) COLLATE ascii_bin NULL;

-- alter table item
ALTER TABLE `item` COMMENT='things';

-- DESTRUCTIVE: drop column item.note
ALTER TABLE `item` DROP COLUMN `note`;

-- DESTRUCTIVE: alter column item.id
ALTER TABLE `item` MODIFY COLUMN `id` int(10) unsigned NOT NULL AUTO_INCREMENT;

-- alter column item.name
ALTER TABLE `item` MODIFY COLUMN `name` varchar(80) NULL COMMENT 'the name';

-- alter column item.price
ALTER TABLE `item` MODIFY COLUMN `price` bigint(20) NOT NULL DEFAULT 5;

-- alter column item.updated
ALTER TABLE `item` MODIFY COLUMN `updated` timestamp NULL ON UPDATE current_timestamp();

-- alter column item.code
ALTER TABLE `item` MODIFY COLUMN `code` varchar(10) COLLATE ascii_bin NULL;

-- add column item.twice
ALTER TABLE `item` ADD COLUMN `twice` bigint(20) GENERATED ALWAYS AS (`price` * 2) STORED;

-- add column item.half
ALTER TABLE `item` ADD COLUMN `half` bigint(20) GENERATED ALWAYS AS (`price` / 2) VIRTUAL;
