-- Needs invoices (billing), hence depends_on.
CREATE VIEW account_ranking AS
SELECT a.id, a.name, COALESCE(SUM(i.amount), 0) AS invoiced
FROM accounts a
LEFT JOIN invoices i ON i.account_id = a.id
GROUP BY a.id, a.name;
