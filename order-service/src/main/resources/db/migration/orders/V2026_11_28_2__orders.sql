-- Orders as the buyer placed them: a snapshot of every fact the tax, the payment and the customs filing need, so that a
-- later change of a product or of the buyer's identity never changes an order.
create sequence order_number;

create table customer_order (
    order_no               varchar(32)   primary key,
    account_id             bigint        not null,
    idempotency_key        varchar(100),
    request_hash           char(64),
    status                 varchar(20)   not null,
    trade_mode             char(4)       not null check (trade_mode in ('1210', '9610')),
    warehouse_code         varchar(20)   not null,
    buyer_name             varchar(60)   not null,
    buyer_id_sealed        text          not null,
    buyer_id_hash          char(64)      not null,
    buyer_id_masked        varchar(18)   not null,
    buyer_phone            varchar(20)   not null,
    consignee_name         varchar(60)   not null,
    consignee_phone        varchar(20)   not null,
    province               varchar(30)   not null,
    city                   varchar(30)   not null,
    district               varchar(30)   not null,
    address_line           varchar(200)  not null,
    goods_value_fen        bigint        not null check (goods_value_fen > 0),
    freight_fen            bigint        not null check (freight_fen >= 0),
    tax_fen                bigint        not null check (tax_fen >= 0),
    discount_fen           bigint        not null default 0 check (discount_fen >= 0),
    total_fen              bigint        not null check (total_fen > 0),
    tax_rule               varchar(30)   not null,
    currency               char(3)       not null default 'CNY',
    payment_method         varchar(20)   not null,
    payment_intent_id      varchar(100)  unique,
    payment_client_secret  text,
    refund_id              varchar(100),
    refunded_fen           bigint        not null default 0,
    reservation_expires_at timestamptz,
    created_at             timestamptz   not null default now(),
    paid_at                timestamptz,
    released_at            timestamptz,
    updated_at             timestamptz   not null default now(),
    unique (account_id, idempotency_key)
);

create index customer_order_account on customer_order (account_id, created_at desc);
create index customer_order_status on customer_order (status, updated_at);

create table order_line (
    order_no            varchar(32)    not null references customer_order (order_no),
    line_no             int            not null check (line_no between 1 and 999),
    sku                 varchar(40)    not null,
    name_zh             varchar(250)   not null,
    name_en             varchar(250)   not null,
    brand               varchar(100)   not null,
    hs_code             char(10)       not null,
    origin_country      char(3)        not null,
    customs_unit        char(3)        not null,
    legal_unit          char(3)        not null,
    legal_quantity      numeric(19, 5) not null,
    net_weight_kg       numeric(19, 5) not null,
    gross_weight_kg     numeric(19, 5) not null,
    item_record_no      varchar(30),
    barcode             varchar(50),
    quantity            int            not null check (quantity > 0),
    unit_price_fen      bigint         not null check (unit_price_fen > 0),
    value_fen           bigint         not null,
    freight_share_fen   bigint         not null,
    tax_fen             bigint         not null,
    vat_rate            numeric(6, 4)  not null,
    consumption_tax_rate numeric(6, 4) not null,
    tariff_rate         numeric(6, 4)  not null,
    primary key (order_no, line_no)
);

-- Every change of status with its time and cause: the order's history, in order.
create table order_transition (
    id          bigserial     primary key,
    order_no    varchar(32)   not null references customer_order (order_no),
    from_status varchar(20),
    to_status   varchar(20)   not null,
    cause       varchar(500)  not null,
    at          timestamptz   not null default now()
);

create index order_transition_order on order_transition (order_no, id);

-- Stripe events already handled: a webhook delivered twice is handled once.
create table stripe_event (
    id          varchar(100)  primary key,
    type        varchar(60)   not null,
    received_at timestamptz   not null default now()
);
