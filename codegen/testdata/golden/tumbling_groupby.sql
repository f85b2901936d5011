-- A tumbling (timeBatch) window with GROUP BY and HAVING: one row per
-- group per flush, flushed by the scheduler.
CREATE STREAM Trades (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO PerSymbol
SELECT symbol, sum(volume) AS total, min(price) AS low, count() AS trades
FROM Trades WINDOW('timeBatch', 1 SECOND)
GROUP BY symbol
HAVING count() > 1;
