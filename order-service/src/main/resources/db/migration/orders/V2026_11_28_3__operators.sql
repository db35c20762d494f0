-- Operators (the operations console, the warehouse confirming returns, customs filings) are accounts with this flag.
alter table account add column operator boolean not null default false;
