-- A sort window and a unique (keyed) window: removal by value and by key,
-- so min/max use the general aggregators.
CREATE STREAM Quotes (symbol STRING, price DOUBLE, size INT);

INSERT INTO TopPrices
SELECT symbol, price, min(price) AS floor
FROM Quotes WINDOW('sort', 3, price, 'desc');

INSERT INTO Latest
SELECT symbol, price, count() AS symbols, max(size) AS biggest
FROM Quotes WINDOW('unique', symbol);
