SELECT 'é'; SELECT 'ö';
