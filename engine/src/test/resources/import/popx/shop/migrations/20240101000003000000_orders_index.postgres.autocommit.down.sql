DROP INDEX CONCURRENTLY orders_customer_idx;
