-- When the server received each clock, beside when it was clicked: an offline clock keeps its click
-- time as `at` and HR sees both. Earlier clocks get it back from the idempotency journal where it
-- still holds them (14 days); online clocks were received when they were made.
ALTER TABLE clock_records ADD COLUMN received_at INTEGER;
UPDATE clock_records SET received_at = (
  SELECT a.created_at FROM client_actions a
  WHERE a.user_id = clock_records.user_id AND a.method IN ('attendance.clockIn', 'attendance.clockOut')
    AND json_extract(a.response, '$.record.id') = clock_records.id
);
UPDATE clock_records SET received_at = at WHERE received_at IS NULL AND source = 'online';
