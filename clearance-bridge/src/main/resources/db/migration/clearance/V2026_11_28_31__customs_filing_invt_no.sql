-- Release, tax and refund receipts name the filing by customs' list number only. Without an index each of them read
-- the whole table: at 6,000 filings about 28 ms a receipt, and the receipts fell minutes behind.
create index customs_filing_invt_no on customs_filing (invt_no) where invt_no is not null;
