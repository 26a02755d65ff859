-- alter column line.id
ALTER TABLE `line` MODIFY COLUMN `id` int(11) NOT NULL;

-- alter column ticket.id
ALTER TABLE `ticket` MODIFY COLUMN `id` int(11) NOT NULL;

-- drop constraint line.primary key
ALTER TABLE `line` DROP PRIMARY KEY;

-- DESTRUCTIVE: drop constraint ticket.primary key
ALTER TABLE `ticket` DROP PRIMARY KEY;

-- add constraint label.primary key
ALTER TABLE `label` ADD PRIMARY KEY (`id`);

-- add constraint line.primary key
ALTER TABLE `line` ADD PRIMARY KEY (`id`);

-- alter column label.id
ALTER TABLE `label` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;

-- alter column line.id
ALTER TABLE `line` MODIFY COLUMN `id` int(11) NOT NULL AUTO_INCREMENT;
