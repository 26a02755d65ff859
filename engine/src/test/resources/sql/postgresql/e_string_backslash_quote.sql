SELECT E'it\'s; fine', e'tab\tnew\\';
SELECT 2;
