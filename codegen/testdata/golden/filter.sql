-- A stateless filter and projection: the single-event path, no window,
-- no aggregation.
CREATE STREAM Trades (symbol STRING, price DOUBLE, volume INT);

INSERT INTO Big
SELECT symbol, price * volume AS value, upper(symbol) AS sym
FROM Trades
WHERE price > 100.0 AND volume >= 10;
