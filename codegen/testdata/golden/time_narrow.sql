-- A time window over a wide stream: PruneColumns keeps a narrow row of the
-- two columns read, and the WHERE moves below the window.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT, exchange STRING, note STRING, flag BOOL);

INSERT INTO Recent
SELECT symbol, avg(price) AS avgPrice, max(price) AS high
FROM Ticks WINDOW('time', 10 SECONDS)
WHERE price > 0.0
GROUP BY symbol;
