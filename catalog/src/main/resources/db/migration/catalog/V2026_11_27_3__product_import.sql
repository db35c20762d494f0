-- Exhibitor bulk imports of products (CSV, XLSX): one row per uploaded file, progress updated after every batch,
-- and the problems found in its rows. A file-level problem (unreadable file, missing or unknown column) fails the
-- whole import and is kept in product_import.error; a bad row is reported in product_import_error and skipped.
create table product_import (
    id            uuid         primary key,
    exhibitor_id  bigint       not null references exhibitor (id),
    file_name     varchar(255) not null,
    format        varchar(4)   not null check (format in ('CSV', 'XLSX')),
    status        varchar(7)   not null check (status in ('RUNNING', 'DONE', 'FAILED')),
    total_rows    int          not null default 0 check (total_rows >= 0),  -- data rows, without the header
    done_rows     int          not null default 0 check (done_rows >= 0 and done_rows <= total_rows),
    imported      int          not null default 0 check (imported >= 0),
    rejected      int          not null default 0 check (rejected >= 0),
    error         text,                                                   -- the file-level error of a FAILED import
    started_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),                    -- last progress; finds abandoned imports
    finished_at   timestamptz,
    check ((status = 'RUNNING') = (finished_at is null)),
    check (status <> 'FAILED' or error is not null)
);
create index product_import_exhibitor_idx on product_import (exhibitor_id, started_at desc);
create index product_import_running_idx on product_import (updated_at) where status = 'RUNNING';

create table product_import_error (
    id            bigint       generated always as identity primary key,
    import_id     uuid         not null references product_import (id) on delete cascade,
    row_no        int          not null,   -- as a spreadsheet shows it: the header is row 1, the first data row 2
    column_name   varchar(60),             -- null when the problem is the row as a whole
    reason        text         not null
);
create index product_import_error_import_idx on product_import_error (import_id, row_no, id);

-- Account-book item numbers (账册备案料号) for imported 1210 products that have none yet; the demo catalog numbers
-- its own products from 000001, so generated numbers start well above.
create sequence product_item_record_no_seq start with 100000;
