-- Consumer accounts, their real-name identities and the annual cross-border quota (orders module).

create table account (
    id            bigint generated always as identity primary key,
    email         text        not null check (email = lower(email) and length(email) <= 254),
    password_hash text        not null,
    display_name  text        not null check (length(display_name) between 1 and 50),
    created_at    timestamptz not null default now()
);
create unique index account_email_key on account (email);

-- One real-name identity (订购人) per account. The ID number is stored sealed (AES-256-GCM, key id in the value),
-- as an HMAC-SHA256 hash for look-ups and masked for display; never in plain text.
create table buyer_identity (
    account_id       bigint      primary key references account (id) on delete cascade,
    name             text        not null,
    id_number_sealed text        not null,
    id_number_hash   text        not null check (id_number_hash ~ '^[0-9a-f]{64}$'),
    id_number_masked text        not null,
    phone            text        not null,
    registered_at    timestamptz not null default now(),
    updated_at       timestamptz not null default now()
);
create index buyer_identity_id_number_hash on buyer_identity (id_number_hash);

-- One row per order counted toward its buyer's CNY 26,000 a calendar year (Asia/Shanghai). A restored row (customs
-- rejection, cancellation, return) stays as a record but no longer counts.
create table quota_use (
    order_no       text        primary key,
    id_number_hash text        not null check (id_number_hash ~ '^[0-9a-f]{64}$'),
    year           integer     not null,
    amount_fen     bigint      not null check (amount_fen > 0),
    consumed_at    timestamptz not null default now(),
    restored_at    timestamptz,
    restore_cause  text,
    check ((restored_at is null) = (restore_cause is null))
);
create index quota_use_counted on quota_use (id_number_hash, year) include (amount_fen) where restored_at is null;
