-- Triggers: a periodic one counted in pairs, and one fired at start.
CREATE TRIGGER Tick AT EVERY 1 SECOND;
CREATE TRIGGER Boot AT START;

INSERT INTO Beats
SELECT triggered_time, count() AS n
FROM Tick WINDOW('lengthBatch', 2);

INSERT INTO Started
SELECT triggered_time AS at
FROM Boot;
