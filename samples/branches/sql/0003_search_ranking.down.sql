DROP VIEW account_ranking;
