-- W1: filter keeping ~10% of the ticks, plus a projection. Prices are
-- uniform-ish over [10, 110), so price > 100.0 keeps about one tick in ten.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Out
SELECT symbol, price * 1.1 AS adj, volume
FROM Ticks
WHERE price > 100.0;
