-- Units held for orders. stock.reserved is the sum of the HELD rows of a product and warehouse; both are changed in
-- the same transaction as the order that holds them.
create table stock_reservation (
    reference       varchar(40)  not null,
    sku             varchar(40)  not null,
    warehouse_code  varchar(20)  not null,
    quantity        int          not null check (quantity > 0),
    state           varchar(10)  not null default 'HELD' check (state in ('HELD', 'RELEASED', 'CONSUMED')),
    expires_at      timestamptz,
    created_at      timestamptz  not null default now(),
    closed_at       timestamptz,
    primary key (reference, sku, warehouse_code),
    foreign key (sku, warehouse_code) references stock (sku, warehouse_code)
);

create index stock_reservation_expiry on stock_reservation (expires_at) where state = 'HELD' and expires_at is not null;
