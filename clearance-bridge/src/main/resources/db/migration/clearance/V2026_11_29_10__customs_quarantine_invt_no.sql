-- A tax bill (CEB816, CEB818) names only customs' list number. Read before the list receipt that gives a filing that
-- number (receipts are taken on parallel consumers, and customs sends the bill right after the release), it waits here
-- under the number and is applied, and removed, when the number arrives.
alter table customs_quarantine add column invt_no text;
create index customs_quarantine_waiting on customs_quarantine (invt_no) where invt_no is not null;
