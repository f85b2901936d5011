-- Every column type, a table and a trigger: the generated JSON codecs
-- (runtime.JSONApp) are checked against the driver's generic path on it
-- (runtime/driver). Not an example: it exists for the tests.

CREATE STREAM Readings (name STRING, n INT, big BIGINT, f FLOAT, d DOUBLE, ok BOOL);

CREATE TABLE Limits (name STRING PRIMARY KEY, maxN INT);

CREATE TRIGGER Tick AT EVERY 1 SECOND;

-- Every column copied, so the output shows each value as decoded.
INSERT INTO Echo
SELECT name, n, big, f, d, ok
FROM Readings;

-- Derived values: NULL handling, float32 rounding, booleans.
INSERT INTO Derived
SELECT name, n + 1 AS n1, f * 2.0 AS f2, d / 3.0 AS third, NOT ok AS notOk
FROM Readings
WHERE big >= 0;

-- The trigger shows when the clock moves (a rejected row still moves it).
INSERT INTO Ticks
SELECT triggered_time AS at
FROM Tick;
