-- Output rate limiting: a snapshot of a grouped time window every second,
-- and the last row of every three events.
CREATE STREAM Readings (sensor STRING, temp DOUBLE);

INSERT INTO Snapshot
SELECT sensor, avg(temp) AS avgTemp
FROM Readings WINDOW('time', 5 SECONDS)
GROUP BY sensor
OUTPUT SNAPSHOT EVERY 1 SECOND;

INSERT INTO Sampled
SELECT sensor, temp
FROM Readings
OUTPUT LAST EVERY 3 EVENTS;
