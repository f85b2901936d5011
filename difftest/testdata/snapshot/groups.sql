-- GROUP BY one key of each type (the bare-key index) and several keys
-- (the key struct), NULL, -0.0 and NaN keys among them, with and without
-- windows, HAVING and ORDER BY.
CREATE STREAM Src (k STRING, v INT, l BIGINT, f FLOAT, d DOUBLE, b BOOL, et BIGINT);

INSERT ALL EVENTS INTO GString
SELECT k, count() AS c, sum(d) AS sd, avg(d) AS ad, min(v) AS mn, last(b) AS lb
FROM Src WINDOW('length', 5) GROUP BY k;

INSERT ALL EVENTS INTO GDouble
SELECT d, count() AS c, sum(v) AS sv, distinctCount(k) AS dk
FROM Src WINDOW('length', 6) GROUP BY d;

INSERT INTO GFloat
SELECT f, count() AS c, maxForever(l) AS mx
FROM Src GROUP BY f;

INSERT INTO GInt
SELECT v, count() AS c, first(k) AS fk
FROM Src GROUP BY v;

INSERT ALL EVENTS INTO GBool
SELECT b, count() AS c, sum(l) AS sl
FROM Src WINDOW('time', 800 MILLISECONDS) GROUP BY b;

INSERT ALL EVENTS INTO GMany
SELECT k, v, d, count() AS c, sum(f) AS sf, min(d) AS mn
FROM Src WINDOW('length', 4) GROUP BY k, v, d;

INSERT INTO GManyBatched
SELECT k, b, count() AS c, avg(l) AS al
FROM Src WINDOW('lengthBatch', 3) GROUP BY k, b HAVING count() > 0 ORDER BY c DESC, k LIMIT 3;

INSERT INTO GBigIntForever
SELECT l, f, count() AS c, stdDev(d) AS sdd
FROM Src GROUP BY l, f;

INSERT ALL EVENTS INTO GExpr
SELECT k, count() AS c
FROM Src WINDOW('timeBatch', 1 SECOND) GROUP BY k, v % 2 = 0;
