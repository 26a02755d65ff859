DROP TRIGGER items_touch;
DROP TABLE items;
