DROP INDEX items_name_idx;
