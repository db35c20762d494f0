-- Buyers' address books: where their goods may go (收货地址), at most 20 per account, one of them the default that
-- checkout starts from. The limits are Checkout's consignee rules.
create table buyer_address (
    id         bigint generated always as identity primary key,
    account_id bigint      not null references account (id) on delete cascade,
    name       text        not null check (length(name) between 1 and 60),
    phone      text        not null check (phone ~ '^1[3-9][0-9]{9}$'),
    province   text        not null check (length(province) between 1 and 30),
    city       text        not null check (length(city) between 1 and 30),
    district   text        not null check (length(district) between 1 and 30),
    address    text        not null check (length(address) between 1 and 200),
    preferred  boolean     not null default false,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now()
);
create index buyer_address_account on buyer_address (account_id, id);
create unique index buyer_address_one_preferred on buyer_address (account_id) where preferred;
