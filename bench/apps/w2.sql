-- W2: tumbling 1-second periods, one summary row per symbol traded in the
-- period (1,000 symbols), written when the period ends.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Out
SELECT symbol, avg(price) AS avgPrice, sum(volume) AS totalVolume, count() AS trades
FROM Ticks WINDOW('tumbling', 1 SECOND)
GROUP BY symbol;
