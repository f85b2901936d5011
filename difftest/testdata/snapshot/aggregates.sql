-- Every aggregate over every argument type it takes, over windows that
-- remove in arrival order (length: the FIFO min/max), out of it (sort: the
-- ordered multisets) and over no window at all (the forever ones).
CREATE STREAM Src (k STRING, v INT, l BIGINT, f FLOAT, d DOUBLE, b BOOL, et BIGINT);

-- avg(d) reads off sum(d): the plan keeps one running sum for both.
INSERT ALL EVENTS INTO ASums
SELECT count() AS c, count(v) AS cv, count(k) AS ck, sum(v) AS sv, sum(l) AS sl, sum(f) AS sf, sum(d) AS sd,
  avg(v) AS av, avg(l) AS al, avg(f) AS af, avg(d) AS ad, stdDev(d) AS sdd, stdDev(v) AS sdv, stdDev(f) AS sdf
FROM Src WINDOW('length', 4);

INSERT ALL EVENTS INTO AFifo
SELECT min(v) AS mnv, max(v) AS mxv, min(l) AS mnl, max(f) AS mxf, min(d) AS mnd, max(d) AS mxd, min(k) AS mnk, max(k) AS mxk
FROM Src WINDOW('length', 3);

INSERT ALL EVENTS INTO AOrdered
SELECT min(v) AS mnv, max(l) AS mxl, min(f) AS mnf, max(d) AS mxd, min(k) AS mnk, max(k) AS mxk
FROM Src WINDOW('sort', 3, l, 'asc');

INSERT INTO AForever
SELECT minForever(v) AS mnv, maxForever(v) AS mxv, minForever(l) AS mnl, maxForever(f) AS mxf,
  minForever(d) AS mnd, maxForever(d) AS mxd, minForever(k) AS mnk, maxForever(k) AS mxk,
  sum(d) AS sd, avg(d) AS ad, count() AS c
FROM Src;

INSERT ALL EVENTS INTO ADistinct
SELECT distinctCount(k) AS dk, distinctCount(v) AS dv, distinctCount(l) AS dl, distinctCount(f) AS df,
  distinctCount(d) AS dd, distinctCount(b) AS db
FROM Src WINDOW('length', 5);

INSERT ALL EVENTS INTO AFirstLast
SELECT first(k) AS fk, last(k) AS lk, first(v) AS fv, last(v) AS lv, first(l) AS fl, last(l) AS ll,
  first(f) AS ff, last(f) AS lf, first(d) AS fd, last(d) AS ld, first(b) AS fb, last(b) AS lb
FROM Src WINDOW('length', 3);

INSERT ALL EVENTS INTO ABool
SELECT and(b) AS ab, or(b) AS ob, and(v > 0) AS apos, or(d > 1.0) AS obig
FROM Src WINDOW('length', 3);

-- Out of arrival order: first/last under a sort window's removals.
INSERT ALL EVENTS INTO AFirstLastSorted
SELECT first(k) AS fk, last(b) AS lb, first(d) AS fd, distinctCount(d) AS dd
FROM Src WINDOW('sort', 2, v, 'desc');
