-- Triggers: AT START (fires again on every start, a restart included), AT
-- EVERY and AT CRON, read by queries with and without state.
CREATE STREAM Src (k STRING, v INT, l BIGINT, f FLOAT, d DOUBLE, b BOOL, et BIGINT);
CREATE TRIGGER Begin AT START;
CREATE TRIGGER Tick AT EVERY 700 MILLISECONDS;
CREATE TRIGGER Clock AT CRON '*/3 * * * * ?';

INSERT INTO TBegin SELECT triggered_time AS t FROM Begin;
INSERT INTO TTick SELECT triggered_time AS t, count() AS c FROM Tick WINDOW('length', 2);
INSERT INTO TClock SELECT triggered_time AS t, count() AS c FROM Clock;
INSERT INTO TSrc SELECT k, count() AS c FROM Src WINDOW('time', 1 SECOND) GROUP BY k;
