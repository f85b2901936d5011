-- Every window kind, each over rows of every column type (so its events
-- carry them all into the snapshot), with ALL EVENTS to show expiries.
-- (Streams are named ...Out: LengthBatch would clash with SendLength's
-- Batch variant in generated code.)
CREATE STREAM Src (k STRING, v INT, l BIGINT, f FLOAT, d DOUBLE, b BOOL, et BIGINT);

INSERT ALL EVENTS INTO LengthOut
SELECT k, v, l, f, d, b, count() AS n, sum(v) AS sv FROM Src WINDOW('length', 3);

INSERT ALL EVENTS INTO LengthBatchOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('lengthBatch', 3);

INSERT ALL EVENTS INTO TimeOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('time', 700 MILLISECONDS);

INSERT ALL EVENTS INTO TimeBatchOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('timeBatch', 1 SECOND);

INSERT ALL EVENTS INTO HopOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('hop', 1 SECOND, 400 MILLISECONDS);

INSERT ALL EVENTS INTO TimeLengthOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('timeLength', 900 MILLISECONDS, 2);

INSERT ALL EVENTS INTO BatchOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('batch');

INSERT ALL EVENTS INTO DelayOut
SELECT k, v, l, f, d, b FROM Src WINDOW('delay', 300 MILLISECONDS);

INSERT ALL EVENTS INTO ExternalTimeOut
SELECT k, v, l, f, d, b, et, count() AS n FROM Src WINDOW('externalTime', et, 1 SECOND);

INSERT ALL EVENTS INTO ExternalTimeBatchOut
SELECT k, v, l, f, d, b, et, count() AS n FROM Src WINDOW('externalTimeBatch', et, 1 SECOND);

INSERT ALL EVENTS INTO SessionOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('session', 500 MILLISECONDS);

INSERT ALL EVENTS INTO SessionKeyedOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('session', 400 MILLISECONDS, k);

INSERT ALL EVENTS INTO SessionLatencyOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('session', 400 MILLISECONDS, k, 300 MILLISECONDS);

INSERT ALL EVENTS INTO SortOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('sort', 3, d, 'desc', k);

INSERT ALL EVENTS INTO UniqueOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('unique', k);

INSERT ALL EVENTS INTO FirstUniqueOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('firstUnique', k, b);

INSERT ALL EVENTS INTO FrequentOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('frequent', 2, k);

INSERT ALL EVENTS INTO LossyFrequentOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('lossyFrequent', 0.3, 0.1, k);

INSERT ALL EVENTS INTO CronOut
SELECT k, v, l, f, d, b, count() AS n FROM Src WINDOW('cron', '*/2 * * * * ?');
