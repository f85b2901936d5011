-- W5: three queries chained through intermediate streams: trades of at
-- least 100 shares with their notional value, the large ones among them,
-- and per symbol the total of its large trades among the last 100.
CREATE STREAM Ticks (symbol STRING, price DOUBLE, volume BIGINT);

INSERT INTO Trades
SELECT symbol, price, volume, price * volume AS notional
FROM Ticks
WHERE volume >= 100;

INSERT INTO Large
SELECT symbol, notional
FROM Trades
WHERE notional > 50000.0;

INSERT INTO Out
SELECT symbol, sum(notional) AS total, count() AS trades
FROM Large WINDOW('length', 100)
GROUP BY symbol;
