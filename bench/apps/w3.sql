-- W3: sliding statistics of the price over the last 1,000 ticks, one row
-- per tick.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Out
SELECT sum(price) AS total, avg(price) AS mean, min(price) AS low, max(price) AS high
FROM Ticks WINDOW('length', 1000);
