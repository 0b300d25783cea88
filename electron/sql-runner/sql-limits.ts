/** The limits every run of course or learner SQL has, in the lesson and in grading alike. */

/** A query's result is cut off here: enough to check any exercise, small enough for any PC. */
export const MAX_QUERY_RESULT_ROWS = 1000;
/** SQLite's memory limit per run, so one query cannot take all of a 4 GB PC's memory. */
export const SQL_HEAP_LIMIT_BYTES = 128 * 1024 * 1024;
/** How long a run may take before its worker is ended (a recursive CTE, a huge cross join). */
export const SQL_TIME_LIMIT_MS = 5_000;
/**
 * How long a worker may take to start sql.js before the run fails: a fault of the PC or the
 * engine, not the learner's query, so it is not the time limit (a busy PC can take seconds).
 */
export const SQL_ENGINE_START_LIMIT_MS = 60_000;
