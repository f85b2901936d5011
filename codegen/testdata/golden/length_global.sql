-- Global aggregates over a length window: one aggregate row per chunk,
-- min/max on FIFO deques, avg read off the sum.
CREATE STREAM Trades (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Stats
SELECT count() AS n, sum(volume) AS total, avg(price) AS mean, sum(price) AS notional, max(price) AS hi, min(volume) AS lo
FROM Trades WINDOW('length', 5);
