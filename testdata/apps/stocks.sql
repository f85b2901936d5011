-- Stock ticker: a small example app using LANGUAGE.md §1-§4 only.
-- Run it on the bundled events, on the events' own clock:
--   efc run --playback testdata/apps/stocks.sql < testdata/apps/stocks.events.jsonl

CREATE STREAM StockStream (symbol STRING, price DOUBLE, volume BIGINT);

-- Trades of at least 500 shares, with their value. LargeTrades is created
-- by this statement and read by the last query.
INSERT INTO LargeTrades
SELECT symbol, price, volume, price * volume AS tradeValue
FROM StockStream
WHERE volume >= 500;

-- Per-symbol summary of each 2-second period (periods start at the first
-- trade); one row per symbol traded in the period, written when it ends.
INSERT INTO SymbolSummary
SELECT symbol, avg(price) AS avgPrice, sum(volume) AS totalVolume, count() AS trades
FROM StockStream WINDOW('tumbling', 2 SECONDS)
GROUP BY symbol;

-- High and low of each symbol over the last 5 large trades, written on each
-- large trade whose symbol's range is wider than 1.00.
INSERT INTO LargeTradeRange
SELECT symbol, max(price) AS high, min(price) AS low, count() AS largeTrades
FROM LargeTrades WINDOW('length', 5)
GROUP BY symbol
HAVING max(price) - min(price) > 1.0;
