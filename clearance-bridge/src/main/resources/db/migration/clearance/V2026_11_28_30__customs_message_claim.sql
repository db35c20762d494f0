-- The send step asks, for each due message, whether an earlier message of its filing is still pending. Without an
-- index on just the pending messages that was a scan of them all per claim, and at a few thousand pending messages
-- each claim took about a second (two workers, 187 orders a second).
create index customs_message_pending on customs_message (filing_id, seq) where state = 'PENDING';
