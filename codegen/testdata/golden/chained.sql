-- Two chained queries: the first creates Mid (an inferred stream) that the
-- second reads; ORDER BY and LIMIT act per batch flush.
CREATE STREAM Orders (customer STRING, amount DOUBLE, items INT);

INSERT INTO Mid
SELECT customer, amount, items
FROM Orders
WHERE items > 0;

INSERT INTO TopCustomers
SELECT customer, sum(amount) AS spent, sum(items) AS items
FROM Mid WINDOW('lengthBatch', 4)
GROUP BY customer
ORDER BY spent DESC
LIMIT 2;
