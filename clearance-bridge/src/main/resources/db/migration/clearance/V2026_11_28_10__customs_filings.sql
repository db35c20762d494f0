-- The customs filing workflow (module clearance-bridge). One filing per paid order; every message the bridge builds is
-- kept exactly as signed, so that a retry sends the same guid and an operator can read what customs received.

create table customs_filing (
    id              bigserial primary key,
    order_no        text        not null unique,
    -- PENDING: to be built and sent; SENT: messages handed to the transport, receipts awaited; the customs states as
    -- receipts report them (DECLARED, ACCEPTED, INSPECTION, DETAINED, RELEASED, REJECTED); DEAD_LETTER: a message
    -- could not be built or validated (an operator corrects and resubmits); CANCELLED: withdrawn (CEB623) or never sent.
    state           text        not null default 'PENDING',
    cop_no          text,
    logistics_no    text,
    invt_no         text,                       -- customs' list number, from the first CEB622 that carries it
    pre_no          text,
    status_code     text,
    status_info     text,
    payment_declared boolean    not null default false,
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    cancel_requested boolean    not null default false,
    return_requested boolean    not null default false,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now()
);
create index customs_filing_state on customs_filing (state, updated_at);
create index customs_filing_due on customs_filing (next_attempt_at) where state = 'PENDING';
create unique index customs_filing_cop_no on customs_filing (cop_no) where cop_no is not null;

create table customs_message (
    guid            text        primary key,
    filing_id       bigint      not null references customs_filing (id),
    order_no        text        not null,
    msg_type        text        not null,
    app_type        text        not null,
    seq             int         not null,
    signed_xml      bytea       not null,
    envelope        bytea       not null,
    -- PENDING (stored, not yet taken by the transport), SENT (the broker confirmed it), SUPERSEDED (a resubmission
    -- replaced it before it left)
    state           text        not null default 'PENDING',
    attempts        int         not null default 0,
    next_attempt_at timestamptz not null default now(),
    last_error      text,
    created_at      timestamptz not null default now(),
    sent_at         timestamptz
);
create index customs_message_due on customs_message (next_attempt_at) where state = 'PENDING';
create index customs_message_filing on customs_message (filing_id, seq);

-- Every receipt that matched a filing, once: customs may send the same receipt twice.
create table customs_receipt (
    receipt_guid    text        not null,
    msg_type        text        not null,
    return_status   text        not null,
    filing_id       bigint      not null references customs_filing (id),
    message_guid    text,
    return_time     text        not null,
    return_info     text        not null,
    source          text        not null,
    received_at     timestamptz not null default now(),
    primary key (receipt_guid, msg_type, return_status)
);
create index customs_receipt_filing on customs_receipt (filing_id, received_at);

-- Receipts that name no filing we know, or that could not be read: kept for operators, never dropped.
create table customs_quarantine (
    id              bigserial primary key,
    source          text        not null,
    reason          text        not null,
    body            bytea       not null,
    received_at     timestamptz not null default now()
);

-- Messages that were never sent because they broke a customs rule or did not validate against the official XSD.
create table customs_dead_letter (
    id              bigserial primary key,
    filing_id       bigint      references customs_filing (id),
    order_nos       text        not null,
    guid            text,
    msg_type        text,
    reason          text        not null,
    problems        text        not null,
    xml             bytea,
    created_at      timestamptz not null default now(),
    resolved_at     timestamptz
);
create index customs_dead_letter_open on customs_dead_letter (created_at) where resolved_at is null;
