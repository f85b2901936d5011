-- W4: ticks per symbol over the last 10 seconds, one row per tick.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Out
SELECT symbol, count() AS trades
FROM Ticks WINDOW('time', 10 SECONDS)
GROUP BY symbol;
