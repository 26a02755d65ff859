DROP TABLE items;
DROP FUNCTION items_touch();
