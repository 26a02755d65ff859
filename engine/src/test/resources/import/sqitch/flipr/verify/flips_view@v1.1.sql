-- Verify flipr:flips_view on pg

SELECT id, nickname, body FROM flips_view WHERE 1 = 0;
